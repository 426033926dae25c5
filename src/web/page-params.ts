import type { z } from 'zod';
import { queryObject, validate } from '../server/api-schemas.js';
import { HttpError } from '../server/http-error.js';

/** Results per page in the dashboard's lists. */
export const PER_PAGE = 20;

/**
 * A page's query string, validated with the API schema of the same data: `page=N` becomes
 * `offset`/`limit`, so the dashboard accepts exactly what the API does.
 */
export function pageQuery<T>(url: URL, schema: z.ZodType<T>, perPage = PER_PAGE): { query: T; raw: Record<string, string>; page: number } {
  const raw = queryObject(url.searchParams);
  const { page: pageStr, ...rest } = raw;
  let page = 1;
  if (pageStr !== undefined) {
    page = Number(pageStr);
    if (!Number.isInteger(page) || page < 1 || page > 100_000) throw new HttpError(400, `"page": a whole number from 1, not "${pageStr}"`, { code: 'invalid_parameter' });
  }
  const query = validate(schema, { ...rest, limit: String(perPage), offset: String((page - 1) * perPage) });
  return { query, raw: rest, page };
}

/** A page's query string with no paging. */
export function plainQuery<T>(url: URL, schema: z.ZodType<T>): { query: T; raw: Record<string, string> } {
  const raw = queryObject(url.searchParams);
  return { query: validate(schema, raw), raw };
}
