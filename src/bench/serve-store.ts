import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Analysis } from '../analysis/analysis.js';
import { defaultJobs } from '../ingest/analyze-pool.js';
import { ingest } from '../ingest/ingest.js';
import { ingestItems } from '../ingest/ingest-sources.js';
import { contentId } from '../read/to-doc.js';
import { openStore } from '../store/store.js';

/**
 * Builds a large store for the serving benchmark: the PolNeAR texts (train + dev) are ingested once
 * with the shipped pipeline, then stored again in varied copies (a marker line appended to the text,
 * so each copy is a new article, and the date moved by four weeks per copy) until the store holds
 * `--quotes` quotes. `node dist/bench/serve-store.js --out FILE [--quotes 100000] [--data DIR] [--jobs N]`.
 */

const { values } = parseArgs({
  options: { out: { type: 'string' }, quotes: { type: 'string' }, data: { type: 'string' }, jobs: { type: 'string' }, force: { type: 'boolean' } },
});
if (!values.out) {
  process.stderr.write('usage: node dist/bench/serve-store.js --out FILE [--quotes 100000] [--data ../shared/data] [--jobs N] [--force]\n');
  process.exit(2);
}
const data = values.data ?? fileURLToPath(new URL('../../../shared/data', import.meta.url));
const dirs = ['train', 'dev'].map((s) => join(data, 'polnear', s, 'text'));
if (!dirs.every(existsSync)) {
  process.stderr.write(`serve-store: skipped, PolNeAR texts not found under ${data}\n`);
  process.exit(0);
}
const target = Number(values.quotes ?? 100_000);
if (existsSync(values.out)) {
  if (!values.force) {
    process.stderr.write(`serve-store: ${values.out} exists (pass --force to rebuild it)\n`);
    process.exit(2);
  }
  for (const s of ['', '-wal', '-shm']) rmSync(values.out + s, { force: true });
}

const t0 = Date.now();
const store = await openStore(values.out);
const summary = await ingest(ingestItems(dirs), { store, jobs: values.jobs !== undefined ? Number(values.jobs) : defaultJobs() });
process.stderr.write(`serve-store: pass 0 analysed ${summary.inserted} articles in ${summary.seconds.toFixed(1)}s (${summary.failed.length} failed)\n`);

const originals: Analysis[] = [];
for await (const { analysis } of store.iterateAnalyses()) originals.push(analysis);

function shiftDate(iso: string | undefined, days: number): string {
  const base = iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? Date.parse(iso.slice(0, 10)) : Date.UTC(2016, 0, 4);
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

/** Copy `k` of an article: the same facts over a text with a marker line at its end (earlier offsets unchanged). */
function variant(a: Analysis, k: number): Analysis {
  const text = `${a.doc.text}\n\n[copy ${k}]`;
  return { ...a, doc: { ...a.doc, id: contentId(text), text }, meta: { ...a.meta, published: shiftDate(a.meta.published, 28 * k) } };
}

let quotes = (await store.stats()).quotes;
for (let k = 1; quotes < target && k < 1000; k++) {
  for (let i = 0; i < originals.length; i += 200) {
    await store.putArticles(originals.slice(i, i + 200).map((a) => ({ analysis: variant(a, k), uri: `${a.doc.uri ?? a.doc.id}#copy${k}` })));
  }
  quotes = (await store.stats()).quotes;
  process.stderr.write(`serve-store: copy ${k}: ${quotes} quotes\n`);
}
const stats = await store.stats();
await store.close();
process.stdout.write(`${JSON.stringify({ out: values.out, articles: stats.articles, quotes: stats.quotes, actors: stats.actors, seconds: Math.round((Date.now() - t0) / 1000) })}\n`);
