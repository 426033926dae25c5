import type { Doc } from '../../doc/doc.js';
import type { KeyPointRecord } from '../../doc/records.js';
import { hasOffsets, overlaps, type Span } from '../../doc/span.js';
import { defineComponent } from '../../pipeline/component.js';
import { toWording, type Wording } from '../statements/wording.js';

export const MAX_KEY_POINTS = 7;

interface Candidate {
  readonly span: Span;
  readonly wording: Wording;
  score: number;
}

/** Content words of a wording shared with another, over the smaller set. */
function redundancy(a: Wording, b: Wording): number {
  let inter = 0;
  for (const w of a.set) if (b.set.has(w)) inter++;
  return inter / Math.max(1, Math.min(a.set.size, b.set.size));
}

/**
 * Picks up to seven sentences of the body that carry the article's main events and positions:
 * each sentence scores for the events, quotes and salient actors it holds and for coming early,
 * and a sentence that repeats one already picked is passed over. Events count where the events
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
    let score = 0;
    for (const e of events) if (overlaps(e.trigger, s)) score += e.negated ? 0.5 : e.modality === 'asserted' ? 2 : 1.2;
    for (const q of quotes) if (overlaps(q.content, s)) score += q.kind === 'direct' ? 0.8 : 1.2;
    const seen = new Set<string>();
    for (const { m, actor } of mentionSpans) if (overlaps(m, s) && !seen.has(actor)) seen.add(actor);
    for (const a of seen) score += Math.min(1.5, Math.log2(1 + (salience.get(a) ?? 0)) / 2);
    score += i === 0 ? 2 : Math.max(0, 1 - i / Math.max(8, body.length));
    // Long quote-only sentences read poorly as key points.
    if (s.text.length > 260) score -= 1;
    return { span: s, wording: toWording(s.text), score };
  });
  const picked: Candidate[] = [];
  for (const c of [...cands].sort((a, b) => b.score - a.score)) {
    if (picked.length >= max) break;
    if (c.score <= 0.5) break;
    if (picked.some((p) => redundancy(p.wording, c.wording) >= 0.6)) continue;
    picked.push(c);
  }
  return picked.sort((a, b) => a.span.start - b.span.start).map((c) => ({ text: c.span.text.replace(/\s+/g, ' ').trim(), evidence: [c.span] }));
}

export const briefComponent = defineComponent(
  { name: 'brief', version: '0.1.0', requires: ['sentences', 'actors', 'quotes'], assigns: ['keyPoints'] },
  (doc: Doc) => doc.set('keyPoints', briefOf(doc)),
);
