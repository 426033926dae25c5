import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { toJson } from '../analysis/analysis.js';
import type { Store } from '../store/store.js';
import * as S from './api-schemas.js';
import { HttpError } from './http-error.js';
import type { HttpIngest } from './ingest-http.js';
import type { Reply, RequestContext, Router } from './router.js';

export interface ApiOptions {
  readonly store: Store;
  /** Bearer token for write endpoints; without one, writes are refused. */
  readonly token?: string | undefined;
  /** Largest request body accepted, in bytes. */
  readonly maxBody: number;
  readonly ingest: HttpIngest;
}

export function json(value: unknown, status = 200): Reply {
  return { status, type: 'application/json; charset=utf-8', body: toJson(value) };
}

/** One documented API endpoint: the table drives both the router and `/api/openapi.json`. */
export interface Endpoint {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly summary: string;
  readonly query?: z.ZodType;
  /** What the answer holds, in words, for the documentation. */
  readonly returns: string;
  readonly paged?: boolean;
  readonly auth?: boolean;
  readonly handler: (ctx: RequestContext, q: never) => Promise<unknown>;
}

function notFound(what: string, id: string): never {
  throw new HttpError(404, `no ${what} with id "${id}"`);
}

export function apiEndpoints(opts: ApiOptions): Endpoint[] {
  const { store } = opts;
  const ep = <T>(e: Omit<Endpoint, 'handler' | 'query'> & { query?: z.ZodType<T>; handler: (ctx: RequestContext, q: T) => Promise<unknown> }): Endpoint =>
    e as unknown as Endpoint;
  return [
    ep({
      method: 'GET', path: '/api/quotes', summary: 'Search quotes: full text, speaker, country, issue, date range.', query: S.quotesQuery, paged: true,
      returns: 'QuoteHit items (text, speaker, article, date; `snippet` marks matches with U+0002/U+0003)',
      handler: (_c, q) => store.quotes(q),
    }),
    ep({
      method: 'GET', path: '/api/statements', summary: 'Search statements (one claim, every wording of it).', query: S.statementsQuery, paged: true,
      returns: 'StatementHit items', handler: (_c, q) => store.statements(q),
    }),
    ep({
      method: 'GET', path: '/api/articles', summary: 'List or search articles.', query: S.articlesQuery, paged: true,
      returns: 'ArticleHit items (headline, date, outlet, counts)', handler: (_c, q) => store.articles(q),
    }),
    ep({
      method: 'GET', path: '/api/articles/:id', summary: 'One article with its full Analysis.', returns: 'StoredArticle (text, analysis, actors)',
      handler: async (c) => (await store.article(c.params.id!)) ?? notFound('article', c.params.id!),
    }),
    ep({
      method: 'GET', path: '/api/actors', summary: 'List or search actors.', query: S.actorsQuery, paged: true,
      returns: 'ActorSummary items', handler: (_c, q) => store.actors(q),
    }),
    ep({
      method: 'GET', path: '/api/actors/:id', summary: 'One actor: quotes over time, events as actor and recipient, stances per issue.', query: S.actorQuery,
      returns: 'ActorDetail', handler: async (c, q) => (await store.actor(c.params.id!, q)) ?? notFound('actor', c.params.id!),
    }),
    ep({
      method: 'GET', path: '/api/issues', summary: 'List issues with stance counts.', query: S.issuesQuery, paged: true,
      returns: 'IssueSummary items', handler: (_c, q) => store.issues(q),
    }),
    ep({
      method: 'GET', path: '/api/issues/:id', summary: 'One issue: who stands where now, the history, counts over time.', query: S.issueQuery,
      returns: 'IssueDetail', handler: async (c, q) => (await store.issue(c.params.id!, q)) ?? notFound('issue', c.params.id!),
    }),
    ep({
      method: 'GET', path: '/api/stances', summary: 'Stances by issue, actor, value and date.', query: S.stancesQuery, paged: true,
      returns: 'StanceHit items', handler: (_c, q) => store.stances(q),
    }),
    ep({
      method: 'GET', path: '/api/events', summary: 'PLOVER events by type, quad class, actor, recipient, country, modality, dates.', query: S.eventsQuery, paged: true,
      returns: 'EventHit items', handler: (_c, q) => store.events(q),
    }),
    ep({
      method: 'GET', path: '/api/events/counts', summary: 'Event counts by PLOVER type per period.', query: S.eventCountsQuery,
      returns: '{ items: EventTypeCount[] } (period, type, count)', handler: async (_c, q) => ({ items: await store.eventCounts(q) }),
    }),
    ep({
      method: 'GET', path: '/api/events/network', summary: 'Actor → recipient network: nodes with degree, edges with counts by type.', query: S.eventNetworkQuery,
      returns: 'EventNetwork { nodes, edges }', handler: (_c, q) => store.eventNetwork(q),
    }),
    ep({ method: 'GET', path: '/api/stats', summary: 'What the store holds.', returns: 'StoreStats', handler: () => store.stats() }),
    ep({
      method: 'POST', path: '/api/ingest', summary: 'Analyse and store articles sent in the body (text/plain, text/html, application/json, application/x-ndjson).',
      query: S.ingestQuery, auth: true,
      returns: '{ items: [{ uri, id, status: inserted|replaced|duplicate|failed, error? }], inserted, replaced, duplicates, failed }',
      handler: async (c, q) => {
        requireToken(c.req, opts.token);
        const body = await readBody(c.req, opts.maxBody);
        return opts.ingest.ingest(body, c.req.headers['content-type'], q);
      },
    }),
  ];
}

/** Registers the endpoints: validation of the query string, then the handler, then JSON. */
export function mountApi(router: Router, endpoints: readonly Endpoint[]): void {
  for (const e of endpoints) {
    router.on(e.method, e.path, async (ctx) => {
      const q = e.query ? S.validate(e.query, S.queryObject(ctx.url.searchParams)) : undefined;
      if (!e.query && [...ctx.url.searchParams.keys()].length) throw new HttpError(400, `this endpoint takes no parameters`, { code: 'invalid_parameter' });
      const value = await e.handler(ctx, q as never);
      return json(value, e.method === 'POST' && (value as { inserted?: number }).inserted ? 201 : 200);
    });
  }
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Checks `Authorization: Bearer <token>` in constant time; the token itself never reaches a log or a reply. */
export function requireToken(req: IncomingMessage, token: string | undefined): void {
  if (!token) throw new HttpError(403, 'writes are disabled: start the server with --token or ATTACHE_TOKEN to allow them');
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  const challenge = { headers: { 'WWW-Authenticate': 'Bearer realm="attache"' } };
  if (!m) throw new HttpError(401, 'this endpoint needs "Authorization: Bearer <token>"', challenge);
  if (!timingSafeEqual(digest(m[1]!), digest(token))) throw new HttpError(401, 'wrong token', challenge);
}

/** Reads a request body up to `max` bytes; more is a 413. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.reject(new HttpError(413, `the body is over the ${max}-byte limit`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > max) {
        done = true;
        reject(new HttpError(413, `the body is over the ${max}-byte limit`));
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!done) reject(new HttpError(400, `could not read the body (${e.message})`));
    });
  });
}
