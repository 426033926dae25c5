import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../analysis/analysis.js';
import { Analyzer } from '../../analysis/analyzer.js';
import { intOption, listOption, parse } from '../../cli/args.js';
import { EXIT, type Io } from '../../cli/io.js';
import { componentsUpTo } from '../../components/registry.js';
import { AttacheError } from '../../errors.js';
import { checkMins, EVAL_OPTIONS, parseMins, requireData } from '../thresholds.js';
import { loadPolnear } from '../polnear.js';
import {
  attributionsFromAnalysis,
  emptySubsets,
  goldAsScored,
  prf,
  scoreDocument,
  type Counts,
  type SubsetCounts,
} from './score.js';
import { checkSeed, type SeedReport } from './seed-check.js';

const USAGE = 'attache eval quotes --data DIR [--split dev|train] [--limit N] [--json] [--min NAME=VALUE …]';

export interface PolnearReport {
  readonly dataset: 'polnear';
  readonly split: string;
  readonly documents: number;
  readonly at05: SubsetCounts;
  readonly at08: SubsetCounts;
  readonly metrics: Record<string, number>;
  readonly articlesPerSecond: number;
}

/** Analyses built through the `quotes` component (and whatever the registry puts before it). */
export function quotesAnalyzer(): Analyzer {
  return new Analyzer({ components: componentsUpTo('quotes') });
}

export function evaluatePolnear(root: string, split: string, limit = Infinity, analyzer = quotesAnalyzer()): PolnearReport {
  const docs = loadPolnear(root, split, limit);
  const at05 = emptySubsets();
  const at08 = emptySubsets();
  let ms = 0;
  for (const d of docs) {
    const t0 = performance.now();
    const a = analyzer.analyzeRaw({ uri: `${d.split}/${d.name}.txt`, kind: 'text', content: d.text });
    ms += performance.now() - t0;
    const gold = d.attributions.map(goldAsScored);
    const pred = attributionsFromAnalysis(a);
    scoreDocument(d.text, gold, pred, 0.5, at05);
    scoreDocument(d.text, gold, pred, 0.8, at08);
  }
  return { dataset: 'polnear', split, documents: docs.length, at05, at08, metrics: polnearMetrics(at05, at08), articlesPerSecond: docs.length / (ms / 1000) };
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function polnearMetrics(at05: SubsetCounts, at08: SubsetCounts): Record<string, number> {
  const m: Record<string, number> = {};
  const put = (prefix: string, c: Counts) => {
    const content = prf(c.matched, c.predicted, c.gold);
    const src = prf(c.matchedSource, c.predicted, c.gold);
    const cue = prf(c.matchedSourceCue, c.predicted, c.gold);
    m[`${prefix}content_p`] = r3(content.p);
    m[`${prefix}content_r`] = r3(content.r);
    m[`${prefix}content_f1`] = r3(content.f1);
    m[`${prefix}source_p`] = r3(src.p);
    m[`${prefix}source_r`] = r3(src.r);
    m[`${prefix}source_f1`] = r3(src.f1);
    m[`${prefix}source_cue_f1`] = r3(cue.f1);
  };
  put('', at05.all);
  put('direct_', at05.direct);
  put('indirect_', at05.indirect);
  put('pronoun_', at05.pronounSource);
  put('named_', at05.namedSource);
  put('d08_', at08.all);
  put('d08_direct_', at08.direct);
  put('d08_indirect_', at08.indirect);
  return m;
}

function pct(x: number): string {
  return x.toFixed(3);
}

export function polnearTable(r: PolnearReport): string {
  const rows: string[] = [];
  const head = `${'subset'.padEnd(22)} ${'gold'.padStart(6)} ${'pred'.padStart(6)}   content P/R/F1        +source P/R/F1        +source+cue P/R/F1`;
  const line = (name: string, c: Counts) => {
    const a = prf(c.matched, c.predicted, c.gold);
    const b = prf(c.matchedSource, c.predicted, c.gold);
    const d = prf(c.matchedSourceCue, c.predicted, c.gold);
    const t = (x: { p: number; r: number; f1: number }) => `${pct(x.p)} ${pct(x.r)} ${pct(x.f1)}`;
    return `${name.padEnd(22)} ${String(c.gold).padStart(6)} ${String(c.predicted).padStart(6)}   ${t(a)}   ${t(b)}   ${t(d)}`;
  };
  for (const [label, s] of [['Dice ≥ 0.5', r.at05], ['Dice ≥ 0.8', r.at08]] as const) {
    rows.push(`PolNeAR ${r.split} (${r.documents} articles), ${label}`, head);
    rows.push(line('all', s.all), line('direct (quote marks)', s.direct), line('indirect', s.indirect));
    rows.push(line('gold source: pronoun', s.pronounSource), line('gold source: named', s.namedSource), '');
  }
  rows.push('(pronoun/named rows: gold counts are attributions whose gold source is a pronoun/name; predicted counts split our sources the same way)');
  rows.push(`speed: ${r.articlesPerSecond.toFixed(1)} articles/s through the quotes component (one core)`);
  return `${rows.join('\n')}\n`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { ...EVAL_OPTIONS, split: { type: 'string' } },
    USAGE,
  );
  if (values.help) {
    io.out(`usage: ${USAGE}\n`);
    return EXIT.ok;
  }
  const data = requireData(values.data, USAGE);
  const mins = listOption(values.min);
  if (!existsSync(data)) {
    io.err(`attache eval quotes: skipped: ${data} is absent\n`);
    return EXIT.ok;
  }
  if (existsSync(join(data, 'metadata.tsv'))) {
    const report = evaluatePolnear(data, values.split ?? 'dev', intOption(values.limit, 'limit', Infinity));
    const metrics = { ...report.metrics, articles_per_s: Math.round(report.articlesPerSecond * 10) / 10 };
    io.out(values.json ? `${JSON.stringify({ ...report, metrics }, null, 2)}\n` : polnearTable(report));
    return checkMins('quotes', metrics, parseMins(mins, Object.keys(metrics)), io) ? EXIT.ok : EXIT.failed;
  }
  const goldFiles = readdirSync(data).filter((f) => f.endsWith('.gold.json'));
  if (goldFiles.length) {
    const reports: SeedReport[] = [];
    const analyzer = quotesAnalyzer();
    for (const g of goldFiles.sort()) {
      const txt = join(data, g.replace(/\.gold\.json$/, '.txt'));
      if (!existsSync(txt)) throw new AttacheError('ATT_E031', 'gold file without its .txt', join(data, g));
      const a: Analysis = analyzer.analyzeRaw({ uri: txt, kind: 'text', content: readFileSync(txt, 'utf8') });
      reports.push(checkSeed(a, JSON.parse(readFileSync(join(data, g), 'utf8')) as unknown, join(data, g)));
    }
    const metrics: Record<string, number> = {};
    for (const r of reports) for (const [k, v] of Object.entries(r.metrics)) metrics[k] = (metrics[k] ?? 0) + v;
    io.out(values.json ? `${JSON.stringify({ reports, metrics }, null, 2)}\n` : reports.map((r) => r.table).join('\n'));
    return checkMins('quotes', metrics, parseMins(mins, Object.keys(metrics)), io) ? EXIT.ok : EXIT.failed;
  }
  throw new AttacheError('ATT_E031', 'neither a PolNeAR folder (metadata.tsv) nor a folder with *.gold.json files', data);
}
