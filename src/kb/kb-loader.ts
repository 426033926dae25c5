import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { AttacheError } from '../errors.js';
import { kbEntrySchema, type KbEntry } from './kb-schema.js';

/** One validated entry and where it was written. */
export interface LocatedEntry {
  readonly entry: KbEntry;
  readonly file: string;
  readonly line: number;
}

function lineOf(node: YamlNode | null | undefined, lc: LineCounter): number {
  const at = node?.range?.[0];
  return at === undefined ? 1 : lc.linePos(at).line;
}

/** Where in an entry a zod issue points: the line of that field when the YAML has it. */
function issueLine(node: YamlNode, path: readonly PropertyKey[], lc: LineCounter): number {
  let cur: unknown = node;
  let line = lineOf(node, lc);
  for (const key of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      cur = pair.value;
      line = lineOf((pair.value ?? pair.key) as YamlNode, lc);
    } else if (isSeq(cur) && typeof key === 'number') {
      cur = cur.items[key];
      line = lineOf(cur as YamlNode, lc);
    } else break;
  }
  return line;
}

/**
 * Parses a knowledge-base file (YAML, or JSON, which YAML reads too): a list of entries, or a map
 * with an `entries` list. Every entry is validated; the first bad one throws `ATT_E020` naming the
 * file and the line of the entry (and of the bad field).
 */
export function parseKbText(text: string, file: string): LocatedEntry[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = lc.linePos(e.pos[0]).line;
    throw new AttacheError('ATT_E020', `not valid YAML or JSON: ${e.message.split('\n')[0]}`, `${file}:${line}`);
  }
  let list: YamlNode | null = doc.contents as YamlNode | null;
  if (list === null) return [];
  if (isMap(list)) {
    const pair = list.items.find((p) => (p.key as { value?: unknown } | null)?.value === 'entries');
    if (!pair) throw new AttacheError('ATT_E020', 'expected a list of entries (or a map with an "entries" list)', `${file}:${lineOf(list, lc)}`);
    list = pair.value as YamlNode | null;
    if (list === null) return [];
  }
  if (!isSeq(list)) throw new AttacheError('ATT_E020', 'expected a list of entries (or a map with an "entries" list)', `${file}:${lineOf(list, lc)}`);
  const out: LocatedEntry[] = [];
  const seen = new Map<string, number>();
  for (const item of list.items) {
    const node = item as YamlNode;
    const line = lineOf(node, lc);
    const value: unknown = (node as { toJSON?: () => unknown }).toJSON ? (node as unknown as { toJSON: (a?: unknown, ctx?: unknown) => unknown }).toJSON() : node;
    const parsed = kbEntrySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const id = value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? ` "${(value as { id: string }).id}"` : '';
      const field = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
      const at = issue.path.length ? issueLine(node, issue.path, lc) : line;
      throw new AttacheError('ATT_E020', `entry${id} (line ${line}) is invalid: ${field}${issue.message}`, `${file}:${at}`);
    }
    const prev = seen.get(parsed.data.id);
    if (prev !== undefined) {
      throw new AttacheError('ATT_E020', `entry "${parsed.data.id}" (line ${line}) repeats the id of the entry on line ${prev}`, `${file}:${line}`);
    }
    seen.set(parsed.data.id, line);
    out.push({ entry: parsed.data, file, line });
  }
  return out;
}

/** Reads and parses one knowledge-base file; unreadable files throw `ATT_E020` naming the file. */
export function readKbFile(file: string): LocatedEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AttacheError('ATT_E020', code === 'ENOENT' ? 'knowledge-base file not found' : `cannot read knowledge-base file (${code ?? 'error'})`, file);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseKbText(text, file);
}
