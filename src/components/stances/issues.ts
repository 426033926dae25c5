import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { PLOVER_TYPES } from '../../doc/records.js';
import { AttacheError } from '../../errors.js';

/** An issue: a proposition actors take positions on, and how a text mentions it. */
export const issueSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    label: z.string().min(1),
    proposition: z.string().min(1),
    /** Groups of words or phrases; a passage mentions the issue when every group has one (`*` = any ending). */
    terms: z.array(z.array(z.string().min(1)).min(1)).min(1),
    /** PLOVER event types that bear on the issue (YIELD stands for CONCEDE and RETREAT). */
    related: z.array(z.enum([...PLOVER_TYPES, 'YIELD'])).default([]),
  })
  .strict();

export type IssueDef = z.infer<typeof issueSchema>;

/** An issue with its terms compiled into one matcher per group. */
export interface Issue extends IssueDef {
  readonly matchers: readonly RegExp[];
}

declare module '../../pipeline/component.js' {
  interface Resources {
    issues: readonly Issue[];
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word-boundary matcher for a list of words and phrases, `*` standing for any word ending. */
export function termMatcher(terms: readonly string[]): RegExp {
  const alts = terms.map((t) => escape(t.toLowerCase()).replace(/\s+/g, '\\s+').replace(/\\\*/g, "[\\w'’-]*"));
  return new RegExp(`(?<![\\w-])(?:${alts.join('|')})(?![\\w-])`, 'i');
}

export function compileIssue(def: IssueDef): Issue {
  return { ...def, matchers: def.terms.map(termMatcher) };
}

/** True when every term group of the issue occurs in `text`. */
export function mentionsIssue(issue: Issue, text: string): boolean {
  return issue.matchers.every((m) => m.test(text));
}

/** Reads issue definitions from a YAML or JSON file; a bad entry is an error naming the file and its line. */
export function loadIssueFile(path: string, text = readFileSync(path, 'utf8')): Issue[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new AttacheError('ATT_E021', `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`, path);
  }
  const root = doc.contents;
  if (!isSeq(root)) throw new AttacheError('ATT_E021', 'expected a list of issues', path);
  const out: Issue[] = [];
  for (const item of root.items) {
    const line = isMap(item) && item.range ? lines.linePos(item.range[0]).line : '?';
    const parsed = issueSchema.safeParse((item as { toJSON(): unknown }).toJSON());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AttacheError('ATT_E021', `line ${line}: ${issue.path.join('.') || 'entry'}: ${issue.message}`, path);
    }
    out.push(compileIssue(parsed.data));
  }
  return out;
}

let shipped: Issue[] | undefined;

/** The issues Attaché ships (`data/issues/issues.yaml`). */
export function shippedIssues(): readonly Issue[] {
  shipped ??= loadIssueFile(new URL('../../../data/issues/issues.yaml', import.meta.url).pathname);
  return shipped;
}

/** Shipped issues with users' files merged in: a user issue with a shipped id replaces it. */
export function loadIssues(files: readonly string[] = []): Issue[] {
  const byId = new Map(shippedIssues().map((i) => [i.id, i]));
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      throw new AttacheError('ATT_E021', `cannot read issues file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, f);
    }
    for (const i of loadIssueFile(f, text)) byId.set(i.id, i);
  }
  return [...byId.values()];
}
