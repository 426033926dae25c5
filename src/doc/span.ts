/** A half-open `[start, end)` range of UTF-16 offsets into a Doc text, with the text it covers. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A piece of metadata that may lie outside the Doc text (e.g. an HTML `<title>`): then it has no offsets. */
export type MetaText = Span | { readonly text: string };

export function hasOffsets(m: MetaText | undefined): m is Span {
  return !!m && typeof (m as Span).start === 'number';
}

export function makeSpan(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Shrinks `[start, end)` so that it neither starts nor ends with white space. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

export function trimmedSpan(text: string, start: number, end: number): Span {
  const [s, e] = trimRange(text, start, end);
  return makeSpan(text, s, e);
}

export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
