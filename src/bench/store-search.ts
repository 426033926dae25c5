import { parseArgs } from 'node:util';
import { openStore, type QuoteQuery } from '../store/store.js';

/**
 * Latency of the store's quote search (the query behind `GET /api/quotes?q=…` and `attache search`),
 * measured in-process on a built store: p50, p95 and max per query shape, 20 results per page.
 * `node dist/bench/store-search.js --db quotes.db [--runs 50] [--json]`.
 */

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string' }, json: { type: 'boolean' } } });
if (!values.db) {
  process.stderr.write('usage: node dist/bench/store-search.js --db FILE [--runs N] [--json]\n');
  process.exit(2);
}
const runs = Number(values.runs ?? 50);

const QUERIES: readonly { readonly name: string; readonly q: QuoteQuery }[] = [
  { name: 'one common word', q: { q: 'president' } },
  { name: 'very common word', q: { q: 'people' } },
  { name: 'two words', q: { q: 'Clinton campaign' } },
  { name: 'phrase', q: { q: '"Supreme Court"' } },
  { name: 'prefix', q: { q: 'immigra*' } },
  { name: 'rare word', q: { q: 'Gennifer' } },
  { name: 'no match', q: { q: 'zyzzyvaquux' } },
  { name: 'word + date range', q: { q: 'emails', from: '2016-09', to: '2016-10' } },
  { name: 'word + speaker name', q: { q: 'great', speaker: 'Trump' } },
  { name: 'word + country', q: { q: 'deal', country: 'USA' } },
  { name: 'speaker only', q: { speaker: 'Clinton' } },
  { name: 'no words, date range', q: { from: '2016-10-01', to: '2016-10-31' } },
  { name: 'common word, page 10', q: { q: 'president', offset: 180 } },
];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const store = await openStore(values.db, { readonly: true });
const stats = await store.stats();
const rows: { name: string; total: number; p50: number; p95: number; max: number }[] = [];
const all: number[] = [];
for (const { name, q } of QUERIES) {
  await store.quotes({ ...q, limit: 20 }); // warm the statement cache and pages
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = await store.quotes({ ...q, limit: 20 });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    total = r.total;
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  rows.push({ name, total, p50: +pct(times, 50).toFixed(2), p95: +pct(times, 95).toFixed(2), max: +times[times.length - 1]!.toFixed(2) });
}
await store.close();
all.sort((a, b) => a - b);
const overall = { p50: +pct(all, 50).toFixed(2), p95: +pct(all, 95).toFixed(2) };
if (values.json) process.stdout.write(`${JSON.stringify({ quotes: stats.quotes, articles: stats.articles, runs, queries: rows, overall }, null, 2)}\n`);
else {
  process.stdout.write(`store: ${stats.quotes} quotes in ${stats.articles} articles; ${runs} runs per query, 20 per page, times in ms\n`);
  for (const r of rows) process.stdout.write(`  ${r.name.padEnd(24)} total ${String(r.total).padStart(6)}  p50 ${r.p50.toFixed(2).padStart(7)}  p95 ${r.p95.toFixed(2).padStart(7)}  max ${r.max.toFixed(2).padStart(7)}\n`);
  process.stdout.write(`  ${'all queries'.padEnd(24)} ${''.padStart(12)}  p50 ${overall.p50.toFixed(2).padStart(7)}  p95 ${overall.p95.toFixed(2).padStart(7)}\n`);
}
