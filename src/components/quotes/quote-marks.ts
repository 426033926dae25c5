/**
 * Finding quoted stretches of text by their marks: straight and curly double quotes, single
 * quotes, « guillemets », and the `''…''` / ``` ``…'' ``` of some wire feeds. A quotation that
 * reaches the end of a paragraph without a closing mark goes on when the next paragraph opens
 * with a mark (the news convention for quotes over several paragraphs); otherwise it ends there.
 */

export interface QuoteSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset just after the closing mark (or the end of the last paragraph when it never closes). */
  readonly close: number;
  /** The quoted words, without the marks. */
  readonly start: number;
  readonly end: number;
  readonly double: boolean;
  /** True when the quotation runs over more than one paragraph. */
  readonly multiParagraph: boolean;
  /** True when no closing mark was found. */
  readonly unclosed: boolean;
}

interface Range {
  readonly start: number;
  readonly end: number;
}

const isLetterOrDigit = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrStart = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013/-]/.test(c);

type Mark = { at: number; len: number; kind: 'open' | 'close' | 'either'; double: boolean };

/** The quote marks of one paragraph, each classified as opening, closing, or either (straight `"`). */
function marksIn(text: string, from: number, to: number): Mark[] {
  const out: Mark[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    const prev = i > from ? text[i - 1] : undefined;
    const next = i + 1 < to ? text[i + 1] : undefined;
    switch (c) {
      case '“':
        // An opening mark typed where a closing one belongs ("… a fascist?“ he asked"): after a word or its punctuation, before a space.
        out.push({ at: i, len: 1, kind: prev !== undefined && /[\p{L}\p{N}.,!?]/u.test(prev) && (next === undefined || /\s/.test(next)) ? 'close' : 'open', double: true });
        break;
      case '„':
      case '«':
        out.push({ at: i, len: 1, kind: 'open', double: true });
        break;
      case '”':
      case '»':
        out.push({ at: i, len: 1, kind: 'close', double: true });
        break;
      case '"':
        // A mark between spaces closes (`… brain,' " said`): an opening mark is followed by its words.
        out.push({ at: i, len: 1, kind: isSpaceOrStart(prev) && !(prev !== undefined && (next === undefined || /\s/.test(next))) ? 'open' : !isLetterOrDigit(next) ? 'close' : 'either', double: true });
        break;
      case '`':
        if (next === '`') {
          out.push({ at: i, len: 2, kind: 'open', double: true });
          i++;
        }
        break;
      case "'":
      case '‘':
      case '’':
        if (next === c && (c === "'" || c === '’')) {
          // '' used as a double mark.
          out.push({ at: i, len: 2, kind: isSpaceOrStart(prev) ? 'open' : 'close', double: true });
          i++;
        } else if (c === '‘' || (c === "'" && isSpaceOrStart(prev) && isLetterOrDigit(next))) {
          if (isSpaceOrStart(prev) || prev === '“' || prev === '"') out.push({ at: i, len: 1, kind: 'open', double: false });
        } else if (isLetterOrDigit(prev) || /[.,!?]/.test(prev ?? '')) {
          // An apostrophe inside a word (Russia’s, don’t) is no mark.
          if (!isLetterOrDigit(next)) out.push({ at: i, len: 1, kind: 'close', double: false });
        }
        break;
      default:
    }
  }
  return out;
}

/**
 * Quoted stretches in `text`, paragraph by paragraph, skipping marks inside `skip` ranges
 * (boilerplate). Single quotes count only outside double ones (inside they are nested quotes).
 */
export function findQuoteSpans(text: string, paragraphs: readonly Range[], skip: (start: number, end: number) => boolean = () => false): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let pending: { open: number; start: number; firstPara: number } | undefined;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    if (skip(para.start, para.end)) {
      pending = undefined;
      continue;
    }
    const marks = marksIn(text, para.start, para.end).filter((m) => !skip(m.at, m.at + m.len));
    if (pending) {
      // A quotation left open: it goes on only if this paragraph starts with an opening mark.
      const first = marks[0];
      const startsOpen = first && first.at === para.start && first.double && first.kind !== 'close';
      if (!startsOpen) {
        const prev = paragraphs[p - 1]!;
        out.push({ open: pending.open, close: prev.end, start: pending.start, end: prev.end, double: true, multiParagraph: pending.firstPara < p - 1, unclosed: true });
        pending = undefined;
      } else {
        marks.shift();
      }
    }
    let singleOpen: Mark | undefined;
    for (const m of marks) {
      if (!m.double) {
        if (pending) continue;
        if (m.kind === 'open') singleOpen = m;
        else if (singleOpen) {
          out.push({ open: singleOpen.at, close: m.at + m.len, start: singleOpen.at + singleOpen.len, end: m.at, double: false, multiParagraph: false, unclosed: false });
          singleOpen = undefined;
        }
        continue;
      }
      if (pending) {
        if (m.kind === 'open' && text[m.at] !== '"') {
          // A new opening mark while one is open: the first was never closed; restart here.
          pending = { open: m.at, start: m.at + m.len, firstPara: p };
          continue;
        }
        out.push({ open: pending.open, close: m.at + m.len, start: pending.start, end: m.at, double: true, multiParagraph: pending.firstPara < p, unclosed: false });
        pending = undefined;
      } else if (m.kind !== 'close') {
        pending = { open: m.at, start: m.at + m.len, firstPara: p };
        singleOpen = undefined;
      }
    }
  }
  if (pending && paragraphs.length) {
    const last = paragraphs[paragraphs.length - 1]!;
    out.push({ open: pending.open, close: last.end, start: pending.start, end: last.end, double: true, multiParagraph: pending.firstPara < paragraphs.length - 1, unclosed: true });
  }
  return out.filter((q) => q.end > q.start && /[\p{L}\p{N}]/u.test(text.slice(q.start, q.end)));
}
