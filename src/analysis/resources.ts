import type { Resources } from '../pipeline/component.js';
import '../kb/kb-resource.js';
import { loadKb } from '../kb/shipped-kb.js';

export interface ResourceOptions {
  /** Users' knowledge-base files (YAML or JSON) that add to or override the shipped one. */
  readonly kbFiles?: readonly string[];
  /** Users' issue definitions (YAML or JSON). */
  readonly issueFiles?: readonly string[];
}

/**
 * Loads the resources the components read (knowledge base, issues), with users' files merged in.
 * Components fall back to the shipped defaults when a resource is not given, so this is needed
 * only where users add their own files. Throws a coded error naming the file and line of a bad entry.
 */
export function loadResources(opts: ResourceOptions = {}): Partial<Resources> {
  const out: Partial<Resources> = {};
  if (opts.kbFiles?.length) out.kb = loadKb(opts.kbFiles);
  return out;
}
