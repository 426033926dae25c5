import { z } from 'zod';
import { HttpError } from './http-error.js';

/**
 * The API's input, validated at the edge. Query strings become objects (empty values dropped,
 * repeated keys refused), then one zod schema per endpoint checks them; unknown parameters are
 * refused so a typo never silently widens a search.
 */

const PLOVER = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST',
  'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

const date = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD');
const text = z.string().trim().min(1).max(500);
const id = z.string().min(1).max(300);
/** ISO3 or an IGO code, any case. */
const country = z
  .string()
  .regex(/^[A-Za-z]{2,6}$/, 'an ISO 3166 alpha-3 code or an IGO code such as EU or NATO')
  .transform((s) => s.toUpperCase());
const period = z.enum(['day', 'week', 'month', 'year']);

export const MAX_LIMIT = 500;

const page = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};
const range = { from: date.optional(), to: date.optional() };

function ordered<T extends { from?: string | undefined; to?: string | undefined }>(s: z.ZodType<T>): z.ZodType<T> {
  return s.refine((v) => !v.from || !v.to || v.from.slice(0, v.to.length) <= v.to, { message: '"from" is after "to"', path: ['from'] });
}

export const quotesQuery = ordered(
  z.strictObject({
    ...page,
    ...range,
    q: text.optional(),
    speaker: id.optional(),
    country: country.optional(),
    issue: id.optional(),
    articleId: id.optional(),
    kind: z.enum(['direct', 'partial', 'mixed', 'indirect']).optional(),
    outlet: text.optional(),
    sort: z.enum(['relevance', 'published']).optional(),
  }),
);

export const statementsQuery = ordered(
  z.strictObject({ ...page, ...range, q: text.optional(), speaker: id.optional(), country: country.optional(), group: z.string().regex(/^g\d+$/).optional() }),
);

export const articlesQuery = ordered(
  z.strictObject({
    ...page,
    ...range,
    q: text.optional(),
    outlet: text.optional(),
    actor: id.optional(),
    sort: z.enum(['published', 'ingested', 'relevance']).optional(),
  }),
);

export const actorsQuery = z.strictObject({
  ...page,
  q: text.optional(),
  country: country.optional(),
  kind: z.enum(['person', 'organization', 'country', 'igo', 'region', 'media', 'group']).optional(),
  sector: z.string().regex(/^[A-Za-z]{3}$/, 'a PLOVER sector code such as GOV').transform((s) => s.toUpperCase()).optional(),
  sort: z.enum(['quotes', 'mentions', 'name', 'events']).optional(),
});

export const actorQuery = z.strictObject({ period: period.optional(), eventLimit: z.coerce.number().int().min(1).max(MAX_LIMIT).optional() });

export const issuesQuery = z.strictObject({ ...page });

export const issueQuery = ordered(z.strictObject({ ...range, period: period.optional() }));

export const stancesQuery = ordered(
  z.strictObject({
    ...page,
    ...range,
    issue: id.optional(),
    actor: id.optional(),
    stance: z.enum(['support', 'oppose', 'neutral', 'conditional']).optional(),
  }),
);

const eventFilters = {
  ...range,
  type: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(PLOVER))
    .optional(),
  quad: z.coerce.number().int().min(1).max(4).optional(),
  actor: id.optional(),
  source: id.optional(),
  recipient: id.optional(),
  country: country.optional(),
  articleId: id.optional(),
  modality: z.enum(['asserted', 'alleged', 'denied', 'intended', 'hypothetical']).optional(),
};

export const eventsQuery = ordered(z.strictObject({ ...page, ...eventFilters }));
export const eventCountsQuery = ordered(z.strictObject({ ...eventFilters, period: period.optional() }));
export const eventNetworkQuery = ordered(
  z.strictObject({
    ...eventFilters,
    minCount: z.coerce.number().int().min(1).max(1_000_000).optional(),
    maxEdges: z.coerce.number().int().min(1).max(2000).optional(),
  }),
);

export const ingestQuery = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'an ISO 8601 date or date-time').optional(),
});

/** The query string as a plain object: empty values dropped, a repeated key is a 400. */
export function queryObject(params: URLSearchParams, allowRepeat: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) {
    if (v === '') continue;
    if (k in out && !allowRepeat.includes(k)) throw new HttpError(400, `parameter "${k}" given more than once`);
    out[k] = v;
  }
  return out;
}

/** Validates input with a schema; failures become one 400 naming each bad parameter. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const msgs = r.error.issues.map((i) => {
    const where = i.path.length ? `"${i.path.join('.')}"` : '';
    if (i.code === 'unrecognized_keys') return `unknown parameter${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    return `${where ? `${where}: ` : ''}${i.message}`;
  });
  throw new HttpError(400, msgs.join('; '), { code: 'invalid_parameter' });
}
