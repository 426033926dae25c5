import type { EventPattern, Lexicon, PatternElement } from './lexicon.js';
import type { Toks } from './sentence-tokens.js';

/** A pattern found in a sentence: tokens `[first, last)`, its head token and the tokens it matched. */
export interface PatternMatch {
  readonly pattern: EventPattern;
  readonly first: number;
  readonly last: number;
  readonly head: number;
  readonly matched: readonly number[];
}

const GAP_MAX = 5;
const GAP_STOP = new Set([';', ':', '.', ',', '“', '”', '"', '(', ')', '—', '–', '?', '!']);

function posOk(el: PatternElement, tag: string, t?: Toks, i = 0): boolean {
  if (!el.pos) return true;
  // "Special Forces arrest a suspect": a plural subject then a bare verb the tagger read as a noun.
  if (el.pos === 'V' && tag === 'NOUN' && t && i > 0 && t.lower[i - 1]!.endsWith('s') && (t.pos[i - 1] === 'NOUN' || t.pos[i - 1] === 'PROPN') && i + 1 < t.n && (t.pos[i + 1] === 'DET' || t.pos[i + 1] === 'NUM')) return true;
  // Title-case headlines tag verbs as proper nouns and participles as adjectives: accept those too.
  if (el.pos === 'V') return tag === 'VERB' || tag === 'AUX' || tag === 'PROPN' || tag === 'ADJ';
  if (el.pos === 'N') return tag === 'NOUN' || tag === 'PROPN' || tag === 'X';
  return tag === 'ADJ' || tag === 'VERB';
}

const MONTHS = new Set(['march', 'may']);
const DETERMINERS = new Set(["'s", 'its', 'their', 'his', 'her', 'our', 'the', 'a', 'an', 'my', 'your', 'this', 'that']);

const VOWELS = /[aeiou]/;

/**
 * Base forms a verb form may have when the tagger gave no lemma ("tortured" read as a noun, "blockaded" as an
 * adjective, "Lifts" in a title-case headline): -s/-es, -ed/-d/-ied with a doubled consonant, -ing.
 */
export function verbBases(w: string): string[] {
  const out: string[] = [];
  const n = w.length;
  if (n < 4) return out;
  if (w.endsWith('ied')) out.push(`${w.slice(0, -3)}y`);
  else if (w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    out.push(stem, w.slice(0, -1));
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] && !VOWELS.test(stem[stem.length - 1]!)) out.push(stem.slice(0, -1));
  } else if (w.endsWith('ing') && n > 5) {
    const stem = w.slice(0, -3);
    out.push(stem, `${stem}e`);
    if (stem[stem.length - 1] === stem[stem.length - 2] && !VOWELS.test(stem[stem.length - 1]!)) out.push(stem.slice(0, -1));
  } else if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  else if (w.endsWith('es')) out.push(w.slice(0, -2), w.slice(0, -1));
  else if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  return out;
}

/** A noun, pronoun or name right before `i` that is no nationality adjective ("Jordanian", "Chinese", "Kurdish"). */
function subjectBefore(t: Toks, i: number): boolean {
  if (i === 0) return false;
  const p = t.pos[i - 1]!;
  if (p === 'NOUN' || p === 'PRON') return true;
  return p === 'PROPN' && !/(?:an|ese|ish|ic|i)$/.test(t.lower[i - 1]!);
}

/** Whether `t[i]` is an inflected form of a verb in `el` that the tagger left without a lemma. */
function inflectedOk(el: PatternElement, t: Toks, i: number): boolean {
  if ((el.pos && el.pos !== 'V') || t.lemma[i] !== t.lower[i]) return false;
  const tag = t.pos[i]!;
  // A past form read as a noun is still a verb ("police tortured a man"), unless a determiner makes it a modifier.
  // After a determiner it is a modifier ("the blockaded city"); an -ing form must be tagged a verb ("the striking workers").
  if (i > 0 && DETERMINERS.has(t.lower[i - 1]!)) return false;
  const w = t.lower[i]!;
  if (w.endsWith('ing') && tag !== 'VERB') return false;
  if (!((tag === 'NOUN' && w.endsWith('ed')) || tag === 'VERB' || tag === 'ADJ' || tag === 'PROPN')) return false;
  // An adjective before a noun modifies it ("armed forces", "Jordanian armed forces") unless a subject precedes it
  // ("Portugal resettled refugees").
  if (tag === 'ADJ' && i + 1 < t.n && t.pos[i + 1] === 'NOUN' && !subjectBefore(t, i)) return false;
  return verbBases(w).some((b) => el.words.has(b));
}

function wordOk(el: PatternElement, t: Toks, i: number): boolean {
  if (inflectedOk(el, t, i)) return !(t.pos[i] === 'PROPN' && MONTHS.has(t.lower[i]!));
  if (!(el.words.has(t.lemma[i]!) || el.words.has(t.lower[i]!)) || !posOk(el, t.pos[i]!, t, i)) return false;
  if (el.pos !== 'V') return true;
  // "March" and "May" as months are not verbs.
  if (t.pos[i] === 'PROPN' && MONTHS.has(t.lower[i]!)) return false;
  // "its negotiating position": a participle modifying a noun after a determiner is not the verb.
  if (i > 0 && t.lower[i]!.endsWith('ing') && DETERMINERS.has(t.lower[i - 1]!) && i + 1 < t.n && t.pos[i + 1] === 'NOUN') return false;
  return !modifierInPhrase(t, i);
}

/**
 * An adjective or participle inside a noun phrase modifies its noun: "a free press", "imposed new targeted sanctions"
 * (after a determiner, or after an adjective that itself follows a determiner or a verb).
 */
function modifierInPhrase(t: Toks, i: number): boolean {
  if (i === 0 || i + 1 >= t.n || t.pos[i + 1] !== 'NOUN') return false;
  if (!(t.pos[i] === 'ADJ' || t.lower[i]!.endsWith('ed'))) return false;
  const prev = t.lower[i - 1]!;
  if (t.pos[i - 1] === 'DET' || DETERMINERS.has(prev)) return true;
  const adjBefore = (t.pos[i - 1] === 'ADJ' || t.pos[i - 1] === 'ADV') && !prev.endsWith('ly');
  return adjBefore && i > 1 && (t.pos[i - 2] === 'DET' || t.pos[i - 2] === 'VERB' || DETERMINERS.has(t.lower[i - 2]!));
}

/** The word `t[i]-t[i+2]` when `t[i+1]` is a hyphen joining two words with no space (its text form and with the last part's lemma). */
function hyphenated(t: Toks, i: number): [string, string] | undefined {
  if (t.lower[i + 1] !== '-' || t.end[i] !== t.start[i + 1] || t.end[i + 1] !== t.start[i + 2]) return undefined;
  return [`${t.lower[i]}-${t.lower[i + 2]}`, `${t.lower[i]}-${t.lemma[i + 2]}`];
}

function matchFrom(els: readonly PatternElement[], k: number, t: Toks, i: number, limit: number, acc: number[]): number {
  if (k === els.length) return i;
  const el = els[k]!;
  if (el.gap) {
    // A hyphenated word ("2-year-old") counts as one word of the gap.
    let joins = 0;
    for (let g = 0; g <= GAP_MAX + joins && i + g <= limit; g++) {
      // A gap skips modifiers, never a clause boundary or another verb.
      if (g > 0 && (GAP_STOP.has(t.lower[i + g - 1]!) || (t.pos[i + g - 1] === 'VERB' && !t.lower[i + g - 1]!.endsWith('ing') && !modifierInPhrase(t, i + g - 1)))) break;
      if (g > 0 && t.lower[i + g - 1] === '-' && t.end[i + g - 2] === t.start[i + g - 1]) joins += 2;
      const r = matchFrom(els, k + 1, t, i + g, limit, acc);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (i < limit && wordOk(el, t, i)) {
    acc.push(i);
    const r = matchFrom(els, k + 1, t, i + 1, limit, acc);
    if (r >= 0) return r;
    acc.pop();
  }
  // "cease-fire", "sit-in": the tokenizer splits a hyphenated word into three tokens.
  const joined = i + 2 < limit ? hyphenated(t, i) : undefined;
  if (joined && (el.words.has(joined[0]) || el.words.has(joined[1]))) {
    acc.push(i, i + 1, i + 2);
    const r = matchFrom(els, k + 1, t, i + 3, limit, acc);
    if (r >= 0) return r;
    acc.length -= 3;
  }
  if (el.optional) return matchFrom(els, k + 1, t, i, limit, acc);
  return -1;
}

/** A word of `not` among the three tokens after a match, before any clause break. */
function otherSense(not: ReadonlySet<string>, t: Toks, from: number): boolean {
  for (let i = from; i < Math.min(t.n, from + 4); i++) {
    if (GAP_STOP.has(t.lower[i]!)) return false;
    if (not.has(t.lemma[i]!) || not.has(t.lower[i]!)) return true;
  }
  return false;
}

/** Every pattern match in the tokens (several may overlap; the caller chooses). */
export function findMatches(t: Toks, lex: Lexicon): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (let i = 0; i < t.n; i++) {
    const a = lex.byFirst.get(t.lemma[i]!);
    const b = t.lower[i] !== t.lemma[i] ? lex.byFirst.get(t.lower[i]!) : undefined;
    const joined = i + 2 < t.n ? hyphenated(t, i) : undefined;
    const c = joined ? [...(lex.byFirst.get(joined[0]) ?? []), ...(joined[1] !== joined[0] ? lex.byFirst.get(joined[1]) ?? [] : [])] : undefined;
    const d = t.lemma[i] === t.lower[i] && t.pos[i] !== 'DET' && t.pos[i] !== 'ADP' ? verbBases(t.lower[i]!).flatMap((w) => lex.byFirst.get(w) ?? []) : undefined;
    if (!a && !b && !c?.length && !d?.length) continue;
    const seen = new Set<EventPattern>();
    for (const p of [...(a ?? []), ...(b ?? []), ...(c ?? []), ...(d ?? [])]) {
      if (seen.has(p)) continue;
      seen.add(p);
      const acc: number[] = [];
      const end = matchFrom(p.elements, 0, t, i, t.n, acc);
      if (end < 0) continue;
      // A trailing optional element or gap may leave `end` past the last matched word.
      const last = acc.length ? acc[acc.length - 1]! + 1 : i + 1;
      if (p.not && otherSense(p.not, t, last)) continue;
      out.push({ pattern: p, first: i, last, head: i, matched: [...acc] });
    }
  }
  return out;
}
