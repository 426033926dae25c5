import type { Doc } from '../../doc/doc.js';
import { isSpace, makeSpan, type Span } from '../../doc/span.js';
import { posIndex, TokenTable } from '../../doc/tokens.js';
import { defineComponent } from '../../pipeline/component.js';
import { sentenceRules, splitSentences, type SentenceRules } from './sentence-splitter.js';
import { wink } from './wink.js';

/** The stretches of `[from, to)` outside the ignored ranges, as flat `start, end` pairs. */
function outside(ignored: readonly Span[], from: number, to: number): number[] {
  const out: number[] = [];
  let s = from;
  for (const r of ignored) {
    if (r.end <= s) continue;
    if (r.start >= to) break;
    if (r.start > s) out.push(s, r.start);
    s = Math.max(s, r.end);
  }
  if (s < to) out.push(s, to);
  return out;
}

function stripSpace(v: string): string {
  let a = 0;
  let b = v.length;
  while (a < b && isSpace(v.charCodeAt(a))) a++;
  while (b > a && isSpace(v.charCodeAt(b - 1))) b--;
  return v.slice(a, b);
}

/** Sentences of every paragraph, never across an ignored range. */
export function findSentences(doc: Doc, rules: SentenceRules = sentenceRules()): Span[] {
  const text = doc.text;
  const ignored = doc.ignoredRanges();
  const flat: number[] = [];
  for (const p of doc.get('paragraphs')) {
    const pieces = outside(ignored, p.start, p.end);
    for (let i = 0; i < pieces.length; i += 2) splitSentences(text, pieces[i]!, pieces[i + 1]!, rules, flat);
  }
  const out: Span[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push(makeSpan(text, flat[i]!, flat[i + 1]!));
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Runs of non-space characters longer than this are not given to wink-nlp. */
const MAX_WORD = 128;

function isOneWord(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Cuts zones around words longer than MAX_WORD, each of which becomes a zone of its own. */
function splitLongWords(text: string, zones: number[]): number[] {
  const out: number[] = [];
  for (let z = 0; z < zones.length; z += 2) {
    const zs = zones[z]!;
    const ze = zones[z + 1]!;
    let from = zs;
    let run = -1;
    for (let i = zs; i <= ze; i++) {
      const space = i === ze || isSpace(text.charCodeAt(i));
      if (!space) {
        if (run < 0) run = i;
        continue;
      }
      if (run >= 0 && i - run > MAX_WORD) {
        if (run > from) out.push(from, run);
        out.push(run, i);
        from = i;
      }
      run = -1;
    }
    if (from < ze) out.push(from, ze);
  }
  return out;
}

/**
 * A clitic `'s` (possessive or "is") after a word, given to wink-nlp as a word of its own. wink keeps
 * "Trump's" whole before a comma and, once it has kept a word whole, keeps it whole everywhere after:
 * without this the tokens of an article depended on the articles read before it in the process.
 */
const CLITIC_S = /([\p{L}\p{N}])(['\u2019][sS])(?![\p{L}\p{N}])/gu;

/**
 * Tokens of the text outside ignored ranges, with wink-nlp's POS tags and lemmas. wink gives no
 * offsets: each token's value is found at the cursor after white space; a token that is not there
 * is a diagnostic, never a guess.
 */
export function tokenize(doc: Doc): TokenTable {
  const text = doc.text;
  const nlp = wink();
  const its = nlp.its;
  const zones = splitLongWords(text, outside(doc.ignoredRanges(), 0, text.length));
  const starts: number[] = [];
  const ends: number[] = [];
  const pos: number[] = [];
  const lemmas: string[] = [];
  let misaligned = 0;
  let firstBad = -1;
  let long = 0;
  for (let z = 0; z < zones.length; z += 2) {
    const zs = zones[z]!;
    const ze = zones[z + 1]!;
    if (ze - zs > MAX_WORD && !isSpace(text.charCodeAt(zs)) && isOneWord(text, zs, ze)) {
      // wink's tokenizer is quadratic in the length of a word: a run this long is one token of ours.
      starts.push(zs);
      ends.push(ze);
      pos.push(posIndex('X'));
      lemmas.push(text.slice(zs, ze).toLowerCase());
      long++;
      continue;
    }
    let c = zs;
    while (c < ze && isSpace(text.charCodeAt(c))) c++;
    if (c >= ze) continue;
    const wd = nlp.readDoc(text.slice(zs, ze).replace(CLITIC_S, '$1 $2'));
    const toks = wd.tokens();
    const values = toks.out(its.value) as string[];
    const tags = toks.out(its.pos) as string[];
    // wink's typings give `its.lemma` a signature `out` does not accept; it works at run time.
    const lem = toks.out(its.lemma as unknown as typeof its.value) as string[];
    for (let i = 0; i < values.length; i++) {
      let v = values[i]!;
      const tag = tags[i]!;
      if (tag === 'SPACE') continue;
      // wink may keep a zero-width or other unusual space inside a token's value: the token is the rest.
      if (isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1))) {
        v = stripSpace(v);
        if (!v) continue;
      }
      while (c < ze && isSpace(text.charCodeAt(c))) c++;
      let at = c;
      if (!text.startsWith(v, c)) {
        const found = text.indexOf(v, c);
        misaligned++;
        if (firstBad < 0) firstBad = c;
        if (found < 0 || found + v.length > ze || found - c > 64) continue;
        at = found;
      }
      starts.push(at);
      ends.push(at + v.length);
      pos.push(posIndex(tag));
      lemmas.push(lem[i]!);
      c = at + v.length;
    }
  }
  if (misaligned) {
    doc.diagnose({
      start: firstBad,
      end: Math.min(text.length, firstBad + 1),
      component: 'segment',
      rule: 'token-misaligned',
      severity: 'warning',
      message: `${misaligned} token(s) from wink-nlp did not match the text where expected (first at offset ${firstBad}); characters skipped`,
    });
  }
  if (long) {
    doc.diagnose({
      component: 'segment',
      rule: 'long-word',
      severity: 'info',
      message: `${long} run(s) of over ${MAX_WORD} characters without white space kept as single tokens`,
    });
  }
  return new TokenTable(text, Int32Array.from(starts), Int32Array.from(ends), Uint8Array.from(pos), lemmas);
}

/** Marks each token with the index of the sentence it lies in (-1 outside every sentence). */
export function assignSentences(tokens: TokenTable, sentences: readonly Span[]): void {
  const sent = tokens.sentence;
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const st = tokens.starts[i]!;
    while (s < sentences.length && sentences[s]!.end <= st) s++;
    sent[i] = s < sentences.length && sentences[s]!.start <= st ? s : -1;
  }
}

/** Sentences by our own rules, tokens with POS and lemmas (wink-nlp) with true character offsets. */
export function segmentDoc(doc: Doc): void {
  const sentences = findSentences(doc);
  const tokens = tokenize(doc);
  assignSentences(tokens, sentences);
  doc.tokens = tokens;
  doc.set('sentences', sentences);
}

export const segmentComponent = defineComponent(
  { name: 'segment', version: '0.2.0', requires: ['paragraphs', 'meta.ignored'], assigns: ['tokens', 'sentences'] },
  (doc) => segmentDoc(doc),
);
