/**
 * Stored Analyses drop the `text` of every span whose text is just its slice of the document (the
 * same words would otherwise be stored once per sentence, paragraph, mention and quote), and get it
 * back on reading. Only objects that are exactly `{ start, end, text }` are touched.
 */

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function compactSpans<T>(value: T, docText: string): T {
  if (Array.isArray(value)) return value.map((v) => compactSpans(v, docText)) as T;
  if (!isPlain(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 3 && typeof value.start === 'number' && typeof value.end === 'number' && typeof value.text === 'string' && 'text' in value) {
    if (docText.slice(value.start, value.end) === value.text) return { start: value.start, end: value.end } as T;
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = compactSpans(value[k], docText);
  return out as T;
}

export function expandSpans<T>(value: T, docText: string): T {
  if (Array.isArray(value)) return value.map((v) => expandSpans(v, docText)) as T;
  if (!isPlain(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 2 && typeof value.start === 'number' && typeof value.end === 'number') {
    return { start: value.start, end: value.end, text: docText.slice(value.start, value.end) } as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = expandSpans(value[k], docText);
  return out as T;
}
