import { existsSync, readFileSync } from 'node:fs';
import { cameoEntry } from './cameo-table.js';
import type { RelationDecision } from './relation.js';
import type { Toks } from './sentence-tokens.js';

/**
 * A small multinomial logistic regression over lexical features of a source–target pair (words between and
 * around the pair, the rule decision, the matched pattern's type and cues). Trained by our own code
 * (`node dist/eval/events/train.js`, or in-process for each fold by `attache eval events --cv 5`), stored as JSON in
 * `data/models/events-relation.json`. Its labels are the 15 PLV classes (CONCEDE and RETREAT are one, YIELD), and its
 * rule features come from the 2021 CAMEO-to-PLOVER convention the PLV data set is labelled with.
 */
export interface RelationModel {
  readonly kind: 'attache.relation-model/1';
  readonly labels: readonly string[];
  /** feature → weights per label (sparse rows). */
  readonly weights: Readonly<Record<string, readonly number[]>>;
  readonly bias: readonly number[];
  readonly trainedOn?: string;
  /** Rows it was fitted on and the cross-validated scores measured before fitting, for the record. */
  readonly about?: Readonly<Record<string, string | number>>;
}

type Range = readonly [number, number];

function add(f: Map<string, number>, k: string, v = 1): void {
  f.set(k, (f.get(k) ?? 0) + v);
}

/** Features of one pair: bag of lemmas between and around the arguments, their order, the rule's decision. */
export function relationFeatures(t: Toks, s: Range, tg: Range, rule: RelationDecision | undefined): Map<string, number> {
  const f = new Map<string, number>();
  const sFirst = s[0] <= tg[0];
  const [a, b] = sFirst ? [s, tg] : [tg, s];
  add(f, sFirst ? 'order:st' : 'order:ts');
  const lem = (i: number) => t.lemma[i] ?? '';
  for (let i = a[1]; i < b[0]; i++) {
    add(f, `btw:${lem(i)}`);
    if (i + 1 < b[0]) add(f, `btw2:${lem(i)}_${lem(i + 1)}`);
  }
  for (let i = Math.max(0, a[0] - 4); i < a[0]; i++) add(f, `pre:${lem(i)}`);
  for (let i = b[1]; i < Math.min(t.n, b[1] + 6); i++) add(f, `post:${lem(i)}`);
  for (let i = 0; i < t.n; i++) if (t.pos[i] === 'VERB' || t.pos[i] === 'NOUN') add(f, `all:${lem(i)}`, 0.5);
  if (rule) {
    add(f, `rule:${rule.type}`, 2);
    if (rule.baseType) add(f, `base:${rule.baseType}`, 1);
    if (rule.match) add(f, `pat:${rule.match.pattern.id}`);
    if (rule.cues) for (const [k, v] of Object.entries(rule.cues)) if (v) add(f, `cue:${k}`);
    const second = rule.candidates[1];
    if (second) add(f, `rule2:${second.match.pattern.type}`, 0.5);
  }
  return f;
}

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

export function scores(model: RelationModel, f: ReadonlyMap<string, number>): number[] {
  const z = [...model.bias];
  for (const [k, v] of f) {
    const w = model.weights[k];
    if (!w) continue;
    for (let c = 0; c < z.length; c++) z[c]! += w[c]! * v;
  }
  return softmax(z);
}

export function predict(model: RelationModel, f: ReadonlyMap<string, number>): { label: string; p: number } {
  const p = scores(model, f);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return { label: model.labels[best]!, p: p[best]! };
}

/** Trains by full-batch gradient descent with L2 regularisation (deterministic: same data, same model). */
export function trainModel(
  examples: readonly { features: ReadonlyMap<string, number>; label: string }[],
  labels: readonly string[],
  opts: { epochs?: number; rate?: number; l2?: number; minCount?: number } = {},
): RelationModel {
  const epochs = opts.epochs ?? 200;
  const rate = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 1e-3;
  const minCount = opts.minCount ?? 2;
  const counts = new Map<string, number>();
  for (const e of examples) for (const k of e.features.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
  const feats = [...counts].filter(([, c]) => c >= minCount).map(([k]) => k).sort();
  const index = new Map(feats.map((k, i) => [k, i]));
  const C = labels.length;
  const W = feats.map(() => new Float64Array(C));
  const bias = new Float64Array(C);
  const rows = examples.map((e) => ({
    x: [...e.features].filter(([k]) => index.has(k)).map(([k, v]) => [index.get(k)!, v] as const),
    y: labels.indexOf(e.label),
  }));
  const n = rows.length;
  for (let ep = 0; ep < epochs; ep++) {
    const gW = feats.map(() => new Float64Array(C));
    const gB = new Float64Array(C);
    for (const r of rows) {
      if (r.y < 0) continue;
      const z = Array.from(bias);
      for (const [j, v] of r.x) for (let c = 0; c < C; c++) z[c]! += W[j]![c]! * v;
      const p = softmax(z);
      p[r.y]! -= 1;
      for (let c = 0; c < C; c++) gB[c]! += p[c]!;
      for (const [j, v] of r.x) for (let c = 0; c < C; c++) gW[j]![c]! += p[c]! * v;
    }
    for (let c = 0; c < C; c++) bias[c]! -= (rate * gB[c]!) / n;
    for (let j = 0; j < feats.length; j++) for (let c = 0; c < C; c++) W[j]![c]! -= rate * (gW[j]![c]! / n + l2 * W[j]![c]!);
  }
  const weights: Record<string, number[]> = {};
  for (let j = 0; j < feats.length; j++) {
    const w = Array.from(W[j]!, (x) => Math.round(x * 1e4) / 1e4);
    if (w.some((x) => x !== 0)) weights[feats[j]!] = w;
  }
  return { kind: 'attache.relation-model/1', labels: [...labels], weights, bias: Array.from(bias, (x) => Math.round(x * 1e4) / 1e4) };
}

const MODEL_FILE = new URL('../../../data/models/events-relation.json', import.meta.url);
let shipped: RelationModel | null | undefined;

/** A model file read and checked, or null where the file is absent or is not a relation model of this kind. */
export function loadRelationModel(file: URL | string): RelationModel | null {
  if (!existsSync(file)) return null;
  let m: Partial<RelationModel>;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as Partial<RelationModel>;
  } catch {
    return null;
  }
  const C = m.labels?.length ?? 0;
  if (m.kind !== 'attache.relation-model/1' || !C || m.bias?.length !== C || typeof m.weights !== 'object' || !m.weights) return null;
  return m as RelationModel;
}

/** The shipped model, or null where `data/models/events-relation.json` is absent (the rules then code alone). */
export function shippedRelationModel(): RelationModel | null {
  if (shipped === undefined) shipped = loadRelationModel(MODEL_FILE);
  return shipped;
}

const merged = (type: string) => (type === 'CONCEDE' || type === 'RETREAT' ? 'YIELD' : type);

export interface ModelDecision {
  /** The model's class (one of its labels; YIELD for CONCEDE or RETREAT). */
  readonly label: string;
  readonly p: number;
  /** The rule candidate of the model's class with the best score, whose code and trigger the pair then takes. */
  readonly candidate?: RelationDecision['candidates'][number];
}

/**
 * The model's reading of a pair, given the rules' decision under the 2021 convention (the one it was fitted on).
 * Where the rules' own type is the model's class, the rule decision stands; otherwise the best rule candidate of
 * the model's class (if any) supplies the code and trigger.
 */
export function modelDecision(model: RelationModel, t: Toks, s: Range, tg: Range, rule2021: RelationDecision): ModelDecision {
  const { label, p } = predict(model, relationFeatures(t, s, tg, rule2021));
  if (rule2021.match && merged(rule2021.type) === label) return { label, p, candidate: rule2021.candidates.find((c) => c.match === rule2021.match)! };
  const candidate = rule2021.candidates.find((c) => merged(cameoEntry(c.match.pattern.cameo, 'cameo2plover-2021')?.type ?? c.match.pattern.type) === label);
  return { label, p, ...(candidate ? { candidate } : {}) };
}
