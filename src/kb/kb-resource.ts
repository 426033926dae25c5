import type { Resources, RunContext } from '../pipeline/component.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { shippedKb } from './shipped-kb.js';

declare module '../pipeline/component.js' {
  interface Resources {
    /** The knowledge base of actors: shipped entries plus users' `--kb` files. */
    kb: KnowledgeBase;
  }
}

/** The knowledge base a component should read: the one given as a resource, else the shipped one. */
export function kbOf(ctx: RunContext | { readonly resources: Readonly<Partial<Resources>> }): KnowledgeBase {
  return ctx.resources.kb ?? shippedKb();
}
