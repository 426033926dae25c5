import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PloverType } from '../../doc/records.js';
import { AttacheError } from '../../errors.js';
import { cameoEntry } from './cameo-table.js';

/** One element of a pattern: a set of words (or a gap), maybe optional, maybe with a part-of-speech constraint. */
export interface PatternElement {
  readonly words: ReadonlySet<string>;
  readonly pos?: 'V' | 'N' | 'A';
  readonly optional: boolean;
  readonly gap: boolean;
}

/** A verb or noun pattern of one PLOVER type, read from `data/lexicon/events/<type>.tsv`. */
export interface EventPattern {
  readonly id: string;
  readonly source: string;
  readonly elements: readonly PatternElement[];
  readonly cameo: string;
  /** Type of the pattern's CAMEO code in the 2021 table (the file it sits in). */
  readonly type: PloverType;
  readonly noun: boolean;
  readonly rev: boolean;
  readonly sym: boolean;
  readonly weak: boolean;
  readonly mode?: string;
  /** Words whose lemma within three tokens after the match shows another sense ("released a statement", "fight the epidemic"). */
  readonly not?: ReadonlySet<string>;
}

export interface Lexicon {
  readonly patterns: readonly EventPattern[];
  /** Patterns by each word their first element accepts. */
  readonly byFirst: ReadonlyMap<string, readonly EventPattern[]>;
}

const DIR = new URL('../../../data/lexicon/events/', import.meta.url);

export function parsePattern(src: string): PatternElement[] {
  const out: PatternElement[] = [];
  for (const raw of src.trim().split(/\s+/)) {
    if (raw === '_') {
      out.push({ words: new Set(), optional: true, gap: true });
      continue;
    }
    let w = raw;
    const optional = w.endsWith('?');
    if (optional) w = w.slice(0, -1);
    let pos: 'V' | 'N' | 'A' | undefined;
    const m = /:(V|N|A)$/.exec(w);
    if (m) {
      pos = m[1] as 'V' | 'N' | 'A';
      w = w.slice(0, -2);
    }
    const words = new Set(w.split('|').map((x) => x.toLowerCase()).filter(Boolean));
    out.push({ words, optional, gap: false, ...(pos ? { pos } : {}) });
  }
  return out;
}

/** Parses one lexicon file; a bad line is a coded error naming the file and line. */
export function parseLexiconFile(text: string, file: string, expected?: PloverType): EventPattern[] {
  const out: EventPattern[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || line.startsWith('#')) continue;
    const [pat, code, flagText] = line.split('\t');
    const where = `${file}:${i + 1}`;
    const entry = code ? cameoEntry(code.trim(), 'cameo2plover-2021') : undefined;
    if (!pat || !entry) throw new AttacheError('ATT_E020', `bad event pattern line (need "pattern<TAB>CAMEO code"): ${line}`, where);
    const elements = parsePattern(pat);
    if (!elements.length || elements[0]!.optional || elements[0]!.gap) {
      throw new AttacheError('ATT_E020', `a pattern must start with a required word: ${pat}`, where);
    }
    const flags = new Set((flagText ?? '').split(',').map((f) => f.trim()).filter(Boolean));
    let mode: string | undefined;
    let not: Set<string> | undefined;
    for (const f of flags) {
      if (f.startsWith('mode=')) mode = f.slice(5);
      if (f.startsWith('not=')) not = new Set(f.slice(4).split('|').map((w) => w.toLowerCase()).filter(Boolean));
    }
    const isYield = (t: PloverType) => t === 'CONCEDE' || t === 'RETREAT';
    if (expected && entry.type !== expected && !(isYield(expected) && isYield(entry.type)) && !(expected === 'SANCTION' && entry.code === '163')) {
      throw new AttacheError('ATT_E020', `CAMEO ${entry.code} is ${entry.type}, not ${expected}`, where);
    }
    out.push({
      id: `${file.replace(/^.*\//, '').replace(/\.tsv$/, '')}:${i + 1}`,
      source: pat,
      elements,
      cameo: entry.code,
      type: entry.type,
      noun: flags.has('noun'),
      rev: flags.has('rev'),
      sym: flags.has('sym'),
      weak: flags.has('weak'),
      ...(mode ? { mode } : {}),
      ...(not ? { not } : {}),
    });
  }
  return out;
}

export function buildLexicon(patterns: readonly EventPattern[]): Lexicon {
  const byFirst = new Map<string, EventPattern[]>();
  for (const p of patterns) {
    for (const w of p.elements[0]!.words) {
      let list = byFirst.get(w);
      if (!list) byFirst.set(w, (list = []));
      list.push(p);
    }
  }
  return { patterns, byFirst };
}

let shipped: Lexicon | undefined;

/** The shipped lexicon (all `*.tsv` files of `data/lexicon/events/`), read once. */
export function eventLexicon(): Lexicon {
  if (!shipped) {
    const dir = fileURLToPath(DIR);
    const patterns: EventPattern[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.tsv')).sort()) {
      const expected = f.replace(/\.tsv$/, '').toUpperCase() as PloverType;
      patterns.push(...parseLexiconFile(readFileSync(`${dir}${f}`, 'utf8'), `data/lexicon/events/${f}`, expected));
    }
    shipped = buildLexicon(patterns);
  }
  return shipped;
}
