import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RelationModel } from '../../components/events/relation-model.js';
import { readRelationTsv } from './plv-data.js';
import { fitRelationModel } from './plv-eval.js';

/**
 * Fits the given-pair relation model (`src/components/events/relation-model.ts`) on every row of PLV train and writes
 * `data/models/events-relation.json`, its weights rounded to two decimals (a feature whose weights all round to zero
 * is left out). `attache eval events --cv 5` measures the same model fitted inside each training fold; it never
 * scores this one, which has seen every row.
 *
 *   node dist/eval/events/train.js [--data ../shared/data/plv/PLV_train.tsv] [--out data/models/events-relation.json]
 */
export function trainRelationModel(data: string): RelationModel {
  const rows = readRelationTsv(data, { requireGold: true }).rows;
  const m = fitRelationModel(rows, 'cameo2plover-2021', 'PLV_train.tsv');
  const r2 = (x: number) => Math.round(x * 100) / 100 || 0;
  const weights: Record<string, number[]> = {};
  for (const [k, w] of Object.entries(m.weights)) {
    const v = w.map(r2);
    if (v.some((x) => x !== 0)) weights[k] = v;
  }
  return { ...m, weights, bias: m.bias.map(r2), about: { trainer: 'src/eval/events/train.ts', convention: 'cameo2plover-2021', rows: rows.length } };
}

function main(argv: string[]): void {
  const arg = (name: string, dflt: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : dflt;
  };
  const data = arg('data', '../shared/data/plv/PLV_train.tsv');
  const out = arg('out', fileURLToPath(new URL('../../../data/models/events-relation.json', import.meta.url)));
  const t0 = performance.now();
  const m = trainRelationModel(data);
  const json = JSON.stringify(m);
  writeFileSync(out, `${json}\n`);
  process.stderr.write(`wrote ${out} (${Object.keys(m.weights).length} features × ${m.labels.length} labels, ${(json.length / 1024).toFixed(0)} KB) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
