import type { Doc } from '../../doc/doc.js';
import { hasOffsets } from '../../doc/span.js';
import { POS_TAGS } from '../../doc/tokens.js';
import { normKey } from '../../kb/knowledge-base.js';

const PROPN = POS_TAGS.indexOf('PROPN');
const NOUN = POS_TAGS.indexOf('NOUN');
const VERB = POS_TAGS.indexOf('VERB');
const AUX = POS_TAGS.indexOf('AUX');
const PUNCT = POS_TAGS.indexOf('PUNCT');

/**
 * Per-token facts the mention scanner reads many times, computed once per document in flat arrays:
 * text, lower case, KB key, the white space before the token, capitals, ignored ranges, sentences.
 */
export class TokenScan {
  readonly n: number;
  readonly txt: string[];
  readonly low: string[];
  /** Normalised KB key of each token (case kept). */
  readonly nk: string[];
  /** 0: touches the previous token; 1: white space before it; 2: a line break (or ignored text) before it. */
  readonly gap: Uint8Array;
  /** 1: starts with a capital letter; 2: also all capitals (2+ letters). */
  readonly cap: Uint8Array;
  readonly ign: Uint8Array;
  /** First content token of its sentence (after opening quotes). */
  readonly first: Uint8Array;
  /** In a line written in title case (a headline or heading): unknown capitalised runs mean nothing there. */
  readonly titled: Uint8Array;
  readonly sent: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly pos: Uint8Array;
  readonly lemmas: readonly string[];
  readonly text: string;

  constructor(doc: Doc) {
    const t = doc.tokens!;
    const text = doc.text;
    this.text = text;
    const n = t.length;
    this.n = n;
    this.starts = t.starts;
    this.ends = t.ends;
    this.pos = t.pos;
    this.lemmas = t.lemmas;
    this.txt = new Array<string>(n);
    this.low = new Array<string>(n);
    this.nk = new Array<string>(n);
    this.gap = new Uint8Array(n);
    this.cap = new Uint8Array(n);
    this.ign = new Uint8Array(n);
    this.first = new Uint8Array(n);
    this.titled = new Uint8Array(n);
    this.sent = new Int32Array(n);
    // Ignored ranges and the dateline: a linear walk over sorted ranges.
    const ranges = [...doc.ignoredRanges()];
    const dl = doc.meta.dateline;
    if (hasOffsets(dl)) ranges.push(dl);
    ranges.sort((a, b) => a.start - b.start);
    let r = 0;
    for (let i = 0; i < n; i++) {
      const s = t.starts[i]!;
      const e = t.ends[i]!;
      const w = text.slice(s, e);
      this.txt[i] = w;
      this.low[i] = w.toLowerCase();
      this.nk[i] = isAscii(w) ? w : normKey(w);
      const c = w.charCodeAt(0);
      const upper = (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0]!.toLowerCase());
      if (upper) this.cap[i] = w.length > 1 && w === w.toUpperCase() && /[A-Z]{2}/.test(w) ? 2 : 1;
      if (i > 0) {
        const prevEnd = t.ends[i - 1]!;
        if (s > prevEnd) {
          let g = 1;
          for (let k = prevEnd; k < s; k++) {
            const ch = text.charCodeAt(k);
            if (ch === 10 || ch === 13 || ch === 0x2028 || ch === 0x2029) {
              g = 2;
              break;
            }
          }
          this.gap[i] = g;
        }
      } else this.gap[i] = 2;
      while (r < ranges.length && ranges[r]!.end <= s) r++;
      if (r < ranges.length && ranges[r]!.start < e) this.ign[i] = 1;
    }
    // Sentences: index per token and first content token.
    const sentences = doc.maybe('sentences') ?? [];
    let si = 0;
    let firstPending = true;
    for (let i = 0; i < n; i++) {
      const s = t.starts[i]!;
      while (si < sentences.length && sentences[si]!.end <= s) {
        si++;
        firstPending = true;
      }
      this.sent[i] = si;
      if (this.gap[i] === 2) firstPending = true;
      if (firstPending && t.pos[i] !== PUNCT) {
        this.first[i] = 1;
        firstPending = false;
      }
    }
    // Title-case lines: most words of 4+ letters capitalised.
    let lineStart = 0;
    for (let i = 1; i <= n; i++) {
      if (i === n || this.gap[i] === 2) {
        let words = 0;
        let caps = 0;
        for (let k = lineStart; k < i; k++) {
          if (this.txt[k]!.length >= 4 && /^[A-Za-z]/.test(this.txt[k]!)) {
            words++;
            if (this.cap[k]) caps++;
          }
        }
        if (words >= 2 && caps / words >= 0.6 && !/[.!?”"]$/.test(this.txt[i - 1]!)) for (let k = lineStart; k < i; k++) this.titled[k] = 1;
        lineStart = i;
      }
    }
  }

  isPropn(i: number): boolean {
    return this.pos[i] === PROPN;
  }

  isNoun(i: number): boolean {
    return i < this.n && (this.pos[i] === NOUN || this.pos[i] === PROPN) && this.gap[i] !== 2;
  }

  isVerb(i: number): boolean {
    return i < this.n && (this.pos[i] === VERB || this.pos[i] === AUX);
  }

  isPunct(i: number): boolean {
    return this.pos[i] === PUNCT;
  }

  lemma(i: number): string {
    return this.lemmas[i] ?? this.low[i]!;
  }

  /** True when token i may continue a phrase begun before it (same line, not ignored). */
  joins(i: number): boolean {
    return i < this.n && this.gap[i] !== 2 && !this.ign[i];
  }

  /** A possessive marker token ("'s", "’s", or a bare apostrophe after a plural). */
  isPossessive(i: number): boolean {
    if (i >= this.n || this.gap[i] !== 0) return false;
    const w = this.nk[i]!;
    return w === "'s" || w === "'" || w === "'S";
  }
}

/** True when every character of `w` is ASCII (its KB key is then the word itself: tokens hold no white space). */
function isAscii(w: string): boolean {
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) > 127) return false;
  return true;
}
