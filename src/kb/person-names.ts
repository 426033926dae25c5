import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Our rules for people's names and office titles (`data/lexicon/actors/names.yaml`). */
export const NAME_RULES_FILE = fileURLToPath(new URL('../../data/lexicon/actors/names.yaml', import.meta.url));

export interface NameRules {
  /** Lower case: "von", "le", "al". */
  readonly particles: ReadonlySet<string>;
  /** Lower case: "bin", "ibn". */
  readonly patronymic: ReadonlySet<string>;
  /** As written: "Jr.", "Sr.". */
  readonly suffixes: ReadonlySet<string>;
  /** Title words that may start a name, as written, longest first: "Crown Prince", "King". */
  readonly nameTitles: readonly string[];
  /** ISO3 codes of countries whose names put the family name first. */
  readonly familyFirst: ReadonlySet<string>;
  /** Words never derived as a surname on their own: "May", "Power", "Paul". */
  readonly ambiguous: ReadonlySet<string>;
  /** Lower case: "vice", "deputy", "former". */
  readonly titleModifiers: ReadonlySet<string>;
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

/** Builds the rules from a parsed names file (a map of lists). */
export function nameRulesFrom(data: Record<string, unknown>): NameRules {
  const low = (k: string) => new Set(list(data[k]).map((w) => w.toLowerCase()));
  return {
    particles: low('particles'),
    patronymic: low('patronymic'),
    suffixes: new Set(list(data.suffixes)),
    nameTitles: list(data.nameTitles).sort((a, b) => b.length - a.length),
    familyFirst: new Set(list(data.familyFirst)),
    ambiguous: new Set(list(data.ambiguous)),
    titleModifiers: low('titleModifiers'),
  };
}

let shipped: NameRules | undefined;

/** The shipped name rules, read once per process. */
export function nameRules(): NameRules {
  shipped ??= nameRulesFrom((parse(readFileSync(NAME_RULES_FILE, 'utf8')) ?? {}) as Record<string, unknown>);
  return shipped;
}

const ROMAN = /^(?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

/** True for a word that marks a generation or a reign: "Jr.", "III", "XIV". */
export function isNameSuffix(word: string, rules: NameRules = nameRules()): boolean {
  return rules.suffixes.has(word) || ROMAN.test(word);
}

export interface SurnameOptions {
  /** ISO3 of the person's country, for the order of family and given names. */
  readonly country?: string | undefined;
  /**
   * `kb` (a name in the knowledge base, matched in every text): no surname for names with a
   * generational suffix or a regnal number, a title, a patronymic, or a surname on the ambiguous
   * list. `text` (a name found in one article): the suffix is dropped and the rest used.
   */
  readonly scope: 'kb' | 'text';
  /** Keep a surname on the ambiguous list (for a person already named in full in the same text). */
  readonly allowAmbiguous?: boolean;
  readonly rules?: NameRules;
}

/**
 * The surname news uses on its own for a person with this full name: "Le Pen" for "Marine Le
 * Pen", "Xi" for "Xi Jinping" (family name first), "King" for "Martin Luther King Jr." in a
 * text. Undefined where the name has none that is safe to use alone.
 */
export function surnameOf(name: string, opts: SurnameOptions): string | undefined {
  if (opts.rules) return deriveSurname(name, opts, opts.rules);
  const key = `${opts.scope}${opts.allowAmbiguous ? '+' : ''}|${opts.country ?? ''}|${name}`;
  if (surnameCache.has(key)) return surnameCache.get(key);
  const out = deriveSurname(name, opts, nameRules());
  if (surnameCache.size > 20000) surnameCache.clear();
  surnameCache.set(key, out);
  return out;
}

/** Derived surnames of the shipped rules, by options and name (names repeat across articles). */
const surnameCache = new Map<string, string | undefined>();

function deriveSurname(name: string, opts: SurnameOptions, rules: NameRules): string | undefined {
  let words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return undefined;
  const kb = opts.scope === 'kb';
  for (const t of rules.nameTitles) {
    const n = t.split(' ').length;
    if (words.slice(0, n).join(' ') === t) {
      if (kb) return undefined;
      words = words.slice(n);
      break;
    }
  }
  if (words.some((w) => rules.patronymic.has(w.toLowerCase()))) return undefined;
  let end = words.length;
  while (end > 1 && (isNameSuffix(words[end - 1]!, rules) || words[end - 1] === ',')) end--;
  if (end < words.length && kb) return undefined;
  words = words.slice(0, end);
  if (words.length < 2) return undefined;
  let surname: string;
  if (opts.country && rules.familyFirst.has(opts.country)) surname = words[0]!;
  else {
    // A compound surname starts at its first particle ("von der Leyen"), never at the first word.
    let k = 1;
    while (k < words.length - 1 && !rules.particles.has(words[k]!.toLowerCase())) k++;
    surname = rules.particles.has(words[k]!.toLowerCase()) && k < words.length - 1 ? words.slice(k).join(' ') : words[words.length - 1]!;
  }
  if (/^[A-Z]\.?$/.test(surname)) return undefined;
  if (kb && !opts.allowAmbiguous && rules.ambiguous.has(surname)) return undefined;
  return surname;
}

/**
 * The surname to index for a knowledge-base person, or undefined where the entry's aliases
 * already carry its short form (an alias that ends the name, "Le Pen" of "Marine Le Pen", or
 * begins it where the family name comes first, "Xi" of "Xi Jinping") or the rules give none.
 */
export function kbSurnameOf(entry: { readonly name: string; readonly aliases?: readonly string[] | undefined; readonly country?: string | undefined }, rules: NameRules = nameRules()): string | undefined {
  const words = entry.name.trim().split(/\s+/);
  for (const a of entry.aliases ?? []) {
    const aw = a.trim().split(/\s+/);
    if (aw.length >= words.length) continue;
    const tail = words.slice(words.length - aw.length).join(' ');
    const head = words.slice(0, aw.length).join(' ');
    if (tail === a.trim()) return undefined;
    if (entry.country && rules.familyFirst.has(entry.country) && head === a.trim()) return undefined;
  }
  return surnameOf(entry.name, { scope: 'kb', country: entry.country, rules });
}

const titleWordsCache = new Map<string, readonly string[]>();

/** The title in lower case split into words, with hyphenated prefixes ("ex-", "vice-") as words. */
function titleWords(title: string): readonly string[] {
  let w = titleWordsCache.get(title);
  if (w) return w;
  w = splitTitle(title);
  if (titleWordsCache.size > 20000) titleWordsCache.clear();
  titleWordsCache.set(title, w);
  return w;
}

function splitTitle(title: string): string[] {
  return title
    .toLowerCase()
    .trim()
    .replace(/\b(ex|vice|co|then)-(?=\p{L})/gu, '$1 ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * True when an office titled `held` answers a look-up by `asked`: the same title, or one that
 * ends with it after words that only narrow it ("Kremlin spokesman" for "spokesman", "Foreign
 * Minister" for "minister") but never after a modifier that makes it another office ("Vice
 * President" does not answer "president", "Deputy Prime Minister" not "prime minister").
 */
export function titleAnswers(held: string, asked: string, rules: NameRules = nameRules()): boolean {
  const h = titleWords(held);
  const a = titleWords(asked);
  if (a.length > h.length) return false;
  const off = h.length - a.length;
  for (let k = 0; k < a.length; k++) if (h[off + k] !== a[k]) return false;
  for (let k = 0; k < off; k++) if (rules.titleModifiers.has(h[k]!)) return false;
  return true;
}

/** The part of a role phrase from its first modifier on ("deputy prime minister" of "Russian Deputy Prime Minister"), or the whole phrase. */
export function titleCore(role: string, rules: NameRules = nameRules()): string {
  const w = titleWords(role);
  const k = w.findIndex((x) => rules.titleModifiers.has(x));
  return (k >= 0 ? w.slice(k) : w).join(' ');
}

/** True when a role phrase holds a modifier that makes it another office ("former", "deputy", "vice"). */
export function hasTitleModifier(role: string, rules: NameRules = nameRules()): boolean {
  return titleWords(role).some((x) => rules.titleModifiers.has(x));
}
