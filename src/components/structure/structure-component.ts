import type { Doc } from '../../doc/doc.js';
import { isSpace, makeSpan, type Span } from '../../doc/span.js';
import { defineComponent } from '../../pipeline/component.js';
import { findNewsDates, type NewsDate } from './dates.js';
import { structureRules, type StructureRules } from './structure-rules.js';

/**
 * The `structure` component reads the layout of an article without rewriting its text: headline,
 * publication date, dateline, key points, section headings, byline, paragraphs, and boilerplate
 * (recorded as ignored ranges). Plain text and HTML-extracted text go through the same rules.
 *
 * The `paragraphs` layer holds the stretches where sentences are to be found: body paragraphs
 * (starting after a dateline such as `MOSCOW:`), each key point, each bullet of a list; never the
 * headline, a date line, a byline, a section heading or an ignored line.
 */

type LineKind = 'boiler' | 'kpHeading' | 'bullet' | 'date' | 'byline' | 'text';

interface Line {
  /** Trimmed bounds of the line's content. */
  readonly s: number;
  readonly e: number;
  kind: LineKind;
  /** For a bullet: where the text after the marker begins. */
  body: number;
  rule?: string;
  dates?: DatedLine[];
}

interface DatedLine {
  readonly date: NewsDate;
  readonly kind: 'published' | 'updated' | 'plain';
  /** Offset of the date in the Doc text. */
  readonly at: number;
}

interface Unit {
  kind: LineKind;
  lines: Line[];
}

const TERMINAL = /[.!?…:;,]["'”’»)\]]*$/u;
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;
const BULLET = /^(?:[•·▪▫◦‣●○■□►▸➤✓✔✗➢⁃∙*]|[-–—](?=\s)|\(?\d{1,2}[.)])\s*/u;
const BYLINE = /^(?:by|byline\s*:)\s+\p{Lu}/iu;
const MONTH_WORD = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const CAPS_WORD = "[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\\-]*";
const TITLE_WORD = "\\p{Lu}[\\p{Ll}'’\\-]+";
const REGION = `(?!${MONTH_WORD}\\b)\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+\\p{Lu}[\\p{L}.'’\\-]*){0,2}`;
const DATE_MD = `${MONTH_WORD}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`;
const AGENCY = "\\(\\s*[\\p{L}\\p{N} .&/'’\\-]{1,40}\\)";
/** A news agency in brackets, as title-case datelines carry it: `(Reuters)`, `(AP)`, `(CNN)`. */
const AGENCY_NAME = "\\(\\s*\\p{Lu}[\\p{L}& ]{1,30}\\)";
const SEP = '(?:\\s*(?:—|–|―|:)\\s*|\\s+--?\\s+|\\s*--\\s*)';
/** `MOSCOW:`, `WASHINGTON (Reuters) -`, `KYIV, Jan 16 (Reuters) —`, `DES MOINES, Iowa, Aug. 10 (UPI) —`. */
const DATELINE_CAPS = new RegExp(
  `^(${CAPS_WORD}(?:\\s+(?:${CAPS_WORD}|de|del|da|do|la|el|al|es|of)){0,3}?)(?:,\\s*(${REGION}))?(?:,?\\s*(${DATE_MD}))?\\s*(${AGENCY})?${SEP}`,
  'u',
);
/** Title-case places need a date or an agency to count: `Moscow, Jan 16 (Reuters) -`. */
const DATELINE_TITLE = new RegExp(
  `^(${TITLE_WORD}(?:\\s+${TITLE_WORD}){0,2})(?:,\\s*(${REGION}))?(?:,?\\s*(${DATE_MD})\\s*(${AGENCY_NAME})?|\\s*(${AGENCY_NAME}))${SEP}`,
  'u',
);

const CAPS_LABEL = /^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\- ]*:\s/;

export interface DatelineMatch {
  /** Offsets relative to the string searched. */
  readonly placeStart: number;
  readonly placeEnd: number;
  /** Where the body text begins after the dateline. */
  readonly bodyStart: number;
  readonly date?: NewsDate;
  /** Only a colon follows the place (`MOSCOW:`), the form most easily confused with a label. */
  readonly colonOnly: boolean;
}

/** The dateline at the start of `text`, if there is one. */
export function matchDateline(text: string, rules: StructureRules = structureRules()): DatelineMatch | undefined {
  const c0 = text.charCodeAt(0);
  if (!(c0 >= 65 && c0 <= 90) && !(c0 >= 0xc0 && c0 <= 0xde) && !/^\p{Lu}/u.test(text)) return undefined;
  let m = DATELINE_CAPS.exec(text);
  let dateGroup = 3;
  if (m) {
    const place = m[1]!;
    const letters = place.replace(/[^A-ZÀ-ÖØ-Þ]/g, '').length;
    if (letters < 2 || rules.notDatelines.has(place) || rules.notDatelines.has(place.replace(/[.:]+$/, ''))) m = null;
    // A single caps word with a bare colon is often a label ("NOTE:"); the rest of the line must read as text.
    else if (m[0].length >= text.length) m = null;
  }
  if (!m) {
    m = DATELINE_TITLE.exec(text);
    if (m && rules.notDatelines.has(m[1]!)) m = null;
    dateGroup = 3;
  }
  if (!m) return undefined;
  const placeEnd = m[2] ? m.index + m[0].indexOf(m[2]) + m[2].length : m[1]!.length;
  let end = placeEnd;
  while (end > 0 && /[,\s]/.test(text[end - 1]!)) end--;
  const dateText = m[dateGroup];
  let date: NewsDate | undefined;
  if (dateText) {
    const at = m[0].indexOf(dateText);
    const found = findNewsDates(dateText)[0];
    if (found) date = { ...found, start: found.start + at, end: found.end + at };
  }
  const colonOnly = !m[3] && !m[4] && !m[5] && /:\s*$/.test(m[0]);
  return { placeStart: 0, placeEnd: end, bodyStart: m[0].length, colonOnly, ...(date ? { date } : {}) };
}

function splitLines(text: string): { s: number; e: number }[] {
  const out: { s: number; e: number }[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029) continue;
    let s = start;
    let e = i;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    out.push({ s, e });
    if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return out;
}

function wordCount(t: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < t.length; i++) {
    const sp = isSpace(t.charCodeAt(i));
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

/** A row of share buttons: only share words, at least one naming a network or a share verb. */
function isShareRow(t: string, rules: StructureRules): boolean {
  const words = t.split(/\s+/);
  if (words.length > rules.maxShareLineWords) return false;
  let core = 0;
  let other = 0;
  for (let w of words) {
    w = w.toLowerCase().replace(/^[([{]+|[)\]}:,.!]+$/g, '');
    if (!w) continue;
    for (const p of rules.sharePrefixes) {
      if (w.startsWith(p) && w.length > p.length) {
        w = w.slice(p.length);
        break;
      }
    }
    if (rules.shareCore.has(w)) core++;
    else if (!rules.shareWords.has(w)) other++;
  }
  // Only share words with one network or verb among them, or a short row naming two networks.
  return core > 0 && (other === 0 || (core >= 2 && other <= core && words.length <= 8));
}

function boilerRule(t: string, rules: StructureRules): string | undefined {
  if (t.length > rules.maxLineChars) return undefined;
  if (isShareRow(t, rules)) return 'share-buttons';
  if (!rules.anyLine.test(t)) return undefined;
  for (const l of rules.lines) if (l.re.test(t)) return l.rule;
  return undefined;
}

function keyPointHeading(t: string, rules: StructureRules): boolean {
  if (t.length > 40) return false;
  const k = t.replace(/^[#*_\s]+|[#*_:：.\s]+$/g, '').toLowerCase().replace(/\s+/g, ' ');
  return rules.keyPointHeadings.has(k);
}

function prefixKind(before: string, rules: StructureRules): 'published' | 'updated' | 'plain' {
  const b = before.toLowerCase();
  for (const p of rules.updatedPrefixes) if (b.includes(p)) return 'updated';
  for (const p of rules.publishedPrefixes) if (b.includes(p)) return 'published';
  return 'plain';
}

/** Removes prefix words and separators; what is left of a date line must be nothing. */
function residueEmpty(rest: string, rules: StructureRules): boolean {
  let r = ` ${rest.toLowerCase().replace(/[|:•·,;()[\]\-–—/]+/g, ' ')} `;
  for (const p of [...rules.updatedPrefixes, ...rules.publishedPrefixes]) r = r.split(` ${p} `).join(' ');
  r = r.replace(/\s(?:on|at|as of|the|this|article|story|was|is|time|date)(?=\s)/g, ' ');
  return r.trim() === '';
}

/** Dates on a line that is only a date (with its prefix words and time), or a byline with a date. */
function datedLine(t: string, offset: number, rules: StructureRules): { dates: DatedLine[]; byline: boolean } | undefined {
  if (t.length > 160) return undefined;
  const found = findNewsDates(t);
  if (!found.length) return undefined;
  let rest = '';
  let last = 0;
  const dates: DatedLine[] = [];
  for (const d of found) {
    const before = t.slice(last, d.start);
    rest += before;
    dates.push({ date: d, kind: prefixKind(before, rules), at: offset + d.start });
    last = d.end;
  }
  rest += t.slice(last);
  if (residueEmpty(rest, rules)) return { dates, byline: false };
  if (BYLINE.test(t)) return { dates, byline: true };
  return undefined;
}

function classify(text: string, s: number, e: number, rules: StructureRules): Line {
  const t = text.slice(s, e);
  const line: Line = { s, e, kind: 'text', body: s };
  const rule = boilerRule(t, rules);
  if (rule) {
    line.kind = 'boiler';
    line.rule = rule;
    return line;
  }
  if (keyPointHeading(t, rules)) {
    line.kind = 'kpHeading';
    return line;
  }
  const b = BULLET.exec(t);
  if (b && b[0].length < t.length) {
    line.kind = 'bullet';
    line.body = s + b[0].length;
    return line;
  }
  const c = t.charCodeAt(t.length - 1);
  if (t.length <= 160 && c !== 46 && c !== 63 && c !== 33) {
    const dl = datedLine(t, s, rules);
    if (dl) {
      line.kind = dl.byline ? 'byline' : 'date';
      line.dates = dl.dates;
      return line;
    }
  }
  if (t.length <= 150 && BYLINE.test(t) && wordCount(t) <= 14 && !SENTENCE_END.test(t.replace(/\b\p{Lu}\.$/u, ''))) {
    line.kind = 'byline';
  }
  return line;
}

/** The end of a bullet's marker, without the space after it. */
function markerEnd(text: string, l: Line): number {
  let e = l.body;
  while (e > l.s && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

function lineText(text: string, l: Line): string {
  return text.slice(l.s, l.e);
}

/** Consecutive lines into units; special lines stand alone; text lines without a blank line between them form a block. */
function group(text: string, lines: (Line | undefined)[]): Unit[] {
  const units: Unit[] = [];
  // Blank lines before the first or after the last content line (a final newline) do not count.
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && !lines[first]) first++;
  while (last >= first && !lines[last]) last--;
  let anyBlank = false;
  for (let i = first; i <= last && !anyBlank; i++) anyBlank = !lines[i];
  const textLines = lines.filter((l) => l && l.kind === 'text').length;
  const perLine = !anyBlank && textLines > 1;
  let cur: Unit | undefined;
  for (const l of lines) {
    if (!l) {
      cur = undefined;
      continue;
    }
    if (l.kind === 'text') {
      if (cur && cur.kind === 'text' && !perLine) cur.lines.push(l);
      else if (cur && cur.kind === 'bullet' && !SENTENCE_END.test(lineText(text, cur.lines[cur.lines.length - 1]!))) cur.lines.push(l);
      else {
        cur = { kind: 'text', lines: [l] };
        units.push(cur);
      }
      continue;
    }
    const u: Unit = { kind: l.kind, lines: [l] };
    units.push(u);
    cur = l.kind === 'bullet' ? u : undefined;
  }
  // A block whose lines (all but the last) each end a sentence is one paragraph per line.
  const out: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    // Lines under a key-point heading stay together: each is one point.
    const afterHeading = i > 0 && units[i - 1]!.kind === 'kpHeading';
    if (u.kind === 'text' && !afterHeading && u.lines.length > 1 && u.lines.slice(0, -1).every((l) => SENTENCE_END.test(lineText(text, l)))) {
      for (const l of u.lines) out.push({ kind: 'text', lines: [l] });
    } else out.push(u);
  }
  return out;
}

function normTitle(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’“”"'`«»]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

const TITLE_SEPARATOR = /^\s*(?:[-|–—:·•»]|::)/;

/**
 * How the first line of the text stands to the reader's title: the headline span (as
 * `[start, end)` within the line), or undefined where the text does not begin with the title.
 */
function titleSpan(line: string, title: string): [number, number] | undefined {
  const a = normTitle(line);
  const b = normTitle(title);
  if (!a || !b) return undefined;
  if (a === b) return [0, line.length];
  // "Title | Site": the reader's title carries a suffix the text does not.
  if (a.length >= 8 && b.startsWith(a) && TITLE_SEPARATOR.test(b.slice(a.length))) return [0, line.length];
  // "Title :: View in browser": the line carries a suffix; the headline is its beginning.
  if (b.length >= 8 && a.startsWith(b)) {
    const n = title.trim().length;
    if (line.slice(0, n).toLowerCase() === title.trim().toLowerCase() && TITLE_SEPARATOR.test(line.slice(n))) return [0, n];
  }
  return undefined;
}

function looksLikeHeadline(t: string, rules: StructureRules): boolean {
  if (t.length > 250 || wordCount(t) > 30) return false;
  if (/[:,]$/.test(t)) return false;
  const d = matchDateline(t, rules);
  if (d && !d.colonOnly) return false;
  return /\p{L}/u.test(t);
}

function looksLikeSection(t: string): boolean {
  const words = wordCount(t);
  if (t.length > 120 || words > 14) return false;
  // Table rows and price lines are not headings.
  const numbers = t.match(/\d+(?:[.,:]\d+)*/g)?.length ?? 0;
  if (numbers > 2 || numbers / words > 0.34 || /[$€£¥₩]\s?\d/.test(t)) return false;
  if (TERMINAL.test(t)) return false;
  if (/["“”«»]$|’$/.test(t)) return false;
  return /^[\p{Lu}\p{N}]/u.test(t) && /\p{L}/u.test(t);
}

/** A line of running text: it ends a sentence, or it is long. */
function isProse(t: string): boolean {
  return SENTENCE_END.test(t) || wordCount(t) >= 12;
}

function authorsOf(t: string): string[] {
  const body = t
    .replace(/^by\s+/i, '')
    .replace(/\s*[|•·].*$/, '')
    .replace(/\s*\b(?:for|in)\s+.*$/i, '');
  return body
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((x) => x.trim())
    .filter((x) => /^\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}$/u.test(x) && wordCount(x) >= 2);
}

/** Fills `doc.meta` (headline, published, dateline, key points, sections, ignored, authors) and the `paragraphs` layer. */
export function structureDoc(doc: Doc, rules: StructureRules = structureRules()): void {
  const text = doc.text;
  const preIgnored = doc.ignoredRanges();
  let pi = 0;
  // Lines come in order, so one pointer walks the reader's (sorted, merged) ignored ranges.
  const covered = (s: number, e: number) => {
    while (pi < preIgnored.length && preIgnored[pi]!.end < e) pi++;
    return pi < preIgnored.length && preIgnored[pi]!.start <= s && e <= preIgnored[pi]!.end;
  };
  const lines: (Line | undefined)[] = splitLines(text).map(({ s, e }) => (s === e || covered(s, e) ? undefined : classify(text, s, e, rules)));
  const units = group(text, lines);

  const meta = doc.meta;
  const paragraphs: Span[] = [];
  const keyPoints: Span[] = [];
  const sections: Span[] = [];
  const dates: { d: DatedLine; header: boolean }[] = [];
  const bodyUnits: Span[][] = [];
  let seenBody = false;
  let headlineDone = false;
  const hintTitle = meta.hints.title?.trim();

  const addBody = (s: number, e: number) => {
    if (e > s) paragraphs.push(makeSpan(text, s, e));
  };
  const prevContent = (i: number): Unit | undefined => {
    for (let j = i - 1; j >= 0; j--) if (units[j]!.kind !== 'boiler') return units[j];
    return undefined;
  };
  const nextContent = (i: number): Unit | undefined => {
    for (let j = i + 1; j < units.length; j++) if (units[j]!.kind !== 'boiler') return units[j];
    return undefined;
  };

  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const first = u.lines[0]!;
    const last = u.lines[u.lines.length - 1]!;
    switch (u.kind) {
      case 'boiler':
        doc.addIgnored(first.s, first.e);
        break;
      case 'date':
      case 'byline':
        for (const d of first.dates ?? []) dates.push({ d, header: !seenBody });
        if (u.kind === 'byline' && !meta.authors.length) meta.authors.push(...authorsOf(lineText(text, first)));
        break;
      case 'kpHeading': {
        const next = nextContent(i);
        const isList = next && (next.kind === 'bullet' || (next.kind === 'text' && next.lines.length > 1));
        if (!isList) {
          u.kind = 'text';
          i--;
          continue;
        }
        doc.addIgnored(first.s, first.e);
        let j = i + 1;
        let firstContent = true;
        for (; j < units.length; j++) {
          const k = units[j]!;
          if (k.kind === 'boiler') {
            doc.addIgnored(k.lines[0]!.s, k.lines[0]!.e);
            continue;
          }
          if (k.kind === 'bullet') {
            firstContent = false;
            const l = k.lines[0]!;
            doc.addIgnored(l.s, markerEnd(text, l));
            const end = k.lines[k.lines.length - 1]!.e;
            keyPoints.push(makeSpan(text, l.body, end));
            addBody(l.body, end);
            continue;
          }
          if (k.kind === 'text' && firstContent) {
            firstContent = false;
            for (const l of k.lines) {
              keyPoints.push(makeSpan(text, l.s, l.e));
              addBody(l.s, l.e);
            }
            continue;
          }
          break;
        }
        i = j - 1;
        break;
      }
      case 'bullet': {
        // A list item outside a key-point block: the paragraph starts after its marker, which is
        // left as it is (not boilerplate, only not part of the sentence).
        addBody(first.body, last.e);
        seenBody = true;
        headlineDone = true;
        break;
      }
      case 'text': {
        let from = 0;
        if (!headlineDone && !seenBody) {
          headlineDone = true;
          const t = lineText(text, first);
          if (hintTitle) {
            const ts = titleSpan(t, hintTitle);
            if (ts) {
              meta.headline = makeSpan(text, first.s + ts[0], first.s + ts[1]);
              from = 1;
            } else meta.headline = { text: hintTitle };
          } else if (looksLikeHeadline(t, rules) && (u.lines.length > 1 || nextContent(i))) {
            meta.headline = makeSpan(text, first.s, first.e);
            from = 1;
          }
        } else if (seenBody && u.lines.length === 1 && looksLikeSection(lineText(text, first))) {
          // A heading stands between prose: prose (or a list) before it, prose after it. Runs of
          // short lines (lists, table rows, recipe steps) are not headings.
          const next = nextContent(i);
          const prev = prevContent(i);
          const prose = (x: Unit | undefined) => !!x && x.kind === 'text' && isProse(lineText(text, x.lines[x.lines.length - 1]!));
          if (prose(next) && (prev?.kind === 'bullet' || prev?.kind === 'kpHeading' || prose(prev))) {
            sections.push(makeSpan(text, first.s, first.e));
            bodyUnits.push([]); // a heading closes the run where a dateline may stand
            break;
          }
        }
        if (from < u.lines.length) {
          const s = u.lines[from]!.s;
          addBody(s, last.e);
          bodyUnits.push([paragraphs[paragraphs.length - 1]!]);
          seenBody = true;
        }
        break;
      }
    }
  }

  // Dateline: at the start of one of the first two body paragraphs, before any section heading.
  let datelineDate: NewsDate | undefined;
  for (let k = 0; k < Math.min(2, bodyUnits.length); k++) {
    const p = bodyUnits[k]![0];
    if (!p) break;
    const m = matchDateline(p.text, rules);
    if (!m) continue;
    // "SIEGEL:" opening several paragraphs is a transcript's speaker label, not a place.
    if (m.colonOnly && paragraphs.some((q) => q !== p && CAPS_LABEL.test(q.text))) continue;
    meta.dateline = makeSpan(text, p.start + m.placeStart, p.start + m.placeEnd);
    const idx = paragraphs.indexOf(p);
    if (idx >= 0) {
      let bs = p.start + m.bodyStart;
      while (bs < p.end && isSpace(text.charCodeAt(bs))) bs++;
      if (bs < p.end) paragraphs[idx] = makeSpan(text, bs, p.end);
      else paragraphs.splice(idx, 1);
    }
    if (m.date) datelineDate = { ...m.date, start: m.date.start + p.start, end: m.date.end + p.start };
    break;
  }

  if (!meta.headline && hintTitle) meta.headline = { text: hintTitle };
  choosePublished(doc, dates, datelineDate);
  paragraphs.sort((a, b) => a.start - b.start);
  meta.keyPoints.push(...keyPoints);
  meta.sections.push(...sections);
  doc.set('paragraphs', paragraphs);
}

/** Text dates win over the reader's hint, except an "Updated" date alone; equal days keep the hint's time. */
function choosePublished(doc: Doc, dates: { d: DatedLine; header: boolean }[], datelineDate: NewsDate | undefined): void {
  const meta = doc.meta;
  const hint = meta.hints.published;
  // A date line once the body has begun is weak evidence: it yields to the reader's date.
  const usable = hint ? dates.filter((x) => x.header) : dates;
  const pick = usable.find((x) => x.d.kind === 'published') ?? usable.find((x) => x.d.kind === 'plain' && x.header);
  let chosen: { iso: string; start: number; end: number } | undefined;
  if (pick) chosen = { iso: pick.d.date.iso, start: pick.d.at, end: pick.d.at + pick.d.date.end - pick.d.date.start };
  else if (datelineDate && /\d{4}/.test(doc.text.slice(datelineDate.start, datelineDate.end))) chosen = datelineDate;
  else if (!hint) {
    const upd = usable.find((x) => x.d.kind === 'updated');
    if (upd) chosen = { iso: upd.d.date.iso, start: upd.d.at, end: upd.d.at + upd.d.date.end - upd.d.date.start };
  }
  if (chosen) {
    meta.publishedSpan = makeSpan(doc.text, chosen.start, chosen.end);
    meta.published = hint && hint.slice(0, 10) === chosen.iso.slice(0, 10) && hint.length > chosen.iso.length ? hint : chosen.iso;
  } else if (hint && !meta.published) meta.published = hint;
}

export const structureComponent = defineComponent(
  {
    name: 'structure',
    version: '0.2.0',
    requires: ['text'],
    assigns: [
      'paragraphs',
      'meta.headline',
      'meta.published',
      'meta.publishedSpan',
      'meta.dateline',
      'meta.keyPoints',
      'meta.sections',
      'meta.ignored',
      'meta.authors',
    ],
  },
  (doc) => structureDoc(doc),
);
