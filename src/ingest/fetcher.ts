import { AttacheError } from '../errors.js';
import { decodeText, DEFAULT_MAX_BYTES } from '../read/decode.js';

export interface FetchOptions {
  readonly userAgent?: string;
  /** Per request, in milliseconds (default 20 s). */
  readonly timeoutMs?: number;
  /** Retries after the first try, for network errors, 429 and 5xx (default 3). */
  readonly retries?: number;
  /** First back-off wait in milliseconds, doubled on each retry (default 1000). */
  readonly backoffMs?: number;
  /** Longest wait a `Retry-After` header may ask for (default 60 s). */
  readonly maxRetryAfterMs?: number;
  /** Pause between two requests to the same host (default 0). */
  readonly delayMs?: number;
  readonly maxBytes?: number;
}

export interface Fetched {
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

export const DEFAULT_USER_AGENT = 'Attache/0.1 (+https://github.com/attache; news analysis; polite crawler)';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Fetches pages politely: one request at a time per host (requests to different hosts run side by
 * side), a user agent, a timeout, and retries with exponential back-off that honour `Retry-After`.
 */
export class PoliteFetcher {
  private readonly hostQueues = new Map<string, Promise<unknown>>();
  readonly requests: { url: string; at: number; host: string }[] = [];

  constructor(private readonly opts: FetchOptions = {}) {}

  fetchText(url: string): Promise<Fetched> {
    let host: string;
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
      host = u.host;
    } catch {
      return Promise.reject(new AttacheError('ATT_E050', 'not an http(s) URL', url));
    }
    const prev = this.hostQueues.get(host) ?? Promise.resolve();
    const next = prev.then(
      () => this.withRetries(url, host),
      () => this.withRetries(url, host),
    );
    const settled = next.then(
      () => (this.opts.delayMs ? sleep(this.opts.delayMs) : undefined),
      () => (this.opts.delayMs ? sleep(this.opts.delayMs) : undefined),
    );
    this.hostQueues.set(host, settled);
    void settled.then(() => {
      if (this.hostQueues.get(host) === settled) this.hostQueues.delete(host);
    });
    return next;
  }

  private async withRetries(url: string, host: string): Promise<Fetched> {
    const retries = this.opts.retries ?? 3;
    let wait = this.opts.backoffMs ?? 1000;
    for (let attempt = 0; ; attempt++) {
      let retryAfter: number | undefined;
      let err: AttacheError;
      try {
        this.requests.push({ url, at: Date.now(), host });
        const res = await fetch(url, {
          headers: { 'user-agent': this.opts.userAgent ?? DEFAULT_USER_AGENT, accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, text/html, text/xml, */*;q=0.5' },
          redirect: 'follow',
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? 20_000),
        });
        if (res.ok) return await this.read(res, url);
        await res.body?.cancel().catch(() => undefined);
        err = new AttacheError('ATT_E050', `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, url);
        if (res.status !== 429 && res.status < 500) throw err;
        retryAfter = parseRetryAfter(res.headers.get('retry-after'));
      } catch (e) {
        if (e instanceof AttacheError) throw e;
        const name = (e as Error).name;
        const c = (e as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
        const cause = c?.code ?? c?.errors?.find((x) => x.code)?.code ?? c?.message;
        err = new AttacheError('ATT_E050', name === 'TimeoutError' ? `timed out after ${this.opts.timeoutMs ?? 20_000} ms` : `cannot fetch (${cause ?? (e as Error).message})`, url);
      }
      if (attempt >= retries) throw new AttacheError('ATT_E050', `${err.message} (after ${attempt + 1} tries)`, url);
      const ms = retryAfter !== undefined ? Math.min(retryAfter, this.opts.maxRetryAfterMs ?? 60_000) : wait;
      await sleep(ms);
      wait *= 2;
    }
  }

  private async read(res: Response, url: string): Promise<Fetched> {
    const max = this.opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const len = Number(res.headers.get('content-length') ?? 0);
    if (len > max) {
      await res.body?.cancel().catch(() => undefined);
      throw new AttacheError('ATT_E012', `response is ${(len / 1048576).toFixed(1)} MB, over the limit`, url);
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const contentType = res.headers.get('content-type') ?? '';
    const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();
    let text: string;
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      try {
        text = new TextDecoder(charset).decode(bytes);
      } catch {
        text = decodeText(bytes, url, max).text;
      }
    } else text = decodeText(bytes, url, max).text;
    return { url: res.url || url, status: res.status, contentType, text };
  }
}

/** `Retry-After` as seconds or an HTTP date → milliseconds to wait. */
export function parseRetryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - Date.now()) : undefined;
}
