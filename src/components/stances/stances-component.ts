import type { Doc } from '../../doc/doc.js';
import type { ActorRecord, QuoteRecord, StanceRecord, StanceValue } from '../../doc/records.js';
import type { Span } from '../../doc/span.js';
import { defineComponent, type RunContext } from '../../pipeline/component.js';
import { findDates, nearestDate } from '../dates/resolve-dates.js';
import { mentionsIssue, shippedIssues, type Issue } from './issues.js';
import { findCues, isConditional, isHedged } from './stance-cues.js';

/** One passage that shows an actor's position: a quote, or a clause that reports it. */
export interface StanceUnit {
  readonly actor: string;
  /** The passage the cues are read from. */
  readonly span: Span;
  /** The text in which the issue must be mentioned (the passage's sentence for short quotes). */
  readonly scope: string;
  readonly date?: string;
  readonly position: number;
}

interface Reading {
  readonly value: 'support' | 'oppose' | 'negated' | 'none';
  readonly conditional: boolean;
  readonly hedged: boolean;
}

/** Which way a passage points: its cues, negation, conditions and hedges. */
export function readPassage(text: string): Reading {
  const cues = findCues(text);
  let support = 0;
  let oppose = 0;
  let negated = 0;
  for (const c of cues) {
    if (c.polarity === 'support') {
      if (c.negated) negated++;
      else support++;
    } else if (c.negated) support++;
    else oppose++;
  }
  const value = negated && !oppose ? 'negated' : oppose > support ? 'oppose' : support ? 'support' : oppose ? 'oppose' : 'none';
  return { value, conditional: isConditional(text), hedged: isHedged(text) };
}

/** Combines the readings of one actor's passages on one issue into a stance. */
export function combine(readings: readonly Reading[]): StanceValue | undefined {
  const has = (v: Reading['value']) => readings.some((r) => r.value === v);
  if (has('negated') && !has('oppose')) return 'neutral';
  if (has('support') && has('oppose')) return 'neutral';
  if (has('support')) {
    const sup = readings.filter((r) => r.value === 'support');
    if (sup.every((r) => r.conditional)) return 'conditional';
    if (sup.every((r) => r.hedged)) return 'neutral';
    return 'support';
  }
  if (has('oppose')) return 'oppose';
  return undefined;
}

const SPEECH = /^(say|said|says|saying|state|stated|states|stating|suggest|suggested|suggests|suggesting|tell|told|tells|add|added|adds|adding|argue|argued|insist|insisted|stress|stressed|warn|warned|note|noted|claim|claimed|write|wrote|declare|declared|announce|announced|emphasise|emphasised|emphasize|emphasized|echo|echoed|echoing|describe|described|believe|believes|believed|think|thinks)$/i;
const PREPOSITIONS = new Set(['with', 'to', 'by', 'of', 'on', 'for', 'from', 'against', 'in', 'at', 'about', 'toward', 'towards', 'into', 'between', 'among', 'over', 'after', 'before']);

interface MentionRef {
  readonly start: number;
  readonly end: number;
  readonly actor: string;
}

function mentionRefs(actors: readonly ActorRecord[]): MentionRef[] {
  const refs: MentionRef[] = [];
  for (const a of actors) for (const m of a.mentions) refs.push({ start: m.start, end: m.end, actor: a.id });
  return refs.sort((x, y) => x.start - y.start);
}

function lastWord(text: string, from: number, to: number): string {
  const m = /([\p{L}’']+)\W*$/u.exec(text.slice(from, to));
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Who holds the position a cue at `at` expresses: the nearest actor mention before it in its clause
 * that is not the object of a preposition; through a speech verb ("X said that the EU should …")
 * the speaker; in a clause without a subject of its own ("…, but has not called for …") the
 * sentence's first subject. Conjoined subjects ("X and Y expressed …") all hold it.
 */
export function holdersOf(text: string, sentence: Span, at: number, mentions: readonly MentionRef[]): string[] {
  const inSentence = mentions.filter((m) => m.start >= sentence.start && m.end <= at);
  const subjectLike = (m: MentionRef) => !PREPOSITIONS.has(lastWord(text, sentence.start, m.start));
  const clauseStart = (() => {
    const head = text.slice(sentence.start, at);
    let best = 0;
    for (const m of head.matchAll(/[;:]|,?\s+but\s+|,\s+while\s+|,\s+whereas\s+/g)) best = m.index! + m[0].length;
    return sentence.start + best;
  })();
  const speechBefore = (from: number, to: number) => [...text.slice(from, to).matchAll(/[\p{L}]+/gu)].some((w) => SPEECH.test(w[0]));
  const firstSubject = () => inSentence.find(subjectLike);
  let candidates = inSentence.filter((m) => m.start >= clauseStart && subjectLike(m));
  // Through a speech verb, the position is the speaker's.
  if (candidates.length) {
    const nearest = candidates[candidates.length - 1]!;
    if (speechBefore(clauseStart, nearest.start)) {
      const speakerSide = candidates.filter((m) => m.end <= nearest.start && speechBefore(m.end, nearest.start));
      const speaker = speakerSide[speakerSide.length - 1] ?? (clauseStart > sentence.start ? firstSubject() : undefined);
      if (speaker) candidates = [speaker];
    }
  } else {
    const first = firstSubject();
    candidates = first ? [first] : [];
  }
  if (!candidates.length) return [];
  const nearest = candidates[candidates.length - 1]!;
  const holders = [nearest.actor];
  // "X and Y …": walk back over conjuncts.
  let cur = nearest;
  for (let i = inSentence.indexOf(cur) - 1; i >= 0; i--) {
    const prev = inSentence[i]!;
    const between = text.slice(prev.end, cur.start);
    if (/^\s*(,|and|,\s*and)\s*$/.test(between)) {
      holders.unshift(prev.actor);
      cur = prev;
    } else if (prev.end > cur.start) continue;
    else break;
  }
  return [...new Set(holders)];
}

function sentenceAt(sentences: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo];
  return s && s.start <= offset ? s : undefined;
}

/**
 * The passages of a Doc that show actors' positions, each dated by the date expression nearest its
 * cue ("said earlier this month", "Macron's December statement") where the text gives one.
 */
export function stanceUnits(doc: Doc): StanceUnit[] {
  const text = doc.text;
  const sentences = doc.maybe('sentences') ?? [];
  const actors = doc.maybe('actors') ?? [];
  const quotes: readonly QuoteRecord[] = doc.maybe('quotes') ?? [];
  const published = doc.meta.published;
  const mentions = mentionRefs(actors);
  const units: StanceUnit[] = [];
  const inQuote = (start: number, end: number) => quotes.find((q) => q.content.start <= start && end <= q.content.end);

  // Quotes: the speaker's own words.
  for (const q of quotes) {
    if (!q.speaker) continue;
    const sent = sentenceAt(sentences, q.content.start);
    const short = q.kind !== 'direct' || q.content.text.length < 40;
    const scope = short && sent ? text.slice(Math.min(sent.start, q.content.start), Math.max(sent.end, q.content.end)) : q.content.text;
    const cueSide = q.cue ? sentenceAt(sentences, q.cue.start) : sent;
    const at = q.cue?.start ?? q.content.start;
    const date = cueSide
      ? nearestDate(
          findDates(text, published, cueSide.start, cueSide.end).filter((d) => d.end <= q.content.start || d.start >= q.content.end),
          at,
          cueSide.start,
          cueSide.end,
        )?.value
      : undefined;
    units.push({ actor: q.speaker, span: short && sent ? sent : q.content, scope, position: q.content.start, ...(date ? { date } : {}) });
  }
  // Reported positions: cues outside quotes, held by the clause's subject.
  for (const s of sentences) {
    if (doc.isIgnored(s.start, s.end)) continue;
    const stext = text.slice(s.start, s.end);
    const cues = findCues(stext);
    const dates = cues.length ? findDates(text, published, s.start, s.end) : [];
    for (const cue of cues) {
      const at = s.start + cue.start;
      if (inQuote(at, s.start + cue.end)) continue;
      for (const actor of holdersOf(text, s, at, mentions)) {
        const date = nearestDate(dates, at, s.start, s.end)?.value;
        units.push({ actor, span: s, scope: stext, position: at, ...(date ? { date } : {}) });
      }
    }
  }
  return units;
}

/** Where each actor stands on each issue the article touches, with evidence and the date it was stated. */
export function findStances(doc: Doc, issues: readonly Issue[]): StanceRecord[] {
  const units = stanceUnits(doc);
  const published = doc.meta.published;
  const out: StanceRecord[] = [];
  for (const issue of issues) {
    const byActor = new Map<string, StanceUnit[]>();
    for (const u of units) {
      if (!mentionsIssue(issue, u.scope)) continue;
      const list = byActor.get(u.actor);
      if (list) list.push(u);
      else byActor.set(u.actor, [u]);
    }
    for (const [actor, list] of byActor) {
      const readings = list.map((u) => readPassage(u.scope));
      const stance = combine(readings);
      if (!stance) continue;
      const seen = new Set<string>();
      const evidence = list
        .filter((_, i) => readings[i]!.value !== 'none')
        .map((u) => u.span)
        .filter((sp) => (seen.has(`${sp.start}:${sp.end}`) ? false : (seen.add(`${sp.start}:${sp.end}`), true)));
      const dated = list.filter((u, i) => u.date && readings[i]!.value !== 'none').map((u) => u.date!);
      const date = dated.sort().at(-1) ?? published?.slice(0, 10);
      out.push({ actor, issue: issue.id, stance, evidence, ...(date ? { date } : {}) });
    }
  }
  return out;
}

export const stancesComponent = defineComponent(
  { name: 'stances', version: '0.1.0', requires: ['sentences', 'actors', 'quotes'], assigns: ['stances'] },
  (doc: Doc, ctx: RunContext) => doc.set('stances', findStances(doc, ctx.resources.issues ?? shippedIssues())),
);
