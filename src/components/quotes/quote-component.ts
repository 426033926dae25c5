import type { Doc } from '../../doc/doc.js';
import type { ActorRecord, QuoteRecord } from '../../doc/records.js';
import { hasOffsets, makeSpan, type Span } from '../../doc/span.js';
import { defineComponent } from '../../pipeline/component.js';
import { findCandidates, type Candidate } from './candidates.js';
import { findChannel } from './channels.js';
import { quoteLexicon } from './lexicon.js';
import { quoteModel, scoreCandidate, type QuoteModel } from './model.js';

/**
 * The `quotes` component: every attribution in an article with its kind, content, cue, source,
 * speaker (an actor id, through coreference), and the channel the words came through.
 */

const PRONOUN_SOURCE = /^(he|she|they|him|her|them|his|their|i|we|it)$/i;

interface MentionRef {
  readonly start: number;
  readonly end: number;
  readonly actor: ActorRecord;
}

/** Actor mentions in text order, from the `actors` layer when it is there. */
function actorMentions(doc: Doc): MentionRef[] {
  const actors = doc.maybe('actors') ?? [];
  const out: MentionRef[] = [];
  for (const a of actors) for (const m of a.mentions) out.push({ start: m.start, end: m.end, actor: a });
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

function bestOverlap(mentions: readonly MentionRef[], start: number, end: number): MentionRef | undefined {
  let best: MentionRef | undefined;
  let bestLen = 0;
  // Mentions are sorted by start; none longer than 200 characters starts far before `start`.
  let a = 0;
  let b = mentions.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (mentions[m]!.start < start - 200) a = m + 1;
    else b = m;
  }
  for (let k = a; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.start >= end) break;
    const len = Math.min(end, m.end) - Math.max(start, m.start);
    if (len > bestLen || (len === bestLen && best && m.actor.kind === 'person' && best.actor.kind !== 'person')) {
      best = m;
      bestLen = len;
    }
  }
  return bestLen > 0 ? best : undefined;
}

export interface QuoteOptions {
  /** Keep candidates the model scores at or above this (default: the model's own threshold). */
  readonly threshold?: number;
  /** Use the trained scorer (default true where `data/models/quotes.json` exists). */
  readonly model?: QuoteModel | null;
}

export function quotesFor(doc: Doc, opts: QuoteOptions = {}): QuoteRecord[] {
  const tokens = doc.tokens;
  if (!tokens) return [];
  const lex = quoteLexicon();
  const text = doc.text;
  const set = findCandidates({
    text,
    tokens,
    sentences: doc.maybe('sentences') ?? [],
    paragraphs: textRegions(doc),
    isIgnored: (s, e) => doc.isIgnored(s, e),
    lexicon: lex,
  });
  const model = opts.model === undefined ? quoteModel() : opts.model;
  const threshold = opts.threshold ?? model?.threshold ?? 0;
  const directThreshold = opts.threshold ?? model?.directThreshold ?? threshold;
  const cands = set.candidates;
  // Score top-level candidates; continued, interrupted and partial parts follow their parent.
  const score = new Float64Array(cands.length);
  for (let c = 0; c < cands.length; c++) {
    const cand = cands[c]!;
    score[c] = cand.parent !== undefined ? score[cand.parent]! : model ? scoreCandidate(model, cand, set, text, tokens) : ruleConfidence(cand);
  }
  const mentions = actorMentions(doc);
  const personIds = new Set(mentions.filter((m) => m.actor.kind === 'person').map((m) => m.actor.id));
  const records: { rec: Omit<QuoteRecord, 'id'>; start: number }[] = [];
  const speakerOf = new Map<number, string | undefined>();
  let lastPersonSpeaker: string | undefined;
  for (let c = 0; c < cands.length; c++) {
    const cand = cands[c]!;
    const root = cand.parent !== undefined ? cands[rootOf(cands, c)]! : cand;
    if (score[c]! < (root.kind === 'direct' || root.kind === 'mixed' ? directThreshold : threshold)) continue;
    const source = cand.source ? makeSpan(text, cand.source[0], cand.source[1]) : undefined;
    let speaker: string | undefined;
    if (cand.parent !== undefined && speakerOf.has(cand.parent)) speaker = speakerOf.get(cand.parent);
    else if (source) {
      speaker = bestOverlap(mentions, source.start, source.end)?.actor.id;
      if (!speaker && /^(who|which|that)$/i.test(source.text)) {
        // "Jane Doe, who said …": the phrase just before the relative pronoun.
        let near: MentionRef | undefined;
        for (const m of mentions) if (m.end <= source.start && source.start - m.end < 40) near = m;
        speaker = near?.actor.id;
      }
      if (!speaker && PRONOUN_SOURCE.test(source.text.trim()) && mentions.length) {
        // No coreference for this pronoun: the nearest earlier person.
        speaker = nearestPersonBefore(mentions, source.start) ?? lastPersonSpeaker;
      }
    }
    speakerOf.set(c, speaker);
    if (speaker && personIds.has(speaker)) lastPersonSpeaker = speaker;
    const channel = channelFor(doc, cand);
    const via = channel ? bestOverlap(mentions, channel.start, channel.end)?.actor.id : undefined;
    const rec: Omit<QuoteRecord, 'id'> = {
      kind: cand.kind,
      content: makeSpan(text, cand.content[0], cand.content[1]),
      ...(cand.cue[1] > cand.cue[0] ? { cue: makeSpan(text, cand.cue[0], cand.cue[1]) } : {}),
      ...(source ? { source } : {}),
      ...(speaker ? { speaker } : {}),
      ...(via && via !== speaker ? { via } : {}),
      ...(channel ? { viaSpan: makeSpan(text, channel.start, channel.end) } : {}),
      confidence: Math.round(Math.min(1, Math.max(0, score[c]!)) * 1000) / 1000,
      rule: cand.rule,
    };
    records.push({ rec, start: cand.content[0] });
  }
  records.sort((a, b) => a.start - b.start);
  return records.map((r, i) => ({ id: `q${i + 1}`, ...r.rec }));
}

function rootOf(cands: readonly Candidate[], c: number): number {
  let r = c;
  while (cands[r]!.parent !== undefined) r = cands[r]!.parent!;
  return r;
}

/** Paragraphs plus the headline and key points when they lie in the text (quotes and "Name: words" lines live there too). */
function textRegions(doc: Doc): Span[] {
  const out: Span[] = [...(doc.maybe('paragraphs') ?? [])];
  const m = doc.meta;
  for (const x of [m.headline, m.dateline, ...m.keyPoints]) {
    if (x && hasOffsets(x) && !out.some((p) => p.start < x.end && x.start < p.end)) out.push(x);
  }
  return out.sort((a, b) => a.start - b.start);
}

function nearestPersonBefore(mentions: readonly MentionRef[], at: number): string | undefined {
  let best: MentionRef | undefined;
  for (const m of mentions) {
    if (m.end > at) break;
    if (m.actor.kind === 'person') best = m;
  }
  return best?.actor.id;
}

/** Channel phrases near the cue: after it up to the content or the sentence end. */
function channelFor(doc: Doc, cand: Candidate): { start: number; end: number; rule: string } | undefined {
  const text = doc.text;
  const from = Math.min(cand.cue[0], cand.source ? cand.source[0] : cand.cue[0]);
  let to: number;
  if (cand.content[0] > cand.cue[0]) to = cand.content[0];
  else {
    to = text.length;
    const sents = doc.maybe('sentences') ?? [];
    for (const s of sents) if (s.start <= cand.cue[0] && cand.cue[0] < s.end) to = s.end;
    const nextQuote = text.slice(cand.cue[1], to).search(/[“"«]/);
    if (nextQuote >= 0) to = cand.cue[1] + nextQuote;
  }
  if (to <= from || to - from > 400) return undefined;
  return findChannel(text, from, to, quoteLexicon());
}

/** Confidence of a rule-made candidate when no trained scorer is loaded. */
function ruleConfidence(c: Candidate): number {
  if (c.kind === 'direct') return c.rule === 'direct-continued' ? 0.75 : 0.9;
  if (c.rule.startsWith('according-to')) return 0.8;
  return c.source ? (c.sourceFar ? 0.55 : 0.7) : 0.4;
}

export const quotesComponent = defineComponent(
  { name: 'quotes', version: '0.2.0', requires: ['tokens', 'sentences', 'paragraphs', 'actors'], assigns: ['quotes'] },
  (doc) => doc.set('quotes', quotesFor(doc)),
);

export type { Span };
