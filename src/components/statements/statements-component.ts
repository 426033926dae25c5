import type { Doc } from '../../doc/doc.js';
import type { QuoteRecord, StatementRecord } from '../../doc/records.js';
import { defineComponent } from '../../pipeline/component.js';
import { sameStatement, toWording, type Wording } from './wording.js';

/** Which wording of a statement stands for it: direct over partial, then the longest, then the earliest. */
export function canonicalQuote(quotes: readonly QuoteRecord[]): QuoteRecord {
  const rank = (q: QuoteRecord) => (q.kind === 'direct' ? 3 : q.kind === 'mixed' ? 2 : q.kind === 'indirect' ? 1 : 0);
  return [...quotes].sort((a, b) => rank(b) - rank(a) || b.content.text.length - a.content.text.length || a.content.start - b.content.start)[0]!;
}

/**
 * Groups the quotes of one speaker that say the same thing — verbatim repeats, a prefix of a longer
 * quote, another translation or a paraphrase — into statements. Every quote belongs to exactly one
 * statement; quotes without a resolved speaker stay alone.
 */
export function groupStatements(quotes: readonly QuoteRecord[]): StatementRecord[] {
  const parent = quotes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const wordings: Wording[] = quotes.map((q) => toWording(q.content.text));
  for (let i = 0; i < quotes.length; i++) {
    const a = quotes[i]!;
    if (!a.speaker) continue;
    for (let j = i + 1; j < quotes.length; j++) {
      const b = quotes[j]!;
      if (b.speaker !== a.speaker) continue;
      if (find(i) === find(j)) continue;
      if (sameStatement(wordings[i]!, wordings[j]!)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, QuoteRecord[]>();
  quotes.forEach((q, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(q);
    else groups.set(r, [q]);
  });
  let n = 0;
  return [...groups.values()].map((members) => ({
    id: `s${++n}`,
    ...(members[0]!.speaker ? { speaker: members[0]!.speaker } : {}),
    quotes: members.map((q) => q.id),
    canonical: canonicalQuote(members).id,
  }));
}

export const statementsComponent = defineComponent(
  { name: 'statements', version: '0.1.0', requires: ['quotes'], assigns: ['statements'] },
  (doc: Doc) => doc.set('statements', groupStatements(doc.get('quotes'))),
);
