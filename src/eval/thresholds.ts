import { AttacheError } from '../errors.js';
import type { Io } from '../cli/io.js';

/** Parses `--min NAME=VALUE` options against the metric names an evaluation reports. */
export function parseMins(specs: readonly string[], known: readonly string[]): [string, number][] {
  return specs.map((spec) => {
    const m = /^([\w.+-]+)=(\d*\.?\d+)$/.exec(spec);
    if (!m) throw new AttacheError('ATT_E030', `--min takes NAME=VALUE such as f1=0.9, not "${spec}"`);
    if (!known.includes(m[1]!)) throw new AttacheError('ATT_E030', `--min: unknown metric "${m[1]}" (have: ${known.join(', ')})`);
    return [m[1]!, Number(m[2])];
  });
}

/** Reports every metric below its threshold; true when all pass. */
export function checkMins(task: string, metrics: Readonly<Record<string, number>>, mins: readonly [string, number][], io: Io): boolean {
  let ok = true;
  for (const [name, min] of mins) {
    const v = metrics[name] ?? Number.NaN;
    if (!(v >= min)) {
      io.err(`attache eval ${task}: ${name} ${Number.isFinite(v) ? v.toFixed(4) : 'n/a'} is below the threshold ${min}\n`);
      ok = false;
    }
  }
  return ok;
}

/** The options every `attache eval` task takes; a task spreads these and adds its own. */
export const EVAL_OPTIONS = {
  data: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  min: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--data`, which every data-set evaluation needs. */
export function requireData(data: string | undefined, usage: string): string {
  if (!data) throw new AttacheError('ATT_E030', `--data is required\nusage: ${usage}`);
  return data;
}
