import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Latency of `GET /api/quotes?q=…` on loopback: starts `attache serve` on a store in a child process
 * (one core for it, one for this load generator), warms it up, then sends a bounded number of
 * requests from `--concurrency` keep-alive connections, for at most `--seconds`, cycling through
 * search words, phrases and prefixes (and, in the `filtered` mix, speaker/country/date filters).
 * `node dist/bench/serve-latency.js --db FILE [--requests 3000] [--seconds 60] [--concurrency 8] [--mix plain|filtered]
 *  [--words a,b,…] [--sort relevance|published] [--limit 20] [--json]`.
 */

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    requests: { type: 'string' },
    seconds: { type: 'string' },
    concurrency: { type: 'string' },
    mix: { type: 'string' },
    limit: { type: 'string' },
    words: { type: 'string' },
    sort: { type: 'string' },
    json: { type: 'boolean' },
  },
});
if (!values.db || !existsSync(values.db)) {
  process.stderr.write(`serve-latency: skipped, no store at ${values.db ?? '(give --db FILE; build one with dist/bench/serve-store.js)'}\n`);
  process.exit(values.db ? 0 : 2);
}
const total = Number(values.requests ?? 3000);
const maxSeconds = Number(values.seconds ?? 60);
const concurrency = Number(values.concurrency ?? 8);
const mix = values.mix ?? 'plain';
const limit = Number(values.limit ?? 20);

/** Search words a reader of US campaign news would type: common, rare, phrases and prefixes. */
const DEFAULT_WORDS = [
  'campaign', 'voters', 'debate', 'email', 'immigration', 'taxes', 'poll', 'president', 'economy', 'police', 'wall', 'convention',
  'Trump', 'Clinton', 'Sanders', 'Obama', 'Republican', 'Democrats', 'Cruz', 'Rubio', 'Iowa', 'Ohio', 'jobs', 'trade', 'Mexico',
  'ISIS', 'Syria', 'Russia', 'guns', 'refugees', 'women', 'media', 'delegates', 'primary', 'nominee', 'supreme court', 'foundation',
  '"white house"', '"health care"', '"Hillary Clinton"', 'elect*', 'nominat*', 'win', 'lose', 'great', 'terrible', 'rigged', 'wrong',
];
const WORDS = values.words ? values.words.split(',').map((w) => w.trim()).filter(Boolean) : DEFAULT_WORDS;
const COUNTRIES = ['USA', 'RUS', 'MEX', 'GBR', 'CHN'];

function queryPath(i: number): string {
  const q = WORDS[i % WORDS.length]!;
  const p = new URLSearchParams({ q, limit: String(limit) });
  if (values.sort) p.set('sort', values.sort);
  if (mix === 'filtered') {
    if (i % 3 === 0) p.set('country', COUNTRIES[i % COUNTRIES.length]!);
    if (i % 3 === 1) p.set('from', '2016-03'), p.set('to', '2016-09');
    if (i % 3 === 2) p.set('speaker', 'trump');
  }
  return `/api/quotes?${p.toString()}`;
}

const main = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const child = spawn(process.execPath, [main, 'serve', '--db', values.db, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<URL>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /http:\/\/[\d.]+:\d+\//.exec(out);
    if (m) resolve(new URL(m[0]));
  });
  child.on('exit', (code) => reject(new Error(`attache serve exited (${code}) before printing its URL`)));
});

const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
function get(path: string): Promise<{ status: number; ms: number; bytes: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, path, agent }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

try {
  for (let i = 0; i < Math.min(200, WORDS.length * 4); i++) await get(queryPath(i));
  const times: number[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + maxSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total && performance.now() < deadline) {
        const i = next++;
        const r = await get(queryPath(i));
        times.push(r.ms);
        bytes += r.bytes;
        if (r.status !== 200) errors++;
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  const result = {
    store: values.db,
    mix,
    sort: values.sort ?? 'relevance',
    words: WORDS.length,
    limit,
    concurrency,
    requests: times.length,
    errors,
    seconds: +wall.toFixed(2),
    requestsPerSecond: +(times.length / wall).toFixed(0),
    p50ms: +pct(times, 50).toFixed(2),
    p95ms: +pct(times, 95).toFixed(2),
    p99ms: +pct(times, 99).toFixed(2),
    maxMs: +times[times.length - 1]!.toFixed(2),
    meanBytes: Math.round(bytes / times.length),
  };
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${Object.entries(result).map(([k, v]) => `${k}: ${v}`).join('\n')}\n`);
} finally {
  agent.destroy();
  child.kill('SIGTERM');
}
