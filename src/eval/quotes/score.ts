import type { Analysis } from '../../analysis/analysis.js';
import type { Fragment, GoldAttribution } from '../polnear.js';

/**
 * Attribution scoring as `../shared/data/README.md` defines it: gold and predicted attributions
 * are matched one-to-one per document, greedily by the Dice coefficient of their non-whitespace
 * content characters; a match needs Dice ≥ the threshold. "+source" also needs the source spans
 * to share a character (or both be empty); "+cue" the same of the cues.
 */

/** One attribution as the scorer sees it: character ranges per role. */
export interface ScoredAttribution {
  readonly content: readonly Fragment[];
  readonly source: readonly Fragment[];
  readonly cue: readonly Fragment[];
}

const QUOTE_MARKS = /["“”„‟«»‹›]/;
const OPENING = new Set(['"', '“', '„', '‟', '«', '‹', "'", '‘']);
const CLOSING = new Set(['"', '”', '»', '›', "'", '’']);

/** The offsets of the non-whitespace characters of `frags`, as a set. */
export function contentChars(text: string, frags: readonly Fragment[]): Set<number> {
  const out = new Set<number>();
  for (const f of frags) for (let i = f.start; i < f.end; i++) if (!/\s/.test(text[i]!)) out.add(i);
  return out;
}

export function dice(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return (2 * inter) / (a.size + b.size);
}

function touch(a: readonly Fragment[], b: readonly Fragment[]): boolean {
  for (const x of a) for (const y of b) if (x.start < y.end && y.start < x.end) return true;
  return false;
}

/** Sources agree when they share a character or both are absent. */
export function sameSpanOrBothEmpty(a: readonly Fragment[], b: readonly Fragment[]): boolean {
  if (a.length === 0 && b.length === 0) return true;
  return touch(a, b);
}

export function hasQuoteMark(text: string, frags: readonly Fragment[]): boolean {
  return frags.some((f) => QUOTE_MARKS.test(text.slice(f.start, f.end)));
}

const PRONOUNS = new Set([
  'he', 'she', 'they', 'i', 'we', 'you', 'it', 'him', 'her', 'them', 'me', 'us', 'his', 'hers', 'their', 'theirs', 'its', 'our', 'my', 'your',
  'himself', 'herself', 'themselves', 'who', 'which', 'that', 'this', 'these', 'those',
]);

/** A source written as a pronoun ("he", "she", "they", "who", …) rather than a name. */
export function isPronounSource(text: string, frags: readonly Fragment[]): boolean {
  if (frags.length === 0) return false;
  const s = frags.map((f) => text.slice(f.start, f.end)).join(' ').trim().toLowerCase().replace(/[’']s$/, '');
  return PRONOUNS.has(s);
}

/**
 * Our attributions from an Analysis, in the unit PolNeAR counts: quotes that share one cue span
 * (an interrupted quote, a quote continued without a cue of its own) are one attribution, as
 * PolNeAR annotates them. PolNeAR's content spans include the quote marks while ours exclude
 * them, so each content span is widened by the marks right around it.
 */
export function attributionsFromAnalysis(a: Analysis): ScoredAttribution[] {
  const text = a.doc.text;
  const groups = new Map<string, { content: Fragment[]; source: Fragment[]; cue: Fragment[] }>();
  const out: { content: Fragment[]; source: Fragment[]; cue: Fragment[] }[] = [];
  for (const q of a.quotes) {
    let { start, end } = q.content;
    if (start > 0 && OPENING.has(text[start - 1]!) && end < text.length && CLOSING.has(text[end]!)) {
      start--;
      end++;
    } else if (q.kind !== 'indirect') {
      if (start > 0 && OPENING.has(text[start - 1]!)) start--;
      if (end < text.length && CLOSING.has(text[end]!)) end++;
    }
    const key = q.cue ? `${q.cue.start}:${q.cue.end}` : undefined;
    const g = key ? groups.get(key) : undefined;
    if (g) {
      g.content.push({ start, end });
      if (g.source.length === 0 && q.source) g.source.push(q.source);
      continue;
    }
    const fresh = { content: [{ start, end }], source: q.source ? [q.source] : [], cue: q.cue ? [q.cue] : [] };
    if (key) groups.set(key, fresh);
    out.push(fresh);
  }
  return out;
}

export interface Counts {
  gold: number;
  predicted: number;
  matched: number;
  matchedSource: number;
  matchedSourceCue: number;
}

export interface SubsetCounts {
  all: Counts;
  direct: Counts;
  indirect: Counts;
  /** Gold attributions whose source is a pronoun / a name (recall only: predicted sides are not split). */
  pronounSource: Counts;
  namedSource: Counts;
}

export function emptyCounts(): Counts {
  return { gold: 0, predicted: 0, matched: 0, matchedSource: 0, matchedSourceCue: 0 };
}

export function emptySubsets(): SubsetCounts {
  return { all: emptyCounts(), direct: emptyCounts(), indirect: emptyCounts(), pronounSource: emptyCounts(), namedSource: emptyCounts() };
}

/** Greedy one-to-one matching by Dice: all pairs at or above `threshold`, best first. */
export function greedyMatch(text: string, gold: readonly ScoredAttribution[], pred: readonly ScoredAttribution[], threshold: number): [number, number][] {
  const g = gold.map((x) => contentChars(text, x.content));
  const p = pred.map((x) => contentChars(text, x.content));
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < g.length; i++) {
    for (let j = 0; j < p.length; j++) {
      const d = dice(g[i]!, p[j]!);
      if (d >= threshold) pairs.push([d, i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of pairs) {
    if (usedG.has(i) || usedP.has(j)) continue;
    usedG.add(i);
    usedP.add(j);
    out.push([i, j]);
  }
  return out;
}

/** Adds one document's counts at `threshold` into `acc`. */
export function scoreDocument(
  text: string,
  gold: readonly ScoredAttribution[],
  pred: readonly ScoredAttribution[],
  threshold: number,
  acc: SubsetCounts,
): void {
  const goldDirect = gold.map((x) => hasQuoteMark(text, x.content));
  const predDirect = pred.map((x) => hasQuoteMark(text, x.content));
  const goldPron = gold.map((x) => isPronounSource(text, x.source));
  const bump = (c: Counts, k: keyof Counts) => c[k]++;
  for (let i = 0; i < gold.length; i++) {
    const subs = [acc.all, goldDirect[i] ? acc.direct : acc.indirect];
    if (gold[i]!.source.length) subs.push(goldPron[i] ? acc.pronounSource : acc.namedSource);
    for (const c of subs) bump(c, 'gold');
  }
  for (let j = 0; j < pred.length; j++) {
    bump(acc.all, 'predicted');
    bump(predDirect[j] ? acc.direct : acc.indirect, 'predicted');
    if (pred[j]!.source.length) bump(isPronounSource(text, pred[j]!.source) ? acc.pronounSource : acc.namedSource, 'predicted');
  }
  for (const [i, j] of greedyMatch(text, gold, pred, threshold)) {
    const g = gold[i]!;
    const p = pred[j]!;
    const src = sameSpanOrBothEmpty(g.source, p.source);
    const cue = src && sameSpanOrBothEmpty(g.cue, p.cue);
    // Subsets count a match on the gold side's subset (a matched prediction counts in the same subset).
    const subs = [acc.all, goldDirect[i] ? acc.direct : acc.indirect];
    if (g.source.length) subs.push(goldPron[i] ? acc.pronounSource : acc.namedSource);
    for (const c of subs) {
      bump(c, 'matched');
      if (src) bump(c, 'matchedSource');
      if (cue) bump(c, 'matchedSourceCue');
    }
  }
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export function prf(matched: number, predicted: number, gold: number): Prf {
  const p = predicted ? matched / predicted : 0;
  const r = gold ? matched / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function goldAsScored(g: GoldAttribution): ScoredAttribution {
  return { content: g.content, source: g.source, cue: g.cue };
}
