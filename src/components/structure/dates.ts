/**
 * Publication dates as news pages write them: `Fri Jan 16 2026`, `16 January 2026`,
 * `2026-01-16T09:30Z`, `Jan. 16, 2026`, `January 16, 2026 9:30 AM ET`, `16/01/2026` (only where
 * the day cannot be the month), `16.01.2026`. Pure string work: no reference date, no relative dates.
 */

/** A calendar date (and maybe a time) found in a string, with where it was read. */
export interface NewsDate {
  /** ISO 8601: `2026-01-16`, or `2026-01-16T09:30:00` (no zone given), `…Z`, `…-05:00`. */
  readonly iso: string;
  /** Offsets into the string that was searched: `[start, end)` covers the date and its time. */
  readonly start: number;
  readonly end: number;
  readonly hasTime: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\\.?,?\\s+)';
const ORD = '(?:st|nd|rd|th)?';

/** Fixed UTC offsets (minutes) of zone abbreviations; the US ones without a letter for the season follow US daylight time. */
const ZONES: Record<string, number | 'US-E' | 'US-C' | 'US-M' | 'US-P'> = {
  Z: 0, UTC: 0, GMT: 0, UT: 0, WET: 0,
  BST: 60, CET: 60, WAT: 60, CEST: 120, EET: 120, SAST: 120, CAT: 120, EEST: 180, MSK: 180, EAT: 180, AST: 180,
  GST: 240, PKT: 300, IST: 330, ICT: 420, WIB: 420, HKT: 480, SGT: 480, AWST: 480, PHT: 480,
  JST: 540, KST: 540, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  ET: 'US-E', CT: 'US-C', MT: 'US-M', PT: 'US-P',
};
const US_STANDARD = { 'US-E': -300, 'US-C': -360, 'US-M': -420, 'US-P': -480 } as const;
const ZONE = `(${Object.keys(ZONES).sort((a, b) => b.length - a.length).join('|')}|[+-]\\d{2}:?\\d{2})`;

const TIME = `(\\d{1,2})(?:[:.](\\d{2}))?(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?(?:\\s*\\(?${ZONE}\\b\\)?)?`;
/** Between a date and a following time: `, `, ` at `, ` - `, ` | `, ` • `. */
const JOIN = '(?:\\s*(?:,|\\bat\\b|-|–|—|\\||/|•|·)?\\s*)';

const ISO_RE = /(\d{4})[-/](\d{2})[-/](\d{2})(?:(?:T|\s+)(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?/y;
const MDY_RE = new RegExp(`${WEEKDAY}?${MONTH}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b`, 'iy');
const DMY_RE = new RegExp(`${WEEKDAY}?(\\d{1,2})${ORD}(?:\\s+of)?[\\s-]+${MONTH},?[\\s-]+(\\d{4})\\b`, 'iy');
const NUM_RE = /(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/y;
const TIME_AFTER_RE = new RegExp(`${JOIN}${TIME}`, 'iy');
const TIME_BEFORE_RE = new RegExp(`${TIME}\\s*(?:,|\\bon\\b|\\||-|–|—|•|·)?\\s*$`, 'i');

/** Where a date can begin: a digit or a letter that starts a word. */
function mayStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
  const prevWordy = (prev >= 48 && prev <= 57) || (prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122);
  if (prevWordy) return false;
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Day of month of the n-th Sunday (n ≥ 1) of a month. */
function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + 7 * (n - 1);
}

/** US daylight time: from the second Sunday of March to the first Sunday of November. */
function usDaylight(y: number, m: number, d: number): boolean {
  if (m < 3 || m > 11) return false;
  if (m > 3 && m < 11) return true;
  return m === 3 ? d >= nthSunday(y, 3, 2) : d < nthSunday(y, 11, 1);
}

function offsetOf(zone: string | undefined, y: number, m: number, d: number): number | undefined {
  if (!zone) return undefined;
  const z = zone.toUpperCase();
  if (/^[+-]\d/.test(z)) {
    const sign = z[0] === '-' ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const v = ZONES[z];
  if (v === undefined) return undefined;
  if (typeof v === 'number') return v;
  return US_STANDARD[v] + (usDaylight(y, m, d) ? 60 : 0);
}

function formatOffset(min: number): string {
  if (min === 0) return 'Z';
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

interface TimeParts {
  h: number;
  mi: number;
  s: number;
  zone: string | undefined;
}

/** Reads the groups of TIME (hour, minute, second, am/pm, zone) starting at `g`. */
function timeFrom(m: RegExpExecArray, g: number): TimeParts | undefined {
  let h = Number(m[g]);
  const minute = m[g + 1];
  const ampm = m[g + 3];
  const zone = m[g + 4];
  if (minute === undefined && !ampm) return undefined; // a bare number is not a time
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    const pm = ampm[0]!.toLowerCase() === 'p';
    h = (h % 12) + (pm ? 12 : 0);
  } else if (h > 23) return undefined;
  const mi = minute === undefined ? 0 : Number(minute);
  const s = m[g + 2] === undefined ? 0 : Number(m[g + 2]);
  if (mi > 59 || s > 59) return undefined;
  return { h, mi, s, zone };
}

function iso(y: number, mo: number, d: number, t: TimeParts | undefined): string {
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (!t) return date;
  const off = offsetOf(t.zone, y, mo, d);
  return `${date}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}${off === undefined ? '' : formatOffset(off)}`;
}

interface RawDate {
  y: number;
  mo: number;
  d: number;
  start: number;
  end: number;
  time?: TimeParts;
}

/** The date that starts exactly at `i`, if any. */
function dateAt(text: string, i: number): RawDate | undefined {
  ISO_RE.lastIndex = i;
  let m = ISO_RE.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (valid(y, mo, d)) {
      const out: RawDate = { y, mo, d, start: i, end: i + m[0].length };
      if (m[4] !== undefined) {
        const h = Number(m[4]);
        const mi = Number(m[5]);
        const s = m[6] === undefined ? 0 : Number(m[6]);
        if (h <= 23 && mi <= 59 && s <= 59) out.time = { h, mi, s, zone: m[7] };
        else out.end = i + 10;
      }
      return out;
    }
  }
  MDY_RE.lastIndex = i;
  m = MDY_RE.exec(text);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()]!;
    const d = Number(m[2]);
    const y = Number(m[3]);
    if (valid(y, mo, d)) return { y, mo, d, start: i, end: i + m[0].length };
  }
  DMY_RE.lastIndex = i;
  m = DMY_RE.exec(text);
  if (m) {
    const d = Number(m[1]);
    const mo = MONTHS[m[2]!.toLowerCase()]!;
    const y = Number(m[3]);
    if (valid(y, mo, d)) return { y, mo, d, start: i, end: i + m[0].length };
  }
  NUM_RE.lastIndex = i;
  m = NUM_RE.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    // `16.01.2026` is day first everywhere it is written; with `/` or `-` only a part over 12 decides.
    let d: number | undefined;
    let mo: number | undefined;
    if (m[2] === '.' || a > 12) [d, mo] = [a, b];
    else if (b > 12) [d, mo] = [b, a];
    else if (a === b) [d, mo] = [a, b];
    if (d !== undefined && mo !== undefined && valid(y, mo, d)) return { y, mo, d, start: i, end: i + m[0].length };
  }
  return undefined;
}

/** Extends a date with a time written right after it, or right before it. */
function withTime(text: string, r: RawDate): RawDate {
  if (r.time) return r;
  TIME_AFTER_RE.lastIndex = r.end;
  const after = TIME_AFTER_RE.exec(text);
  if (after) {
    const t = timeFrom(after, 1);
    if (t) return { ...r, end: r.end + after[0].length, time: t };
  }
  const head = text.slice(Math.max(0, r.start - 40), r.start);
  const before = TIME_BEFORE_RE.exec(head);
  if (before) {
    const t = timeFrom(before, 1);
    if (t) return { ...r, start: r.start - head.length + before.index, time: t };
  }
  return r;
}

function finish(text: string, r: RawDate): NewsDate {
  const full = withTime(text, r);
  let end = full.end;
  while (end > full.start && /\s/.test(text[end - 1]!)) end--;
  return { iso: iso(full.y, full.mo, full.d, full.time), start: full.start, end, hasTime: !!full.time };
}

const YEAR_RE = /(?:19|20)\d\d/;

/** Every date in `text`, left to right, not overlapping. */
export function findNewsDates(text: string): NewsDate[] {
  const out: NewsDate[] = [];
  if (!YEAR_RE.test(text)) return out;
  for (let i = 0; i < text.length; i++) {
    if (!mayStart(text, i)) continue;
    const r = dateAt(text, i);
    if (!r) continue;
    const d = finish(text, r);
    out.push(d);
    i = d.end - 1;
  }
  return out;
}

/** The first date in `text` (e.g. a date line, a meta tag value, "Updated: …"), or `undefined`. */
export function parseNewsDate(text: string): NewsDate | undefined {
  if (!YEAR_RE.test(text)) return undefined;
  for (let i = 0; i < text.length; i++) {
    if (!mayStart(text, i)) continue;
    const r = dateAt(text, i);
    if (r) return finish(text, r);
  }
  return undefined;
}
