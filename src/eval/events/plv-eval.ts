import type { Convention } from '../../components/events/cameo-table.js';
import { codeEvents } from '../../components/events/events-component.js';
import { predict, relationFeatures, trainModel, type RelationModel } from '../../components/events/relation-model.js';
import type { Doc } from '../../doc/doc.js';
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
  readonly folds?: number;
  readonly seconds: number;
}

/** Given the marked pair: rules alone, and (with `folds` ≥ 2) a model fitted inside each training split. */
export function evaluateGivenPair(rows: readonly RelationRow[], opts: { convention: Convention; folds?: number }): GivenPairReport {
  const t0 = performance.now();
  const prepared: PreparedRow[] = rows.map(prepareRow);
  const decisions = prepared.map((p) => ruleDecision(p, opts.convention));
  const gold = rows.map((r) => r.gold!);
  const rules = classificationReport(gold, decisions.map((d) => toPlvLabel(d.type)), PLV_LABELS);
  let model: ClassificationReport | undefined;
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
  }
  return { convention: opts.convention, rules, ...(model ? { model, folds: opts.folds } : {}), seconds: (performance.now() - t0) / 1000 };
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
  readonly perClass: Readonly<Record<string, { gold: number; found: number; recall: number }>>;
  readonly articlesPerSecond: number;
}

function spansOfIds(doc: Doc, ids: readonly string[]): { start: number; end: number }[] {
  const actors = doc.maybe('actors') ?? [];
  return actors.filter((a) => ids.includes(a.id)).flatMap((a) => a.mentions);
}

const hit = (spans: readonly { start: number; end: number }[], r: readonly [number, number] | undefined) =>
  !r || spans.some((s) => s.start < r[1] && r[0] < s.end);

/**
 * End to end: the whole pipeline on the unmarked sentence; a row counts when we coded an event of the gold
 * type whose actor overlaps the gold source and whose recipient overlaps the gold target (implicit ones are free).
 */
export function evaluateEndToEnd(rows: readonly RelationRow[], pipeline: Pipeline, convention: Convention): EndToEndReport {
  const per: Record<string, { gold: number; found: number; recall: number }> = {};
  let found = 0;
  const t0 = performance.now();
  for (const r of rows) {
    const doc = pipeline.run(toDoc({ uri: `plv:${r.line}`, kind: 'text', content: r.sentence }));
    const events = codeEvents(doc, { convention });
    const ok = events.some((e) => {
      if (toPlvLabel(e.record.type) !== r.gold || e.record.negated) return false;
      const a = [...e.actorSpans, ...spansOfIds(doc, e.record.actor)];
      const t = [...e.recipientSpans, ...spansOfIds(doc, e.record.recipient)];
      return hit(a, r.sourceRange) && hit(t, r.targetRange);
    });
    const c = (per[r.gold!] ??= { gold: 0, found: 0, recall: 0 });
    c.gold++;
    if (ok) {
      c.found++;
      found++;
    }
  }
  for (const c of Object.values(per)) c.recall = c.gold ? c.found / c.gold : 0;
  const secs = (performance.now() - t0) / 1000;
  return { n: rows.length, found, recall: rows.length ? found / rows.length : 0, perClass: per, articlesPerSecond: rows.length / secs };
}
