import { readFileSync } from 'node:fs';
import { Analyzer } from '../../analysis/analyzer.js';
import { intOption, listOption, parse } from '../../cli/args.js';
import { EXIT, type Io } from '../../cli/io.js';
import type { Doc } from '../../doc/doc.js';
import { hasOffsets } from '../../doc/span.js';
import { AttacheError, describeError } from '../../errors.js';
import { articlesFromBytes, isFailure } from '../../read/sources.js';
import { toDoc } from '../../read/to-doc.js';
import { authorMatches, dateMatches, titleMatches } from './compare.js';
import { detectDataset, loadPages, type ExtractionDataset, type ExtractionPage } from './datasets.js';
import { aebAggregate, meanScores, shingleCounts, wordScores, type Counts, type PrF } from './metrics.js';
import { checkMins, EVAL_OPTIONS, parseMins, requireData } from '../thresholds.js';

const USAGE = 'attache eval extraction --data DIR [--limit N] [--json] [--verbose] [--min NAME=VALUE …]';

/** The text that is scored: the Doc text without ignored ranges and without the headline span. */
export function scoredBody(doc: Doc): string {
  const cut: { start: number; end: number }[] = doc.ignoredRanges().map((s) => ({ start: s.start, end: s.end }));
  if (hasOffsets(doc.meta.headline)) cut.push({ start: doc.meta.headline.start, end: doc.meta.headline.end });
  cut.sort((x, y) => x.start - y.start);
  const text = doc.text;
  const parts: string[] = [];
  let at = 0;
  for (const c of cut) {
    if (c.start > at) parts.push(text.slice(at, c.start));
    at = Math.max(at, c.end);
  }
  parts.push(text.slice(at));
  // Joined with a line break so that words on either side of a cut never fuse.
  return parts.join('\n');
}

interface PageResult {
  readonly id: string;
  readonly ms: number;
  readonly error?: string;
  readonly counts?: Counts;
  readonly words?: PrF;
  readonly title?: boolean;
  readonly author?: boolean;
  readonly date?: boolean;
  readonly titleHint?: boolean;
  readonly dateHint?: boolean;
  readonly predicted: { title?: string; authors: readonly string[]; date?: string; titleHint?: string; dateHint?: string };
}

export interface ExtractionReport {
  readonly dataset: ExtractionDataset;
  readonly pages: number;
  readonly failed: number;
  readonly metrics: Record<string, number>;
  /** How many pages each accuracy counts (WCXB pages without a gold value are left out). */
  readonly counted: Record<string, number>;
  /** Pages per second of wall-clock time spent reading and analysing (noisy where other work shares the cores). */
  readonly pagesPerSecond: number;
  readonly msPerPage: number;
  /** Pages per second of this process's CPU time (user + system) spent on them: steadier on a shared machine. */
  readonly pagesPerCpuSecond: number;
  readonly cpuMsPerPage: number;
  readonly peakRssMb: number;
}

type AccuracyKey = 'title' | 'author' | 'date' | 'titleHint' | 'dateHint';

function accuracy(results: readonly PageResult[], key: AccuracyKey): [number, number] {
  const scored = results.filter((r) => r[key] !== undefined);
  return [scored.length ? scored.filter((r) => r[key]).length / scored.length : 0, scored.length];
}

/** Extracts every page and scores it; `onPage` sees each result as it comes. */
export function evaluatePages(
  dataset: ExtractionDataset,
  pages: readonly ExtractionPage[],
  onPage?: (i: number, r: PageResult) => void,
): { report: ExtractionReport; results: PageResult[] } {
  const analyzer = new Analyzer({ upTo: 'structure' });
  const results: PageResult[] = [];
  let total = 0;
  let cpuTotal = 0;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const bytes = readFileSync(page.html);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let doc: Doc | undefined;
    let error: string | undefined;
    try {
      const raws = articlesFromBytes(bytes, page.html, { kind: 'html' });
      const raw = raws[0]!;
      if (isFailure(raw)) throw raw.error;
      doc = analyzer.runDoc(toDoc(page.url ? { ...raw, url: page.url } : raw));
      const fatal = doc.diagnostics.find((d) => d.severity === 'fatal');
      if (fatal) error = fatal.message;
    } catch (e) {
      error = describeError(e);
    }
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    total += ms;
    cpuTotal += (c.user + c.system) / 1000;
    const body = doc && !error ? scoredBody(doc) : '';
    const headline = doc?.meta.headline?.text;
    const published = doc?.meta.published;
    const authors = doc?.meta.authors ?? [];
    const titleHint = doc?.meta.hints.title;
    const dateHint = doc?.meta.hints.published;
    const r: PageResult = {
      id: page.id,
      ms,
      ...(error ? { error } : {}),
      ...(dataset === 'aeb' ? { counts: shingleCounts(page.body, body) } : { words: wordScores(page.body, body) }),
      ...(page.title !== undefined ? { title: titleMatches(page.title, headline), titleHint: titleMatches(page.title, titleHint) } : {}),
      ...(page.author !== undefined ? { author: authorMatches(page.author, authors) } : {}),
      ...(page.date !== undefined ? { date: dateMatches(page.date, published), dateHint: dateMatches(page.date, dateHint) } : {}),
      predicted: {
        ...(headline ? { title: headline } : {}),
        authors,
        ...(published ? { date: published } : {}),
        ...(titleHint ? { titleHint } : {}),
        ...(dateHint ? { dateHint } : {}),
      },
    };
    results.push(r);
    onPage?.(i, r);
  }
  const metrics: Record<string, number> = {};
  const counted: Record<string, number> = {};
  if (dataset === 'aeb') {
    const agg = aebAggregate(results.map((r) => r.counts!));
    Object.assign(metrics, { f1: agg.f1, precision: agg.precision, recall: agg.recall });
    counted.f1 = results.length;
  } else {
    const agg = meanScores(results.map((r) => r.words!));
    Object.assign(metrics, { f1: agg.f1, precision: agg.precision, recall: agg.recall });
    counted.f1 = results.length;
    for (const key of ['title', 'author', 'date', 'titleHint', 'dateHint'] as const) {
      const [acc, n] = accuracy(results, key);
      metrics[key] = acc;
      counted[key] = n;
    }
    // Pages whose gold has no date or author but where we gave one (not scored, shown for judgement).
    counted.dateWithoutGold = results.filter((r, i) => pages[i]!.date === undefined && r.predicted.date).length;
    counted.authorWithoutGold = results.filter((r, i) => pages[i]!.author === undefined && r.predicted.authors.length > 0).length;
  }
  const rssKb = process.resourceUsage().maxRSS;
  return {
    results,
    report: {
      dataset,
      pages: results.length,
      failed: results.filter((r) => r.error).length,
      metrics,
      counted,
      pagesPerSecond: total > 0 ? (results.length * 1000) / total : 0,
      msPerPage: results.length ? total / results.length : 0,
      pagesPerCpuSecond: cpuTotal > 0 ? (results.length * 1000) / cpuTotal : 0,
      cpuMsPerPage: results.length ? cpuTotal / results.length : 0,
      peakRssMb: Math.round(rssKb / 1024),
    },
  };
}

function table(report: ExtractionReport): string {
  const rows: [string, string, string][] = [['metric', 'value', 'pages']];
  for (const [k, v] of Object.entries(report.metrics)) rows.push([k, v.toFixed(4), String(report.counted[k] ?? report.pages)]);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = rows.map((r) => `${r[0].padEnd(w0)}  ${r[1].padStart(w1)}  ${r[2]}`);
  const c = report.counted;
  const notes =
    report.dataset === 'wcxb'
      ? `\nnot scored: ${report.pages - (c.date ?? 0)} pages without a gold date (we gave a date on ${c.dateWithoutGold}), ` +
        `${report.pages - (c.author ?? 0)} without a gold author (we gave one on ${c.authorWithoutGold})\n` +
        'title/date: meta.headline and meta.published after structure; titleHint/dateHint: what the HTML reader declared (meta.hints)'
      : '';
  return (
    `${report.dataset === 'aeb' ? 'AEB body extraction (word 4-gram shingles)' : 'WCXB article pages (body word-F1; title, author, date accuracy)'}\n` +
    `${lines.join('\n')}${notes}\n` +
    `${report.pages} pages, ${report.failed} failed; read + structure: ${report.msPerPage.toFixed(1)} ms/page wall (${report.pagesPerSecond.toFixed(1)} pages/s), ` +
    `${report.cpuMsPerPage.toFixed(1)} ms/page CPU (${report.pagesPerCpuSecond.toFixed(1)} pages/CPU-s); peak RSS ${report.peakRssMb} MB\n`
  );
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { ...EVAL_OPTIONS, verbose: { type: 'boolean' } },
    USAGE,
  );
  if (values.help) {
    io.out(`usage: ${USAGE}\n`);
    return EXIT.ok;
  }
  const data = requireData(values.data, USAGE);
  const dataset = detectDataset(data);
  const known = dataset === 'aeb' ? ['f1', 'precision', 'recall', 'pagesPerSecond'] : ['f1', 'precision', 'recall', 'title', 'author', 'date', 'titleHint', 'dateHint', 'pagesPerSecond'];
  const mins = parseMins(listOption(values.min), known);
  let pages = loadPages(data, dataset);
  const limit = intOption(values.limit, 'limit', 0);
  if (limit > 0) pages = pages.slice(0, limit);
  const progress = io.stderrIsTTY && !values.json;
  const { report, results } = evaluatePages(dataset, pages, progress ? (i) => io.err(`\r${i + 1}/${pages.length}`) : undefined);
  if (progress) io.err('\r\x1b[K');
  if (values.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(table(report));
  if (values.verbose) {
    const score = (r: PageResult) => (r.counts ? Math.min(r.counts.tp + r.counts.fp > 0 ? r.counts.tp / (r.counts.tp + r.counts.fp) : 0, r.counts.tp + r.counts.fn > 0 ? r.counts.tp / (r.counts.tp + r.counts.fn) : 1) : (r.words?.f1 ?? 0));
    const worst = [...results].sort((a, b) => score(a) - score(b)).slice(0, Number(process.env.ATTACHE_EVAL_WORST ?? 15));
    io.err('worst pages (min of precision and recall, or word F1):\n');
    for (const r of worst) {
      const pr = r.counts ? `tp=${r.counts.tp} fp=${r.counts.fp} fn=${r.counts.fn}` : `P=${r.words!.precision.toFixed(3)} R=${r.words!.recall.toFixed(3)}`;
      io.err(`  ${score(r).toFixed(3)}  ${r.id}  ${pr}${r.error ? `  error: ${r.error}` : ''}\n`);
    }
    if (dataset === 'wcxb') {
      const n = Number(process.env.ATTACHE_EVAL_SHOW ?? 12);
      for (const key of ['title', 'author', 'date', 'titleHint', 'dateHint'] as const) {
        const wrong = results.filter((r) => r[key] === false);
        io.err(`${key}: ${wrong.length} wrong\n`);
        for (const r of wrong.slice(0, n)) {
          const page = pages.find((p) => p.id === r.id)!;
          const gold = key.startsWith('title') ? page.title : key === 'author' ? page.author : page.date;
          const pred = key === 'author' ? r.predicted.authors.join(' ; ') : r.predicted[key];
          io.err(`  ${r.id}  gold=${JSON.stringify(gold)}  ours=${JSON.stringify(pred ?? null)}\n`);
        }
      }
    }
  }
  const allFailed = report.failed === report.pages && report.pages > 0;
  const passed = checkMins('extraction', { ...report.metrics, pagesPerSecond: report.pagesPerSecond }, mins, io);
  return allFailed || !passed ? EXIT.failed : EXIT.ok;
}
