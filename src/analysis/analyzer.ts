import { componentsUpTo } from '../components/registry.js';
import type { Doc } from '../doc/doc.js';
import { AttacheError, describeError } from '../errors.js';
import type { Component, Resources } from '../pipeline/component.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { looksLikeHtml, type RawArticle } from '../read/sources.js';
import { toDoc } from '../read/to-doc.js';
import { failedAnalysis, toAnalysis, type Analysis } from './analysis.js';

export interface AnalyzerOptions {
  /** Run these components instead of the default pipeline. */
  readonly components?: readonly Component[];
  /** Stop after this component (e.g. `segment`, `actors`). */
  readonly upTo?: string;
  readonly resources?: Partial<Resources>;
}

/** A pipeline bound to its resources, turning raw articles into Analyses. */
export class Analyzer {
  readonly pipeline: Pipeline;

  constructor(opts: AnalyzerOptions = {}) {
    this.pipeline = new Pipeline(opts.components ?? componentsUpTo(opts.upTo), opts.resources ?? {});
  }

  /** Runs the pipeline on a Doc and returns it (for callers that want the layers themselves). */
  runDoc(doc: Doc): Doc {
    return this.pipeline.run(doc);
  }

  /** Reads and analyses one article; an unreadable one gives an Analysis with a fatal diagnostic. */
  analyzeRaw(raw: RawArticle): Analysis {
    let doc: Doc;
    try {
      doc = toDoc(raw);
    } catch (e) {
      return failedAnalysis(raw.uri, 'read', e instanceof AttacheError ? e.code : 'read-error', describeError(e));
    }
    return toAnalysis(this.pipeline.run(doc), this.pipeline.version);
  }
}

export interface AnalyzeOptions extends AnalyzerOptions {
  readonly uri?: string;
  /** `text` or `html`; judged from the content when not given. */
  readonly kind?: 'text' | 'html';
  readonly url?: string;
  /** Publication date known from elsewhere (ISO 8601). */
  readonly published?: string;
}

let shared: Analyzer | undefined;

/** Analyses one article given as a string (plain text or HTML) and returns its Analysis. */
export function analyze(input: string, opts: AnalyzeOptions = {}): Analysis {
  const custom = opts.components || opts.upTo || opts.resources;
  const analyzer = custom ? new Analyzer(opts) : (shared ??= new Analyzer());
  const kind = opts.kind ?? (looksLikeHtml(input) ? 'html' : 'text');
  const raw: RawArticle = {
    uri: opts.uri ?? '<input>',
    kind,
    content: input,
    ...(opts.url ? { url: opts.url } : {}),
    ...(opts.published ? { published: opts.published } : {}),
  };
  return analyzer.analyzeRaw(raw);
}
