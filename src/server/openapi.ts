import { z } from 'zod';
import type { Endpoint } from './api-routes.js';

/** The OpenAPI 3.1 description of the API, built from the same table and schemas that serve it. */
export function openApi(endpoints: readonly Endpoint[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const path = e.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [...e.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (e.query) {
      const js = z.toJSONSchema(e.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
      for (const [name, schema] of Object.entries(js.properties ?? {})) parameters.push({ name, in: 'query', required: false, schema });
    }
    const op: Record<string, unknown> = {
      summary: e.summary,
      parameters,
      responses: {
        [e.method === 'POST' ? '201' : '200']: {
          description: e.paged ? `{ "items": [ ${e.returns} ], "total": N } — paginated with limit (1–500, default 20) and offset` : e.returns,
          content: { 'application/json': {} },
        },
        '400': { $ref: '#/components/responses/Error' },
        ...(e.path.includes(':') ? { '404': { $ref: '#/components/responses/Error' } } : {}),
        ...(e.auth ? { '401': { $ref: '#/components/responses/Error' }, '403': { $ref: '#/components/responses/Error' }, '413': { $ref: '#/components/responses/Error' }, '415': { $ref: '#/components/responses/Error' } } : {}),
      },
    };
    if (e.auth) {
      op.security = [{ bearer: [] }];
      op.requestBody = {
        required: true,
        content: Object.fromEntries(['text/plain', 'text/html', 'application/json', 'application/x-ndjson'].map((t) => [t, { schema: { type: 'string' } }])),
      };
    }
    (paths[path] ??= {})[e.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Attaché API',
      version,
      description:
        'Who said what, to whom, when, and where they stand — read from stored news articles. Lists answer { "items": [...], "total": N } and take limit and offset. Errors answer { "error": { "status", "code", "message" } }. Dates are YYYY, YYYY-MM or YYYY-MM-DD and bounds are inclusive. Actor ids contain ":" and must be percent-encoded in paths.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      responses: {
        Error: {
          description: 'An error',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { error: { type: 'object', properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
  };
}
