import type { Doc } from '../../doc/doc.js';
import type { KeyPointRecord } from '../../doc/records.js';
import { hasOffsets, overlaps, type Span } from '../../doc/span.js';
import { defineComponent } from '../../pipeline/component.js';
import { toWording, type Wording } from '../statements/wording.js';

export const MAX_KEY_POINTS = 7;

interface Candidate {
  readonly span: Span;
  readonly wording: Wording;
  /** Events, quotes and position: what the sentence is worth on its own. */
  readonly base: number;
  /** Salience weight of each actor the sentence names. */
  readonly actors: ReadonlyMap<string, number>;
}

/** Content words of a wording shared with another, over the smaller set. */
function redundancy(a: Wording, b: Wording): number {
  let inter = 0;
  for (const w of a.set) if (b.set.has(w)) inter++;
  return inter / Math.max(1, Math.min(a.set.size, b.set.size));
}

/**
 * Picks up to seven sentences of the body that carry the article's main events and positions:
 * each sentence scores for the events and quotes it holds, for coming early, and for the salient
 * actors it names that the brief does not name yet; a sentence that repeats one already picked is
 * passed over. Events count where the events
 * component ran before it. The article's own summary block,
 * headline and headings are not candidates, so the brief is made from the body alone.
 */
export function briefOf(doc: Doc, max = MAX_KEY_POINTS): KeyPointRecord[] {
  const sentences = doc.maybe('sentences') ?? [];
  const actors = doc.maybe('actors') ?? [];
  const quotes = doc.maybe('quotes') ?? [];
  const events = doc.maybe('events') ?? [];
  const meta = doc.meta;
  const excluded: Span[] = [...meta.keyPoints, ...meta.sections, ...(meta.headline ? [meta.headline] : []), ...(meta.publishedSpan ? [meta.publishedSpan] : [])].filter(hasOffsets);
  const salience = new Map<string, number>();
  for (const a of actors) salience.set(a.id, a.mentions.length);
  const mentionSpans = actors.flatMap((a) => a.mentions.map((m) => ({ m, actor: a.id })));
  const body = sentences.filter((s) => !doc.isIgnored(s.start, s.end) && !excluded.some((e) => overlaps(e, s)) && s.text.length >= 40);
  const cands: Candidate[] = body.map((s, i) => {
    let base = 0;
    for (const e of events) if (overlaps(e.trigger, s)) base += e.negated ? 0.5 : e.modality === 'asserted' ? 2 : 1.2;
    for (const q of quotes) if (overlaps(q.content, s)) base += q.kind === 'direct' ? 0.8 : 1.2;
    base += i === 0 ? 2 : Math.max(0, 1 - i / Math.max(8, body.length));
    // Long quote-only sentences read poorly as key points.
    if (s.text.length > 260) base -= 1;
    const named = new Map<string, number>();
    for (const { m, actor } of mentionSpans) if (overlaps(m, s)) named.set(actor, Math.min(1.5, Math.log2(1 + (salience.get(actor) ?? 0)) / 2));
    return { span: s, wording: toWording(s.text), base, actors: named };
  });
  // Greedy selection by marginal gain: an actor the brief already names adds a quarter of its weight,
  // so the points spread over the article's actors; a sentence repeating a picked one is passed over.
  const covered = new Set<string>();
  const gain = (c: Candidate) => {
    let g = c.base;
    for (const [a, w] of c.actors) g += covered.has(a) ? w / 4 : w;
    return g;
  };
  const picked: Candidate[] = [];
  const left = new Set(cands);
  while (picked.length < max && left.size) {
    let best: Candidate | undefined;
    let bestGain = 0.5;
    for (const c of left) {
      const g = gain(c);
      if (g > bestGain) [best, bestGain] = [c, g];
    }
    if (!best) break;
    left.delete(best);
    if (picked.some((p) => redundancy(p.wording, best!.wording) >= 0.6)) continue;
    picked.push(best);
    for (const a of best.actors.keys()) covered.add(a);
  }
  const full = fullNames(doc);
  const firstSeen = new Set<string>();
  return picked
    .sort((a, b) => a.span.start - b.span.start)
    .map((c) => ({ text: expandMentions(doc.text, c.span, mentionSpans, full, firstSeen).replace(/\s+/g, ' ').trim(), evidence: [c.span] }));
}

const PRONOUN = /^(he|she|they|him|her|them|his|hers|their|it|its)$/i;

/** Each person's or body's fullest name in the article ("Italian Prime Minister Giorgia Meloni"). */
function fullNames(doc: Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of doc.maybe('actors') ?? []) {
    const named = a.mentions.map((m) => m.text).filter((t) => /^\p{Lu}/u.test(t) && !PRONOUN.test(t) && !/[’']s$/.test(t));
    const best = named.sort((x, y) => y.length - x.length)[0];
    if (best && best.length <= 80) out.set(a.id, best);
  }
  return out;
}

/**
 * The sentence as a key point: the first time the brief names an actor it uses the fullest name the
 * article gives ("Meloni said" → "Italian Prime Minister Giorgia Meloni said"; "he said" → the name),
 * so each point reads on its own. The evidence span keeps the sentence exactly as written.
 */
function expandMentions(
  text: string,
  span: Span,
  mentions: readonly { m: Span; actor: string }[],
  full: ReadonlyMap<string, string>,
  firstSeen: Set<string>,
): string {
  const inside = mentions.filter(({ m }) => m.start >= span.start && m.end <= span.end).sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end);
  let out = '';
  let at = span.start;
  for (const { m, actor } of inside) {
    if (m.start < at) continue;
    const name = full.get(actor);
    const seen = firstSeen.has(actor);
    firstSeen.add(actor);
    if (!name || seen || m.text === name || name.includes(m.text) === false && !PRONOUN.test(m.text)) continue;
    const possessive = /^(his|her|its|their)$/i.test(m.text);
    if (PRONOUN.test(m.text) && !/^(he|she|his|her)$/i.test(m.text)) continue;
    let replacement = possessive ? `${name}’s` : name;
    if (m.start === span.start) replacement = replacement[0]!.toUpperCase() + replacement.slice(1);
    else if (/^the /i.test(replacement)) replacement = `t${replacement.slice(1)}`;
    out += text.slice(at, m.start) + replacement;
    at = m.end;
  }
  return out + text.slice(at, span.end);
}

export const briefComponent = defineComponent(
  { name: 'brief', version: '0.1.0', requires: ['sentences', 'actors', 'quotes'], assigns: ['keyPoints'] },
  (doc: Doc) => doc.set('keyPoints', briefOf(doc)),
);
