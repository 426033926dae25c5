import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttacheError } from '../errors.js';

/**
 * A reader for PolNeAR (Newell, Margolin & Ruths 2018): article texts with attributions in BRAT
 * standoff. Other evaluations (actors, events) can reuse it to get gold sources and cues.
 */

/** A half-open `[start, end)` character range of the article text. */
export interface Fragment {
  readonly start: number;
  readonly end: number;
}

/** One gold attribution (one `E` line): where each role lies, possibly in several fragments. */
export interface GoldAttribution {
  readonly id: string;
  readonly content: readonly Fragment[];
  readonly cue: readonly Fragment[];
  /** Empty for `Attribution-no-source`. */
  readonly source: readonly Fragment[];
}

export interface PolnearDoc {
  readonly name: string;
  readonly split: string;
  readonly annotator: string;
  readonly text: string;
  readonly attributions: readonly GoldAttribution[];
}

interface TextBound {
  readonly role: string;
  readonly fragments: Fragment[];
}

const T_LINE = /^(T\d+)\t(\S+) ([\d ;]+)\t?/;
const E_LINE = /^(E\d+)\t(.*)$/;

/**
 * Parses a BRAT `.ann` file into attributions. `T` lines give typed, possibly discontinuous
 * spans (`start end;start end`); their text may run over several lines, which we skip since the
 * offsets say everything. `E` lines tie Source, Cue and Content (and `Content2`) together.
 * A malformed line that looks like a `T` or `E` line is an `ATT_E016` error naming file and line.
 */
export function parseBratAnn(ann: string, file = '<ann>'): GoldAttribution[] {
  const bounds = new Map<string, TextBound>();
  const events: { id: string; args: [string, string][]; line: number }[] = [];
  const lines = ann.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (/^T\d+\t/.test(line)) {
      const m = T_LINE.exec(line);
      if (!m) throw new AttacheError('ATT_E016', `line ${n + 1}: malformed text-bound annotation`, file);
      const fragments: Fragment[] = [];
      for (const part of m[3]!.trim().split(';')) {
        const [a, b] = part.trim().split(/\s+/).map(Number);
        if (a === undefined || b === undefined || !Number.isInteger(a) || !Number.isInteger(b) || b < a) {
          throw new AttacheError('ATT_E016', `line ${n + 1}: bad offsets "${part}"`, file);
        }
        fragments.push({ start: a, end: b });
      }
      bounds.set(m[1]!, { role: m[2]!, fragments });
    } else if (/^E\d+\t/.test(line)) {
      const m = E_LINE.exec(line)!;
      const args: [string, string][] = [];
      for (const kv of m[2]!.trim().split(/\s+/)) {
        const i = kv.indexOf(':');
        if (i <= 0) throw new AttacheError('ATT_E016', `line ${n + 1}: bad argument "${kv}"`, file);
        args.push([kv.slice(0, i), kv.slice(i + 1)]);
      }
      events.push({ id: m[1]!, args, line: n + 1 });
    }
    // Other lines: notes (#), relations we do not use, or the continuation of a T line's text.
  }
  const out: GoldAttribution[] = [];
  for (const e of events) {
    const content: Fragment[] = [];
    const cue: Fragment[] = [];
    const source: Fragment[] = [];
    for (const [role, ref] of e.args) {
      const target = role.startsWith('Content') ? content : role === 'Cue' ? cue : role === 'Source' ? source : undefined;
      if (!target) continue;
      const tb = bounds.get(ref);
      if (!tb) throw new AttacheError('ATT_E016', `line ${e.line}: ${e.id} refers to unknown ${ref}`, file);
      target.push(...tb.fragments);
    }
    if (content.length === 0) continue;
    const byStart = (a: Fragment, b: Fragment) => a.start - b.start || a.end - b.end;
    out.push({ id: e.id, content: content.sort(byStart), cue: cue.sort(byStart), source: source.sort(byStart) });
  }
  return out;
}

/** Reads `metadata.tsv`: file name → annotators in the listed order, per split. */
export function readPolnearMetadata(root: string): Map<string, { split: string; annotators: string[] }> {
  const file = join(root, 'metadata.tsv');
  if (!existsSync(file)) throw new AttacheError('ATT_E031', 'PolNeAR metadata.tsv not found', file);
  const rows = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const header = rows[0]!.split('\t');
  const iSplit = header.indexOf('compartment');
  const iName = header.indexOf('filename');
  const iAnn = header.indexOf('annotators');
  if (iSplit < 0 || iName < 0 || iAnn < 0) {
    throw new AttacheError('ATT_E016', 'header lacks compartment, filename or annotators', file);
  }
  const out = new Map<string, { split: string; annotators: string[] }>();
  for (const row of rows.slice(1)) {
    const c = row.split('\t');
    out.set(`${c[iSplit]}/${c[iName]}`, { split: c[iSplit]!, annotators: (c[iAnn] ?? '').split('|').filter(Boolean) });
  }
  return out;
}

/**
 * Loads one split (`train`, `dev`) of PolNeAR from `root` (the folder with `metadata.tsv`).
 * Each article uses its first listed annotator's file (the next listed one where that is missing).
 */
export function loadPolnear(root: string, split: string, limit = Infinity): PolnearDoc[] {
  const dir = join(root, split);
  if (!existsSync(join(dir, 'text'))) throw new AttacheError('ATT_E031', `no PolNeAR split "${split}" (expected ${split}/text/)`, root);
  const meta = readPolnearMetadata(root);
  const annFiles = new Set(existsSync(join(dir, 'attributions')) ? readdirSync(join(dir, 'attributions')) : []);
  const docs: PolnearDoc[] = [];
  for (const f of readdirSync(join(dir, 'text')).filter((x) => x.endsWith('.txt')).sort()) {
    if (docs.length >= limit) break;
    const name = f.slice(0, -4);
    const annotators = meta.get(`${split}/${name}`)?.annotators ?? [];
    const annotator = annotators.find((a) => annFiles.has(`${name}_${a}.ann`));
    if (!annotator) continue;
    const annPath = join(dir, 'attributions', `${name}_${annotator}.ann`);
    docs.push({
      name,
      split,
      annotator,
      text: readFileSync(join(dir, 'text', f), 'utf8'),
      attributions: parseBratAnn(readFileSync(annPath, 'utf8'), annPath),
    });
  }
  return docs;
}
