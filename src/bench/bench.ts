import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Analyzer } from '../analysis/analyzer.js';
import { ALL_COMPONENTS } from '../components/registry.js';
import type { Doc } from '../doc/doc.js';
import { AttacheError, describeError } from '../errors.js';
import { articlesFromBytes, isFailure, type InputKind, type RawArticle } from '../read/sources.js';
import { toDoc } from '../read/to-doc.js';

/**
 * `npm run bench`: articles/s, tokens/s and peak RSS per pipeline stage, on one core in one
 * process, over a corpus built at run time from `../shared/data` (PolNeAR texts for plain text,
 * AEB pages for HTML). Stages are `read` (the reader alone) and "up to" each component the
 * registry lists, so the last stage is the full default pipeline.
 */

const USAGE =
  'node dist/bench/bench.js [--data DIR] [--kind text|html] [--limit N] [--stage NAME] [--warmup N] [--repeat N] [--isolate] [--json]';

export interface StageResult {
  readonly kind: InputKind;
  readonly stage: string;
  readonly pipeline: string;
  readonly docs: number;
  readonly failed: number;
  readonly tokens: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  /** Articles per second of wall-clock time. */
  readonly articlesPerSecond: number;
  /** Articles per second of this process's CPU time (less sensitive to other work on the machine). */
  readonly articlesPerCpuSecond: number;
  readonly tokensPerSecond: number;
  /** Peak resident set size of the process so far (stages run cheapest first), in MB. */
  readonly peakRssMB: number;
}

export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../../shared/data', import.meta.url));
}

function sortedFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(dir, f));
}

/** The plain-text corpus (PolNeAR train + dev texts) or the HTML one (AEB pages), read into memory. */
export function loadCorpus(dataDir: string, kind: InputKind, limit: number): RawArticle[] {
  const files =
    kind === 'text'
      ? [...sortedFiles(join(dataDir, 'polnear', 'train', 'text'), '.txt'), ...sortedFiles(join(dataDir, 'polnear', 'dev', 'text'), '.txt')]
      : sortedFiles(join(dataDir, 'aeb', 'html'), '.html.gz');
  const out: RawArticle[] = [];
  for (const f of files) {
    if (limit > 0 && out.length >= limit) break;
    for (const r of articlesFromBytes(readFileSync(f), f, { kind })) if (!isFailure(r)) out.push(r);
  }
  return out.slice(0, limit > 0 ? limit : undefined);
}

function runStage(raws: readonly RawArticle[], analyzer: Analyzer | undefined): { tokens: number; failed: number } {
  let tokens = 0;
  let failed = 0;
  for (const raw of raws) {
    let doc: Doc;
    try {
      doc = toDoc(raw);
    } catch {
      failed++;
      continue;
    }
    if (analyzer) analyzer.runDoc(doc);
    if (doc.hasFatal()) failed++;
    tokens += doc.tokens?.length ?? 0;
  }
  return { tokens, failed };
}

/**
 * Times one stage over the corpus after a warm-up on its first documents. With `repeat` > 1 the
 * corpus is run that many times and the fastest run is kept (the least disturbed by other work).
 */
export function benchStage(kind: InputKind, stage: string, raws: readonly RawArticle[], warmup: number, repeat = 1): StageResult {
  const analyzer = stage === 'read' ? undefined : new Analyzer({ upTo: stage });
  runStage(raws.slice(0, warmup), analyzer);
  let wallSeconds = Infinity;
  let cpuSeconds = Infinity;
  let tokens = 0;
  let failed = 0;
  for (let r = 0; r < Math.max(1, repeat); r++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    ({ tokens, failed } = runStage(raws, analyzer));
    wallSeconds = Math.min(wallSeconds, Number(process.hrtime.bigint() - t0) / 1e9);
    const cpu = process.cpuUsage(cpu0);
    cpuSeconds = Math.min(cpuSeconds, (cpu.user + cpu.system) / 1e6);
  }
  return {
    kind,
    stage,
    pipeline: analyzer ? analyzer.pipeline.version : 'read',
    docs: raws.length,
    failed,
    tokens,
    wallSeconds,
    cpuSeconds,
    articlesPerSecond: raws.length / wallSeconds,
    articlesPerCpuSecond: raws.length / cpuSeconds,
    tokensPerSecond: tokens / wallSeconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** Runs one stage in a child process of its own, so its peak RSS is its own. */
function isolated(kind: InputKind, stage: string, dataDir: string, limit: number, warmup: number, repeat: number): StageResult {
  const args = [fileURLToPath(import.meta.url), '--json', '--kind', kind, '--stage', stage, '--data', dataDir, '--warmup', String(warmup), '--repeat', String(repeat)];
  if (limit) args.push('--limit', String(limit));
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  const parsed = JSON.parse(out) as { results: StageResult[] };
  const r = parsed.results[0];
  if (!r) throw new AttacheError('ATT_E031', `stage ${stage} (${kind}) gave no result`);
  return r;
}

function table(results: readonly StageResult[]): string {
  const head = ['kind', 'stage', 'docs', 'failed', 'articles/s', 'art/cpu-s', 'tokens/s', 'peak RSS MB'];
  const rows = results.map((r) => [
    r.kind,
    r.stage,
    String(r.docs),
    String(r.failed),
    r.articlesPerSecond.toFixed(1),
    r.articlesPerCpuSecond.toFixed(1),
    r.tokens ? Math.round(r.tokensPerSecond).toLocaleString('en-US') : '-',
    r.peakRssMB.toFixed(0),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let opts;
  try {
    opts = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        kind: { type: 'string' },
        limit: { type: 'string' },
        stage: { type: 'string' },
        warmup: { type: 'string' },
        repeat: { type: 'string' },
        isolate: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new AttacheError('ATT_E030', `${(e as Error).message.split('\n')[0]}\nusage: ${USAGE}`);
  }
  if (opts.help) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return 0;
  }
  const num = (v: string | undefined, name: string, d: number) => {
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new AttacheError('ATT_E030', `--${name} takes a whole number, not "${v}"`);
    return n;
  };
  const limit = num(opts.limit, 'limit', 0);
  const warmupN = num(opts.warmup, 'warmup', 30);
  const repeat = Math.max(1, num(opts.repeat, 'repeat', 1));
  const names = ALL_COMPONENTS.map((c) => c.name);
  const stages = ['read', ...names];
  if (opts.stage && !stages.includes(opts.stage)) {
    throw new AttacheError('ATT_E030', `unknown stage "${opts.stage}" (have: ${stages.join(', ')})`);
  }
  if (opts.kind && opts.kind !== 'text' && opts.kind !== 'html') throw new AttacheError('ATT_E030', `--kind takes text or html, not "${opts.kind}"`);
  const kinds: InputKind[] = opts.kind ? [opts.kind as InputKind] : ['text', 'html'];
  const dataDir = resolve(opts.data ?? defaultDataDir());
  if (!existsSync(dataDir)) {
    process.stderr.write(`bench skipped: ${dataDir} is absent (it needs ../shared/data with polnear/ and aeb/)\n`);
    return 0;
  }
  const results: StageResult[] = [];
  for (const kind of kinds) {
    const raws = loadCorpus(dataDir, kind, limit);
    if (!raws.length) {
      process.stderr.write(`bench: no ${kind === 'text' ? 'PolNeAR texts' : 'AEB pages'} under ${dataDir}; ${kind} skipped\n`);
      continue;
    }
    for (const stage of opts.stage ? [opts.stage] : stages) {
      const r = opts.isolate
        ? isolated(kind, stage, dataDir, limit, warmupN, repeat)
        : benchStage(kind, stage, raws, Math.min(warmupN, raws.length), repeat);
      results.push(r);
      if (!opts.json) process.stderr.write(`  ${kind} ${stage}: ${r.articlesPerSecond.toFixed(1)} articles/s\n`);
    }
  }
  if (opts.json) process.stdout.write(`${JSON.stringify({ node: process.version, dataDir, results }, null, 2)}\n`);
  else {
    process.stdout.write(`${table(results)}\n`);
    process.stdout.write(
      `\n${opts.isolate ? 'each stage in a fresh process, one at a time' : 'one process'}, one thread (node ${process.version}); ` +
        `full pipeline = ${names.join(' → ')}; ${repeat > 1 ? `fastest of ${repeat} runs; ` : ''}` +
        "articles/s is wall-clock, art/cpu-s per second of this process's CPU time; " +
        `peak RSS is the process maximum${opts.isolate ? ' for the stage' : ' so far (stages run in the order shown)'}.\n`,
    );
  }
  return 0;
}

function isEntryPoint(): boolean {
  return !!process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`bench: ${describeError(e)}\n`);
      process.exitCode = e instanceof AttacheError && e.code === 'ATT_E030' ? 2 : 1;
    },
  );
}
