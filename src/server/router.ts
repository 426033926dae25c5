import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** What a handler sees of a request. */
export interface RequestContext {
  readonly method: string;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly req: IncomingMessage;
}

/** What a handler answers; the server adds the common headers. */
export interface Reply {
  readonly status: number;
  readonly type: string;
  readonly body: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (ctx: RequestContext) => Promise<Reply> | Reply;

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
}

/** A tiny router: `/api/actors/:id` patterns, exact segments otherwise; 404 and 405 as `HttpError`s. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.on('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.on('POST', pattern, handler);
  }

  /** Finds the handler and path parameters for a request, or throws 404 / 405. */
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } {
    const parts = split(pathname);
    const allowed = new Set<string>();
    for (const r of this.routes) {
      const params = matchSegments(r.segments, parts);
      if (!params) continue;
      if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return { handler: r.handler, params };
      allowed.add(r.method);
    }
    if (allowed.size) {
      throw new HttpError(405, `${method} is not allowed here (allowed: ${[...allowed].join(', ')})`, { headers: { Allow: [...allowed].join(', ') } });
    }
    throw new HttpError(404, `no such page: ${pathname}`);
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith(':')) {
      let v: string;
      try {
        v = decodeURIComponent(parts[i]!);
      } catch {
        throw new HttpError(400, `malformed percent-encoding in the path: ${parts[i]}`);
      }
      params[p.slice(1)] = v;
    } else if (p !== parts[i]) return undefined;
  }
  return params;
}
