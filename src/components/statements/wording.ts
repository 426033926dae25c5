import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * A wording of a remark reduced to what translations and paraphrases keep: content words, lightly
 * stemmed, with near-synonyms folded to one word, and the remark's polarity.
 */
export interface Wording {
  /** Content words in order (after folding). */
  readonly words: readonly string[];
  readonly set: ReadonlySet<string>;
  /** Count of negation words: two wordings of one remark have the same parity. */
  readonly negations: number;
  /** The folded words joined by spaces, for verbatim containment checks. */
  readonly key: string;
}

interface Lexicon {
  synonyms: string[][];
  ignore: string[];
  negation: string[];
}

const STOP = new Set(
  'a an the and or but if of to in on at by for from with as is are was were be been being am do does did has have had will would shall should can could which who whom whose what when where why how than into onto over under about against between through during before after above below up down out off again further once more most other some such only own same too s t d ll m o re ve y'.split(
    ' ',
  ),
);

let lexicon: { fold: Map<string, string>; ignore: Set<string>; negation: Set<string> } | undefined;

function loadLexicon() {
  if (lexicon) return lexicon;
  const raw = parse(readFileSync(new URL('../../../data/lexicon/statements/normalise.yaml', import.meta.url), 'utf8')) as Lexicon;
  const fold = new Map<string, string>();
  for (const group of raw.synonyms) {
    const head = stem(group[0]!);
    for (const w of group) {
      const k = stem(w);
      if (!fold.has(k)) fold.set(k, head);
    }
  }
  lexicon = { fold, ignore: new Set(raw.ignore.map(stem)), negation: new Set(raw.negation) };
  return lexicon;
}

/** A light, symmetric English suffix stripper: both wordings go through it, so crudeness cancels out. */
export function stem(w: string): string {
  let s = w;
  if (s.length > 5 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.length > 4 && /(ss|x|ch|sh)es$/.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.length > 6 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 5 && s.endsWith('ed')) s = s.slice(0, -2);
  if (s.length > 5 && s.endsWith('ly')) s = s.slice(0, -2);
  if (s.length > 4 && s.endsWith('e')) s = s.slice(0, -1);
  // Words that share their first six letters are taken as one ("inspection"/"inspected").
  return s.length > 6 ? s.slice(0, 6) : s;
}

/** Reduces a wording to its comparable form. */
export function toWording(text: string): Wording {
  const { fold, ignore, negation } = loadLexicon();
  const lower = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'");
  const words: string[] = [];
  let negations = 0;
  for (const m of lower.matchAll(/[a-z0-9]+(?:-[a-z0-9]+)*(?:'[a-z]+)?/g)) {
    let w = m[0];
    if (w.endsWith("n't")) {
      negations++;
      w = w.slice(0, -3);
    }
    w = w.replace(/'s$/, '').replace(/'.*$/, '');
    if (negation.has(w)) negations++;
    if (!w || STOP.has(w)) continue;
    const s = stem(w);
    if (ignore.has(s) || negation.has(w)) continue;
    words.push(fold.get(s) ?? s);
  }
  return { words, set: new Set(words), negations, key: ` ${words.join(' ')} ` };
}

export interface Similarity {
  /** Shared words over the smaller wording's words. */
  readonly overlap: number;
  /** Dice coefficient of the two word sets. */
  readonly dice: number;
  /** One wording is, word for word, part of the other. */
  readonly contained: boolean;
  readonly samePolarity: boolean;
}

export function similarity(a: Wording, b: Wording): Similarity {
  let inter = 0;
  const [small, large] = a.set.size <= b.set.size ? [a.set, b.set] : [b.set, a.set];
  for (const w of small) if (large.has(w)) inter++;
  const minSize = Math.min(a.set.size, b.set.size);
  const shorter = a.words.length <= b.words.length ? a : b;
  const longer = shorter === a ? b : a;
  return {
    overlap: minSize ? inter / minSize : 0,
    dice: a.set.size + b.set.size ? (2 * inter) / (a.set.size + b.set.size) : 0,
    contained: shorter.words.length >= 2 && longer.key.includes(shorter.key),
    samePolarity: a.negations % 2 === b.negations % 2,
  };
}

/** Thresholds for "the same statement"; measured on our own paraphrase set (see statements-eval). */
export const SAME_STATEMENT = { minWords: 4, overlap: 0.5, dice: 0.5 } as const;

/** Whether two wordings by one speaker say the same thing: a verbatim part, or a close paraphrase of equal polarity. */
export function sameStatement(a: Wording, b: Wording, t: { minWords: number; overlap: number; dice: number } = SAME_STATEMENT): boolean {
  const s = similarity(a, b);
  if (!s.samePolarity) return false;
  if (s.contained) return true;
  return Math.min(a.set.size, b.set.size) >= t.minWords && s.overlap >= t.overlap && s.dice >= t.dice;
}
