/** Universal POS tags as wink-nlp emits them; a token's tag is its index here. */
export const POS_TAGS = [
  'X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'SPACE',
] as const;
export type PosTag = (typeof POS_TAGS)[number];

const POS_INDEX = new Map<string, number>(POS_TAGS.map((t, i) => [t, i]));

export function posIndex(tag: string): number {
  return POS_INDEX.get(tag) ?? 0;
}

/**
 * Tokens in flat typed arrays: token i covers `[starts[i], ends[i])` of the Doc text.
 * Objects are made only on request (`view`), so a 1,000-token article costs a few arrays.
 */
export class TokenTable {
  readonly length: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly pos: Uint8Array;
  /** Index of the sentence each token belongs to (-1 before sentences are known). */
  readonly sentence: Int32Array;
  readonly lemmas: readonly string[];
  private readonly text: string;

  constructor(text: string, starts: Int32Array, ends: Int32Array, pos: Uint8Array, lemmas: readonly string[], sentence?: Int32Array) {
    this.text = text;
    this.length = starts.length;
    this.starts = starts;
    this.ends = ends;
    this.pos = pos;
    this.lemmas = lemmas;
    this.sentence = sentence ?? new Int32Array(starts.length).fill(-1);
  }

  tokenText(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  posTag(i: number): PosTag {
    return POS_TAGS[this.pos[i]!] ?? 'X';
  }

  lemma(i: number): string {
    return this.lemmas[i] ?? this.tokenText(i).toLowerCase();
  }

  /** Index of the first token whose end is after `offset` (binary search); `length` when none. */
  firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The token containing `offset`, or -1. */
  tokenAt(offset: number): number {
    const i = this.firstEndingAfter(offset);
    return i < this.length && this.starts[i]! <= offset ? i : -1;
  }

  /**
   * The tokens `[first, last)` that exactly cover `[start, end)`; `undefined` when the range does
   * not fall on token boundaries (the only checked way from characters to tokens).
   */
  charSpanToTokens(start: number, end: number): [number, number] | undefined {
    const first = this.firstEndingAfter(start);
    if (first >= this.length || this.starts[first] !== start) return undefined;
    let last = first;
    while (last < this.length && this.ends[last]! <= end) last++;
    if (last === first || this.ends[last - 1] !== end) return undefined;
    return [first, last];
  }

  /** The tokens that overlap `[start, end)`, as `[first, last)`. */
  tokensIn(start: number, end: number): [number, number] {
    const first = this.firstEndingAfter(start);
    let last = first;
    while (last < this.length && this.starts[last]! < end) last++;
    return [first, last];
  }

  view(i: number): { i: number; start: number; end: number; text: string; pos: PosTag; lemma: string } {
    return { i, start: this.starts[i]!, end: this.ends[i]!, text: this.tokenText(i), pos: this.posTag(i), lemma: this.lemma(i) };
  }
}
