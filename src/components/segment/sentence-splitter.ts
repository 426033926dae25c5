import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isSpace } from '../../doc/span.js';
import { AttacheError } from '../../errors.js';

/** Word lists the splitter reads (`data/segment/abbreviations.yaml`). */
export interface SentenceRules {
  /** A period after these never ends a sentence ("Mr.", "Gen.", "Jan."). */
  readonly titles: ReadonlySet<string>;
  /** A period after these does not end a sentence before a digit ("No. 10"). */
  readonly beforeNumbers: ReadonlySet<string>;
  /** A period after these ends a sentence only before an opener word ("U.S.", "a.m.", "Inc."). */
  readonly terminal: ReadonlySet<string>;
  readonly openers: ReadonlySet<string>;
  /** Verbs that attribute a quotation ("said", "told", "added"), lower case. */
  readonly speechVerbs: ReadonlySet<string>;
}

export const ABBREVIATIONS_FILE = fileURLToPath(new URL('../../../data/segment/abbreviations.yaml', import.meta.url));

export function loadSentenceRules(file: string = ABBREVIATIONS_FILE): SentenceRules {
  let raw: Record<string, unknown>;
  try {
    raw = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new AttacheError('ATT_E015', `cannot read sentence rules: ${(e as Error).message.split('\n')[0]}`, file);
  }
  const list = (k: string): string[] => {
    const v = raw?.[k];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new AttacheError('ATT_E015', `"${k}" must be a list of strings`, file);
    return v as string[];
  };
  const terminal = new Set(list('terminal'));
  return Object.freeze({
    // An abbreviation listed as terminal too (e.g. "St.") follows the terminal rule.
    titles: new Set(list('titles').filter((w) => !terminal.has(w))),
    beforeNumbers: new Set(list('beforeNumbers')),
    terminal,
    openers: new Set(list('openers')),
    speechVerbs: new Set(list('speechVerbs').map((w) => w.toLowerCase())),
  });
}

let shipped: SentenceRules | undefined;

export function sentenceRules(): SentenceRules {
  shipped ??= loadSentenceRules();
  return shipped;
}

const DOT = 46;
const ELLIPSIS = 0x2026;

function isTerminal(c: number): boolean {
  return c === DOT || c === 33 || c === 63 || c === ELLIPSIS;
}

/** Closing quotes and brackets that stay with the sentence they end. */
function isCloser(c: number): boolean {
  return c === 0x201d || c === 34 || c === 0x2019 || c === 39 || c === 41 || c === 93 || c === 0xbb || c === 0x203a;
}

/** Characters before a word that are not part of it: opening quotes and brackets. */
function isOpener(c: number): boolean {
  return c === 0x201c || c === 34 || c === 0x2018 || c === 39 || c === 40 || c === 91 || c === 0xab || c === 0x201e || c === 0x2039;
}

function isUpper(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isLetter(c: number): boolean {
  return isUpper(c) || isLower(c) || (c >= 0xc0 && /\p{L}/u.test(String.fromCharCode(c)));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Can a sentence begin with this character? */
function startsSentence(c: number): boolean {
  return isUpper(c) || isDigit(c) || isOpener(c) || c === 0xbf || c === 0xa1;
}

/** The word of letters (and apostrophes, periods, hyphens) starting at `k`, after opening quotes. */
function wordAt(text: string, k: number, to: number): string {
  while (k < to && isOpener(text.charCodeAt(k))) k++;
  let e = k;
  while (e < to) {
    const c = text.charCodeAt(e);
    if (isLetter(c) || c === 0x2019 || c === 39 || c === 45) e++;
    else break;
  }
  return text.slice(k, e);
}

const INITIALISM = /^(?:\p{L}\.){2,}$/u;

/** False where the period at `i` (followed by white space, then `k`) belongs to an abbreviation that does not end the sentence. */
function periodEnds(text: string, from: number, i: number, k: number, to: number, rules: SentenceRules): boolean {
  let ws = i;
  while (ws > from) {
    const c = text.charCodeAt(ws - 1);
    if (isSpace(c) || isOpener(c)) break;
    ws--;
  }
  if (ws === i) return true;
  const word = text.slice(ws, i + 1);
  const verdict = judge(word, text, k, to, rules);
  if (verdict !== undefined) return verdict;
  // "(R-Pa.", "…>Mr.": judge the letters and periods at the end of the word.
  let t = i;
  while (t > ws) {
    const c = text.charCodeAt(t - 1);
    if (isLetter(c) || c === DOT) t--;
    else break;
  }
  if (t > ws && t < i) return judge(text.slice(t, i + 1), text, k, to, rules) ?? true;
  return true;
}

function judge(word: string, text: string, k: number, to: number, rules: SentenceRules): boolean | undefined {
  const initial = word.length === 2 && isUpper(word.charCodeAt(0));
  if (rules.terminal.has(word) || initial || INITIALISM.test(word)) {
    // A quotation opening after "U.S." starts a new sentence unless it opens in lower case; after an
    // initial, a quoted or bracketed nickname goes on with the name ("Robert C. “Bobby” Scott").
    const next = text.charCodeAt(k);
    if (!initial && isOpener(next) && next !== 40 && next !== 91) {
      let a = k;
      while (a < to && isOpener(text.charCodeAt(a))) a++;
      return !isLower(text.charCodeAt(a));
    }
    return rules.openers.has(wordAt(text, k, to));
  }
  if (rules.titles.has(word)) return false;
  if (rules.beforeNumbers.has(word) && isDigit(text.charCodeAt(k))) return false;
  return undefined;
}

/**
 * Quotations in `[from, to)` as flat triples `open, close, continues`: `continues` is 1 where the
 * quotation runs on into the sentence after it (its words end with a comma, or an attribution
 * follows: "he said", "said Peskov", "Peskov told reporters", ", adding").
 */
function quotations(text: string, from: number, to: number, rules: SentenceRules): number[] {
  const out: number[] = [];
  let dOpen = -1;
  let straight = false;
  let sOpen = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0x201e || c === 0xab) {
      if (dOpen < 0 && sOpen < 0) {
        dOpen = i;
        straight = false;
      }
    } else if (c === 0x201d || c === 0xbb) {
      if (dOpen >= 0) {
        out.push(dOpen, i, 0);
        dOpen = -1;
      }
    } else if (c === 39 && i + 1 < to && text.charCodeAt(i + 1) === 39) {
      // Two apostrophes stand for a double quote in some archives (''like this'').
      if (dOpen >= 0 && straight) {
        out.push(dOpen, i + 1, 0);
        dOpen = -1;
      } else if (dOpen < 0 && sOpen < 0 && i + 2 < to && !isSpace(text.charCodeAt(i + 2))) {
        dOpen = i;
        straight = true;
      }
      i++;
    } else if (c === 34) {
      if (dOpen >= 0 && straight) {
        out.push(dOpen, i, 0);
        dOpen = -1;
      } else if (dOpen < 0 && sOpen < 0 && i + 1 < to && !isSpace(text.charCodeAt(i + 1))) {
        dOpen = i;
        straight = true;
      }
    } else if (c === 0x2018) {
      if (dOpen < 0 && sOpen < 0 && (i === from || !isLetter(text.charCodeAt(i - 1)))) sOpen = i;
    } else if (c === 0x2019) {
      if (sOpen >= 0 && (i + 1 >= to || !isLetter(text.charCodeAt(i + 1)))) {
        out.push(sOpen, i, 0);
        sOpen = -1;
      }
    }
  }
  // A quotation still open at the end of the paragraph runs on into the next one: it continues nothing here.
  for (let r = 0; r < out.length; r += 3) out[r + 2] = continues(text, out[r]!, out[r + 1]!, to, rules) ? 1 : 0;
  return out;
}

function continues(text: string, open: number, close: number, to: number, rules: SentenceRules): boolean {
  let b = close - 1;
  while (b > open && isSpace(text.charCodeAt(b))) b--;
  const lastInside = text.charCodeAt(b);
  if (lastInside === 44) return true; // “…,” — the sentence goes on
  let k = close + 1;
  while (k < to && isSpace(text.charCodeAt(k))) k++;
  if (k >= to) return false;
  const c = text.charCodeAt(k);
  if (isLower(c)) return true;
  if (c === 44 || c === 59 || c === 58 || c === 0x2014 || c === 0x2013 || c === 45) return true;
  if (!isUpper(c)) return false;
  // "Peskov said.", "Kremlin spokesman Dmitry Peskov told reporters.", "Said Peskov": a short attribution.
  let words = 0;
  let p = k;
  while (p < to && words < 7) {
    while (p < to && isSpace(text.charCodeAt(p))) p++;
    const s = p;
    while (p < to) {
      const d = text.charCodeAt(p);
      if (isLetter(d) || d === 0x2019 || d === 39 || d === 45 || d === DOT) p++;
      else break;
    }
    if (p === s) return false;
    words++;
    const w = text.slice(s, p);
    const bare = w.endsWith('.') ? w.slice(0, -1) : w;
    if (rules.speechVerbs.has(bare.toLowerCase())) return attributionAfterVerb(text, bare.toLowerCase(), p, to);
    const d = p < to ? text.charCodeAt(p) : 32;
    if (!isSpace(d)) return false; // punctuation before any speech verb: a new sentence
    if (w !== bare && !rules.titles.has(w) && !(w.length === 2 && isUpper(w.charCodeAt(0)))) return false;
  }
  return false;
}

/** Words that open a reported clause: after "He said" they start new content, not an attribution. */
const CLAUSE_OPENERS = new Set(['that', 'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'this', 'these', 'those', 'there', 'our', 'my']);
/** Verbs whose object names a listener or a medium ("told the BBC", "wrote on X"). */
const OBJECT_VERBS = new Set(['told', 'tells', 'asked', 'asks', 'wrote', 'writes', 'posted', 'tweeted', 'tweets', 'reminded', 'assured', 'urged', 'warned']);

/**
 * After a capitalised speaker and a speech verb: an attribution ("Peskov said.", "Lima told
 * reporters on Friday.") and not a new sentence that reports more ("He said the talks …",
 * "He added: …").
 */
function attributionAfterVerb(text: string, verb: string, p: number, to: number): boolean {
  let k = p;
  while (k < to && isSpace(text.charCodeAt(k))) k++;
  if (k < to && text.charCodeAt(k) === 58) return false;
  const next = wordAt(text, k, to).toLowerCase();
  if (next === 'that') return false;
  if (CLAUSE_OPENERS.has(next) && !OBJECT_VERBS.has(verb)) return false;
  return attributionEndsSoon(text, p, to);
}

/** After the speech verb, an attribution ends within a few words ("told reporters on Friday."). */
function attributionEndsSoon(text: string, p: number, to: number): boolean {
  let words = 0;
  for (; p < to; p++) {
    const c = text.charCodeAt(p);
    if (isTerminal(c) || c === 44 || c === 59 || c === 58 || c === 0x201c || c === 34) return true;
    if (isSpace(c) && !isSpace(text.charCodeAt(p - 1))) {
      words++;
      if (words > 10) return false;
    }
  }
  return true;
}

/**
 * Appends the sentences of `text[from, to)` to `out` as flat `start, end` pairs (trimmed, never
 * empty). Breaks after `.`, `!`, `?`, `…` (with closing quotes and brackets) before white space and
 * a capital, digit or opening quote; never after a title or an abbreviation that does not end a
 * sentence there, nor inside a quotation that runs on into its attribution.
 */
export function splitSentences(text: string, from: number, to: number, rules: SentenceRules, out: number[]): void {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (from >= to) return;
  let quotes: number[] | undefined;
  let q = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isTerminal(c)) continue;
    let j = i + 1;
    while (j < to && isTerminal(text.charCodeAt(j))) j++;
    while (j < to && isCloser(text.charCodeAt(j))) j++;
    if (j >= to) break;
    if (!isSpace(text.charCodeAt(j))) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < to && isSpace(text.charCodeAt(k))) k++;
    if (!startsSentence(text.charCodeAt(k))) {
      i = j - 1;
      continue;
    }
    if (c === DOT && !isTerminal(text.charCodeAt(i + 1)) && !periodEnds(text, from, i, k, to, rules)) {
      i = j - 1;
      continue;
    }
    quotes ??= quotations(text, from, to, rules);
    while (q < quotes.length && quotes[q + 1]! < i) q += 3;
    let inside = false;
    for (let r = q; r < quotes.length && quotes[r]! < i; r += 3) {
      if (quotes[r + 2] === 1 && quotes[r + 1]! >= i) {
        inside = true;
        break;
      }
    }
    if (inside) {
      i = j - 1;
      continue;
    }
    out.push(start, j);
    start = k;
    i = k - 1;
  }
  if (start < to) out.push(start, to);
}
