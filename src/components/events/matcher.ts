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

function wordOk(el: PatternElement, t: Toks, i: number): boolean {
  if (!(el.words.has(t.lemma[i]!) || el.words.has(t.lower[i]!)) || !posOk(el, t.pos[i]!, t, i)) return false;
  if (el.pos !== 'V') return true;
  // "March" and "May" as months are not verbs.
  if (t.pos[i] === 'PROPN' && MONTHS.has(t.lower[i]!)) return false;
  // "its negotiating position": a participle modifying a noun after a determiner is not the verb.
  return !(i > 0 && t.lower[i]!.endsWith('ing') && DETERMINERS.has(t.lower[i - 1]!) && i + 1 < t.n && t.pos[i + 1] === 'NOUN');
}

function matchFrom(els: readonly PatternElement[], k: number, t: Toks, i: number, limit: number, acc: number[]): number {
  if (k === els.length) return i;
  const el = els[k]!;
  if (el.gap) {
    for (let g = 0; g <= GAP_MAX && i + g <= limit; g++) {
      // A gap skips modifiers, never a clause boundary or another verb.
      if (g > 0 && (GAP_STOP.has(t.lower[i + g - 1]!) || (t.pos[i + g - 1] === 'VERB' && !t.lower[i + g - 1]!.endsWith('ing')))) break;
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
  if (el.optional) return matchFrom(els, k + 1, t, i, limit, acc);
  return -1;
}

/** Every pattern match in the tokens (several may overlap; the caller chooses). */
export function findMatches(t: Toks, lex: Lexicon): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (let i = 0; i < t.n; i++) {
    const a = lex.byFirst.get(t.lemma[i]!);
    const b = t.lower[i] !== t.lemma[i] ? lex.byFirst.get(t.lower[i]!) : undefined;
    if (!a && !b) continue;
    const seen = new Set<EventPattern>();
    for (const p of [...(a ?? []), ...(b ?? [])]) {
      if (seen.has(p)) continue;
      seen.add(p);
      const acc: number[] = [];
      const end = matchFrom(p.elements, 0, t, i, t.n, acc);
      if (end < 0) continue;
      // A trailing optional element or gap may leave `end` past the last matched word.
      const last = acc.length ? acc[acc.length - 1]! + 1 : i + 1;
      out.push({ pattern: p, first: i, last, head: i, matched: [...acc] });
    }
  }
  return out;
}
