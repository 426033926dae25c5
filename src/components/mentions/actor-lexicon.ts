import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The folder of our own word lists for mentions and actors. */
export const ACTOR_LEXICON_DIR = fileURLToPath(new URL('../../../data/lexicon/actors/', import.meta.url));

export type Gender = 'm' | 'f';

export interface RoleInfo {
  /** The role as written in the lexicon ("prime minister"). */
  readonly word: string;
  readonly sector?: string;
  readonly gender?: Gender;
  readonly us?: boolean;
  readonly plural: boolean;
}

export interface HonorificInfo {
  readonly word: string;
  readonly role?: string;
  readonly sector?: string;
  readonly gender?: Gender;
  readonly us?: boolean;
}

export interface ModifierInfo {
  readonly word: string;
  readonly sector?: string;
  readonly us?: boolean;
}

export interface OrgNounInfo {
  readonly word: string;
  readonly sector?: string;
  readonly plural: boolean;
}

export interface GroupInfo {
  readonly word: string;
  readonly sector?: string;
  /** "<demonym> X" stands for the place itself ("European leaders"). */
  readonly place: boolean;
  /** A singular collective that names people only after a determiner ("the public", "the crowd"). */
  readonly needsDet?: boolean;
}

export interface PronounInfo {
  readonly word: string;
  readonly gender?: 'm' | 'f' | 'n';
  readonly number?: 'sg' | 'pl';
  readonly person: 1 | 2 | 3;
  readonly case: 'subj' | 'obj' | 'poss' | 'refl';
  readonly relative: boolean;
}

/**
 * Phrases of one or more words keyed the way a scanner builds keys from tokens: lower case, a
 * space where the text has white space, nothing where tokens touch ("secretary-general").
 */
export class PhraseTable<T> {
  private readonly map = new Map<string, T>();
  private readonly prefixes = new Set<string>();
  /** The first token of every phrase, so a scanner can dismiss most tokens with one look-up. */
  readonly first = new Set<string>();
  /** This table's bit in `ActorLexicon.firstMask` (0 until the lexicon assigns one). */
  bit = 0;

  set(phrase: string, value: T): void {
    const key = phrase.toLowerCase().trim().replace(/\s+/g, ' ');
    if (!this.map.has(key)) this.map.set(key, value);
    this.first.add(key.split(/[ -]/)[0] || key);
    for (let i = 1; i <= key.length; i++) this.prefixes.add(key.slice(0, i));
  }

  get(key: string): T | undefined {
    return this.map.get(key);
  }

  isPrefix(key: string): boolean {
    return this.prefixes.has(key);
  }
}

export interface ActorLexicon {
  readonly roles: PhraseTable<RoleInfo>;
  readonly honorifics: PhraseTable<HonorificInfo>;
  readonly modifiers: PhraseTable<ModifierInfo>;
  readonly orgNouns: PhraseTable<OrgNounInfo>;
  readonly mediaDescriptors: PhraseTable<true>;
  readonly orgAdjectives: PhraseTable<true>;
  readonly groups: PhraseTable<GroupInfo>;
  readonly documents: PhraseTable<true>;
  readonly pronouns: ReadonlyMap<string, PronounInfo>;
  readonly speechVerbs: ReadonlySet<string>;
  /** Surface forms of verbs a document or a group does when it speaks ("show", "charge"). */
  readonly reportVerbs: ReadonlySet<string>;
  /** "some", "others", "no one": people when they are the subject of a speech verb. */
  readonly indefinites: PhraseTable<{ readonly number: 'sg' | 'pl' }>;
  /** "percent", "half", "majority": a share of people. */
  readonly shareWords: PhraseTable<true>;
  /** Lemmas of verbs whose subject holds a view ("support", "believe"). */
  readonly opinionVerbs: ReadonlySet<string>;
  readonly usStates: PhraseTable<true>;
  readonly usWords: ReadonlySet<string>;
  /** Lower-case first tokens of every phrase above: a token outside this set starts no phrase but a name. */
  readonly anyFirst: ReadonlySet<string>;
  /** For a lower-case word, the bits of the tables whose phrases it starts (one look-up per token). */
  readonly firstMask: ReadonlyMap<string, number>;
}

type Row = Record<string, unknown>;

/** The bit of `firstMask` for a word in `anyFirst`. */
export const ANY_FIRST_BIT = 1 << 20;

function rows(v: unknown): Row[] {
  return Array.isArray(v) ? (v as Row[]) : [];
}

function words(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

/** English plural of a role noun where the lexicon does not give one. */
function pluralOf(w: string): string {
  if (/(?:s|x|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

function readYaml(name: string): Row {
  return (parse(readFileSync(`${ACTOR_LEXICON_DIR}${name}`, 'utf8')) ?? {}) as Row;
}

/** Builds the lexicon from our data files (`data/lexicon/actors/*.yaml`). */
export function buildActorLexicon(): ActorLexicon {
  const r = readYaml('roles.yaml');
  const n = readYaml('nouns.yaml');
  const p = readYaml('pronouns.yaml');
  const pl = readYaml('places.yaml');
  const roles = new PhraseTable<RoleInfo>();
  const groups = new PhraseTable<GroupInfo>();
  for (const row of rows(n.groups)) {
    const word = String(row.word);
    groups.set(word, { word, ...(row.sector ? { sector: String(row.sector) } : {}), place: row.place === true, ...(row.det === true ? { needsDet: true } : {}) });
  }
  for (const row of rows(r.roles)) {
    const word = String(row.word);
    const base = {
      word,
      ...(row.sector ? { sector: String(row.sector) } : {}),
      ...(row.gender ? { gender: row.gender as Gender } : {}),
      ...(row.us ? { us: true } : {}),
    };
    roles.set(word, { ...base, plural: false });
    const plural = typeof row.plural === 'string' ? row.plural : pluralOf(word);
    roles.set(plural, { ...base, plural: true });
  }
  const honorifics = new PhraseTable<HonorificInfo>();
  for (const row of rows(r.honorifics)) {
    const word = String(row.word);
    honorifics.set(word, {
      word,
      ...(row.role ? { role: String(row.role) } : {}),
      ...(row.sector ? { sector: String(row.sector) } : {}),
      ...(row.gender ? { gender: row.gender as Gender } : {}),
      ...(row.us ? { us: true } : {}),
    });
  }
  const modifiers = new PhraseTable<ModifierInfo>();
  for (const row of rows(r.modifiers)) {
    const word = String(row.word);
    modifiers.set(word, { word, ...(row.sector ? { sector: String(row.sector) } : {}), ...(row.us ? { us: true } : {}) });
  }
  const orgNouns = new PhraseTable<OrgNounInfo>();
  for (const row of rows(n.organizations)) {
    const word = String(row.word);
    const sector = row.sector ? { sector: String(row.sector) } : {};
    orgNouns.set(word, { word, ...sector, plural: false });
    if (!/s$/.test(word) && !word.endsWith('.')) orgNouns.set(typeof row.plural === 'string' ? row.plural : pluralOf(word), { word, ...sector, plural: true });
  }
  const table = (list: string[]): PhraseTable<true> => {
    const t = new PhraseTable<true>();
    for (const w of list) t.set(w, true);
    return t;
  };
  const pronouns = new Map<string, PronounInfo>();
  for (const row of rows(p.pronouns)) {
    const word = String(row.word);
    pronouns.set(word, {
      word,
      ...(row.gender ? { gender: row.gender as 'm' | 'f' | 'n' } : {}),
      ...(row.number ? { number: row.number as 'sg' | 'pl' } : {}),
      person: Number(row.person) as 1 | 2 | 3,
      case: String(row.case) as PronounInfo['case'],
      relative: row.relative === true,
    });
  }
  const indefinites = new PhraseTable<{ readonly number: 'sg' | 'pl' }>();
  for (const row of rows(n.indefinites)) indefinites.set(String(row.word), { number: row.number === 'sg' ? 'sg' : 'pl' });
  const tables = {
    roles,
    honorifics,
    modifiers,
    orgNouns,
    mediaDescriptors: table(words(n.mediaDescriptors)),
    orgAdjectives: table(words(n.orgAdjectives)),
    groups,
    documents: table(words(n.documents)),
    pronouns,
    speechVerbs: new Set(words(p.speechVerbs)),
    reportVerbs: new Set(words(n.reportVerbs)),
    indefinites,
    shareWords: table(words(n.shareWords)),
    opinionVerbs: new Set(words(n.opinionVerbs)),
    usStates: table(words(pl.usStates)),
    usWords: new Set(words(pl.usWords)),
  };
  const anyFirst = new Set<string>();
  for (const t of [roles, honorifics, modifiers, orgNouns, tables.mediaDescriptors, tables.orgAdjectives, groups, tables.documents]) for (const w of t.first) anyFirst.add(w);
  const firstMask = new Map<string, number>();
  const all: PhraseTable<unknown>[] = [roles, honorifics, modifiers, orgNouns, tables.mediaDescriptors, tables.orgAdjectives, groups, tables.documents, tables.usStates, indefinites, tables.shareWords];
  all.forEach((t, k) => {
    t.bit = 1 << k;
    for (const w of t.first) firstMask.set(w, (firstMask.get(w) ?? 0) | t.bit);
  });
  for (const w of anyFirst) firstMask.set(w, (firstMask.get(w) ?? 0) | ANY_FIRST_BIT);
  return { ...tables, anyFirst, firstMask };
}

let lexicon: ActorLexicon | undefined;

/** The lexicon, read once per process. */
export function actorLexicon(): ActorLexicon {
  lexicon ??= buildActorLexicon();
  return lexicon;
}
