import type { Doc } from '../../doc/doc.js';
import { makeSpan, type Span } from '../../doc/span.js';
import { posIndex, TokenTable } from '../../doc/tokens.js';
import { defineComponent } from '../../pipeline/component.js';
import { wink } from './wink.js';

/** Tokens with POS and lemmas (wink-nlp), with character offsets rebuilt, and sentences. */
export function segmentDoc(doc: Doc): void {
  const nlp = wink();
  const its = nlp.its;
  const text = doc.text;
  const wd = nlp.readDoc(text);
  const values = wd.tokens().out(its.value) as string[];
  const tags = wd.tokens().out(its.pos) as string[];
  // wink's typings declare lemma with a different signature than `out` accepts; it works at run time.
  const lemmas = wd.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const starts: number[] = [];
  const ends: number[] = [];
  const pos: number[] = [];
  const lem: string[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (tags[i] === 'SPACE') continue;
    const at = text.indexOf(v, cursor);
    if (at < 0) continue;
    starts.push(at);
    ends.push(at + v.length);
    pos.push(posIndex(tags[i]!));
    lem.push(lemmas[i]!);
    cursor = at + v.length;
  }
  doc.tokens = new TokenTable(text, Int32Array.from(starts), Int32Array.from(ends), Uint8Array.from(pos), lem);
  const sentences: Span[] = [];
  let sc = 0;
  for (const s of wd.sentences().out() as string[]) {
    const trimmed = s.trim();
    if (!trimmed) continue;
    const at = text.indexOf(trimmed, sc);
    if (at < 0) continue;
    sentences.push(makeSpan(text, at, at + trimmed.length));
    sc = at + trimmed.length;
  }
  doc.set('sentences', sentences);
}

export const segmentComponent = defineComponent(
  { name: 'segment', version: '0.1.0', requires: ['paragraphs'], assigns: ['tokens', 'sentences'] },
  (doc) => segmentDoc(doc),
);
