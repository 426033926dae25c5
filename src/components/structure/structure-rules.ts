import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { AttacheError } from '../../errors.js';

/** The structure component's word lists and line rules, compiled from `data/structure/boilerplate.yaml`. */
export interface StructureRules {
  readonly shareWords: ReadonlySet<string>;
  readonly shareCore: ReadonlySet<string>;
  readonly sharePrefixes: readonly string[];
  readonly lines: readonly { readonly rule: string; readonly re: RegExp }[];
  /** All line patterns in one expression: one pass over a line tells whether any rule applies. */
  readonly anyLine: RegExp;
  readonly maxLineChars: number;
  readonly maxShareLineWords: number;
  readonly keyPointHeadings: ReadonlySet<string>;
  readonly publishedPrefixes: readonly string[];
  readonly updatedPrefixes: readonly string[];
  readonly notDatelines: ReadonlySet<string>;
}

export const BOILERPLATE_FILE = fileURLToPath(new URL('../../../data/structure/boilerplate.yaml', import.meta.url));

function strings(v: unknown, field: string, file: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number')) {
    throw new AttacheError('ATT_E015', `"${field}" must be a list of strings`, file);
  }
  return v.map(String);
}

/** Reads and checks a rules file; a bad file gets one error naming it and the field. */
export function loadStructureRules(file: string = BOILERPLATE_FILE): StructureRules {
  let raw: Record<string, unknown>;
  try {
    raw = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new AttacheError('ATT_E015', `cannot read structure rules: ${(e as Error).message.split('\n')[0]}`, file);
  }
  if (!raw || typeof raw !== 'object') throw new AttacheError('ATT_E015', 'structure rules must be a YAML mapping', file);
  const lines = raw.lines;
  if (!Array.isArray(lines)) throw new AttacheError('ATT_E015', '"lines" must be a list of { rule, pattern }', file);
  const compiled = lines.map((l: unknown, i: number) => {
    const o = l as { rule?: unknown; pattern?: unknown };
    if (typeof o?.rule !== 'string' || typeof o.pattern !== 'string') {
      throw new AttacheError('ATT_E015', `lines[${i}] needs a "rule" and a "pattern"`, file);
    }
    try {
      return { rule: o.rule, re: new RegExp(o.pattern, 'iu') };
    } catch (e) {
      throw new AttacheError('ATT_E015', `lines[${i}] (${o.rule}): bad pattern: ${(e as Error).message}`, file);
    }
  });
  const prefixes = (raw.datePrefixes ?? {}) as { published?: unknown; updated?: unknown };
  const byLength = (a: string, b: string) => b.length - a.length;
  return Object.freeze({
    shareWords: new Set(strings(raw.shareWords, 'shareWords', file).map((w) => w.toLowerCase())),
    shareCore: new Set(strings(raw.shareCore, 'shareCore', file).map((w) => w.toLowerCase())),
    sharePrefixes: strings(raw.sharePrefixes, 'sharePrefixes', file).map((w) => w.toLowerCase()).sort(byLength),
    lines: compiled,
    anyLine: new RegExp(compiled.map((c) => `(?:${c.re.source})`).join('|'), 'iu'),
    maxLineChars: typeof raw.maxLineChars === 'number' ? raw.maxLineChars : 220,
    maxShareLineWords: typeof raw.maxShareLineWords === 'number' ? raw.maxShareLineWords : 16,
    keyPointHeadings: new Set(strings(raw.keyPointHeadings, 'keyPointHeadings', file).map((w) => w.toLowerCase())),
    publishedPrefixes: strings(prefixes.published ?? [], 'datePrefixes.published', file).map((w) => w.toLowerCase()).sort(byLength),
    updatedPrefixes: strings(prefixes.updated ?? [], 'datePrefixes.updated', file).map((w) => w.toLowerCase()).sort(byLength),
    notDatelines: new Set(strings(raw.notDatelines ?? [], 'notDatelines', file)),
  });
}

let shipped: StructureRules | undefined;

/** The shipped rules, read once per process. */
export function structureRules(): StructureRules {
  shipped ??= loadStructureRules();
  return shipped;
}
