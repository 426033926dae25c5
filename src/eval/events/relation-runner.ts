import type { Convention } from '../../components/events/cameo-table.js';
import { classifyRelation, type RelationDecision } from '../../components/events/relation.js';
import { tokenRange, toksOfText, type Toks } from '../../components/events/sentence-tokens.js';
import type { RelationRow } from './plv-data.js';

/** The 15 PLV classes: CONCEDE and RETREAT are one class, YIELD. */
export const PLV_LABELS = [
  'AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'YIELD', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

export function toPlvLabel(type: string): string {
  return type === 'CONCEDE' || type === 'RETREAT' ? 'YIELD' : type;
}

export interface PreparedRow {
  readonly row: RelationRow;
  readonly toks: Toks;
  readonly s: [number, number];
  readonly t: [number, number];
}

export function prepareRow(row: RelationRow): PreparedRow {
  const toks = toksOfText(row.sentence);
  const sr = row.sourceRange;
  const tr = row.targetRange;
  // An implicit argument is an empty range: the source before the sentence, the target after it.
  const s: [number, number] = sr ? tokenRange(toks, sr[0], sr[1]) : [0, 0];
  const t: [number, number] = tr ? tokenRange(toks, tr[0], tr[1]) : [toks.n, toks.n];
  return { row, toks, s, t };
}

export function ruleDecision(p: PreparedRow, convention: Convention): RelationDecision {
  return classifyRelation(p.toks, p.s, p.t, { convention });
}
