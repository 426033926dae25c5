import type { Doc } from '../doc/doc.js';
import { AttacheError } from '../errors.js';
import { READER_PROVIDES, type Component, type Resources, type RunContext } from './component.js';

/** Checks that each component's requirements are assigned by a component before it. */
export function checkOrder(components: readonly Component[]): void {
  const have = new Set<string>(READER_PROVIDES);
  const names = new Set<string>();
  for (const c of components) {
    if (names.has(c.name)) throw new AttacheError('ATT_E002', `component "${c.name}" appears twice in the pipeline`);
    names.add(c.name);
    const missing = c.requires.filter((r) => !have.has(r));
    if (missing.length) {
      throw new AttacheError(
        'ATT_E001',
        `component "${c.name}" requires ${missing.map((m) => `"${m}"`).join(', ')}, which no earlier component assigns`,
      );
    }
    for (const a of c.assigns) have.add(a);
  }
}

/** An ordered, checked, frozen list of components. */
export class Pipeline {
  readonly components: readonly Component[];
  /** `name@version` of every component, joined: stored with each fact so re-analysis can be detected. */
  readonly version: string;
  private readonly ctx: RunContext;

  constructor(components: readonly Component[], resources: Partial<Resources> = {}) {
    checkOrder(components);
    this.components = Object.freeze([...components]);
    this.version = components.map((c) => `${c.name}@${c.version}`).join('+');
    this.ctx = Object.freeze({ resources: Object.freeze({ ...resources }) });
  }

  /**
   * Runs every component on `doc`. A component that throws leaves a fatal diagnostic; the
   * components after it that need what it would have assigned are skipped, the others still run.
   */
  run(doc: Doc): Doc {
    const failed = new Set<string>();
    for (const c of this.components) {
      if (c.requires.some((r) => failed.has(r))) {
        for (const a of c.assigns) failed.add(a);
        continue;
      }
      try {
        c.run(doc, this.ctx);
      } catch (e) {
        for (const a of c.assigns) failed.add(a);
        doc.diagnose({
          component: c.name,
          rule: e instanceof AttacheError ? e.code : 'internal-error',
          severity: 'fatal',
          message: `${c.name} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
        });
      }
    }
    return doc;
  }

  has(name: string): boolean {
    return this.components.some((c) => c.name === name);
  }
}
