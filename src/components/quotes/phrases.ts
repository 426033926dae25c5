import type { TokenTable } from '../../doc/tokens.js';

/**
 * Noun-phrase and clause helpers over the dependency-free token stream (POS and lemmas from
 * wink-nlp). They find the speaker's phrase next to a cue and where a reported clause ends.
 */

export const TIME_WORDS = new Set([
  'today', 'yesterday', 'tonight', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'week', 'weeks', 'month', 'months', 'year', 'years', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'day', 'days',
  'earlier', 'later', 'recently', 'previously', 'again', 'also', 'once', 'last', 'this', 'next', 'late', 'early', 'ago',
  'publicly', 'privately', 'repeatedly', 'already', 'often', 'frequently', 'separately', 'then', 'now', 'still',
]);

/** Abbreviated titles whose full stop belongs to a name ("Sen. Kaine", "Mr. Lavrov"). */
export const TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'prof', 'rev', 'hon', 'st', 'jr', 'sr', 'adm', 'maj', 'pres', 'sec', 'amb', 'atty', 'supt', 'insp', 'det', 'cmdr', 'no']);
const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'ADJ', 'DET', 'NUM']);
const WH = new Set(['who', 'which', 'that', 'what', 'whom', 'whose']);
const DELIMS = new Set([',', '—', '–', '--']);
/** Quantifiers that stand for people on their own ("Many argue that …"). */
const QUANTIFIERS = new Set(['many', 'some', 'most', 'others', 'several', 'few']);
/** Words that float after a subject ("voters overall said", "Democrats themselves said"). */
const FLOATING = new Set(['overall', 'alike', 'themselves', 'himself', 'herself', 'itself', 'too', 'both', 'all']);
/** Adjectives that take a prepositional phrase inside a noun phrase ("people familiar with the talks"). */
const POSTMODIFIERS = new Set(['familiar', 'close', 'loyal', 'opposed', 'sympathetic', 'aligned', 'allied', 'friendly', 'critical', 'responsible', 'involved']);
const NOT_SUBJECT = new Set(['there', 'it', 'this', 'that', 'these', 'those', 'which', 'what', 'whom', 'whose', 'here', 'all', 'both', 'each']);

export interface TokenRange {
  /** First token. */
  readonly first: number;
  /** One past the last token. */
  readonly last: number;
}

export class Phrases {
  /** Lower-cased token texts and POS tags, filled on first use (the rules ask for them many times). */
  private readonly lowers: (string | undefined)[];
  private readonly tags: (string | undefined)[];

  constructor(
    readonly text: string,
    readonly tok: TokenTable,
  ) {
    this.lowers = new Array<string | undefined>(tok.length);
    this.tags = new Array<string | undefined>(tok.length);
  }

  lower(i: number): string {
    let w = this.lowers[i];
    if (w === undefined) w = this.lowers[i] = this.text.slice(this.tok.starts[i], this.tok.ends[i]).toLowerCase();
    return w;
  }

  pos(i: number): string {
    let p = this.tags[i];
    if (p === undefined) p = this.tags[i] = this.tok.posTag(i);
    return p;
  }

  isTimeWord(i: number): boolean {
    return TIME_WORDS.has(this.lower(i)) || /^\d{1,2}(:\d\d)?$/.test(this.lower(i));
  }

  /**
   * A capitalised word inside a sentence that the tagger took for a verb, adverb or adjective
   * ("said Skelly", "Sen. Kelly Ayotte"): a name. Not after sentence punctuation or a quote mark.
   */
  nameLike(i: number): boolean {
    const p = this.pos(i);
    if (p !== 'VERB' && p !== 'ADV' && p !== 'ADJ') return false;
    const t = this.text;
    const s = this.tok.starts[i]!;
    if (!/^[\p{Lu}][\p{Ll}]/u.test(t.slice(s, s + 2)) || i === 0) return false;
    const prev = this.lower(i - 1);
    // After a closing quote mark and a space ("“…” Blunt said") a capital starts a name, not a sentence.
    if (/^[”"]$/.test(prev) && this.tok.ends[i - 1]! < s && !/\n/.test(t.slice(this.tok.ends[i - 1], s))) return true;
    return prev === ',' || (/^[\p{L},]/u.test(prev) && !/\n/.test(t.slice(this.tok.ends[i - 1], s)) && this.pos(i - 1) !== 'PUNCT');
  }

  /** An -ing form after a possessive or an article ("her thinking", "the saying"): a noun, not a verb. */
  gerundNoun(i: number): boolean {
    if (i === 0 || !/ing$/.test(this.lower(i)) || this.pos(i) === 'NOUN') return false;
    const prev = this.lower(i - 1);
    if (/^(his|their|its|our|my|your|the|a|an)$/.test(prev) || this.pos(i - 1) === 'ADJ') return true;
    return prev === 'her' && i > 1 && this.pos(i - 2) === 'ADP';
  }

  /** "the 43-year-old": an age used as a noun. */
  private ageNoun(i: number): boolean {
    return this.lower(i) === 'old' && i > 1 && this.lower(i - 1) === '-' && this.lower(i - 2) === 'year';
  }

  /** Token that may sit inside a noun phrase naming someone. */
  npToken(i: number): boolean {
    const p = this.pos(i);
    if (NP_POS.has(p) || this.nameLike(i) || this.gerundNoun(i)) return true;
    const w = this.lower(i);
    if (p === 'PART' && (w === "'s" || w === '’s' || w === "'" || w === '’')) return true;
    if (w === '%' && i > 0 && this.pos(i - 1) === 'NUM') return true;
    if (w === '.' && i > 0 && this.tok.ends[i - 1] === this.tok.starts[i] && TITLES.has(this.lower(i - 1))) return true;
    // A hyphen inside a word ("46-year-old", "co-founder").
    if (w === '-' && i > 0 && i + 1 < this.tok.length && this.tok.ends[i - 1] === this.tok.starts[i] && this.tok.ends[i] === this.tok.starts[i + 1]) return true;
    return false;
  }

  /** "of", "for", "and" joining two noun-phrase parts ("Secretary of State John Kerry", "France and Italy"). */
  private npJoiner(i: number, lo: number, hi: number): boolean {
    const w = this.lower(i);
    if (w !== 'of' && w !== 'for' && w !== 'and' && w !== '&' && w !== 'at') return false;
    return i - 1 >= lo && i + 1 < hi && this.npToken(i - 1) && this.npToken(i + 1) && this.pos(i - 1) !== 'PRON' && this.pos(i + 1) !== 'PRON';
  }

  /**
   * The noun phrase that ends right before token `i` (its subject, for a cue verb), skipping
   * adverbs, auxiliaries, negation and time phrases ("The Kremlin on Friday welcomed",
   * "Russia last month warned", "Peskov has also said"). `lo` bounds the search (sentence start).
   */
  subjectBefore(i: number, lo: number): TokenRange | undefined {
    const ing = /ing$/.test(this.lower(i));
    let j = i - 1;
    while (j >= lo) {
      const p = this.pos(j);
      const w = this.lower(j);
      // A capitalised word the tagger calls an adverb is a name ("Jolly said", "Rep. David Jolly said").
      if (p === 'ADV' && (this.nameLike(j) || (j === lo && j + 1 === i && /^[\p{Lu}][\p{Ll}]/u.test(this.text.slice(this.tok.starts[j], this.tok.starts[j]! + 2))))) {
        if (!this.nameLike(j)) return { first: j, last: j + 1 };
        break;
      }
      if (p === 'ADV' || p === 'AUX' || (p === 'PART' && (w === 'not' || w === "n't" || w === 'n’t')) || this.isTimeWord(j) || (FLOATING.has(w) && j > lo)) {
        j--;
        continue;
      }
      // "on Friday", "in December", "earlier this month": a preposition before a time word.
      if (p === 'ADP' && j + 1 < i && this.isTimeWord(j + 1)) {
        j--;
        continue;
      }
      if ((p === 'DET' || p === 'ADJ') && j + 1 < i && this.isTimeWord(j + 1)) {
        j--;
        continue;
      }
      // A verb chain: "decided to press", "was quick to add", "appeared more likely to describe".
      if (w === 'to' && j - 1 >= lo && /^(VERB|ADJ|AUX)$/.test(this.pos(j - 1))) {
        j -= 2;
        continue;
      }
      // "mounted a public campaign to condemn", "went off script to comment": back over the object to the verb.
      if (w === 'to' && j - 1 >= lo && /^(NOUN|PROPN|ADP)$/.test(this.pos(j - 1))) {
        let v = j - 1;
        while (v > lo && v > j - 9 && (this.npToken(v) || this.pos(v) === 'ADP')) v--;
        if (this.pos(v) === 'VERB' && !/ing$/.test(this.lower(v))) {
          j = v - 1;
          continue;
        }
        break;
      }
      // "have begun urging", "kept saying".
      if (ing && p === 'VERB' && !/ing$/.test(w)) {
        j--;
        continue;
      }
      break;
    }
    if (j < lo) return undefined;
    // A parenthesis after the name: "Sen. Jane Roe (D-Ore.) said".
    if (this.lower(j) === ')') {
      let k = j - 1;
      while (k >= lo && k > j - 10 && this.lower(k) !== '(') k--;
      if (k <= lo || this.lower(k) !== '(') return undefined;
      const head = this.npEndingAt(k - 1, lo);
      return head && this.pos(head.first) !== 'PRON' ? { first: head.first, last: j + 1 } : undefined;
    }
    // An appositive between commas or dashes: "Brian Fallon, a spokesman for Clinton, said",
    // "Jane Roe, who ran in 2012, said", "Roe, though, said".
    if (DELIMS.has(this.lower(j))) {
      const close = this.lower(j);
      let k = j - 1;
      while (k >= lo && k > j - 30 && !(DELIMS.has(this.lower(k)) && (close === ',' ? this.lower(k) === ',' : this.lower(k) !== ','))) {
        const w = this.lower(k);
        if (this.pos(k) === 'PUNCT' && !/^[.()'’"“”-]+$/.test(w) && w !== '’s' && w !== "'s") return undefined;
        k--;
      }
      if (k < lo || k + 1 >= j || !DELIMS.has(this.lower(k))) return undefined;
      const a = k + 1;
      const p0 = this.pos(a);
      const w0 = this.lower(a);
      const nounish = NP_POS.has(p0) && p0 !== 'PRON';
      const aside = j - a <= 2 && /^(ADV|SCONJ)$/.test(p0);
      const ok = nounish || p0 === 'ADP' || /^(who|which|whose|himself|herself|themselves|itself)$/.test(w0) || (p0 === 'VERB' && /(ing|ed)$/.test(w0)) || aside || /^(his|her|their|its)$/.test(w0);
      if (!ok) return undefined;
      let head = this.npEndingAt(k - 1, lo);
      if (!head && k - 1 > lo && this.lower(k - 1) === ')') {
        // "Sen. Jane Roe (D-Ore.), a co-author of the bill, said".
        let o = k - 2;
        while (o > lo && o > k - 12 && this.lower(o) !== '(') o--;
        const name = this.lower(o) === '(' ? this.npEndingAt(o - 1, lo) : undefined;
        if (name) head = { first: name.first, last: k };
      }
      if (!head) return undefined;
      const hp = this.pos(head.first);
      if (hp === 'PRON' && head.last - head.first === 1) return aside ? head : undefined;
      return { first: head.first, last: j };
    }
    // "those surveyed said", "voters polled said": a past participle after the head belongs to the phrase.
    if (this.pos(j) === 'VERB' && /ed$/.test(this.lower(j)) && j - 1 >= lo && (this.lower(j - 1) === 'those' || /^(NOUN|PROPN)$/.test(this.pos(j - 1)))) {
      const head = this.lower(j - 1) === 'those' ? { first: j - 1, last: j } : this.npEndingAt(j - 1, lo);
      if (head) return { first: head.first, last: j + 1 };
    }
    let np = this.npEndingAt(j, lo);
    if (!np) return undefined;
    // "people familiar with her thinking say": a head noun, an adjective and its prepositional phrase.
    const a = np.first - 2;
    if (a - 1 >= lo && this.pos(np.first - 1) === 'ADP' && POSTMODIFIERS.has(this.lower(a))) {
      const head = this.npEndingAt(a - 1, lo);
      if (head && this.pos(head.last - 1) !== 'PRON') np = { first: head.first, last: np.last };
    }
    const firstWord = this.lower(np.first);
    // "…, who said": the relative pronoun is the source (as PolNeAR marks it); the speaker is found from it later.
    if (np.last - np.first === 1 && WH.has(firstWord)) return /^(who|which|that)$/.test(firstWord) && np.first > lo ? np : undefined;
    if (np.last - np.first === 1 && NOT_SUBJECT.has(firstWord) && firstWord !== 'it') return undefined;
    return np;
  }

  /** The noun phrase whose last token is `j`, walking left to `lo`. */
  npEndingAt(j: number, lo: number): TokenRange | undefined {
    if (j < lo || !this.npToken(j)) return undefined;
    // A phrase must end in a noun, a name, a pronoun or a number, not a determiner or an adjective.
    const pEnd = this.pos(j);
    // "Many argue", "Some say": a quantifier standing for people is a whole phrase.
    if ((pEnd === 'DET' || pEnd === 'ADJ') && QUANTIFIERS.has(this.lower(j)) && !(j - 1 >= lo && this.npToken(j - 1))) return { first: j, last: j + 1 };
    if (((pEnd === 'DET' || pEnd === 'ADJ') && !this.nameLike(j) && !this.ageNoun(j)) || (pEnd === 'VERB' && !this.gerundNoun(j) && !this.nameLike(j))) return undefined;
    let k = j;
    while (k - 1 >= lo && (this.npToken(k - 1) || this.npJoiner(k - 1, lo, j + 1))) {
      // A pronoun starts a phrase only as a possessive ("his campaign"), never in the middle of one.
      if (this.pos(k - 1) === 'PRON' && !/^(his|her|its|their|our|my|your)$/.test(this.lower(k - 1))) {
        if (k === j + 1) k--;
        break;
      }
      k--;
    }
    // A lone pronoun: keep it; otherwise trim a leading conjunction-like word.
    while (k < j && (this.lower(k) === 'and' || this.lower(k) === 'of')) k++;
    return { first: k, last: j + 1 };
  }

  /** The noun phrase that starts at token `i` (e.g. after an inverted cue: "said Peskov"). */
  npStartingAt(i: number, hi: number, appositive = true): TokenRange | undefined {
    if (i >= hi || !this.npToken(i)) return undefined;
    let k = i;
    while (k + 1 < hi && (this.npToken(k + 1) || this.npJoiner(k + 1, i, hi))) {
      if (this.pos(k + 1) === 'PRON' && this.pos(k) !== 'PRON') break;
      if (this.pos(k) === 'PRON' && !/^(his|her|its|their|our|my|your)$/.test(this.lower(k))) break;
      k++;
    }
    // Extend over an appositive: "said Jane Doe, a spokeswoman for the campaign".
    let last = k + 1;
    if (appositive && last + 1 < hi && this.lower(last) === ',' && (this.pos(last + 1) === 'DET' || this.lower(last + 1) === 'the')) {
      let m = last + 1;
      while (m < hi && (this.npToken(m) || this.npJoiner(m, last + 1, hi))) m++;
      if (m > last + 2) last = m;
    }
    // The phrase must hold a noun, name or pronoun.
    for (let m = i; m < last; m++) if (/^(PROPN|NOUN|PRON)$/.test(this.pos(m)) || this.nameLike(m)) return { first: i, last };
    return undefined;
  }
}
