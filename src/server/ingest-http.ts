import { describeError } from '../errors.js';
import { startPool, type AnalyzePool } from '../ingest/analyze-pool.js';
import { articlesFromBytes, isFailure } from '../read/sources.js';
import { contentId } from '../read/to-doc.js';
import type { ArticleInput, Store } from '../store/store.js';
import { HttpError } from './http-error.js';

/** How a request body is read, by its media type: the same readers as files with that extension. */
const BODY_KINDS: Record<string, string> = {
  'text/plain': 'body.txt',
  'text/markdown': 'body.txt',
  'text/html': 'body.html',
  'application/xhtml+xml': 'body.html',
  'application/json': 'body.json',
  'application/x-ndjson': 'body.jsonl',
  'application/jsonl': 'body.jsonl',
  'application/x-jsonlines': 'body.jsonl',
  'application/jsonlines': 'body.jsonl',
};

export interface IngestItem {
  readonly uri: string;
  readonly id?: string;
  readonly status: 'inserted' | 'replaced' | 'duplicate' | 'failed';
  readonly error?: string;
}

export interface IngestReply {
  readonly items: readonly IngestItem[];
  readonly inserted: number;
  readonly replaced: number;
  readonly duplicates: number;
  readonly failed: number;
}

/**
 * Ingestion over HTTP: the same readers, pipeline and store writes as `attache ingest`. Articles are
 * analysed on a worker thread (started at the first request), so the server keeps answering reads.
 */
export class HttpIngest {
  private pool: Promise<AnalyzePool> | undefined;

  constructor(
    private readonly store: Store,
    /** Worker threads for analysis; 0 analyses on the server's own thread (tests). */
    private readonly jobs = 1,
  ) {}

  private getPool(): Promise<AnalyzePool> {
    if (!this.pool) {
      this.pool = startPool({}, this.jobs).then(async (p) => {
        if (p.issues.length) await this.store.putIssues(p.issues);
        return p;
      });
      this.pool.catch(() => {
        this.pool = undefined;
      });
    }
    return this.pool;
  }

  async close(): Promise<void> {
    const p = this.pool;
    this.pool = undefined;
    if (p) await (await p.catch(() => undefined))?.close();
  }

  /** Reads, analyses and stores the articles of one POSTed body (text, HTML, JSON or JSONL). */
  async ingest(body: Buffer, contentType: string | undefined, opts: { url?: string | undefined; published?: string | undefined }): Promise<IngestReply> {
    const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const name = BODY_KINDS[mediaType];
    if (!name) {
      throw new HttpError(415, `send the article as text/plain, text/html, application/json or application/x-ndjson (got ${mediaType || 'no Content-Type'})`);
    }
    if (!body.length) throw new HttpError(400, 'the request body is empty', { code: 'empty_body' });
    let sources;
    try {
      sources = articlesFromBytes(body, name);
    } catch (e) {
      throw new HttpError(400, describeError(e).replace(/^body\.\w+: /, 'body: '), { code: 'unreadable_body' });
    }
    const single = sources.length === 1;
    const pool = await this.getPool();
    const items: IngestItem[] = [];
    const toStore: { index: number; input: ArticleInput }[] = [];
    for (const src of sources) {
      const uri = src.uri.replace(/^body\.\w+/, 'http');
      if (isFailure(src)) {
        items.push({ uri, status: 'failed', error: describeError(src.error).replace(/^body\.\w+(#L\d+)?: /, '') });
        continue;
      }
      const raw = { ...src, uri, ...(single && opts.url ? { url: opts.url } : {}), ...(single && opts.published ? { published: opts.published } : {}) };
      const stored = await this.store.findArticle({ id: contentId(raw.content), ...(raw.url ? { url: raw.url } : {}) });
      if (stored && stored.pipeline === pool.pipeline) {
        items.push({ uri, id: stored.id, status: 'duplicate' });
        continue;
      }
      let analysis;
      try {
        analysis = await pool.analyze(raw);
      } catch (e) {
        items.push({ uri, status: 'failed', error: describeError(e) });
        continue;
      }
      const fatal = analysis.diagnostics.find((d) => d.severity === 'fatal');
      if (fatal) {
        items.push({ uri, status: 'failed', error: fatal.message.replace(/^body\.\w+(#L\d+)?: /, '') });
        continue;
      }
      toStore.push({ index: items.length, input: { analysis, uri, ...(raw.url ? { url: raw.url } : {}), ...(raw.published ? { published: raw.published } : {}) } });
      items.push({ uri, status: 'failed', error: 'not stored' });
    }
    if (toStore.length) {
      const results = await this.store.putArticles(toStore.map((t) => t.input));
      results.forEach((r, i) => {
        const at = toStore[i]!.index;
        items[at] = { uri: items[at]!.uri, id: r.id, status: r.status, ...(r.error ? { error: r.error } : {}) };
      });
    }
    const count = (s: IngestItem['status']) => items.filter((i) => i.status === s).length;
    return { items, inserted: count('inserted'), replaced: count('replaced'), duplicates: count('duplicate'), failed: count('failed') };
  }
}
