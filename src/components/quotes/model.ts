import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TokenTable } from '../../doc/tokens.js';
import { AttacheError } from '../../errors.js';
import type { Candidate, CandidateSet } from './candidates.js';
import { quoteLexicon } from './lexicon.js';

/**
 * A logistic-regression scorer over attribution candidates, trained by our own script
 * (`npm run train:quotes`, see `src/eval/quotes/train.ts`) on PolNeAR train. It only weighs the
 * candidates the rules make; spans, channels, continuation and speakers stay with the rules.
 */
export interface QuoteModel {
  readonly version: number;
  readonly threshold: number;
  /** Threshold for direct quotes and reports holding quoted words (their rules are surer); the general one when absent. */
  readonly directThreshold?: number;
  readonly weights: ReadonlyMap<string, number>;
}

export const MODEL_URL = new URL('../../../data/models/quotes.json', import.meta.url);

let loaded: QuoteModel | null | undefined;

/** The shipped model, or `null` when `data/models/quotes.json` is absent (rules only). */
export function quoteModel(): QuoteModel | null {
  if (loaded !== undefined) return loaded;
  // ATTACHE_QUOTES_MODEL=off runs the rules alone (to measure what the scorer adds); a path uses that weights file.
  const env = process.env.ATTACHE_QUOTES_MODEL;
  if (env === 'off') return (loaded = null);
  const file = env ? env : fileURLToPath(MODEL_URL);
  if (!existsSync(file)) return (loaded = null);
  loaded = parseModel(readFileSync(file, 'utf8'), file);
  return loaded;
}

export function parseModel(json: string, where: string): QuoteModel {
  let raw: { version?: unknown; threshold?: unknown; directThreshold?: unknown; weights?: unknown };
  try {
    raw = JSON.parse(json) as typeof raw;
  } catch (e) {
    throw new AttacheError('ATT_E015', `quote model is not JSON: ${(e as Error).message}`, where);
  }
  if (typeof raw.threshold !== 'number' || !raw.weights || typeof raw.weights !== 'object') {
    throw new AttacheError('ATT_E015', 'quote model lacks threshold or weights', where);
  }
  return { version: Number(raw.version ?? 1), threshold: raw.threshold, ...(typeof raw.directThreshold === 'number' ? { directThreshold: raw.directThreshold } : {}), weights: new Map(Object.entries(raw.weights as Record<string, number>)) };
}

function bucket(n: number): string {
  return n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 7 ? '4-7' : n <= 15 ? '8-15' : n <= 31 ? '16-31' : n <= 63 ? '32-63' : '64+';
}

const PRON = /^(he|she|they|i|we|you|it|him|her|them)$/i;

/** The sparse binary features of one candidate. */
export function candidateFeatures(c: Candidate, set: CandidateSet, text: string, tok: TokenTable): string[] {
  const lex = quoteLexicon();
  const f: string[] = ['bias', `rule=${c.rule}`, `kind=${c.kind}`];
  const i = c.cueTok;
  const lower = (k: number) => (k >= 0 && k < tok.length ? text.slice(tok.starts[k], tok.ends[k]).toLowerCase() : '<none>');
  let lemma = '<colon>';
  if (i >= 0) {
    lemma = tok.lemma(i).toLowerCase();
    const form = lower(i);
    f.push(`lemma=${lemma}`, `form=${form}`, `lemma+rule=${lemma}|${c.rule}`, `pos=${tok.posTag(i)}`);
    for (const fam of lex.verbFamilies.get(lemma) ?? []) f.push(`fam=${fam}`, `fam+rule=${fam}|${c.rule}`);
    if (lex.strongSpeech.has(lemma)) f.push('strong');
    const prev = lower(i - 1);
    const next = lower(i + 1);
    f.push(`prev=${prev}`, `next=${next}`, `lemma+next=${lemma}|${next}`, `prevpos=${i > 0 ? tok.posTag(i - 1) : '<s>'}`, `nextpos=${i + 1 < tok.length ? tok.posTag(i + 1) : '</s>'}`);
    if (/ing$/.test(form)) f.push('ing');
    if (/ed$/.test(form)) f.push('ed');
    const neg = [1, 2, 3].some((d) => /^(not|n't|n’t|never)$/.test(lower(i - d)));
    if (neg) f.push('negated');
    const s = set.sentOf[i]!;
    let firstOfSent = i;
    while (firstOfSent > 0 && set.sentOf[firstOfSent - 1] === s) firstOfSent--;
    f.push(`cueAt=${bucket(i - firstOfSent)}`);
  }
  if (!c.source) f.push('src=none', `src=none|${lemma}`);
  else {
    const st = text.slice(c.source[0], c.source[1]).trim();
    const kind = PRON.test(st) ? 'pron' : /^[\p{Lu}]/u.test(st) ? 'cap' : 'lower';
    f.push(`src=${kind}`, `src=${kind}|${c.rule}`, `srclen=${bucket(st.split(/\s+/).length)}`);
    if (c.sourceFar) f.push('srcFar');
    f.push(c.source[0] < c.cue[0] ? 'srcLeft' : 'srcRight');
  }
  const content = text.slice(c.content[0], c.content[1]);
  const nTok = content.split(/\s+/).filter(Boolean).length;
  f.push(`clen=${bucket(nTok)}`, `clen+rule=${bucket(nTok)}|${c.rule}`);
  if (/[“”"«»]/.test(content)) f.push('cHasQuote');
  const first = tok.firstEndingAfter(c.content[0]);
  if (first < tok.length) f.push(`cfirst=${lower(first)}`, `cfirstpos=${tok.posTag(first)}`);
  if (c.content[0] > c.cue[0]) f.push('contentAfterCue');
  if (i >= 0 && c.kind !== 'direct' && set.quotes.some((q) => q.start <= tok.starts[i]! && tok.ends[i]! <= q.end)) f.push('cueInQuote');
  if (content.includes('?')) f.push('cQuestion');
  if (c.quote !== undefined) {
    // The quoted words themselves: a capital start, closing punctuation, where the quote sits.
    const q = set.quotes[c.quote]!;
    const words = text.slice(q.start, q.end);
    if (/^\s*[\p{Lu}]/u.test(words)) f.push('qCap');
    if (/[.,!?]\s*$/.test(words)) f.push('qPunct');
    if (q.multiParagraph) f.push('qMulti');
    if (q.unclosed) f.push('qUnclosed');
    const qn = words.split(/\s+/).filter(Boolean).length;
    f.push(`qlen=${bucket(qn)}|${c.rule}`);
  }
  return f;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function scoreCandidate(model: QuoteModel, c: Candidate, set: CandidateSet, text: string, tok: TokenTable): number {
  let z = 0;
  for (const name of candidateFeatures(c, set, text, tok)) z += model.weights.get(name) ?? 0;
  return sigmoid(z);
}
