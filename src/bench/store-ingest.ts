import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultJobs } from '../ingest/analyze-pool.js';
import { ingest } from '../ingest/ingest.js';
import { ingestItems } from '../ingest/ingest-sources.js';
import { openStore } from '../store/store.js';

/**
 * Measures `attache ingest` of the PolNeAR texts (train + dev, 924 articles) from disk into a fresh
 * SQLite store: articles/s (wall and CPU), peak RSS of the process (worker threads included), and
 * what was stored. `node dist/bench/store-ingest.js [--jobs N] [--data DIR] [--keep DB] [--json]`.
 */

const { values } = parseArgs({
  options: { jobs: { type: 'string' }, data: { type: 'string' }, keep: { type: 'string' }, upto: { type: 'string' }, json: { type: 'boolean' } },
});

const data = values.data ?? fileURLToPath(new URL('../../../shared/data', import.meta.url));
const dirs = ['train', 'dev'].map((s) => join(data, 'polnear', s, 'text'));
if (!dirs.every(existsSync)) {
  process.stderr.write(`store-ingest: skipped, PolNeAR texts not found under ${data}\n`);
  process.exit(0);
}
const tmp = mkdtempSync(join(tmpdir(), 'attache-bench-'));
const db = values.keep ?? join(tmp, 'bench.db');
const jobs = values.jobs !== undefined ? Number(values.jobs) : defaultJobs();
const store = await openStore(db);
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const summary = await ingest(ingestItems(dirs), { store, jobs, ...(values.upto ? { setup: { upTo: values.upto } } : {}) });
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const stats = await store.stats();
await store.close();
const result = {
  articles: summary.seen,
  inserted: summary.inserted,
  failed: summary.failed.length,
  jobs,
  pipeline: summary.pipeline,
  wallSeconds: +wall.toFixed(2),
  articlesPerSecond: +(summary.seen / wall).toFixed(1),
  cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
  articlesPerCpuSecond: +(summary.seen / ((cpu.user + cpu.system) / 1e6)).toFixed(1),
  writeSeconds: +summary.writeSeconds.toFixed(2),
  peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(0),
  stored: { quotes: stats.quotes, actors: stats.actors, events: stats.events, stances: stats.stances },
};
if (!values.keep) rmSync(tmp, { recursive: true, force: true });
process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${Object.entries(result).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n')}\n`);
