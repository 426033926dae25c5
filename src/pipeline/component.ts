import type { Doc } from '../doc/doc.js';

/** What a component needs and what it provides; the pipeline checks these before it runs. */
export interface ComponentSpec {
  readonly name: string;
  readonly version: string;
  /** Layers (or `meta.*` fields, or `tokens`) that must be assigned before this runs. */
  readonly requires: readonly string[];
  /** Layers this component assigns. */
  readonly assigns: readonly string[];
}

/**
 * Shared, read-only resources a pipeline hands to its components (knowledge base, issues, …).
 * Components add their keys with `declare module '../../pipeline/component.js' { interface Resources { … } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Resources {}

export interface RunContext {
  readonly resources: Readonly<Partial<Resources>>;
}

export interface Component extends ComponentSpec {
  run(doc: Doc, ctx: RunContext): void;
}

/** What every Doc has before any component runs. */
export const READER_PROVIDES: readonly string[] = ['text', 'meta.hints'];

export function defineComponent(spec: ComponentSpec, run: (doc: Doc, ctx: RunContext) => void): Component {
  return Object.freeze({ ...spec, requires: Object.freeze([...spec.requires]), assigns: Object.freeze([...spec.assigns]), run });
}
