import { Doc } from '../../doc/doc.js';
import { makeSpan } from '../../doc/span.js';
import type { PosTag, TokenTable } from '../../doc/tokens.js';
import { segmentDoc } from '../segment/segment-component.js';

/** The tokens of one stretch of text, as plain arrays the event rules read (offsets are into the Doc text). */
export interface Toks {
  readonly n: number;
  readonly start: ArrayLike<number>;
  readonly end: ArrayLike<number>;
  readonly lower: readonly string[];
  readonly lemma: readonly string[];
  readonly pos: readonly PosTag[];
}

/** Lower-cased, apostrophe-normalised token texts and lemmas of a whole token table, computed once per document. */
export interface TokenForms {
  readonly lower: readonly string[];
  readonly lemma: readonly string[];
}

export function tokenForms(t: TokenTable): TokenForms {
  const lower: string[] = new Array(t.length);
  const lemma: string[] = new Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const low = lowerNormalized(t.tokenText(i));
    lower[i] = low;
    const lm = t.lemmas[i];
    lemma[i] = lm === undefined ? low : lowerNormalized(lm);
  }
  return { lower, lemma };
}

/** `normalize(s.toLowerCase())`, returning `s` itself when it is plain lower-case ASCII (most tokens). */
function lowerNormalized(s: string): string {
  let upper = false;
  let apostrophe = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 65) continue;
    if (c <= 90) upper = true;
    else if (c > 127) {
      if (c === 0x2019 || c === 0x2018 || c === 0x02bc) apostrophe = true;
      else upper = true; // other letters may have a lower case of their own
    }
  }
  const low = upper ? s.toLowerCase() : s;
  return apostrophe ? low.replace(/[\u2018\u2019\u02bc]/g, "'") : low;
}

/** The tokens `[first, last)` of a token table (with the document's `forms` when already computed). */
export function toksFromTable(t: TokenTable, first: number, last: number, forms?: TokenForms): Toks {
  if (forms) {
    const pos: PosTag[] = [];
    for (let i = first; i < last; i++) pos.push(t.posTag(i));
    return {
      n: last - first,
      start: t.starts.subarray(first, last),
      end: t.ends.subarray(first, last),
      lower: forms.lower.slice(first, last),
      lemma: forms.lemma.slice(first, last),
      pos,
    };
  }
  const start: number[] = [];
  const end: number[] = [];
  const lower: string[] = [];
  const lemma: string[] = [];
  const pos: PosTag[] = [];
  for (let i = first; i < last; i++) {
    start.push(t.starts[i]!);
    end.push(t.ends[i]!);
    const low = normalize(t.tokenText(i).toLowerCase());
    lower.push(low);
    lemma.push(normalize(t.lemma(i).toLowerCase()));
    pos.push(t.posTag(i));
  }
  return { n: start.length, start, end, lower, lemma, pos };
}

/** Curly apostrophes and quotes as straight ones, so patterns and cues need one spelling. */
function normalize(s: string): string {
  return s.indexOf('\u2019') < 0 && s.indexOf('\u2018') < 0 && s.indexOf('\u02bc') < 0 ? s : s.replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** Tokenises a lone sentence (the relation task) with the segment component's rules. */
export function toksOfText(text: string): Toks {
  const doc = new Doc(text);
  doc.set('paragraphs', [makeSpan(text, 0, text.length)]);
  segmentDoc(doc);
  return toksFromTable(doc.tokens!, 0, doc.tokens!.length);
}

/** Token index range `[first, last)` of the tokens overlapping `[start, end)`. */
export function tokenRange(t: Toks, start: number, end: number): [number, number] {
  let first = 0;
  while (first < t.n && t.end[first]! <= start) first++;
  let last = first;
  while (last < t.n && t.start[last]! < end) last++;
  return [first, last];
}
