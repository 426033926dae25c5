import type { Diagnostic } from '../doc/diagnostic.js';
import type { Doc } from '../doc/doc.js';
import type { ActorRecord, EventRecord, KeyPointRecord, QuoteRecord, StanceRecord, StatementRecord } from '../doc/records.js';
import type { MetaText, Span } from '../doc/span.js';

export const ANALYSIS_SCHEMA = 'attache.analysis/1';

/** The public contract: what `attache analyze --json` prints and `analyze()` returns. */
export interface Analysis {
  readonly schema: typeof ANALYSIS_SCHEMA;
  /** `name@version` of each component that ran, joined with `+`. */
  readonly pipeline: string;
  readonly doc: { readonly id: string; readonly text: string; readonly uri?: string; readonly language: string; readonly format: string };
  readonly meta: {
    readonly headline?: MetaText;
    readonly published?: string;
    readonly publishedSpan?: Span;
    readonly dateline?: MetaText;
    readonly authors: readonly string[];
    readonly outlet?: string;
    readonly url?: string;
    readonly keyPoints: readonly MetaText[];
    readonly sections: readonly MetaText[];
    readonly ignored: readonly Span[];
  };
  readonly paragraphs: readonly Span[];
  readonly sentences: readonly Span[];
  readonly actors: readonly ActorRecord[];
  readonly quotes: readonly QuoteRecord[];
  readonly events: readonly EventRecord[];
  readonly stances: readonly StanceRecord[];
  readonly statements: readonly StatementRecord[];
  readonly keyPoints: readonly KeyPointRecord[];
  readonly diagnostics: readonly Diagnostic[];
}

function definedOnly<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Assembles the Analysis of a Doc after a pipeline has run over it. */
export function toAnalysis(doc: Doc, pipeline: string): Analysis {
  const m = doc.meta;
  const statements = doc.maybe('statements') ?? [];
  const statementOf = new Map<string, string>();
  for (const s of statements) for (const q of s.quotes) statementOf.set(q, s.id);
  const quotes = (doc.maybe('quotes') ?? []).map((q) => (statementOf.has(q.id) && !q.statement ? { ...q, statement: statementOf.get(q.id)! } : q));
  return {
    schema: ANALYSIS_SCHEMA,
    pipeline,
    doc: definedOnly({ id: doc.id, text: doc.text, uri: doc.uri, language: m.language ?? 'und', format: doc.format }),
    meta: definedOnly({
      headline: m.headline,
      published: m.published,
      publishedSpan: m.publishedSpan,
      dateline: m.dateline,
      authors: m.authors,
      outlet: m.outlet,
      url: m.url,
      keyPoints: m.keyPoints,
      sections: m.sections,
      ignored: doc.ignoredRanges(),
    }),
    paragraphs: doc.maybe('paragraphs') ?? [],
    sentences: doc.maybe('sentences') ?? [],
    actors: doc.maybe('actors') ?? [],
    quotes,
    events: doc.maybe('events') ?? [],
    stances: doc.maybe('stances') ?? [],
    statements,
    keyPoints: doc.maybe('keyPoints') ?? [],
    diagnostics: doc.diagnostics,
  };
}

/** The Analysis of an input that could not be read at all: a document with one fatal diagnostic. */
export function failedAnalysis(uri: string, component: string, rule: string, message: string): Analysis {
  return {
    schema: ANALYSIS_SCHEMA,
    pipeline: '',
    doc: { id: '', text: '', uri, language: 'und', format: 'text' },
    meta: { authors: [], keyPoints: [], sections: [], ignored: [] },
    paragraphs: [],
    sentences: [],
    actors: [],
    quotes: [],
    events: [],
    stances: [],
    statements: [],
    keyPoints: [],
    diagnostics: [{ component, rule, severity: 'fatal', message }],
  };
}

/** JSON with U+2028 and U+2029 escaped, so line-based readers never break inside a string. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
}
