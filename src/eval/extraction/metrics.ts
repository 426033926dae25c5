/**
 * Scores for article-body extraction.
 *
 * - AEB (the Zyte article-extraction benchmark): each text becomes word 4-gram shingles with
 *   counts; per page, precision and recall of the predicted shingles; precision is averaged over
 *   the pages with any true or false positive, recall over the pages with any true positive or
 *   false negative; F1 is computed from the two averages. Words are runs of Unicode letters,
 *   digits and `_` (Python's `\w`), case kept. Fewer than four words make one shorter shingle.
 * - WCXB: bag of lower-cased words per page (counts clipped), word precision, recall and F1 per
 *   page, each averaged over the pages.
 */

const WORD_RE = /[\p{L}\p{N}_]+/gu;

/** Words as the benchmarks count them: runs of letters, digits and underscores. */
export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** Word 4-gram shingles (joined by a space) with their counts. */
export function shingles(text: string, n = 4): Map<string, number> {
  const toks = words(text);
  const out = new Map<string, number>();
  const last = Math.max(1, toks.length - n + 1);
  for (let i = 0; i < last; i++) {
    const sh = toks.slice(i, i + n).join(' ');
    if (!sh) continue;
    out.set(sh, (out.get(sh) ?? 0) + 1);
  }
  return out;
}

export interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** True and false positives and false negatives between two multisets. */
export function matchCounts(gold: Map<string, number>, pred: Map<string, number>): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, p] of pred) {
    const g = gold.get(k) ?? 0;
    tp += Math.min(g, p);
    if (p > g) fp += p - g;
  }
  for (const [k, g] of gold) {
    const p = pred.get(k) ?? 0;
    if (g > p) fn += g - p;
  }
  return { tp, fp, fn };
}

/** The AEB counts of one page. */
export function shingleCounts(gold: string, pred: string): Counts {
  return matchCounts(shingles(gold), shingles(pred));
}

/** Precision as AEB defines it: 1 when nothing is wrong, 0 when nothing is right. */
export function precisionOf(c: Counts): number {
  if (c.fp === 0 && c.fn === 0) return 1;
  if (c.tp === 0 && c.fp === 0) return 0;
  return c.tp / (c.tp + c.fp);
}

export function recallOf(c: Counts): number {
  if (c.fp === 0 && c.fn === 0) return 1;
  if (c.tp === 0 && c.fn === 0) return 0;
  return c.tp / (c.tp + c.fn);
}

export interface PrF {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

function f1Of(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** AEB aggregate: precision averaged over pages with predicted or gold shingles, recall over pages with gold ones, F1 from the averages. */
export function aebAggregate(pages: readonly Counts[]): PrF {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallOf));
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** WCXB word scores of one page: bag of lower-cased words, counts clipped. */
export function wordScores(gold: string, pred: string): PrF {
  const g = words(gold.toLowerCase());
  const p = words(pred.toLowerCase());
  if (g.length === 0) return p.length === 0 ? { precision: 1, recall: 1, f1: 1 } : { precision: 0, recall: 0, f1: 0 };
  if (p.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const bag = (xs: string[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const { tp } = matchCounts(bag(g), bag(p));
  const precision = tp / p.length;
  const recall = tp / g.length;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** Mean of per-page precision, recall and F1. */
export function meanScores(pages: readonly PrF[]): PrF {
  return { precision: mean(pages.map((s) => s.precision)), recall: mean(pages.map((s) => s.recall)), f1: mean(pages.map((s) => s.f1)) };
}
