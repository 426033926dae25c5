import type { Convention } from '../../components/events/cameo-table.js';
import { predict, relationFeatures, trainModel, type RelationModel } from '../../components/events/relation-model.js';
import { toAnalysis, type Analysis } from '../../analysis/analysis.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { toDoc } from '../../read/to-doc.js';
import { classificationReport, type ClassificationReport } from './metrics.js';
import type { RelationRow } from './plv-data.js';
import { PLV_LABELS, prepareRow, ruleDecision, toPlvLabel, type PreparedRow } from './relation-runner.js';

export interface GivenPairReport {
  readonly convention: Convention;
  readonly rules: ClassificationReport;
  /** Cross-validated model on rule features (trained on k-1 folds, tested on the held-out fold). */
  readonly model?: ClassificationReport;
  /** The cross-validated model on rows at even and odd positions (0-based). */
  readonly modelByParity?: { readonly even: ClassificationReport; readonly odd: ClassificationReport };
  readonly folds?: number;
  /** The rules on rows at even and odd positions (0-based): lexicons were tuned looking at even rows only. */
  readonly rulesByParity: { readonly even: ClassificationReport; readonly odd: ClassificationReport };
  readonly seconds: number;
}

/** Given the marked pair: rules alone, and (with `folds` ≥ 2) a model fitted inside each training split. */
export function evaluateGivenPair(rows: readonly RelationRow[], opts: { convention: Convention; folds?: number }): GivenPairReport {
  const t0 = performance.now();
  const prepared: PreparedRow[] = rows.map(prepareRow);
  const decisions = prepared.map((p) => ruleDecision(p, opts.convention));
  const gold = rows.map((r) => r.gold!);
  const predicted = decisions.map((d) => toPlvLabel(d.type));
  const rules = classificationReport(gold, predicted, PLV_LABELS);
  const half = (pred: readonly string[], r: number) => classificationReport(gold.filter((_, i) => i % 2 === r), pred.filter((_, i) => i % 2 === r), PLV_LABELS);
  const rulesByParity = { even: half(predicted, 0), odd: half(predicted, 1) };
  let model: ClassificationReport | undefined;
  let modelByParity: GivenPairReport['modelByParity'];
  if (opts.folds && opts.folds >= 2) {
    const k = opts.folds;
    const features = prepared.map((p, i) => relationFeatures(p.toks, p.s, p.t, decisions[i]));
    const pred: string[] = new Array(rows.length);
    for (let f = 0; f < k; f++) {
      const train = rows.map((r, i) => ({ features: features[i]!, label: r.gold!, i })).filter((e) => e.i % k !== f);
      const m = trainModel(train, PLV_LABELS);
      for (let i = f; i < rows.length; i += k) pred[i] = predict(m, features[i]!).label;
    }
    model = classificationReport(gold, pred, PLV_LABELS);
    modelByParity = { even: half(pred, 0), odd: half(pred, 1) };
  }
  return { convention: opts.convention, rules, rulesByParity, ...(model ? { model, modelByParity, folds: opts.folds } : {}), seconds: (performance.now() - t0) / 1000 };
}

/** Fits the model on all rows (for the shipped `data/models/events-relation.json`). */
export function fitRelationModel(rows: readonly RelationRow[], convention: Convention, source: string): RelationModel {
  const prepared = rows.map(prepareRow);
  const examples = prepared.map((p) => ({ features: relationFeatures(p.toks, p.s, p.t, ruleDecision(p, convention)), label: p.row.gold! }));
  return { ...trainModel(examples, PLV_LABELS), trainedOn: source };
}

export interface EndToEndReport {
  readonly n: number;
  readonly found: number;
  readonly recall: number;
  /** Recall counting only events whose actor and recipient are actors of the Analysis (no bare noun phrases). */
  readonly recallActorIds: number;
  readonly perClass: Readonly<Record<string, { gold: number; found: number; recall: number }>>;
  /** Rows at even and odd positions (0-based) of the file: the even ones are those inspected when tuning. */
  readonly byParity: { readonly even: { n: number; found: number; recall: number }; readonly odd: { n: number; found: number; recall: number } };
  readonly articlesPerSecond: number;
}

type Range = { readonly start: number; readonly end: number };

function spansOfIds(a: Analysis, ids: readonly string[]): Range[] {
  return a.actors.filter((x) => ids.includes(x.id)).flatMap((x) => x.mentions);
}

const hit = (spans: readonly Range[], r: readonly [number, number] | undefined) => !r || spans.some((s) => s.start < r[1] && r[0] < s.end);

/** Whether the Analysis has an event of the gold type between the gold source and target (an implicit one is free). */
export function tripleFound(a: Analysis, row: RelationRow, opts: { idsOnly?: boolean } = {}): boolean {
  return a.events.some((e) => {
    if (toPlvLabel(e.type) !== row.gold || e.negated) return false;
    if (opts.idsOnly && !e.actor.length) return false;
    const actor = [...(opts.idsOnly ? [] : e.actorSpans ?? []), ...spansOfIds(a, e.actor)];
    const recipient = [...(opts.idsOnly ? [] : e.recipientSpans ?? []), ...spansOfIds(a, e.recipient)];
    return hit(actor, row.sourceRange) && hit(recipient, row.targetRange);
  });
}

/**
 * End to end: the whole pipeline on the unmarked sentence, scored on the public Analysis alone; a row counts
 * when an event of the gold type has an actor (its words or its actor's mentions) overlapping the gold source and
 * a recipient overlapping the gold target. `byParity` splits rows by even and odd position in the file.
 */
export function evaluateEndToEnd(rows: readonly RelationRow[], pipeline: Pipeline): EndToEndReport {
  const per: Record<string, { gold: number; found: number; recall: number }> = {};
  const parity = { even: { n: 0, found: 0, recall: 0 }, odd: { n: 0, found: 0, recall: 0 } };
  let found = 0;
  let foundIds = 0;
  const t0 = performance.now();
  rows.forEach((r, i) => {
    const doc = pipeline.run(toDoc({ uri: `plv:${r.line}`, kind: 'text', content: r.sentence }));
    const a = toAnalysis(doc, pipeline.version);
    const ok = tripleFound(a, r);
    if (tripleFound(a, r, { idsOnly: true })) foundIds++;
    const c = (per[r.gold!] ??= { gold: 0, found: 0, recall: 0 });
    const p = i % 2 === 0 ? parity.even : parity.odd;
    c.gold++;
    p.n++;
    if (ok) {
      c.found++;
      p.found++;
      found++;
    }
  });
  for (const c of Object.values(per)) c.recall = c.gold ? c.found / c.gold : 0;
  for (const p of Object.values(parity)) p.recall = p.n ? p.found / p.n : 0;
  const secs = (performance.now() - t0) / 1000;
  return {
    n: rows.length, found, recall: rows.length ? found / rows.length : 0, recallActorIds: rows.length ? foundIds / rows.length : 0,
    perClass: per, byParity: parity, articlesPerSecond: rows.length / secs,
  };
}
