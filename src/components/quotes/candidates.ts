import type { QuoteKind } from '../../doc/records.js';
import type { Span } from '../../doc/span.js';
import type { TokenTable } from '../../doc/tokens.js';
import type { QuoteLexicon } from './lexicon.js';
import { Phrases, TITLES, type TokenRange } from './phrases.js';
import { findQuoteSpans, type QuoteSpan } from './quote-marks.js';

/**
 * Attribution candidates from rules over the token stream: direct quotes with their cue before,
 * after, inverted or interrupted, quotes that continue a speaker, partial quotes inside reported
 * speech, and reported speech itself ("X said (that) …", "according to X, …", "X's statement
 * that …", "…, X said."). A scorer (see `model.ts`) may later weigh the candidates.
 */

export type Range2 = readonly [number, number];

export interface Candidate {
  kind: QuoteKind;
  content: Range2;
  cue: Range2;
  source?: Range2;
  /** Token of the cue's head word (-1 for a colon or no cue). */
  cueTok: number;
  rule: string;
  /** Index of the quote span (direct and partial quotes). */
  quote?: number;
  /** Index (in the candidate list) of the candidate this one continues or sits inside. */
  parent?: number;
  /** Token range of the source phrase, when found. */
  sourceToks?: TokenRange;
  /** True when the source came from the sentence's subject rather than next to the cue. */
  sourceFar?: boolean;
}

export interface CandidateInput {
  readonly text: string;
  readonly tokens: TokenTable;
  readonly sentences: readonly Span[];
  readonly paragraphs: readonly Span[];
  readonly isIgnored: (start: number, end: number) => boolean;
  readonly lexicon: QuoteLexicon;
}

const TELL_LIKE = new Set(['tell', 'inform', 'assure', 'reassure', 'warn', 'remind', 'urge', 'ask', 'advise', 'brief', 'caution', 'convince', 'persuade', 'promise', 'show', 'notify', 'teach', 'email', 'text']);
const LIGHT_VERBS = new Set(['express', 'voice', 'reiterate', 'reaffirm', 'signal', 'offer', 'show', 'declare', 'pledge', 'announce', 'register', 'make']);
const LIGHT_NOUNS = new Set([
  'support', 'concern', 'concerns', 'hope', 'opposition', 'confidence', 'regret', 'interest', 'readiness', 'willingness', 'doubt', 'doubts',
  'skepticism', 'scepticism', 'frustration', 'anger', 'optimism', 'sympathy', 'solidarity', 'gratitude', 'appreciation', 'disappointment', 'objection', 'objections', 'reservations', 'commitment', 'case', 'point', 'argument', 'claim', 'promise', 'pledge', 'call', 'demand',
]);
/** Verbs whose subject is talked about, not talking ("Roe seems ready"). */
const RAISING = new Set(['seem', 'appear']);
/** Verbs whose object is the one speaking in an -ing clause after it ("showed Trump saying", "heard a man shouting"). */
const PERCEPTION = new Set(['see', 'hear', 'show', 'watch', 'catch', 'feature', 'film', 'record', 'overhear', 'picture', 'depict', 'find', 'leave', 'keep', 'quote', 'cite']);
const CLAUSE_OPENERS = new Set(['that', 'whether', 'if', 'how', 'why', 'what', 'when', 'where', 'who']);
const SENT_FINAL = /[.!?]/;
const POSSESSIVE = /^['’]s?$/;

/** True when `text[k]` ends a sentence: `.`, `!` or `?`, but not the full stop of an initial or a title ("J.", "Mr."). */
export function sentenceEndAt(text: string, k: number): boolean {
  const c = text[k];
  if (c === '!' || c === '?') return true;
  if (c !== '.') return false;
  let w = k;
  while (w > 0 && /[\p{L}]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, k);
  if (word.length === 1 && /[A-Z]/.test(word)) return false;
  return !(word && /^[A-Z]/.test(word) && TITLES.has(word.toLowerCase()));
}

export interface CandidateSet {
  readonly quotes: readonly QuoteSpan[];
  readonly candidates: Candidate[];
  /** Token → sentence index. */
  readonly sentOf: Int32Array;
}

export function findCandidates(input: CandidateInput): CandidateSet {
  const { text, tokens: tok, sentences, paragraphs, lexicon: lex } = input;
  const ph = new Phrases(text, tok);
  const n = tok.length;
  const paras = paragraphs.length ? paragraphs : [{ start: 0, end: text.length, text }];
  const quotes = findQuoteSpans(text, paras, input.isIgnored);

  // Token → sentence and → quote (the quote whose words hold the token), and sentence bounds in tokens.
  const sentOf = new Int32Array(n).fill(-1);
  const sentFirst: number[] = [];
  const sentLast: number[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const [a, b] = tok.tokensIn(sentences[s]!.start, sentences[s]!.end);
    sentFirst.push(a);
    sentLast.push(b);
    for (let i = a; i < b; i++) sentOf[i] = s;
  }
  const quoteOf = new Int32Array(n).fill(-1);
  const markTok = new Uint8Array(n);
  for (let q = 0; q < quotes.length; q++) {
    const [a, b] = tok.tokensIn(quotes[q]!.start, quotes[q]!.end);
    for (let i = a; i < b; i++) if (quoteOf[i] === -1) quoteOf[i] = q;
  }
  for (let i = 0; i < n; i++) if (/^[“”"«»„'‘’`]+$/.test(ph.lower(i)) && quoteOf[i] === -1) markTok[i] = 1;
  const paraOf = (offset: number) => {
    // The last paragraph starting at or before `offset` (binary search), if `offset` lies in it.
    let a = 0;
    let b = paras.length - 1;
    while (a < b) {
      const m = (a + b + 1) >> 1;
      if (paras[m]!.start <= offset) a = m;
      else b = m - 1;
    }
    for (let p = Math.max(0, a - 1); p < paras.length && paras[p]!.start <= offset; p++) if (paras[p]!.start <= offset && offset < paras[p]!.end + 1) return p;
    return -1;
  };
  const usableMemo = new Int8Array(n);
  const usable = (i: number) => {
    if (usableMemo[i] === 0) usableMemo[i] = input.isIgnored(tok.starts[i]!, tok.ends[i]!) ? -1 : 1;
    return usableMemo[i] === 1;
  };
  const tokRange = (r: TokenRange): Range2 => [tok.starts[r.first]!, tok.ends[r.last - 1]!];
  const lemmas = new Array<string | undefined>(n);
  const lemma = (i: number) => (lemmas[i] ??= tok.lemma(i).toLowerCase());
  const cueMemo = new Int8Array(n);
  const isCueVerb = (i: number) => {
    if (cueMemo[i] === 0) cueMemo[i] = isCueVerbRaw(i) ? 1 : -1;
    return cueMemo[i] === 1;
  };
  const isCueVerbRaw = (i: number) => {
    const p = ph.pos(i);
    if ((p !== 'VERB' && p !== 'AUX' && p !== 'NOUN') || ph.gerundNoun(i)) return false;
    // wink tags some verbs as nouns ("Trump says"): accept those only right after a name or pronoun.
    if (p === 'NOUN' && (!/(s|ed)$/.test(ph.lower(i)) || i === 0 || !(ph.pos(i - 1) === 'PROPN' || /^(he|she|they|it|i|we|you)$/.test(ph.lower(i - 1))))) return false;
    return (lex.verbFamilies.has(lemma(i)) || (p === 'VERB' && LIGHT_VERBS.has(lemma(i)))) && !(lemma(i) === 'say' && p === 'NOUN');
  };
  /** A cue next to quote marks: any cue verb, or a verb of manner ("snapped", "beamed"). */
  const isQuoteCue = (i: number) => {
    if (isCueVerb(i)) return true;
    const p = tok.posTag(i);
    if (p === 'VERB') return lex.quoteOnly.has(lemma(i));
    // The tagger calls some verbs adjectives or nouns ("Toomey fumed"): right after a name or pronoun, read them by their form.
    if ((p !== 'ADJ' && p !== 'NOUN') || i === 0 || !/^(PROPN|PRON)$/.test(tok.posTag(i - 1))) return false;
    const f = ph.lower(i);
    const m = /^(.+?)(ied|ed|d|es|s)$/.exec(f);
    if (!m) return false;
    const stems = m[2] === 'ied' ? [`${m[1]}y`] : [m[1]!, `${m[1]}${m[2]!.slice(0, -1)}`];
    return stems.some((x) => lex.quoteOnly.has(x) || lex.verbFamilies.has(x));
  };
  const candidates: Candidate[] = [];
  const usedCue = new Map<number, number>();

  /** The sentence's own subject: the phrase before its first verb (for "…, adding", "… but said"). */
  const sentenceSubject = (s: number, before: number): TokenRange | undefined => {
    for (let i = sentFirst[s]!; i < before; i++) {
      if (quoteOf[i]! >= 0 || markTok[i]) continue;
      const p = tok.posTag(i);
      if (p === 'VERB' || (p === 'AUX' && i + 1 < n && tok.posTag(i + 1) !== 'VERB')) {
        // The first verb with a subject ("Asked about it, Roe pointed to … and praised …").
        const subj = ph.subjectBefore(i, sentFirst[s]!);
        if (subj) return subj;
      }
    }
    return undefined;
  };

  /**
   * "The town released a statement saying …": when the phrase before an -ing cue is a statement
   * that the verb before it issued, the subject of that verb speaks.
   */
  const issuer = (src: TokenRange | undefined, cue: number): TokenRange | undefined => {
    if (!src || !/ing$/.test(ph.lower(cue)) || src.first === 0) return undefined;
    let v = src.first - 1;
    if (v >= 0 && ph.pos(v) === 'ADP') v--;
    if (v < 0 || ph.pos(v) !== 'VERB' || sentOf[v]! < 0 || PERCEPTION.has(lemma(v))) return undefined;
    return sentenceSubject(sentOf[v]!, v + 1);
  };

  // ---- Direct quotes: cue after ("“…,” he said"), inverted ("said Peskov"), before ("He added that: “…”"), continued.
  let lastDirect = -1;
  for (let q = 0; q < quotes.length; q++) {
    const qs = quotes[q]!;
    const para = paraOf(qs.open);
    const paraStart = para >= 0 ? paras[para]!.start : 0;
    const paraEnd = para >= 0 ? paras[para]!.end : text.length;
    // Left context: back to the sentence start within the paragraph (or the previous quote's close).
    let leftStart = paraStart;
    for (let k = qs.open - 1; k > paraStart; k--) {
      if (sentenceEndAt(text, k) && /\s/.test(text[k + 1] ?? ' ')) {
        leftStart = k + 1;
        break;
      }
    }
    const prevQ = q > 0 ? quotes[q - 1]! : undefined;
    if (prevQ && prevQ.close > leftStart && prevQ.close <= qs.open) leftStart = prevQ.close;
    // A quote opening its paragraph after one that ends in a colon ("Cruz continued:"): the cue is there.
    if (para > 0 && leftStart === paraStart && /^\s*$/.test(text.slice(paraStart, qs.open)) && /:\s*$/.test(text.slice(paras[para - 1]!.start, paras[para - 1]!.end))) {
      const prev = paras[para - 1]!;
      let k = prev.end - 1;
      while (k > prev.start && /[\s:]/.test(text[k]!)) k--;
      leftStart = prev.start;
      for (; k > prev.start; k--) {
        if (sentenceEndAt(text, k) && /\s/.test(text[k + 1] ?? ' ')) {
          leftStart = k + 1;
          break;
        }
      }
      if (prevQ && prevQ.close > leftStart && prevQ.close <= qs.open) leftStart = prevQ.close;
    }
    const leftTxt = text.slice(leftStart, qs.open);
    const [lf, ll] = tok.tokensIn(leftStart, qs.open);
    // Right context: from the close mark to the sentence end, the next quote or the paragraph end.
    const nextQ = quotes[q + 1];
    let rightEnd = qs.unclosed ? qs.close : Math.min(paraEnd, nextQ && nextQ.open >= qs.close ? nextQ.open : paraEnd);
    for (let k = qs.close; k < rightEnd; k++) {
      if (sentenceEndAt(text, k) && /[\s"”']/.test(text[k + 1] ?? ' ')) {
        rightEnd = k + 1;
        break;
      }
    }
    const [rf, rl] = qs.unclosed ? [0, 0] : tok.tokensIn(qs.close, rightEnd);
    const quoted = text.slice(qs.start, qs.end);
    const startsSentence = /^\s*$/.test(leftTxt) || /[:,]\s*$/.test(leftTxt) || /^[\s—–-]*$/.test(leftTxt);
    const endsLikeSpeech = /[,.!?—–-]['’]?\s*$/.test(quoted) || /^\s*,/.test(text.slice(qs.close, qs.close + 3));
    const words = quoted.trim().split(/\s+/).length;
    let made = false;

    // Cue after the quote.
    // A full stop inside the marks ends the sentence ("… on “knuckleheaded politicians.” His comments …"): no cue after it.
    const endsSentence = /\.['’]?\s*$/.test(quoted) && !/^\s*,/.test(text.slice(qs.close, qs.close + 3));
    if (!made && rl > rf && endsLikeSpeech && !endsSentence) {
      let i = rf;
      if (ph.lower(i) === ',' || ph.lower(i) === '—' || ph.lower(i) === '–') i++;
      // "“…,” Jane Roe, a former candidate, told …": a name, an appositive, then the cue.
      const np = ph.npStartingAt(i, rl, false);
      if (np && np.last < rl && ph.lower(np.last) === ',' && ph.pos(np.first) !== 'PRON') {
        let m = np.last + 1;
        for (; m < Math.min(rl, np.last + 30); m++) {
          if (ph.lower(m) !== ',') continue;
          let c = m + 1;
          while (c < rl && ph.pos(c) === 'ADV') c++;
          if (c >= rl || !/^(VERB|AUX|NOUN)$/.test(ph.pos(c))) continue;
          if (isQuoteCue(c) && usable(c)) {
            const src = { first: np.first, last: m };
            candidates.push({ kind: 'direct', content: [qs.start, qs.end], cue: cueSpan(c), source: tokRange(src), sourceToks: src, cueTok: c, rule: 'direct-cue-after-appositive', quote: q });
            usedCue.set(c, candidates.length - 1);
            lastDirect = candidates.length - 1;
            made = true;
            break;
          }
          // A noun after a comma is one more item of the appositive ("… of state for population, refugees, and migration, said").
          if (ph.pos(c) !== 'NOUN') break;
        }
      }
      let reach = i + 9;
      for (let c = i; !made && c < Math.min(rl, reach); c++) {
        if (!usable(c)) break;
        if (ph.lower(c) === '(' && c > i) {
          // "“…,” Sen. Jane Roe (D-Ore.) said": over the parenthesis after the name.
          let e = c;
          while (e < rl && e < c + 10 && ph.lower(e) !== ')') e++;
          if (e >= rl || ph.lower(e) !== ')') break;
          reach += e - c + 1;
          c = e;
          continue;
        }
        if (ph.pos(c) === 'PUNCT' && ph.lower(c) !== '.' && !ph.npToken(c)) break;
        if (!isQuoteCue(c)) continue;
        // A title in the middle of a sentence ("Wednesday on Fox's “Hannity,” Newt Gingrich said if …"): the
        // cue reports the clause after it, which holds the speaker's words.
        if (!startsSentence && words <= 5 && reportsClauseAfter(c + 1, sentOf[c]! >= 0 ? sentLast[sentOf[c]!]! : rl)) break;
        let src: TokenRange | undefined = c > i ? ph.npEndingAt(c - 1, i) : undefined;
        if (src && src.first > i) {
          // Only adverbs/auxiliaries may sit between the close mark and the subject.
          const gapOk = [...Array(src.first - i).keys()].every((d) => /^(ADV|AUX|PART|PUNCT)$/.test(ph.pos(i + d)));
          if (!gapOk) src = ph.subjectBefore(c, i);
        }
        if (!src && c === i) src = ph.npStartingAt(c + 1, rl);
        if (!src && c > i) src = ph.subjectBefore(c, i);
        if (!src) break;
        const idx = candidates.length;
        candidates.push({ kind: 'direct', content: [qs.start, qs.end], cue: cueSpan(c), source: tokRange(src), sourceToks: src, cueTok: c, rule: c === i ? 'direct-inverted' : 'direct-cue-after', quote: q });
        usedCue.set(c, idx);
        lastDirect = idx;
        made = true;
        break;
      }
    }
    // Quoted words ending a clause that began before them ("The plan is a “very welcome step,” he said"):
    // the speaker's words are the whole clause, of which the quote is a part.
    if (made && !startsSentence && ll > lf && !(prevQ && leftStart === prevQ.close)) {
      const idx = candidates.length - 1;
      const d = candidates[idx]!;
      let a = lf;
      while (a < ll && (ph.pos(a) === 'PUNCT' || markTok[a])) a++;
      if (a < ll && d.quote === q && d.parent === undefined && /^direct-(cue-after|inverted)/.test(d.rule)) {
        d.kind = 'mixed';
        d.content = [tok.starts[a]!, qs.end];
        d.rule = 'mixed-cue-after';
        candidates.push({ ...d, kind: 'partial', content: [qs.start, qs.end], rule: 'partial-in-report', parent: idx });
      }
    }
    // "“…” - Sanders." (debate and transcript round-ups): a dash and a name end the sentence.
    if (!made && rl > rf + 1 && /^[-—–]$/.test(ph.lower(rf))) {
      const src = ph.npStartingAt(rf + 1, rl, false);
      if (src && (src.last >= rl || /^[.,]$/.test(ph.lower(src.last))) && ph.pos(src.first) !== 'PRON' && /^[\p{Lu}]/u.test(text.slice(tok.starts[src.first], tok.ends[src.first]))) {
        candidates.push({ kind: 'direct', content: [qs.start, qs.end], cue: [tok.starts[rf]!, tok.ends[rf]!], source: tokRange(src), sourceToks: src, cueTok: -1, rule: 'direct-dash-name', quote: q });
        lastDirect = candidates.length - 1;
        made = true;
      }
    }
    // Cue before the quote: "X said:", "He added that:", "X said, adding: “…”", "X said in a statement: “…”".
    // "He added “In this case …”": the cue right before a quote that opens with a capital.
    const cueRightBefore = ll > lf && /^\s*[\p{Lu}]/u.test(quoted) && [...rangeTokens(leftStart, qs.open)].slice(-3).some((c) => isQuoteCue(c) && [...rangeTokens(tok.ends[c]!, qs.open)].every((k) => /^(that|:|,)$/.test(ph.lower(k))));
    if (!made && ll > lf && (startsSentence || cueRightBefore)) {
      for (let c = ll - 1; c >= Math.max(lf, ll - 10); c--) {
        if (!usable(c)) break;
        if (!isQuoteCue(c)) {
          if (ph.pos(c) === 'VERB' && ph.lower(c) !== 'adding') break;
          continue;
        }
        const existing = usedCue.get(c);
        if (existing !== undefined) {
          // An interrupted quote: "“…,” he said, “…”" shares the cue of its first part.
          const e = candidates[existing]!;
          candidates.push({ ...e, kind: 'direct', content: [qs.start, qs.end], quote: q, rule: 'direct-interrupted', parent: existing });
          lastDirect = candidates.length - 1;
          made = true;
          break;
        }
        const participle = /ing$/.test(ph.lower(c)) && c > lf && /^(,|and|but|—)$/.test(ph.lower(c - 1));
        let src = participle ? undefined : ph.subjectBefore(c, lf);
        let far = false;
        const issuing = issuer(src, c);
        if (issuing) {
          src = issuing;
          far = true;
        }
        if (!src && participle && sentOf[c]! >= 0) {
          src = sentenceSubject(sentOf[c]!, c);
          far = !!src;
        }
        if (!src) {
          // "…, adding:" — the speaker of the same sentence's earlier cue.
          const prev = lastDirect >= 0 ? candidates[lastDirect]! : undefined;
          if (prev && prev.source && prev.source[1] <= tok.starts[c]! && prev.source[0] >= paraStart) {
            candidates.push({ kind: 'direct', content: [qs.start, qs.end], cue: cueSpan(c), source: prev.source, cueTok: c, rule: 'direct-adding', quote: q, parent: lastDirect, sourceFar: true });
            usedCue.set(c, candidates.length - 1);
            lastDirect = candidates.length - 1;
            made = true;
            break;
          }
          src = ph.npStartingAt(c + 1, ll);
          far = true;
        }
        if (!src) break;
        candidates.push({ kind: 'direct', content: [qs.start, qs.end], cue: cueSpan(c), source: tokRange(src), sourceToks: src, cueTok: c, rule: 'direct-cue-before', quote: q, sourceFar: far });
        usedCue.set(c, candidates.length - 1);
        lastDirect = candidates.length - 1;
        made = true;
        break;
      }
      // "Trump on Twitter: “…”": a name and a colon.
      if (!made && /:\s*$/.test(leftTxt)) {
        const colon = ll - 1;
        const src = ph.subjectBefore(colon, lf) ?? ph.npEndingAt(colon - 1, lf);
        if (src && src.first === lf) {
          candidates.push({ kind: 'direct', content: [qs.start, qs.end], cue: [tok.starts[colon]!, tok.ends[colon]!], source: tokRange(src), sourceToks: src, cueTok: -1, rule: 'direct-colon', quote: q });
          lastDirect = candidates.length - 1;
          made = true;
        }
      }
    }
    // A quote with no cue of its own that continues the previous speaker: in the same paragraph,
    // or opening the next paragraph right after an attributed quote.
    if (!made && startsSentence && qs.double && words >= 3 && lastDirect >= 0) {
      const prev = candidates[lastDirect]!;
      const prevQs = quotes[prev.quote!]!;
      const prevPara = paraOf(prevQs.open);
      const samePara = prevPara === para;
      const between = text.slice(prevQs.close, qs.open);
      const nextPara = para === paraOf(prevQs.close - 1) + 1 && /^\s*$/.test(text.slice(paraStart, qs.open));
      // A cue verb in a later sentence than the previous cue starts someone else's words.
      const prevSent = prev.cueTok >= 0 ? sentOf[prev.cueTok]! : -2;
      const noCueBetween = ![...rangeTokens(prevQs.close, qs.open)].some((i) => isCueVerb(i) && sentOf[i] !== prevSent && !usedCue.has(i));
      if ((samePara || nextPara) && noCueBetween && between.length < 400) {
        candidates.push({ ...prev, kind: 'direct', content: [qs.start, qs.end], quote: q, rule: 'direct-continued', parent: lastDirect });
        lastDirect = candidates.length - 1;
        made = true;
      }
    }
  }

  function* rangeTokens(a: number, b: number): Generator<number> {
    const [x, y] = tok.tokensIn(a, b);
    for (let i = x; i < y; i++) yield i;
  }

  /** True when tokens `[k, end)` open a clause ("that …", "if …", "the plan would fail"): a subject and a verb, four words or more. */
  function reportsClauseAfter(k: number, end: number): boolean {
    if (end - k < 4) return false;
    if (/^(that|if|whether)$/.test(ph.lower(k))) return true;
    if (!/^(DET|PRON|PROPN|NOUN|ADJ|NUM)$/.test(ph.pos(k))) return false;
    for (let m = k + 1; m < Math.min(end, k + 12); m++) {
      if (/^[,;:.!?()—–]$/.test(ph.lower(m))) return false;
      if (/^(VERB|AUX)$/.test(ph.pos(m)) && quoteOf[m]! < 0) return true;
    }
    return false;
  }

  /** The cue's characters: the verb, with "according to", a particle ("pointed out") or a colon. */
  function cueSpan(c: number): Range2 {
    let end = c + 1;
    const l = lemma(c);
    if (l === 'accord' && end < n && ph.lower(end) === 'to') end++;
    else if ((l === 'point' || l === 'lay' || l === 'speak' || l === 'call') && end < n && /^(out|up|for|on)$/.test(ph.lower(end))) end++;
    return [tok.starts[c]!, tok.ends[end - 1]!];
  }

  // ---- "Name: what they said" at the start of a paragraph (headlines, transcripts).
  for (const para of paras) {
    const colon = text.indexOf(':', para.start);
    if (colon < 0 || colon >= para.end || colon - para.start > 60 || input.isIgnored(para.start, colon)) continue;
    const [a, b] = tok.tokensIn(para.start, colon + 1);
    // The speaker: up to eight words before the colon, with no lower-case verb among them (title case fools the tagger).
    const src: TokenRange | undefined = b - 1 > a && b - 1 - a <= 8 && ![...Array(b - 1 - a).keys()].some((d) => /^(VERB|AUX)$/.test(ph.pos(a + d)) && !/^[\p{Lu}-]/u.test(text.slice(tok.starts[a + d], tok.ends[a + d]))) ? { first: a, last: b - 1 } : undefined;
    if (!src || !/^[\p{Lu}]/u.test(text.slice(tok.starts[a]!, tok.ends[a]!))) continue;
    let end = para.end;
    const firstSentEnd = sentOf[b] !== undefined && sentOf[b]! >= 0 ? sentences[sentOf[b]!]!.end : para.end;
    end = Math.min(end, Math.max(firstSentEnd, colon + 2));
    while (end > colon + 1 && /[\s.]/.test(text[end - 1]!)) end--;
    let start = colon + 1;
    while (start < end && /\s/.test(text[start]!)) start++;
    if (end - start < 3 || quotes.some((q) => q.open === start)) continue;
    candidates.push({ kind: 'indirect', content: [start, end], cue: [colon, colon + 1], source: tokRange(src), sourceToks: src, cueTok: -1, rule: 'colon-line' });
  }

  // ---- Reported speech, sentence by sentence.
  const directQuoteIdx = new Set(candidates.map((c) => c.quote));
  for (let s = 0; s < sentences.length; s++) {
    const lo = sentFirst[s]!;
    const hi = sentLast[s]!;
    if (hi <= lo) continue;
    // The sentence end without its final punctuation (a closing mark after it is kept by the scorer).
    let endTok = hi;
    while (endTok > lo && (SENT_FINAL.test(ph.lower(endTok - 1)) || markTok[endTok - 1])) endTok--;
    for (let i = lo; i < hi; i++) {
      if (usedCue.has(i) || !usable(i)) continue;
      const q = quoteOf[i]!;
      if (q >= 0 && directQuoteIdx.has(q)) continue;
      const w = ph.lower(i);
      // "according to X, …" / "…, according to X."
      if (w === 'according' && i + 1 < hi && ph.lower(i + 1) === 'to') {
        const src = ph.npStartingAt(i + 2, hi, false);
        if (!src) continue;
        const cue: Range2 = [tok.starts[i]!, tok.ends[i + 1]!];
        const atStart = i === lo || (i - 1 >= lo && ph.pos(i - 1) === 'PUNCT' && i - 1 === lo);
        let content: Range2 | undefined;
        if (atStart) {
          let k = src.last;
          while (k < hi && ph.lower(k) === ',') k++;
          if (k < endTok) content = [tok.starts[k]!, tok.ends[endTok - 1]!];
        } else {
          let k = i - 1;
          while (k >= lo && (ph.lower(k) === ',' || ph.pos(k) === 'PUNCT')) k--;
          if (k >= lo) content = [tok.starts[lo]!, tok.ends[k]!];
          // "…, according to X, …" with more after: the rest belongs too.
        }
        if (content) candidates.push({ kind: 'indirect', content, cue, source: tokRange(src), sourceToks: src, cueTok: i, rule: atStart ? 'according-to-before' : 'according-to-after' });
        continue;
      }
      // "X's statement that …", "the statement by X that …"
      const p = ph.pos(i);
      if (p === 'NOUN' && lex.speechNouns.has(lemma(i)) && i + 1 < endTok && /^(that|:)$/.test(ph.lower(i + 1)) && i + 2 < endTok) {
        let src: TokenRange | undefined;
        let k = i - 1;
        while (k >= lo && (ph.pos(k) === 'ADJ' || ph.isTimeWord(k) || ph.pos(k) === 'PROPN' && ph.isTimeWord(k))) k--;
        if (k >= lo && POSSESSIVE.test(ph.lower(k))) src = ph.npEndingAt(k - 1, lo);
        else if (k >= lo && /^(his|her|their|its|our|my)$/.test(ph.lower(k))) src = { first: k, last: k + 1 };
        if (src) {
          candidates.push({ kind: 'indirect', content: [tok.starts[i + 2]!, tok.ends[endTok - 1]!], cue: [tok.starts[i]!, tok.ends[i + 1]!], source: tokRange(src), sourceToks: src, cueTok: i, rule: 'noun-statement-that' });
          continue;
        }
      }
      if (!isCueVerb(i)) continue;
      const l = lemma(i);
      const participle = /ing$/.test(ph.lower(i)) && i > lo && /^(,|and|but|—)$/.test(ph.lower(i - 1));
      let src = participle ? undefined : ph.subjectBefore(i, lo);
      let far = false;
      const issuing = issuer(src, i);
      if (issuing) {
        src = issuing;
        far = true;
      }
      // "Roe is expected to …", "Roe seems …", "Roe has been criticized for …": the subject is what is
      // said about, not who says it; the speaker goes unnamed.
      let impersonal = RAISING.has(l);
      if (!impersonal && ph.lower(i) !== l && !/ing$/.test(ph.lower(i))) {
        let b = i - 1;
        while (b > lo && ph.pos(b) === 'ADV') b--;
        impersonal = b >= lo && /^(be|get)$/.test(lemma(b)) && !(i + 1 < hi && ph.lower(i + 1) === 'by');
      }
      if (impersonal && src && !(i + 1 < hi && ph.lower(i + 1) === 'by')) {
        src = undefined;
        far = false;
      }
      // Post-posed: "…, X said (on Friday)." / "…, said X."
      const afterCue = i + 1;
      const inverted = !src;
      let post: Range2 | undefined;
      let postSrc = src;
      if (src && src.first > lo) {
        let k = src.first - 1;
        if (ph.lower(k) === ',' || markTok[k] || ph.lower(k) === '—') {
          while (k > lo && (ph.lower(k) === ',' || markTok[k] || ph.lower(k) === '—')) k--;
          const rest = endTok - afterCue;
          // "Noting …, Allen said he tends to …": a clause with its own subject follows, so the cue looks forward.
          const pronounClause = afterCue + 1 < endTok && /^(he|she|they|we|i|it)$/.test(ph.lower(afterCue)) && /^(VERB|AUX)$/.test(ph.pos(afterCue + 1));
          const hasClause = pronounClause || reportsClauseAfter(afterCue, endTok) || [...Array(Math.max(0, rest)).keys()].some((d) => CLAUSE_OPENERS.has(ph.lower(afterCue + d)) && ph.lower(afterCue + d) === 'that');
          if (k >= lo && rest <= 12 && !hasClause) post = [tok.starts[lo]!, tok.ends[k]!];
        }
      } else if (!src && i > lo && (ph.lower(i - 1) === ',' || markTok[i - 1]) && !/ing$/.test(ph.lower(i))) {
        const after = ph.npStartingAt(afterCue, hi);
        const tail = after ? after.last : hi;
        const endsThere = tail >= endTok || ph.lower(tail) === ',' || ph.pos(tail) === 'ADP' || ph.isTimeWord(tail);
        if (after && endsThere && endTok - after.last <= 8) {
          let k = i - 1;
          while (k > lo && (ph.lower(k) === ',' || markTok[k])) k--;
          if (k >= lo) {
            post = [tok.starts[lo]!, tok.ends[k]!];
            postSrc = after;
          }
        }
      }
      if (post && postSrc) {
        const inner = quoteOf[lo] >= 0 && directQuoteIdx.has(quoteOf[lo]!);
        if (!inner) candidates.push({ kind: 'indirect', content: post, cue: cueSpan(i), source: tokRange(postSrc), sourceToks: postSrc, cueTok: i, rule: inverted ? 'indirect-inverted-after' : 'indirect-cue-after' });
        continue;
      }
      if (!src) {
        // "…, adding that …", "… but said …": the sentence's subject speaks.
        let b = i - 1;
        while (b > lo && (/^(ADV|AUX)$/.test(ph.pos(b)) || ph.isTimeWord(b) || /^(not|n't|n’t)$/.test(ph.lower(b)))) b--;
        if (/ing$/.test(ph.lower(i)) || (b > lo && /^(and|but|,)$/.test(ph.lower(b)))) {
          src = sentenceSubject(s, i);
          far = !!src;
        }
      }
      // Content after the cue: skip a particle, an addressee ("told reporters"), adjuncts ("in a statement", "on Friday"), then "that" or ":".
      let k = afterCue;
      const cue = cueSpan(i);
      if (tok.ends[k - 1]! < cue[1]) k++;
      if (k < hi && ph.pos(k) === 'ADP' && /^(out|up|back|on)$/.test(ph.lower(k)) && !(k + 1 < hi && ph.pos(k + 1) === 'DET')) k++;
      if (TELL_LIKE.has(l)) {
        // "told reporters that …", "urged Congress to …" — but not "warned it would …" (there "it" is the clause's subject).
        const obj = ph.npStartingAt(k, hi);
        if (obj && obj.last < endTok && !/^(VERB|AUX)$/.test(ph.pos(obj.last))) k = obj.last;
      }
      // Passive: "… was first reported by MSNBC" — the content is the subject, the source follows "by".
      if (k < hi && ph.lower(k) === 'by') {
        let b = i - 1;
        while (b >= lo && ph.pos(b) === 'ADV') b--;
        if (b >= lo && ph.pos(b) === 'AUX' && /^(be|get)$/.test(lemma(b))) {
          const by = ph.npStartingAt(k + 1, hi);
          const subj = ph.subjectBefore(b + 1, lo);
          if (by && subj) {
            candidates.push({ kind: 'indirect', content: tokRange(subj), cue: [tok.starts[b]!, tok.ends[k]!], source: tokRange(by), sourceToks: by, cueTok: i, rule: 'indirect-passive' });
          }
        }
        continue;
      }
      // Light verbs: "expressed support for …".
      let cueEnd = cue[1];
      if (LIGHT_VERBS.has(l)) {
        let m = k;
        while (m < hi && (ph.pos(m) === 'ADJ' || ph.pos(m) === 'DET')) m++;
        if (m < hi && LIGHT_NOUNS.has(ph.lower(m)) && m + 1 < hi && /^(for|about|over|that|with|in|to|of|on)$/.test(ph.lower(m + 1))) {
          k = m + 2;
          cueEnd = tok.ends[m + 1]!;
        } else if (!lex.verbFamilies.has(l)) continue;
      }
      for (let guard = 0; guard < 4 && k < endTok; guard++) {
        const wk = ph.lower(k);
        if (wk === ',' && guard === 0) {
          k++;
          continue;
        }
        if (ph.isTimeWord(k) && !CLAUSE_OPENERS.has(wk)) {
          k++;
          continue;
        }
        if (ph.pos(k) === 'ADP' && wk !== 'that' && k + 1 < endTok) {
          // "in a statement", "on Twitter", "in an interview with CNN", "at a rally": skip the phrase when a clause follows.
          let m = k + 1;
          while (m < endTok && ph.lower(m) !== 'that' && (ph.npToken(m) || ph.pos(m) === 'ADP')) m++;
          if (m < endTok && (ph.lower(m) === 'that' || ph.lower(m) === ',' || ph.lower(m) === ':')) {
            k = m;
            continue;
          }
        }
        break;
      }
      let viaThat = false;
      while (k < endTok && /^(that|:|,)$/.test(ph.lower(k))) {
        viaThat ||= ph.lower(k) === 'that';
        k++;
      }
      if (k >= endTok) continue;
      let contentEnd = endTok;
      // Stop before a trailing ", according to …".
      for (let m = k + 1; m < endTok - 1; m++) {
        if (ph.lower(m) === ',' && ph.lower(m + 1) === 'according') {
          contentEnd = m;
          break;
        }
        // A second report coordinated after this one ("… and threatened …", "… but argues that …",
        // "…, claiming that …", "… before adding …"): the speaker's next cue ends this clause.
        if (m > k + 1 && quoteOf[m]! < 0 && !markTok[m] && isCueVerb(m) && ph.pos(m) !== 'NOUN' && ph.lower(m) !== lemma(m)) {
          let b = m - 1;
          while (b > k && ph.pos(b) === 'ADV' && quoteOf[b]! < 0) b--;
          // "… “expanded the party,” claiming …": the comma sits inside the marks; the clause ends with them.
          const closing = markTok[b] === 1 && b - 1 > k && ph.lower(b - 1) === ',' ? b : -1;
          if (closing >= 0) b--;
          const wb = ph.lower(b);
          const ing = /ing$/.test(ph.lower(m));
          if (b > k && (quoteOf[b]! < 0 || closing >= 0) && (/^(and|but)$/.test(wb) || (ing && /^(,|—|before|while|after)$/.test(wb)))) {
            let e = closing >= 0 ? closing + 1 : b;
            while (e > k + 1 && /^(,|—)$/.test(ph.lower(e - 1))) e--;
            contentEnd = e;
            break;
          }
        }
        // A quotation that ends its sentence inside the marks ("… has “treated me so well.” He touted …"):
        // the report ends with it, whatever the sentence splitter made of the rest.
        if (markTok[m] && m > k && /^[.!?]$/.test(ph.lower(m - 1)) && quoteOf[m - 1]! >= 0 && /^[\p{Lu}]/u.test(text.slice(tok.starts[m + 1], tok.ends[m + 1]))) {
          contentEnd = m + 1;
          break;
        }
      }
      // "Noting that …, Allen said …": an -ing cue opening the sentence; the main clause's subject speaks,
      // and the comma before it ends the words.
      if (!src && /ing$/.test(ph.lower(i)) && (i === lo || (i === lo + 1 && ph.pos(lo) === 'PUNCT'))) {
        for (let m = k + 1; m < contentEnd - 1; m++) {
          if (ph.lower(m) !== ',' || quoteOf[m]! >= 0) continue;
          const np = ph.npStartingAt(m + 1, endTok, false);
          if (np && np.last < endTok && /^(VERB|AUX)$/.test(ph.pos(np.last))) {
            contentEnd = m;
            src = np;
            far = true;
            break;
          }
        }
      }
      if (contentEnd - k < 1) continue;
      const content: Range2 = [tok.starts[k]!, tok.ends[contentEnd - 1]!];
      if (q >= 0 && quotes[q]!.end < content[1]) continue;
      candidates.push({
        kind: 'indirect',
        content,
        cue: [cue[0], cueEnd],
        ...(src ? { source: tokRange(src), sourceToks: src } : {}),
        cueTok: i,
        rule: viaThat ? 'indirect-that' : LIGHT_VERBS.has(l) ? 'indirect-light-verb' : 'indirect-forward',
        sourceFar: far,
      });
    }
  }

  // ---- Partial quotes inside reported speech take that report's cue and source; reported
  // speech that holds quoted words is "mixed".
  const nCand = candidates.length;
  for (let q = 0; q < quotes.length; q++) {
    if (directQuoteIdx.has(q)) continue;
    const qs = quotes[q]!;
    let best = -1;
    for (let c = 0; c < nCand; c++) {
      const cand = candidates[c]!;
      if (cand.kind !== 'indirect') continue;
      // The report that holds the quoted words: a cue before them, a speech verb rather than
      // another cue ("Merz said the EU should find a “balance”"), then the nearest.
      if (cand.content[0] <= qs.open && qs.start < cand.content[1]) {
        const key = (x: Candidate) => (x.cue[1] <= qs.open ? 2e9 : 0) + (x.cueTok >= 0 && lex.strongSpeech.has(lemma(x.cueTok)) ? 1e9 : 0) - Math.abs(qs.open - x.cue[1]);
        if (best < 0 || key(cand) > key(candidates[best]!)) best = c;
      }
    }
    if (best < 0) continue;
    const parent = candidates[best]!;
    parent.kind = 'mixed';
    candidates.push({ ...parent, kind: 'partial', content: [qs.start, qs.end], quote: q, rule: 'partial-in-report', parent: best });
  }

  // ---- Quotes no rule claimed. With a cue verb earlier in their sentence ("called the plan
  // “reckless”") they are that verb's report; otherwise they stand alone, spoken by the
  // previous direct quote's speaker when it is near (the scorer decides whether to keep them).
  const claimed = new Set<number>();
  for (const c of candidates) if (c.quote !== undefined) claimed.add(c.quote);
  let prevDirect = -1;
  const directByQuote = new Map<number, number>();
  for (let c = 0; c < candidates.length; c++) if (candidates[c]!.kind === 'direct' && candidates[c]!.quote !== undefined) directByQuote.set(candidates[c]!.quote!, c);
  for (let q = 0; q < quotes.length; q++) {
    const d = directByQuote.get(q);
    if (d !== undefined) prevDirect = d;
    if (claimed.has(q)) continue;
    const qs = quotes[q]!;
    const qa = tok.firstEndingAfter(qs.open);
    const s = qa < n ? sentOf[qa]! : -1;
    if (s < 0 || !usable(qa)) continue;
    const lo = sentFirst[s]!;
    let cue = -1;
    for (let c = qa - 1; c >= Math.max(lo, qa - 25); c--) {
      if (quoteOf[c]! >= 0 && directQuoteIdx.has(quoteOf[c]!)) break;
      if (quoteOf[c]! < 0 && !usedCue.has(c) && usable(c) && isQuoteCue(c)) {
        cue = c;
        break;
      }
    }
    if (cue >= 0) {
      let k = cue + 1;
      if (tok.ends[k - 1]! < cueSpan(cue)[1]) k++;
      while (k < qa && /^(that|:|,)$/.test(ph.lower(k))) k++;
      let src = /ing$/.test(ph.lower(cue)) ? undefined : ph.subjectBefore(cue, lo);
      const far = !src;
      if (!src) src = sentenceSubject(s, cue);
      // The clause goes on after the marks ("said its business “is broader” than ratings"): a short,
      // unpunctuated rest of the sentence belongs to it.
      let end = qs.end;
      if (!qs.unclosed) {
        const [ra, rb] = tok.tokensIn(qs.close, sentences[s]!.end);
        let e = rb;
        while (e > ra && (SENT_FINAL.test(ph.lower(e - 1)) || markTok[e - 1])) e--;
        let plain = e > ra && e - ra <= 10;
        for (let m = ra; plain && m < e; m++) if (ph.pos(m) === 'PUNCT' || markTok[m] || quoteOf[m]! >= 0) plain = ph.npToken(m);
        if (plain) end = tok.ends[e - 1]!;
      }
      candidates.push({
        kind: 'mixed',
        content: [tok.starts[k]!, end],
        cue: cueSpan(cue),
        ...(src ? { source: tokRange(src), sourceToks: src } : {}),
        cueTok: cue,
        rule: 'orphan-quote-cue',
        quote: q,
        sourceFar: far,
      });
      continue;
    }
    // Inside a sentence, the sentence's subject ("The senator likes “The Walking Dead”"); opening one, the subject of the verb after it.
    let firstWord = lo;
    while (firstWord < qa && (markTok[firstWord] || ph.pos(firstWord) === 'PUNCT')) firstWord++;
    if (firstWord < qa) {
      const src = sentenceSubject(s, qa);
      if (src) {
        // The subject's verb before the quote ("Clinton decried the party for “turning its back” on …"): the
        // clause after it holds the quoted words, and the scorer decides whether it is an attribution.
        let v = src.last;
        while (v < qa && /^(ADV|AUX|PART)$/.test(ph.pos(v))) v++;
        let e = sentLast[s]!;
        while (e > lo && (SENT_FINAL.test(ph.lower(e - 1)) || markTok[e - 1])) e--;
        if (v < qa && ph.pos(v) === 'VERB' && quoteOf[v]! < 0 && !usedCue.has(v) && v + 1 <= qa && tok.ends[e - 1]! > qs.start) {
          const idx = candidates.length;
          candidates.push({ kind: 'mixed', content: [tok.starts[v + 1]!, tok.ends[e - 1]!], cue: [tok.starts[v]!, tok.ends[v]!], source: tokRange(src), sourceToks: src, cueTok: v, rule: 'orphan-quote-clause', sourceFar: true });
          candidates.push({ kind: 'partial', content: [qs.start, qs.end], cue: [tok.starts[v]!, tok.ends[v]!], source: tokRange(src), sourceToks: src, cueTok: v, rule: 'partial-in-report', quote: q, parent: idx, sourceFar: true });
          usedCue.set(v, idx);
          continue;
        }
        candidates.push({ kind: 'direct', content: [qs.start, qs.end], cue: [qs.open, qs.open], source: tokRange(src), sourceToks: src, cueTok: -1, rule: 'orphan-quote-subject', quote: q, sourceFar: true });
        continue;
      }
    } else {
      const [, qb] = tok.tokensIn(qs.start, qs.close);
      const hi = sentLast[s]!;
      let v = qb;
      while (v < hi && !(quoteOf[v]! < 0 && /^(VERB|AUX)$/.test(ph.pos(v)))) v++;
      if (v < hi && v - qb <= 8 && !usedCue.has(v)) {
        const src = ph.subjectBefore(v, qb) ?? ph.npStartingAt(v + 1, hi);
        if (src) {
          candidates.push({ kind: 'direct', content: [qs.start, qs.end], cue: [tok.starts[v]!, tok.ends[v]!], source: tokRange(src), sourceToks: src, cueTok: v, rule: 'orphan-quote-verb-after', quote: q });
          usedCue.set(v, candidates.length - 1);
          continue;
        }
      }
    }
    const prev = prevDirect >= 0 ? candidates[prevDirect]! : undefined;
    const near = prev && prev.quote !== undefined && paraOf(qs.open) - paraOf(quotes[prev.quote]!.open) <= 1;
    // A report earlier in the same paragraph and after that quote ("Roe argues that … “The rules are clear.”"): its speaker goes on.
    const para = paraOf(qs.open);
    let report: Candidate | undefined;
    for (let c = 0; c < nCand; c++) {
      const x = candidates[c]!;
      if ((x.kind === 'indirect' || x.kind === 'mixed') && x.source && x.cueTok >= 0 && x.cue[1] <= qs.open && paraOf(x.cue[0]) === para && (!report || x.cue[0] > report.cue[0])) report = x;
    }
    if (report && near && prev.quote !== undefined && quotes[prev.quote]!.close > report.cue[0]) report = undefined;
    candidates.push({
      kind: 'direct',
      content: [qs.start, qs.end],
      cue: [qs.open, qs.open],
      ...(report ? { source: report.source! } : near && prev.source ? { source: prev.source } : {}),
      cueTok: -1,
      rule: report ? 'orphan-quote-after-report' : near ? 'orphan-quote-near' : 'orphan-quote',
      quote: q,
      sourceFar: true,
    });
  }
  trimTails(text, quotes, candidates);
  return { quotes, candidates, sentOf };
}

/** A clause after quoted words that is the writer's, not the report's: ", which …", "— a play on …", "and he …", "before …". */
const TAIL_BOUNDARY = /^\s*(?:[,;—–-]|\s[—–-]|\s(?:and|but|while|whereas|which|when|as|before|after|until|although|though|moments|hours|days)\b)/i;
const TAIL_MIN_WORDS = 5;
const wordCount = (x: string) => x.split(/\s+/).filter((w) => /\w/.test(w)).length;

/**
 * Reported speech that holds quoted words ends with the last of them when the sentence goes on in
 * a clause of the writer's ("Bush says he's “excited where we stand” as he faces a test …").
 */
function trimTails(text: string, quotes: readonly QuoteSpan[], candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.kind !== 'mixed') continue;
    let lastClose = -1;
    // The last quote that opens inside the content; one the content ends inside of leaves no tail.
    for (const q of quotes) if (q.open >= c.content[0] && q.open < c.content[1] && q.close > lastClose) lastClose = q.close;
    if (lastClose < 0 || lastClose >= c.content[1]) continue;
    const tail = text.slice(lastClose, c.content[1]);
    if (wordCount(tail) >= TAIL_MIN_WORDS && TAIL_BOUNDARY.test(tail)) {
      c.content = [c.content[0], lastClose];
      continue;
    }
    // Or a few words on, at a comma or a dash ("he was being “sarcastic” in his comments, which raised …").
    const m = /,\s|\s[—–-]\s/.exec(tail);
    if (m && wordCount(tail.slice(m.index)) >= TAIL_MIN_WORDS) c.content = [c.content[0], lastClose + m.index];
  }
}
