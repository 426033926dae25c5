import type { KbEntry, KbRole } from './kb-schema.js';
import { kbSurnameOf, nameRules, titleAnswers, type NameRules } from './person-names.js';

/** How a surface form names an entry. */
export type SurfaceHow =
  /** The entry's name or one of its aliases. */
  | 'name'
  /** A nationality adjective or noun ("French", "Frenchman"). */
  | 'demonym'
  /** The people of a country as a group ("Russians", "the French"). */
  | 'people'
  /** The capital standing for the state ("Moscow said"). */
  | 'capital'
  /** A place or building standing for the government ("Downing Street"). */
  | 'metonym'
  /** A collective reference ("the bloc"). */
  | 'collective'
  /** A person's last name, derived from the full name (weaker than an alias). */
  | 'surname';

export interface SurfaceHit {
  readonly entry: KbEntry;
  readonly how: SurfaceHow;
}

const DIACRITICS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The key a surface form is indexed under: case kept (names are case-sensitive), diacritics
 * stripped, curly apostrophes and dashes made plain, white space collapsed.
 */
export function normKey(s: string): string {
  let out = s;
  if (NON_ASCII.test(out)) {
    out = out
      .normalize('NFD')
      .replace(DIACRITICS, '')
      .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
      .replace(/[\u2010-\u2015]/g, '-')
      .normalize('NFC');
  }
  return /\s\s|[\t\n\r]/.test(out) ? out.replace(/\s+/g, ' ') : out;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` widened to the first (or last) day it covers. */
function widen(d: string, end: boolean): string {
  if (d.length === 4) return end ? `${d}-12-31` : `${d}-01-01`;
  if (d.length === 7) return end ? `${d}-31` : `${d}-01`;
  return d;
}

/** True when `role` was held on `date` (ISO day); with no date, when it has no end. */
export function roleActive(role: KbRole, date: string | undefined): boolean {
  if (!date) return !role.to;
  const day = date.slice(0, 10);
  if (role.from && day < widen(role.from, false)) return false;
  if (role.to && day > widen(role.to, true)) return false;
  return true;
}

/** Plural people-forms of a demonym: "Russian" → "Russians"; "French" → none (only "the French"). */
function demonymPlurals(d: string): { plain: string[]; withThe: string[] } {
  if (/(?:ese|ch|sh|ss|Swiss|Thai)$/.test(d)) return { plain: [], withThe: [`the ${d}`] };
  if (/man$/.test(d)) return { plain: [d.replace(/man$/, 'men')], withThe: [] };
  if (/[^aeiou]y$/.test(d)) return { plain: [`${d.slice(0, -1)}ies`], withThe: [] };
  if (/s$/.test(d)) return { plain: [], withThe: [] };
  return { plain: [`${d}s`], withThe: [] };
}

const INITIAL = /^[A-Z]\.$/;

/**
 * The knowledge base in memory: entries by id, an index of surface forms (normalised keys) to
 * entries, the set of key prefixes (so a scanner knows when to stop extending a span), and the
 * roles by title for date-aware office look-ups.
 */
export class KnowledgeBase {
  readonly entries: ReadonlyMap<string, KbEntry>;
  private readonly index = new Map<string, SurfaceHit[]>();
  private readonly prefixes = new Set<string>();
  private readonly byTitleHead = new Map<string, { entry: KbEntry; role: KbRole }[]>();
  private readonly byDemonym = new Map<string, KbEntry>();
  /** The most tokens any surface form spans (a bound for scanners). */
  maxWords = 1;

  /** The rules that derive surnames and compare office titles. */
  readonly rules: NameRules;

  constructor(entries: Iterable<KbEntry>, rules: NameRules = nameRules()) {
    this.rules = rules;
    const map = new Map<string, KbEntry>();
    for (const e of entries) map.set(e.id, e);
    this.entries = map;
    for (const e of map.values()) this.indexEntry(e);
  }

  /** A new knowledge base with `overrides` added; an override with an existing id replaces that entry. */
  withOverrides(overrides: Iterable<KbEntry>): KnowledgeBase {
    const map = new Map(this.entries);
    for (const e of overrides) map.set(e.id, e);
    return new KnowledgeBase(map.values(), this.rules);
  }

  get(id: string): KbEntry | undefined {
    return this.entries.get(id);
  }

  /** Every entry a normalised surface key names, strongest kinds of naming first. */
  lookup(key: string): readonly SurfaceHit[] | undefined {
    return this.index.get(key);
  }

  /** True when some surface key starts with `key` (so a longer span may still match). */
  isPrefix(key: string): boolean {
    return this.prefixes.has(key);
  }

  /** The country (or IGO region) entry a demonym names: "French" → France. */
  countryOfDemonym(word: string): KbEntry | undefined {
    return this.byDemonym.get(normKey(word));
  }

  /** The roles of `entry` held on `date` (all current ones when no date). */
  rolesAt(entry: KbEntry, date: string | undefined): KbRole[] {
    return (entry.roles ?? []).filter((r) => roleActive(r, date));
  }

  /**
   * Who held an office on `date`: `title` is matched on its last word(s) ("president",
   * "foreign minister", "spokesman") but never across a modifier ("Vice President" does not
   * answer "president"); `country` is the ISO3 or IGO code served.
   */
  holders(title: string, country: string | undefined, date: string | undefined): { entry: KbEntry; role: KbRole }[] {
    const t = title.toLowerCase().trim();
    const head = t.slice(t.lastIndexOf(' ') + 1);
    const list = this.byTitleHead.get(head);
    if (!list) return [];
    return list.filter(({ role }) => {
      if (country && role.country !== country) return false;
      if (!titleAnswers(role.title, t, this.rules)) return false;
      return roleActive(role, date);
    });
  }

  /** The surname a person entry is indexed under, if any (see `kbSurnameOf`). */
  surnameOf(e: KbEntry): string | undefined {
    return e.kind === 'person' ? kbSurnameOf(e, this.rules) : undefined;
  }

  private add(surface: string, entry: KbEntry, how: SurfaceHow): void {
    const key = normKey(surface.trim());
    if (!key) return;
    const list = this.index.get(key);
    if (list) {
      if (list.some((h) => h.entry === entry && h.how === how)) return;
      list.push({ entry, how });
      list.sort((a, b) => HOW_RANK[a.how] - HOW_RANK[b.how]);
    } else this.index.set(key, [{ entry, how }]);
    for (let i = 1; i < key.length; i++) this.prefixes.add(key.slice(0, i));
    this.prefixes.add(key);
    const words = key.split(/[\s-]+/).length;
    if (words > this.maxWords) this.maxWords = words;
  }

  /** Adds a surface and, for one that starts in lower case ("the bloc"), its sentence-initial form. */
  private addCased(surface: string, entry: KbEntry, how: SurfaceHow): void {
    this.add(surface, entry, how);
    const c = surface.charAt(0);
    if (c !== c.toUpperCase()) this.add(c.toUpperCase() + surface.slice(1), entry, how);
  }

  private indexEntry(e: KbEntry): void {
    this.add(e.name, e, 'name');
    for (const a of e.aliases ?? []) this.addCased(a, e, 'name');
    for (const m of e.metonyms ?? []) this.addCased(m, e, 'metonym');
    for (const c of e.collective ?? []) this.addCased(c, e, 'collective');
    if (e.capital) this.add(e.capital, e, 'capital');
    for (const d of e.demonyms ?? []) {
      this.add(d, e, 'demonym');
      if (!this.byDemonym.has(normKey(d))) this.byDemonym.set(normKey(d), e);
      const p = demonymPlurals(d);
      for (const s of p.plain) {
        this.add(s, e, 'people');
        this.addCased(`the ${s}`, e, 'people');
      }
      for (const s of p.withThe) this.addCased(s, e, 'people');
    }
    if (e.kind === 'person') {
      const words = e.name.split(/\s+/);
      if (words.length >= 3 && words.some((w) => INITIAL.test(w))) this.add(words.filter((w) => !INITIAL.test(w)).join(' '), e, 'name');
      const surname = kbSurnameOf(e, this.rules);
      if (surname) this.add(surname, e, 'surname');
    }
    for (const r of e.roles ?? []) {
      const t = r.title.toLowerCase().trim();
      const head = t.slice(t.lastIndexOf(' ') + 1);
      let list = this.byTitleHead.get(head);
      if (!list) this.byTitleHead.set(head, (list = []));
      list.push({ entry: e, role: r });
    }
  }
}

const HOW_RANK: Record<SurfaceHow, number> = { name: 0, metonym: 1, capital: 2, collective: 3, people: 4, demonym: 5, surname: 6 };
