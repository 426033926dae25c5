import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../../analysis/analyzer.js';
import { findCandidates, type Candidate } from '../../components/quotes/candidates.js';
import { quoteLexicon } from '../../components/quotes/lexicon.js';
import { candidateFeatures, MODEL_URL, sigmoid } from '../../components/quotes/model.js';
import { quotesFor } from '../../components/quotes/quote-component.js';
import type { Analysis } from '../../analysis/analysis.js';
import { componentsUpTo } from '../../components/registry.js';
import { Doc } from '../../doc/doc.js';
import { loadPolnear } from '../polnear.js';
import { attributionsFromAnalysis, emptySubsets, goldAsScored, greedyMatch, prf, sameSpanOrBothEmpty, scoreDocument, type ScoredAttribution, type SubsetCounts } from './score.js';

/**
 * Trains the attribution scorer of `src/components/quotes/model.ts` on PolNeAR train: the rules
 * make candidates, each candidate (with the quotes that continue it) is labelled by the same
 * one-to-one Dice ≥ 0.5 matching the evaluation uses, and a logistic regression (AdaGrad, L2)
 * learns to keep the good ones. The threshold maximises content F1 on 5-fold held-out scores.
 *
 *   node dist/eval/quotes/train.js [--data ../shared/data/polnear] [--out data/models/quotes.json]
 */

interface Example {
  readonly features: string[];
  /** True for candidates over quoted words (direct quotes, and reports that hold quoted words), which get their own threshold. */
  readonly quoted?: boolean;
  readonly label: number;
  /** 1 when the matched gold attribution also has this candidate's source. */
  readonly sourceLabel?: number;
}

export interface TrainResult {
  readonly examples: number;
  readonly positives: number;
  readonly gold: number;
  readonly threshold: number;
  readonly directThreshold: number;
  readonly cvF1: number;
  readonly cvSourceF1: number;
  /** The evaluation's own counts over the 5 folds' held-out articles, each run through the component with its fold's weights. */
  readonly cvCounts: SubsetCounts;
  readonly weights: Record<string, number>;
}

/** Candidates of one article (a Doc run up to the quotes component) as the scorer sees them, labelled against the gold attributions. */
export function examplesOf(doc: Doc, gold: readonly ScoredAttribution[]): Example[] {
  const text = doc.text;
  if (!doc.tokens) return [];
  const set = findCandidates({
    text,
    tokens: doc.tokens,
    sentences: doc.maybe('sentences') ?? [],
    paragraphs: doc.maybe('paragraphs') ?? [],
    isIgnored: (s, e) => doc.isIgnored(s, e),
    lexicon: quoteLexicon(),
  });
  const tops: number[] = [];
  const units: { content: { start: number; end: number }[]; source: { start: number; end: number }[]; cue: { start: number; end: number }[] }[] = [];
  const unitOf = new Map<number, number>();
  const root = (c: number): number => {
    let r = c;
    while (set.candidates[r]!.parent !== undefined) r = set.candidates[r]!.parent!;
    return r;
  };
  set.candidates.forEach((c: Candidate, i) => {
    const r = root(i);
    let u = unitOf.get(r);
    if (u === undefined) {
      u = units.length;
      unitOf.set(r, u);
      tops.push(r);
      units.push({ content: [], source: c.source ? [{ start: c.source[0], end: c.source[1] }] : [], cue: [{ start: c.cue[0], end: c.cue[1] }] });
    }
    units[u]!.content.push({ start: c.content[0], end: c.content[1] });
  });
  const pairs = greedyMatch(text, gold, units, 0.5);
  const matched = new Set(pairs.map(([, j]) => j));
  const withSource = new Set(pairs.filter(([i, j]) => sameSpanOrBothEmpty(gold[i]!.source, units[j]!.source)).map(([, j]) => j));
  return tops.map((r, u) => ({ features: candidateFeatures(set.candidates[r]!, set, text, doc.tokens!), label: matched.has(u) ? 1 : 0, sourceLabel: withSource.has(u) ? 1 : 0, quoted: set.candidates[r]!.kind === 'direct' || set.candidates[r]!.kind === 'mixed' }));
}

function fit(examples: readonly Example[], epochs = 8, l2 = 1e-5, rate = 0.2): Map<string, number> {
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  const order = examples.map((_, i) => i);
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const ex = examples[k]!;
      let z = 0;
      for (const f of ex.features) z += w.get(f) ?? 0;
      const grad = sigmoid(z) - ex.label;
      for (const f of ex.features) {
        const wi = w.get(f) ?? 0;
        const g = grad + l2 * wi;
        const acc = (g2.get(f) ?? 0) + g * g;
        g2.set(f, acc);
        w.set(f, wi - (rate * g) / Math.sqrt(acc + 1e-8));
      }
    }
  }
  return w;
}

function predict(w: Map<string, number>, ex: Example): number {
  let z = 0;
  for (const f of ex.features) z += w.get(f) ?? 0;
  return sigmoid(z);
}

/**
 * Two thresholds over held-out scores. Direct quotes (quoted words with a cue or a speaker
 * nearby) are kept unless the scorer is fairly sure they are wrong: their threshold is the
 * highest that keeps 98% of the direct candidates that match a gold attribution. The other
 * threshold then maximises the mean of content F1 and content+source F1.
 */
export function bestThresholds(scores: readonly { p: number; label: number; sourceLabel?: number; quoted?: boolean }[], gold: number): { threshold: number; directThreshold: number; f1: number; sourceF1: number } {
  const directGood = scores.filter((x) => x.quoted && x.label).map((x) => x.p).sort((x, y) => x - y);
  const b = directGood.length ? directGood[Math.floor(directGood.length * 0.02)]! - 1e-6 : 0.5;
  let best = { threshold: 0.5, directThreshold: b, f1: 0, sourceF1: 0, objective: -1 };
  for (let a = 0.02; a < 0.9; a += 0.01) {
    {
      let kept = 0;
      let tp = 0;
      let tps = 0;
      for (const x of scores) {
        if (x.p < (x.quoted ? b : a)) continue;
        kept++;
        tp += x.label;
        tps += x.sourceLabel ?? x.label;
      }
      const f1 = (2 * tp) / (kept + gold);
      const sourceF1 = (2 * tps) / (kept + gold);
      if ((f1 + sourceF1) / 2 > best.objective) best = { threshold: a, directThreshold: b, f1, sourceF1, objective: (f1 + sourceF1) / 2 };
    }
  }
  return { threshold: best.threshold, directThreshold: best.directThreshold, f1: best.f1, sourceF1: best.sourceF1 };
}

/**
 * The threshold that maximises F1 = 2·TP / (kept + gold) over held-out scores; with source labels,
 * the mean of content F1 and content+source F1 (both are goals).
 */
export function bestThreshold(scores: readonly { p: number; label: number; sourceLabel?: number }[], gold: number): { threshold: number; f1: number; sourceF1: number } {
  const sorted = [...scores].sort((a, b) => b.p - a.p);
  let tp = 0;
  let tps = 0;
  let best = { threshold: 0.5, f1: 0, sourceF1: 0, objective: 0 };
  for (let k = 0; k < sorted.length; k++) {
    tp += sorted[k]!.label;
    tps += sorted[k]!.sourceLabel ?? sorted[k]!.label;
    const f1 = (2 * tp) / (k + 1 + gold);
    const sourceF1 = (2 * tps) / (k + 1 + gold);
    const objective = (f1 + sourceF1) / 2;
    if (objective > best.objective) best = { threshold: (sorted[k]!.p + (sorted[k + 1]?.p ?? 0)) / 2, f1, sourceF1, objective };
  }
  return { threshold: best.threshold, f1: best.f1, sourceF1: best.sourceF1 };
}

export function train(root: string, log: (s: string) => void = () => {}): TrainResult {
  const docs = loadPolnear(root, 'train');
  const analyzer = new Analyzer({ components: componentsUpTo('quotes').filter((c) => c.name !== 'quotes') });
  const perDoc: Example[][] = [];
  const prepared: { doc: Doc; gold: ScoredAttribution[] }[] = [];
  let gold = 0;
  for (const d of docs) {
    const g = d.attributions.map(goldAsScored);
    gold += g.length;
    const doc = analyzer.runDoc(new Doc(d.text));
    prepared.push({ doc, gold: g });
    perDoc.push(examplesOf(doc, g));
  }
  const all = perDoc.flat();
  log(`${docs.length} articles, ${gold} gold attributions, ${all.length} candidates (${all.filter((e) => e.label).length} match a gold one)`);
  // Keep features seen at least twice.
  const freq = new Map<string, number>();
  for (const ex of all) for (const f of ex.features) freq.set(f, (freq.get(f) ?? 0) + 1);
  const prune = (ex: Example): Example => ({ ...ex, features: ex.features.filter((f) => (freq.get(f) ?? 0) >= 2) });
  const folds = 5;
  const held: { p: number; label: number; sourceLabel?: number; quoted?: boolean }[] = [];
  const foldWeights: Map<string, number>[] = [];
  for (let k = 0; k < folds; k++) {
    const trainSet = perDoc.filter((_, i) => i % folds !== k).flat().map(prune);
    const w = fit(trainSet);
    foldWeights.push(w);
    for (const ex of perDoc.filter((_, i) => i % folds === k).flat().map(prune)) held.push({ p: predict(w, ex), label: ex.label, quoted: !!ex.quoted, ...(ex.sourceLabel !== undefined ? { sourceLabel: ex.sourceLabel } : {}) });
  }
  const { threshold, directThreshold, f1, sourceF1 } = bestThresholds(held, gold);
  log(`5-fold held-out at thresholds ${threshold.toFixed(2)} (direct ${directThreshold.toFixed(2)}): content F1 ${f1.toFixed(3)}, content+source F1 ${sourceF1.toFixed(3)}`);
  // The same folds scored as the evaluation scores: the component with each fold's weights on its held-out articles.
  const cvCounts = emptySubsets();
  prepared.forEach(({ doc, gold: g }, i) => {
    const model = { version: 1, threshold, directThreshold, weights: foldWeights[i % folds]! };
    const a = { doc: { text: doc.text }, quotes: quotesFor(doc, { model }) } as unknown as Analysis;
    scoreDocument(doc.text, g, attributionsFromAnalysis(a), 0.5, cvCounts);
  });
  const show = (c: { matched: number; matchedSource: number; predicted: number; gold: number }) => {
    const a = prf(c.matched, c.predicted, c.gold);
    const b = prf(c.matchedSource, c.predicted, c.gold);
    return `content P ${a.p.toFixed(4)} R ${a.r.toFixed(4)} F1 ${a.f1.toFixed(4)} (${c.matched}/${c.gold}), +source F1 ${b.f1.toFixed(4)}`;
  };
  log(`5-fold held-out through the component: all ${show(cvCounts.all)}`);
  log(`                                        direct ${show(cvCounts.direct)}`);
  const w = fit(all.map(prune));
  const weights: Record<string, number> = {};
  for (const [f, v] of [...w.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (Math.abs(v) >= 1e-3) weights[f] = Math.round(v * 10000) / 10000;
  return { examples: all.length, positives: all.filter((e) => e.label).length, gold, threshold, directThreshold, cvF1: f1, cvSourceF1: sourceF1, cvCounts, weights };
}

function main(argv: string[]): void {
  const arg = (name: string, dflt: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : dflt;
  };
  const data = arg('data', '../shared/data/polnear');
  const out = arg('out', fileURLToPath(MODEL_URL));
  const t0 = performance.now();
  const r = train(data, (s) => process.stderr.write(`${s}\n`));
  const json = JSON.stringify({
    version: 1,
    about: 'Attribution candidate scorer (logistic regression), trained by src/eval/quotes/train.ts on PolNeAR train.',
    trainedOn: { examples: r.examples, positives: r.positives, gold: r.gold, cvContentF1: Math.round(r.cvF1 * 1000) / 1000, cvSourceF1: Math.round(r.cvSourceF1 * 1000) / 1000, cvDirectRecall: Math.round((r.cvCounts.direct.matched / Math.max(1, r.cvCounts.direct.gold)) * 1000) / 1000 },
    threshold: Math.round(r.threshold * 10000) / 10000,
    directThreshold: Math.round(r.directThreshold * 10000) / 10000,
    weights: r.weights,
  });
  writeFileSync(out, `${json}\n`);
  process.stderr.write(`wrote ${out} (${Object.keys(r.weights).length} weights, ${(json.length / 1024).toFixed(0)} KB) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
