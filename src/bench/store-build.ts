import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Analysis } from '../analysis/analysis.js';
import { defaultJobs, startPool } from '../ingest/analyze-pool.js';
import { ingestItems } from '../ingest/ingest-sources.js';
import { contentId } from '../read/to-doc.js';
import { openStore, type ArticleInput } from '../store/store.js';

/**
 * Builds a large store for search benchmarks: analyses the PolNeAR texts once (or reads the Analyses
 * of an existing store with `--from`), then stores them again and again, each copy a different article
 * (a copy number appended to the text, so its content hash differs), with dates shifted by weeks and
 * outlets varied, until the store holds at least `--quotes` quotes (default 100,000).
 *
 * `node dist/bench/store-build.js --db quotes.db [--quotes 100000] [--from polnear.db] [--jobs N]`
 */

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    quotes: { type: 'string' },
    from: { type: 'string' },
    jobs: { type: 'string' },
    data: { type: 'string' },
  },
});
if (!values.db) {
  process.stderr.write('usage: node dist/bench/store-build.js --db FILE [--quotes N] [--from DB] [--jobs N] [--data DIR]\n');
  process.exit(2);
}
const target = Number(values.quotes ?? 100_000);

async function baseAnalyses(): Promise<Analysis[]> {
  const out: Analysis[] = [];
  if (values.from) {
    const src = await openStore(values.from, { readonly: true });
    for await (const { analysis } of src.iterateAnalyses()) out.push(analysis);
    await src.close();
    return out;
  }
  const data = values.data ?? fileURLToPath(new URL('../../../shared/data', import.meta.url));
  const dirs = ['train', 'dev'].map((s) => join(data, 'polnear', s, 'text'));
  if (!dirs.every(existsSync)) {
    process.stderr.write(`store-build: skipped, PolNeAR texts not found under ${data}\n`);
    process.exit(0);
  }
  const pool = await startPool({}, values.jobs !== undefined ? Number(values.jobs) : defaultJobs());
  const pending: Promise<void>[] = [];
  for await (const item of ingestItems(dirs)) {
    if ('failure' in item) continue;
    pending.push(
      pool.analyze(item.raw).then(
        (a) => void (a.diagnostics.some((d) => d.severity === 'fatal') ? undefined : out.push(a)),
        () => undefined,
      ),
    );
  }
  await Promise.all(pending);
  await pool.close();
  out.sort((a, b) => (a.doc.uri ?? '').localeCompare(b.doc.uri ?? ''));
  return out;
}

const OUTLETS = ['Harbour Gazette', 'Capital Desk', 'Night Wire', 'Valley Post', 'Morning Ledger', 'Border Times', 'Coast Courier', 'Plains Herald'];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Copy `round` of an Analysis: a different text (so a different id), date and outlet; spans stay true. */
function copyOf(a: Analysis, round: number, i: number): ArticleInput {
  const text = `${a.doc.text}\n\n[copy ${round}]`;
  const base = a.meta.published ?? addDays('2015-06-01', (i * 5) % 520);
  const published = addDays(base, round * 7);
  const analysis: Analysis = { ...a, doc: { ...a.doc, id: contentId(text), text, uri: `${a.doc.uri ?? `doc${i}`}#copy${round}` }, meta: { ...a.meta, published } };
  return { analysis, url: `https://bench.example/${round}/${i}`, outlet: OUTLETS[(i + round) % OUTLETS.length]! };
}

const t0 = Date.now();
const base = await baseAnalyses();
const perRound = base.reduce((n, a) => n + a.quotes.length, 0);
if (!perRound) {
  process.stderr.write('store-build: the analyses hold no quotes (is the quotes component registered?)\n');
  process.exit(1);
}
process.stderr.write(`analysed ${base.length} articles (${perRound} quotes) in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
const store = await openStore(values.db);
let quotes = (await store.stats()).quotes;
let round = 0;
let written = 0;
const w0 = process.hrtime.bigint();
while (quotes < target) {
  round++;
  for (let i = 0; i < base.length; i += 64) {
    const batch = base.slice(i, i + 64).map((a, k) => copyOf(a, round, i + k));
    const res = await store.putArticles(batch);
    for (const [k, r] of res.entries()) {
      if (r.status === 'inserted') {
        written++;
        quotes += batch[k]!.analysis.quotes.length;
      }
    }
  }
  process.stderr.write(`round ${round}: ${quotes} quotes stored\n`);
  if (round > 1000) break;
}
const secs = Number(process.hrtime.bigint() - w0) / 1e9;
const stats = await store.stats();
await store.close();
process.stdout.write(
  `${JSON.stringify({ db: values.db, rounds: round, articlesWritten: written, writeSeconds: +secs.toFixed(1), articlesWrittenPerSecond: +(written / secs).toFixed(1), articles: stats.articles, quotes: stats.quotes, actors: stats.actors, outlets: stats.outlets }, null, 2)}\n`,
);
