import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbEntry } from './kb-schema.js';

/**
 * A JSON copy of the shipped knowledge base, written at build time next to the compiled loader, so a
 * process reads one JSON file (a few milliseconds) instead of parsing a dozen YAML files (a few
 * hundred). It records each source file's size and modification time and is used only while they
 * all still match: an edited YAML file is read again, never shadowed by a stale snapshot.
 */
export const SNAPSHOT_PATH = fileURLToPath(new URL('./shipped-kb.snapshot.json', import.meta.url));

interface SourceStamp {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

interface Snapshot {
  readonly version: 1;
  readonly sources: readonly SourceStamp[];
  readonly problems: readonly string[];
  readonly entries: readonly KbEntry[];
}

function stamps(dir: string, files: readonly string[]): SourceStamp[] {
  return files.map((f) => {
    const st = statSync(f);
    return { file: relative(dir, f), size: st.size, mtimeMs: Math.round(st.mtimeMs) };
  });
}

/** The snapshot's entries when it matches the files of `dir` exactly; otherwise undefined. */
export function readSnapshot(
  dir: string,
  files: readonly string[],
  path = SNAPSHOT_PATH,
): { entries: readonly KbEntry[]; problems: readonly string[] } | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const snap = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
    const now = stamps(dir, files);
    if (snap.version !== 1 || snap.sources.length !== now.length) return undefined;
    for (let i = 0; i < now.length; i++) {
      const [a, b] = [snap.sources[i]!, now[i]!];
      if (a.file !== b.file || a.size !== b.size || a.mtimeMs !== b.mtimeMs) return undefined;
    }
    return { entries: snap.entries, problems: snap.problems };
  } catch {
    return undefined;
  }
}

export function writeSnapshot(dir: string, files: readonly string[], entries: readonly KbEntry[], problems: readonly string[], path = SNAPSHOT_PATH): void {
  const snap: Snapshot = { version: 1, sources: stamps(dir, files), problems, entries };
  writeFileSync(path, JSON.stringify(snap));
}
