/**
 * Finds date expressions in news text and resolves them against the publication date: "on Friday",
 * "last month", "earlier this month", "in December", "this week", "since 2022", "Jan. 15, 2020", "three days ago".
 * News reports the past, so a bare weekday or month means the latest one on or before the publication date.
 * Values are ISO 8601: a day (`2026-01-16`), a month (`2025-12`), a year (`2022`) or an interval (`2026-01-12/2026-01-16`).
 */
export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: string;
  readonly granularity: 'day' | 'week' | 'month' | 'year';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const ym = (y: number, m: number) => `${y}-${pad(m + 1)}`;

function addDays(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));
}

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(w);
  if (i >= 0) return i;
  const j = MONTH_ABBR.indexOf(w.slice(0, 3));
  return w.length <= 4 || w === 'sept' ? j : -1;
}

/** The reference date (UTC midnight) from an ISO publication date, or undefined. */
export function referenceDate(published: string | undefined): Date | undefined {
  if (!published) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

/** Words before a month that make it a date ("in Jan.", "last Dec"), lower case or capitalised. */
const MONTH_MODIFIERS = ['in', 'since', 'by', 'until', 'from', 'early', 'late', 'mid', 'last', 'next', 'this']
  .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
  .join('|');

/** A capitalised word next (not a month, weekday or the start of a new sentence): the month word is part of a name. */
const NAME_NEXT = new RegExp(`^\\s+(?!${MONTH_RE}|${WEEKDAY_RE})\\p{Lu}[\\p{Ll}'’.-]`, 'u');

interface Rule {
  readonly re: RegExp;
  readonly resolve: (m: RegExpExecArray, ref: Date | undefined) => { value: string; granularity: DateMention['granularity'] } | undefined;
}

const RULES: readonly Rule[] = [
  {
    // 16 January 2026, January 16, 2026, Jan. 16 2026, January 16
    re: new RegExp(`\\b(?:(\\d{1,2})\\s+(${MONTH_RE})|(${MONTH_RE})\\s+(\\d{1,2})(?!\\d))(?:,?\\s+((?:19|20)\\d{2}))?\\b`, 'g'),
    resolve: (m, ref) => {
      const mi = monthIndex((m[2] ?? m[3])!);
      const day = Number(m[1] ?? m[4]);
      if (mi < 0 || day < 1 || day > 31) return undefined;
      let year = m[5] ? Number(m[5]) : ref?.getUTCFullYear();
      if (year === undefined) return undefined;
      if (!m[5] && ref && Date.UTC(year, mi, day) > ref.getTime() + 7 * 864e5) year--;
      return { value: `${ym(year, mi)}-${pad(day)}`, granularity: 'day' };
    },
  },
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => ({ value: `${m[1]}-${m[2]}-${m[3]}`, granularity: 'day' }),
  },
  {
    re: /\b(earlier|later|late|early)?\s*(this|last|next|past)\s+(week|month|year|weekend)\b/gi,
    resolve: (m, ref) => {
      if (!ref) return undefined;
      const which = m[2]!.toLowerCase();
      const unit = m[3]!.toLowerCase();
      const shift = which === 'last' || which === 'past' ? -1 : which === 'next' ? 1 : 0;
      if (unit === 'year') return { value: String(ref.getUTCFullYear() + shift), granularity: 'year' };
      if (unit === 'month') {
        const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift, 1));
        return { value: ym(d.getUTCFullYear(), d.getUTCMonth()), granularity: 'month' };
      }
      // Weeks run Monday to Sunday; "this week" ends at the publication date.
      const monday = addDays(ref, -((ref.getUTCDay() + 6) % 7) + 7 * shift);
      if (unit === 'weekend') return { value: `${ymd(addDays(monday, 5))}/${ymd(addDays(monday, 6))}`, granularity: 'week' };
      const end = shift === 0 ? ref : addDays(monday, 6);
      return { value: `${ymd(monday)}/${ymd(end)}`, granularity: 'week' };
    },
  },
  {
    re: /\b(yesterday|today|tonight|tomorrow)\b/gi,
    resolve: (m, ref) => {
      if (!ref) return undefined;
      const w = m[1]!.toLowerCase();
      return { value: ymd(addDays(ref, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0)), granularity: 'day' };
    },
  },
  {
    re: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(day|week|month|year)s?\s+ago\b/gi,
    resolve: (m, ref) => {
      if (!ref) return undefined;
      const n = NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]);
      const unit = m[2]!.toLowerCase();
      if (unit === 'day') return { value: ymd(addDays(ref, -n)), granularity: 'day' };
      if (unit === 'week') return { value: ymd(addDays(ref, -7 * n)), granularity: 'week' };
      if (unit === 'month') {
        const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - n, 1));
        return { value: ym(d.getUTCFullYear(), d.getUTCMonth()), granularity: 'month' };
      }
      return { value: String(ref.getUTCFullYear() - n), granularity: 'year' };
    },
  },
  {
    re: new RegExp(`\\b(next|this coming|last)?\\s*(${WEEKDAY_RE})\\b`, 'g'),
    resolve: (m, ref) => {
      if (!ref) return undefined;
      const wd = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const mod = (m[1] ?? '').toLowerCase();
      const back = (ref.getUTCDay() - wd + 7) % 7;
      if (mod === 'next' || mod === 'this coming') return { value: ymd(addDays(ref, (wd - ref.getUTCDay() + 7) % 7 || 7)), granularity: 'day' };
      return { value: ymd(addDays(ref, mod === 'last' && back === 0 ? -7 : -back)), granularity: 'day' };
    },
  },
  {
    // in December, December 2025, since March, December statement ("May" only with a year or after in/since/…)
    re: new RegExp(`\\b(${MONTH_MODIFIERS})?\\s*(${MONTH_RE})(?:\\s+((?:19|20)\\d{2}))?\\b`, 'g'),
    resolve: (m, ref) => {
      const word = m[2]!;
      if (/^may$/i.test(word) && !m[1] && !m[3]) return undefined;
      if (word !== word[0]!.toUpperCase() + word.slice(1)) return undefined;
      // "President Jan Nowak", "said April Ryan": a month word before a capitalised name is a first name.
      if (!m[3] && NAME_NEXT.test(m.input.slice(m.index + m[0].length))) {
        if (!m[1] || !MONTHS.includes(word.toLowerCase())) return undefined;
      }
      // An abbreviation ("Jan", "Dec.") is a month only with a day, a year, or a word such as "in" or "last" before it.
      if (!MONTHS.includes(word.replace(/\.$/, '').toLowerCase()) && !m[1] && !m[3]) return undefined;
      const mi = monthIndex(word);
      if (mi < 0) return undefined;
      if (m[3]) return { value: ym(Number(m[3]), mi), granularity: 'month' };
      if (!ref) return undefined;
      const mod = (m[1] ?? '').toLowerCase();
      let year = ref.getUTCFullYear();
      if (mod === 'next') year += mi <= ref.getUTCMonth() ? 1 : 0;
      else if (mi > ref.getUTCMonth() || (mod === 'last' && mi === ref.getUTCMonth())) year--;
      return { value: ym(year, mi), granularity: 'month' };
    },
  },
  {
    re: /\b(in|since|by|until|from|of|early|late|mid-?)?\s*((?:19|20)\d{2})(?![\d-])\b/gi,
    resolve: (m) => ({ value: m[2]!, granularity: 'year' }),
  },
];

const DATE_HINT = /\d|day|week|month|year|ago|tonight|tomorrow|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/i;

/** Date expressions in `text[from, to)` (offsets into `text`), earlier rules winning overlaps. */
export function findDates(text: string, published: string | undefined, from = 0, to = text.length): DateMention[] {
  const slice = text.slice(from, to);
  // Every rule needs a digit or one of these words: most sentences are done with one test.
  if (!DATE_HINT.test(slice)) return [];
  const ref = referenceDate(published);
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(slice); m; m = rule.re.exec(slice)) {
      // Leading white space of an empty modifier group is not part of the expression.
      const lead = m[0].length - m[0].trimStart().length;
      const s = from + m.index + lead;
      const e = from + m.index + m[0].length;
      if (taken.some(([a, b]) => s < b && a < e)) continue;
      const r = rule.resolve(m, ref);
      if (!r) continue;
      taken.push([s, e]);
      out.push({ start: s, end: e, text: text.slice(s, e), value: r.value, granularity: r.granularity });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The date expression of a sentence that most likely dates an event at `at`: the nearest one, before or after. */
export function nearestDate(dates: readonly DateMention[], at: number, from: number, to: number): DateMention | undefined {
  let best: DateMention | undefined;
  let bestD = Infinity;
  for (const d of dates) {
    if (d.start < from || d.end > to) continue;
    const dist = d.end <= at ? at - d.end : Math.max(0, d.start - at) * 1.2;
    if (dist < bestD) {
      bestD = dist;
      best = d;
    }
  }
  return best;
}
