import { AttacheError } from '../errors.js';
import type { Diagnostic } from './diagnostic.js';
import type { ActorRecord, EventRecord, KeyPointRecord, QuoteRecord, StanceRecord, StatementRecord } from './records.js';
import { makeSpan, overlaps, type MetaText, type Span } from './span.js';
import type { TokenTable } from './tokens.js';

/** Where a Doc came from and how its text was obtained. */
export type DocFormat = 'text' | 'html';

/**
 * What we know about an article besides its text. Readers fill what the source says outright
 * (HTML metadata, a JSONL `published` field); the `structure` component fills the rest from the text.
 */
export interface DocMeta {
  headline?: MetaText;
  /** ISO 8601 date or date-time. */
  published?: string;
  publishedSpan?: Span;
  dateline?: MetaText;
  authors: string[];
  outlet?: string;
  language?: string;
  url?: string;
  keyPoints: MetaText[];
  sections: MetaText[];
  /** Ranges no component may read as content: boilerplate, share buttons, bullets' markers. */
  ignored: Span[];
  /** Hints from the reader that the structure component weighs (never shown as facts). */
  hints: DocHints;
}

export interface DocHints {
  /** Title of the page (`<title>`, og:title, JSON-LD headline) when the reader found one. */
  title?: string;
  /** Publication date the source declared (JSON-LD, meta tags, feed, JSONL), ISO 8601. */
  published?: string;
  /** The text starts with this many characters of header material the reader recognised. */
  siteName?: string;
}

/**
 * Named layers that components assign. Components add their own layer types with
 * `declare module '../../doc/doc.js' { interface LayerMap { … } }`.
 */
export interface LayerMap {
  paragraphs: readonly Span[];
  sentences: readonly Span[];
  actors: readonly ActorRecord[];
  quotes: readonly QuoteRecord[];
  events: readonly EventRecord[];
  stances: readonly StanceRecord[];
  statements: readonly StatementRecord[];
  keyPoints: readonly KeyPointRecord[];
}

export type LayerName = keyof LayerMap;

let nextId = 0;

/** One article: one immutable text, standoff layers over it, and diagnostics. */
export class Doc {
  readonly id: string;
  readonly text: string;
  readonly uri: string | undefined;
  readonly format: DocFormat;
  readonly meta: DocMeta;
  readonly diagnostics: Diagnostic[] = [];
  tokens: TokenTable | undefined;
  private readonly layers = new Map<string, unknown>();
  private ignoredSorted: Span[] | undefined;

  constructor(text: string, opts: { id?: string; uri?: string; format?: DocFormat; meta?: Partial<DocMeta> } = {}) {
    this.text = text;
    this.uri = opts.uri;
    this.format = opts.format ?? 'text';
    this.id = opts.id ?? `doc${++nextId}`;
    this.meta = { authors: [], keyPoints: [], sections: [], ignored: [], hints: {}, ...opts.meta };
  }

  span(start: number, end: number): Span {
    if (start < 0 || end > this.text.length || start > end) {
      throw new AttacheError('ATT_E004', `span [${start}, ${end}) outside text of length ${this.text.length}`, this.uri);
    }
    return makeSpan(this.text, start, end);
  }

  set<K extends LayerName>(name: K, value: LayerMap[K]): void {
    this.layers.set(name, value);
  }

  has(name: LayerName): boolean {
    return this.layers.has(name);
  }

  get<K extends LayerName>(name: K): LayerMap[K] {
    if (!this.layers.has(name)) throw new AttacheError('ATT_E003', `layer "${name}" has not been assigned`, this.uri);
    return this.layers.get(name) as LayerMap[K];
  }

  /** The layer, or `undefined` where no component assigned it. */
  maybe<K extends LayerName>(name: K): LayerMap[K] | undefined {
    return this.layers.get(name) as LayerMap[K] | undefined;
  }

  layerNames(): string[] {
    return [...this.layers.keys()];
  }

  addIgnored(start: number, end: number): void {
    if (end <= start) return;
    this.meta.ignored.push(this.span(start, end));
    this.ignoredSorted = undefined;
  }

  /** Ignored ranges, sorted and merged. */
  ignoredRanges(): readonly Span[] {
    if (!this.ignoredSorted) {
      const sorted = [...this.meta.ignored].sort((a, b) => a.start - b.start || a.end - b.end);
      const merged: Span[] = [];
      for (const s of sorted) {
        const last = merged[merged.length - 1];
        if (last && s.start <= last.end) {
          if (s.end > last.end) merged[merged.length - 1] = makeSpan(this.text, last.start, s.end);
        } else merged.push(s);
      }
      this.ignoredSorted = merged;
    }
    return this.ignoredSorted;
  }

  /** True when `[start, end)` touches an ignored range. */
  isIgnored(start: number, end: number = start + 1): boolean {
    const r = this.ignoredRanges();
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < r.length && overlaps(r[lo]!, { start, end });
  }

  diagnose(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  hasFatal(): boolean {
    return this.diagnostics.some((d) => d.severity === 'fatal');
  }
}
