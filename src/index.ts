/** Attaché as a library: `import { analyze } from 'attache'`. */
export { analyze, Analyzer, type AnalyzeOptions, type AnalyzerOptions } from './analysis/analyzer.js';
export { ANALYSIS_SCHEMA, toAnalysis, toJson, type Analysis } from './analysis/analysis.js';
export { Doc, type DocMeta, type LayerMap } from './doc/doc.js';
export type { Span, MetaText } from './doc/span.js';
export type * from './doc/records.js';
export { TokenTable } from './doc/tokens.js';
export { Pipeline, checkOrder } from './pipeline/pipeline.js';
export { defineComponent, type Component, type ComponentSpec } from './pipeline/component.js';
export { AttacheError, ERRORS, type ErrorCode } from './errors.js';
export { ALL_COMPONENTS } from './components/registry.js';
