import type { Analysis } from '../analysis/analysis.js';
import { contentId } from '../read/to-doc.js';
import type { ArticleInput, Store } from '../store/store.js';
import { defaultJobs, startPool, type AnalyzePool, type AnalyzerSetup } from './analyze-pool.js';
import type { IngestItem } from './ingest-sources.js';

export interface IngestOptions {
  readonly store: Store;
  readonly setup?: AnalyzerSetup;
  /** Worker threads (default: every core); 0 analyses on this thread. */
  readonly jobs?: number;
  /** Articles written per transaction (default 64). */
  readonly batchSize?: number;
  /** Longest time analysed articles wait before being written (default 500 ms). */
  readonly flushMs?: number;
  /** Analyse again and replace even articles stored by the same pipeline version. */
  readonly force?: boolean;
  readonly onTotal?: (added: number) => void;
  /** Called once per input article as it is settled (stored, skipped or failed). */
  readonly onSettled?: (ok: boolean) => void;
  /** A pool already started (tests, benchmarks); it is left open. */
  readonly pool?: AnalyzePool;
}

export interface IngestFailure {
  readonly uri: string;
  readonly reason: string;
}

export interface IngestSummary {
  readonly pipeline: string;
  readonly seen: number;
  readonly inserted: number;
  readonly replaced: number;
  readonly duplicates: number;
  readonly failed: readonly IngestFailure[];
  readonly seconds: number;
  /** Articles settled per second (stored, skipped and failed alike). */
  readonly rate: number;
  readonly jobs: number;
  /** Time spent writing to the store (on this thread). */
  readonly writeSeconds: number;
}

function fatalOf(a: Analysis): string | undefined {
  const d = a.diagnostics.find((x) => x.severity === 'fatal');
  return d ? d.message : undefined;
}

/**
 * Reads, analyses (on worker threads) and stores articles. Each write batch is one transaction, so a
 * crash loses at most the batch in hand and a rerun skips what is already stored.
 */
export async function ingest(items: AsyncIterable<IngestItem>, opts: IngestOptions): Promise<IngestSummary> {
  const started = process.hrtime.bigint();
  const store = opts.store;
  // workers load their pipelines while the inputs are being listed
  const starting = opts.pool ? Promise.resolve(opts.pool) : startPool(opts.setup ?? {}, opts.jobs);
  starting.catch(() => undefined);
  const iterator = items[Symbol.asyncIterator]();
  const first = await iterator.next();
  const pool = await starting;
  const jobs = opts.jobs ?? defaultJobs();
  if (pool.issues.length) await store.putIssues(pool.issues);
  const batchSize = Math.max(1, opts.batchSize ?? 64);
  const flushMs = opts.flushMs ?? 500;

  let seen = 0;
  let inserted = 0;
  let replaced = 0;
  let duplicates = 0;
  const failed: IngestFailure[] = [];
  let buffer: { input: ArticleInput; uri: string }[] = [];
  let lastFlush = Date.now();
  let writing: Promise<void> = Promise.resolve();
  let writeNs = 0n;

  const settle = (ok: boolean) => opts.onSettled?.(ok);
  const flush = async () => {
    if (!buffer.length) return;
    const batch = buffer;
    buffer = [];
    lastFlush = Date.now();
    const w0 = process.hrtime.bigint();
    const results = await store.putArticles(batch.map((b) => b.input));
    writeNs += process.hrtime.bigint() - w0;
    results.forEach((r, i) => {
      if (r.status === 'inserted') inserted++;
      else if (r.status === 'replaced') replaced++;
      else if (r.status === 'duplicate') duplicates++;
      else failed.push({ uri: batch[i]!.uri, reason: r.error ?? 'not stored' });
      settle(r.status !== 'failed');
    });
  };
  const queueFlush = () => {
    writing = writing.then(flush);
    return writing;
  };

  // Analyses finish in any order; they are stored in input order, so that which of two copies of an
  // article is kept, and the order of rows, do not depend on the threads' timing.
  type Done = { readonly input: ArticleInput; readonly uri: string } | { readonly failure: IngestFailure };
  const done = new Map<number, Done>();
  let dispatched = 0;
  let released = 0;
  const complete = (seq: number, d: Done) => {
    done.set(seq, d);
    for (let e = done.get(released); e !== undefined; e = done.get(released)) {
      done.delete(released++);
      if ('failure' in e) failed.push(e.failure);
      else buffer.push(e);
    }
    if (buffer.length >= batchSize || Date.now() - lastFlush >= flushMs) return queueFlush();
    return undefined;
  };

  const inflight = new Set<Promise<void>>();
  try {
    for (let next = first; !next.done; next = await iterator.next()) {
      const item = next.value;
      seen++;
      if ('failure' in item) {
        failed.push(item.failure);
        settle(false);
        continue;
      }
      const raw = item.raw;
      if (!opts.force) {
        const stored = await store.findArticle({ id: contentId(raw.content), ...(raw.url ? { url: raw.url } : {}) });
        if (stored && stored.pipeline === pool.pipeline) {
          duplicates++;
          settle(true);
          continue;
        }
      }
      const seq = dispatched++;
      const p = pool.analyze(raw).then(
        (analysis) => {
          const fatal = fatalOf(analysis);
          if (fatal) {
            settle(false);
            return complete(seq, { failure: { uri: raw.uri, reason: fatal.startsWith(raw.uri) ? fatal : `${raw.uri}: ${fatal}` } });
          }
          return complete(seq, {
            uri: raw.uri,
            input: { analysis, uri: raw.uri, ...(opts.force ? { replace: true } : {}), ...(raw.url ? { url: raw.url } : {}), ...(raw.published ? { published: raw.published } : {}), ...(item.outlet ? { outlet: item.outlet } : {}) },
          });
        },
        (e: Error) => {
          settle(false);
          return complete(seq, { failure: { uri: raw.uri, reason: `${raw.uri}: ${e.message}` } });
        },
      );
      inflight.add(p);
      void p.finally(() => inflight.delete(p)).catch(() => undefined);
      // Finished analyses waiting behind a slow one count too, so memory stays bounded.
      while (inflight.size >= pool.capacity || (inflight.size > 0 && inflight.size + done.size >= 4 * pool.capacity)) await Promise.race(inflight);
    }
    await Promise.all(inflight);
    await queueFlush();
  } finally {
    if (!opts.pool) await pool.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { pipeline: pool.pipeline, seen, inserted, replaced, duplicates, failed, seconds, rate: seen / Math.max(seconds, 1e-9), jobs, writeSeconds: Number(writeNs) / 1e9 };
}
