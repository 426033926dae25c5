import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKbFile, type LocatedEntry } from './kb-loader.js';
import { readSnapshot, writeSnapshot } from './kb-snapshot.js';
import { KnowledgeBase } from './knowledge-base.js';
import { AttacheError } from '../errors.js';

/** The folder of the shipped knowledge base (`data/kb/` at the package root). */
export const SHIPPED_KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));

/** The local additions file: read last, so it may also correct a shipped entry by id. */
const EXTRA = 'extra.yaml';

/** Every `.yaml`/`.yml`/`.json` file under `dir`, sorted, with `extra.yaml` last. */
export function kbFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .sort((a, b) => (a === EXTRA ? 1 : b === EXTRA ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return files.map((f) => join(dir, f));
}

/**
 * Loads the entries of a folder of KB files. `extra.yaml` (our own additions and corrections)
 * replaces an entry with its id. Any other id repeated across files is an error when `strict`;
 * otherwise the first entry wins and the repeat is listed in `problems` (a data bug for the KB's
 * own tests to catch, which should not stop every analysis).
 */
export function loadKbDir(dir: string, opts: { strict?: boolean; problems?: string[] } = {}): LocatedEntry[] {
  const byId = new Map<string, LocatedEntry>();
  for (const file of kbFilesIn(dir)) {
    const isExtra = file.endsWith(`/${EXTRA}`) || file.endsWith(`\\${EXTRA}`);
    for (const le of readKbFile(file)) {
      const prev = byId.get(le.entry.id);
      if (prev && !isExtra) {
        const e = new AttacheError('ATT_E020', `entry "${le.entry.id}" repeats the id of the entry at ${prev.file}:${prev.line}`, `${file}:${le.line}`);
        if (opts.strict) throw e;
        opts.problems?.push(e.oneLine());
        continue;
      }
      byId.set(le.entry.id, le);
    }
  }
  return [...byId.values()];
}

/** Problems found while loading the shipped KB (repeated ids), for tests and `--verbose` reports. */
export const shippedKbProblems: string[] = [];

let shipped: KnowledgeBase | undefined;

/**
 * The shipped knowledge base, loaded on first use and kept for the life of the process: from the
 * build's JSON snapshot when it matches the data files, else from the YAML files themselves.
 */
export function shippedKb(): KnowledgeBase {
  if (!shipped) {
    const files = kbFilesIn(SHIPPED_KB_DIR);
    const snap = readSnapshot(SHIPPED_KB_DIR, files);
    if (snap) {
      shippedKbProblems.push(...snap.problems);
      shipped = new KnowledgeBase(snap.entries);
    } else shipped = new KnowledgeBase(loadKbDir(SHIPPED_KB_DIR, { problems: shippedKbProblems }).map((l) => l.entry));
  }
  return shipped;
}

/** Writes the JSON snapshot of the shipped knowledge base (a build step). */
export function snapshotShippedKb(): number {
  const problems: string[] = [];
  const files = kbFilesIn(SHIPPED_KB_DIR);
  const entries = loadKbDir(SHIPPED_KB_DIR, { problems }).map((l) => l.entry);
  writeSnapshot(SHIPPED_KB_DIR, files, entries, problems);
  return entries.length;
}

/** The shipped knowledge base with users' files merged in (an entry with a shipped id replaces it). */
export function loadKb(userFiles: readonly string[] = []): KnowledgeBase {
  const base = shippedKb();
  if (!userFiles.length) return base;
  const extra: LocatedEntry[] = [];
  for (const f of userFiles) extra.push(...readKbFile(f));
  return base.withOverrides(extra.map((l) => l.entry));
}
