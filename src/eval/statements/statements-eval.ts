import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { listOption, parse } from '../../cli/args.js';
import { EXIT, type Io } from '../../cli/io.js';
import { SAME_STATEMENT, sameStatement, toWording } from '../../components/statements/wording.js';
import { AttacheError } from '../../errors.js';
import { checkMins, parseMins } from '../thresholds.js';

const USAGE = 'attache eval statements [--data FILE] [--json] [--min NAME=VALUE …]';

interface PairSet {
  id: number;
  speaker: string;
  wordings: string[];
  not?: string[];
}

export interface PairCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface PairScores extends PairCounts {
  precision: number;
  recall: number;
  f1: number;
  positives: number;
  negatives: number;
}

/** Every labelled pair of the set file: inside a set (same), against its `not` wordings and across sets of one speaker (different). */
export function labelledPairs(sets: readonly PairSet[]): { a: string; b: string; same: boolean; setId: number }[] {
  const out: { a: string; b: string; same: boolean; setId: number }[] = [];
  for (const s of sets) {
    for (let i = 0; i < s.wordings.length; i++) {
      for (let j = i + 1; j < s.wordings.length; j++) out.push({ a: s.wordings[i]!, b: s.wordings[j]!, same: true, setId: s.id });
      for (const n of s.not ?? []) out.push({ a: s.wordings[i]!, b: n, same: false, setId: s.id });
    }
  }
  for (let x = 0; x < sets.length; x++) {
    for (let y = x + 1; y < sets.length; y++) {
      const [s, t] = [sets[x]!, sets[y]!];
      if (s.speaker !== t.speaker) continue;
      for (const a of s.wordings) for (const b of t.wordings) out.push({ a, b, same: false, setId: s.id });
    }
  }
  return out;
}

export function scorePairs(pairs: readonly { a: string; b: string; same: boolean }[], t = SAME_STATEMENT): PairScores {
  const c: PairCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const p of pairs) {
    const merged = sameStatement(toWording(p.a), toWording(p.b), t);
    if (merged && p.same) c.tp++;
    else if (merged) c.fp++;
    else if (p.same) c.fn++;
    else c.tn++;
  }
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, positives: c.tp + c.fn, negatives: c.fp + c.tn };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { data: { type: 'string' }, json: { type: 'boolean' }, min: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    io.out(`${USAGE}\n\nPrecision and recall of merging two wordings into one statement, on our own paraphrase set\n(data/eval/statement-pairs.yaml by default): odd sets tune the thresholds, even sets report.\n`);
    return EXIT.ok;
  }
  const file = values.data ?? new URL('../../../data/eval/statement-pairs.yaml', import.meta.url).pathname;
  let sets: PairSet[];
  try {
    sets = (parseYaml(readFileSync(file, 'utf8')) as { sets: PairSet[] }).sets;
  } catch (e) {
    throw new AttacheError('ATT_E031', `cannot read the pair set (${(e as Error).message.split('\n')[0]})`, file);
  }
  const tune = scorePairs(labelledPairs(sets.filter((s) => s.id % 2 === 1)));
  const report = scorePairs(labelledPairs(sets.filter((s) => s.id % 2 === 0)));
  const all = scorePairs(labelledPairs(sets));
  const metrics = { precision: report.precision, recall: report.recall, f1: report.f1, 'tune.precision': tune.precision, 'tune.recall': tune.recall };
  if (values.json) io.out(`${JSON.stringify({ thresholds: SAME_STATEMENT, tune, report, all }, null, 2)}\n`);
  else {
    const row = (name: string, s: PairScores) =>
      `${name.padEnd(8)} ${String(s.positives).padStart(5)} ${String(s.negatives).padStart(5)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
    io.out(`statements: merging wordings of one speaker (thresholds: min words ${SAME_STATEMENT.minWords}, overlap ≥ ${SAME_STATEMENT.overlap}, Dice ≥ ${SAME_STATEMENT.dice})\n`);
    io.out(`split      pos   neg  P      R      F1\n${row('tune', tune)}\n${row('report', report)}\n${row('all', all)}\n`);
  }
  return checkMins('statements', metrics, parseMins(listOption(values.min), Object.keys(metrics)), io) ? EXIT.ok : EXIT.failed;
}
