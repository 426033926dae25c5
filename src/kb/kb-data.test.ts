import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { kbEntrySchema, type KbEntry } from './kb-schema.js';
import { normKey } from './knowledge-base.js';

/**
 * Checks the shipped knowledge base in `data/kb/` as data: every entry valid, ids unique, codes and
 * references consistent, no surface form naming two entries by accident. Each failure names the file,
 * the line and the entry, so a wrong edit is found without a debugger.
 */

const KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Local additions and corrections: read last; an id repeated here replaces the shipped entry. */
const EXTRA = 'extra.yaml';

/**
 * Surface forms that deliberately name entries of different kinds (or two entries of one kind), with
 * the ids they name. The resolver decides from context which one a text means.
 */
const SHARED_SURFACES: Readonly<Record<string, readonly string[]>> = {
  // Belgium's capital, and the usual metonym for the EU institutions.
  Brussels: ['bel', 'eu'],
};

interface Located {
  readonly entry: KbEntry;
  readonly file: string;
  readonly line: number;
}

function yamlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Reads one file; parse and schema failures are collected, each as `file:line (id): message`. */
function readFile(file: string, problems: string[]): Located[] {
  const where = relative(ROOT, file);
  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push(`${where}:${lc.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
    return [];
  }
  const seq = doc.contents as YamlNode | null;
  if (seq === null) return [];
  if (!isSeq(seq)) {
    problems.push(`${where}: expected a YAML list of entries`);
    return [];
  }
  const out: Located[] = [];
  seq.items.forEach((node, i) => {
    const line = lc.linePos((node as YamlNode).range?.[0] ?? 0).line;
    const raw = (node as YamlNode).toJSON() as unknown;
    const id = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : `#${i + 1}`;
    const parsed = kbEntrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}:${line} (${id}) ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      return;
    }
    out.push({ entry: parsed.data, file: where, line });
  });
  return out;
}

const loadProblems: string[] = [];
const files = yamlFiles(KB_DIR);
const located = files.flatMap((f) => readFile(f, loadProblems));
const at = (l: Located): string => `${l.file}:${l.line} (${l.entry.id})`;
const isExtra = (l: Located): boolean => l.file.endsWith(EXTRA);
const ofKind = (kind: KbEntry['kind']): Located[] => located.filter((l) => l.entry.kind === kind);

const ids = new Map<string, Located>();
for (const l of located) if (!ids.has(l.entry.id) || isExtra(l)) ids.set(l.entry.id, l);

/** Country and IGO codes a role or an entry may name. */
const countryCodes = new Set(ofKind('country').map((l) => l.entry.country!));
const igoCodes = new Set(ofKind('igo').map((l) => l.entry.country!));
const regionCodes = new Set(ofKind('region').flatMap((l) => (l.entry.country ? [l.entry.country] : [])));

function assertNone(problems: readonly string[], what: string): void {
  assert.deepEqual(problems, [], `${problems.length} ${what}:\n  ${problems.join('\n  ')}`);
}

describe('shipped knowledge base data', () => {
  it('has the files the pipeline expects', () => {
    const names = files.map((f) => relative(KB_DIR, f).replaceAll('\\', '/'));
    for (const want of ['countries.yaml', 'igos.yaml', 'institutions.yaml', 'media.yaml', 'people/europe.yaml', 'people/americas.yaml']) {
      assert.ok(names.includes(want), `data/kb/${want} is missing`);
    }
  });

  it('parses every file and validates every entry against the KB schema', () => {
    assertNone(loadProblems, 'invalid entries');
    assert.ok(located.length > 900, `only ${located.length} entries loaded`);
  });

  it('uses each id once across all files (extra.yaml may replace a shipped entry, once)', () => {
    const seen = new Map<string, Located>();
    const seenExtra = new Map<string, Located>();
    const problems: string[] = [];
    for (const l of located) {
      const pool = isExtra(l) ? seenExtra : seen;
      const prev = pool.get(l.entry.id);
      if (prev) problems.push(`${at(l)} repeats the id of ${at(prev)}`);
      else pool.set(l.entry.id, l);
    }
    assertNone(problems, 'repeated ids');
  });

  it('gives every country a lower-case ISO3 id, the same code in upper case as `country`, and a unique ISO2', () => {
    const problems: string[] = [];
    const iso2 = new Map<string, Located>();
    for (const l of ofKind('country')) {
      const e = l.entry;
      if (!/^[a-z]{3}$/.test(e.id)) problems.push(`${at(l)}: id is not a lower-case three-letter code`);
      if (e.country !== e.id.toUpperCase()) problems.push(`${at(l)}: country "${e.country}" is not "${e.id.toUpperCase()}"`);
      if (!e.iso2 || !/^[A-Z]{2}$/.test(e.iso2)) problems.push(`${at(l)}: iso2 "${e.iso2}" is not two capital letters`);
      else if (iso2.has(e.iso2)) problems.push(`${at(l)}: iso2 ${e.iso2} is also used by ${at(iso2.get(e.iso2)!)}`);
      else iso2.set(e.iso2, l);
      if (!e.demonyms?.length && !e.note) problems.push(`${at(l)}: no demonyms and no note saying why`);
    }
    assertNone(problems, 'country code problems');
    assert.ok(iso2.size >= 200, `only ${iso2.size} countries and territories`);
  });

  it('gives every IGO sector IGO and a code, and keeps IGO codes apart from country codes', () => {
    const problems: string[] = [];
    for (const l of ofKind('igo')) {
      if (l.entry.sector !== 'IGO') problems.push(`${at(l)}: sector is ${l.entry.sector}, not IGO`);
      if (!l.entry.country) problems.push(`${at(l)}: no code in \`country\``);
      else if (countryCodes.has(l.entry.country)) problems.push(`${at(l)}: code ${l.entry.country} is also a country code`);
    }
    assertNone(problems, 'IGO problems');
  });

  it('names only known country, IGO or region codes in `country`, and only known codes in roles', () => {
    const problems: string[] = [];
    for (const l of located) {
      const c = l.entry.country;
      if (c && !countryCodes.has(c) && !igoCodes.has(c) && !regionCodes.has(c)) problems.push(`${at(l)}: unknown code "${c}"`);
      (l.entry.roles ?? []).forEach((r, i) => {
        if (!countryCodes.has(r.country) && !igoCodes.has(r.country)) problems.push(`${at(l)} role ${i + 1} (${r.title}): unknown country or IGO code "${r.country}"`);
      });
    }
    assertNone(problems, 'unknown codes');
  });

  it('points `parent` and role `org` at entries that exist', () => {
    const problems: string[] = [];
    for (const l of located) {
      if (l.entry.parent && !ids.has(l.entry.parent)) problems.push(`${at(l)}: parent "${l.entry.parent}" is not an entry`);
      if (l.entry.parent === l.entry.id) problems.push(`${at(l)}: is its own parent`);
      (l.entry.roles ?? []).forEach((r, i) => {
        if (r.org && !ids.has(r.org)) problems.push(`${at(l)} role ${i + 1} (${r.title}): org "${r.org}" is not an entry`);
      });
    }
    assertNone(problems, 'dangling references');
  });

  it('gives every person a gender, at least one role, dates in order and a `checked` date', () => {
    const problems: string[] = [];
    const widen = (d: string, end: boolean): string => (d.length === 4 ? `${d}${end ? '-12-31' : '-01-01'}` : d.length === 7 ? `${d}${end ? '-31' : '-01'}` : d);
    for (const l of ofKind('person')) {
      const e = l.entry;
      if (!e.checked) problems.push(`${at(l)}: no \`checked\` date`);
      if (!e.gender) problems.push(`${at(l)}: no gender`);
      if (!e.roles?.length) problems.push(`${at(l)}: no roles`);
      (e.roles ?? []).forEach((r, i) => {
        if (r.from && r.to && widen(r.from, false) > widen(r.to, true)) problems.push(`${at(l)} role ${i + 1} (${r.title}): from ${r.from} is after to ${r.to}`);
      });
    }
    assertNone(problems, 'person problems');
    assert.ok(ofKind('person').length >= 300, `only ${ofKind('person').length} people`);
  });

  it('lets no name, alias, demonym, capital or metonym name two entries, except the listed shared ones', () => {
    const byKey = new Map<string, { surface: string; l: Located }[]>();
    for (const l of located) {
      if (isExtra(l) && ids.get(l.entry.id) !== l) continue;
      const e = l.entry;
      const surfaces = [e.name, ...(e.aliases ?? []), ...(e.demonyms ?? []), ...(e.metonyms ?? []), ...(e.capital ? [e.capital] : [])];
      for (const s of new Set(surfaces)) {
        const key = normKey(s.trim());
        const list = byKey.get(key) ?? [];
        if (!list.some((x) => x.l.entry.id === e.id)) list.push({ surface: s, l });
        byKey.set(key, list);
      }
    }
    const problems: string[] = [];
    const usedShared = new Set<string>();
    for (const [key, list] of byKey) {
      const named = [...new Set(list.map((x) => x.l.entry.id))];
      if (named.length < 2) continue;
      const allowed = SHARED_SURFACES[key];
      if (allowed && named.every((id) => allowed.includes(id))) {
        usedShared.add(key);
        continue;
      }
      problems.push(`"${list[0]!.surface}" names ${list.map((x) => `${at(x.l)} [${x.l.entry.kind}]`).join(' and ')}`);
    }
    for (const key of Object.keys(SHARED_SURFACES)) if (!usedShared.has(key)) problems.push(`SHARED_SURFACES lists "${key}", which no longer names two entries`);
    assertNone(problems, 'ambiguous surface forms');
  });

  it('keeps aliases free of descriptive phrases and of surrounding white space', () => {
    const problems: string[] = [];
    for (const l of located) {
      for (const a of [...(l.entry.aliases ?? []), ...(l.entry.metonyms ?? []), ...(l.entry.demonyms ?? [])]) {
        if (a !== a.trim() || /\s\s/.test(a)) problems.push(`${at(l)}: "${a}" has stray white space`);
        if (/^(state-run|state-owned|state-controlled|state media|official|pro-|anti-)/.test(a)) problems.push(`${at(l)}: "${a}" reads as a description, not a name`);
        if (a === l.entry.name) problems.push(`${at(l)}: alias "${a}" repeats the name`);
      }
    }
    assertNone(problems, 'alias problems');
  });

  it('finds the entries a diplomatic story needs by the names news uses', () => {
    const lookup = (surface: string): string[] =>
      located.filter((l) => [l.entry.name, ...(l.entry.aliases ?? []), ...(l.entry.metonyms ?? []), l.entry.capital].some((s) => s !== undefined && normKey(s) === normKey(surface))).map((l) => l.entry.id);
    const cases: [string, string][] = [
      ['Russian Federation', 'rus'],
      ['the United States', 'usa'],
      ['U.K.', 'gbr'],
      ['Türkiye', 'tur'],
      ['DPRK', 'prk'],
      ['the Kremlin', 'kremlin'],
      ['Downing Street', 'downing-street'],
      ['Élysée', 'elysee'],
      ['Foggy Bottom', 'us-state-department'],
      ['TASS', 'tass'],
      ['European Union', 'eu'],
      ['Zelenskyy', 'zelensky'],
      ['Dmitri Peskov', 'peskov'],
    ];
    const problems = cases.filter(([s, id]) => !lookup(s).includes(id)).map(([s, id]) => `"${s}" does not find ${id} (finds ${lookup(s).join(', ') || 'nothing'})`);
    assertNone(problems, 'missing look-ups');
  });
});
