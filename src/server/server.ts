import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../errors.js';
import type { Store } from '../store/store.js';
import { errorPage, mountDashboard } from '../web/dashboard.js';
import { apiEndpoints, json, mountApi } from './api-routes.js';
import { HttpError } from './http-error.js';
import { HttpIngest } from './ingest-http.js';
import { openApi } from './openapi.js';
import { Router, type Reply } from './router.js';

export interface ServerOptions {
  readonly store: Store;
  /** Bearer token for `POST /api/ingest`; without one, writes are refused. */
  readonly token?: string | undefined;
  /** Largest request body, in bytes (default 10 MB). */
  readonly maxBody?: number;
  /** One line per request (method, path, status, time); never headers, bodies or the query string. */
  readonly log?: (line: string) => void;
  readonly version?: string;
  /** Worker threads that analyse articles POSTed to `/api/ingest` (default 1; 0: on the server's thread). */
  readonly ingestJobs?: number;
}

/** No script at all, styles only from our own origin, nothing framed, forms only to ourselves. */
export const CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Builds the router of the API and the dashboard over one store. */
export function buildRouter(opts: ServerOptions, ingest: HttpIngest): Router {
  const router = new Router();
  const endpoints = apiEndpoints({ store: opts.store, token: opts.token, maxBody: opts.maxBody ?? 10 * 1024 * 1024, ingest });
  mountApi(router, endpoints);
  const spec = openApi(endpoints, opts.version ?? '0.1.0');
  router.get('/api/openapi.json', () => json(spec));
  router.get('/healthz', () => json({ ok: true }));
  router.get('/api', () =>
    json({ documentation: '/api/openapi.json', endpoints: endpoints.map((e) => ({ method: e.method, path: e.path, summary: e.summary, ...(e.auth ? { auth: 'bearer' } : {}) })) }),
  );
  mountDashboard(router, opts.store);
  return router;
}

function isApi(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** The one error handler: `HttpError`s keep their status; anything else is a 500 whose detail goes to the log only. */
function errorReply(e: unknown, path: string, log: (s: string) => void): Reply {
  let status = 500;
  let code = 'internal_error';
  let message = 'internal error';
  let headers: Record<string, string> = {};
  if (e instanceof HttpError) {
    status = e.status;
    code = e.code;
    message = e.message;
    headers = { ...e.headers };
  } else {
    log(`error on ${path}: ${describeError(e)}`);
  }
  if (isApi(path)) return { ...json({ error: { status, code, message } }, status), headers };
  return { status, type: 'text/html; charset=utf-8', body: errorPage(status, message), headers };
}

/** An HTTP server for the API and the dashboard (not yet listening). */
export function createAttacheServer(opts: ServerOptions): Server {
  const ingest = new HttpIngest(opts.store, opts.ingestJobs ?? 1);
  const router = buildRouter(opts, ingest);
  const log = opts.log ?? (() => {});
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const t0 = performance.now();
    let path = '/';
    const finish = (reply: Reply) => {
      const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
      res.writeHead(reply.status, {
        ...SECURITY_HEADERS,
        'Cache-Control': 'no-store',
        ...reply.headers,
        'Content-Type': reply.type,
        'Content-Length': String(body.length),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      log(`${req.method} ${path} ${reply.status} ${(performance.now() - t0).toFixed(1)}ms`);
    };
    const handle = async (): Promise<Reply> => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      path = url.pathname;
      checkHost(req, server);
      const { handler, params } = router.match(req.method ?? 'GET', url.pathname);
      return handler({ method: req.method ?? 'GET', url, params, req });
    };
    handle()
      .catch((e: unknown) => errorReply(e, path, log))
      .then(finish)
      .catch((e: unknown) => {
        log(`error writing the reply to ${path}: ${describeError(e)}`);
        res.destroy();
      });
  });
  server.on('close', () => void ingest.close());
  return server;
}

/**
 * Refuses requests whose Host is not a loopback name while the server is bound to loopback only, so
 * a web page elsewhere cannot reach the API through DNS rebinding.
 */
function checkHost(req: IncomingMessage, server: Server): void {
  const bound = (server.address() as AddressInfo | null)?.address ?? '';
  if (bound !== '127.0.0.1' && bound !== '::1') return;
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (host && !LOOPBACK_NAMES.has(host)) throw new HttpError(421, `this server answers only on localhost, not "${host}"`);
}

/** Starts listening; resolves with the URL to open. */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => reject(e);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const addr = server.address() as AddressInfo;
      const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      resolve(`http://${h}:${addr.port}/`);
    });
  });
}
