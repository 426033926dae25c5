/**
 * Dates as pages write them, turned into ISO 8601: machine forms (ISO, RFC 2822, epoch numbers) and
 * the common written forms in English and a few other languages ("March 3, 2024", "3 March 2024",
 * "3. März 2024", "2024/03/03", "03.03.2024"). A date-time keeps the offset the page wrote;
 * nothing is converted to UTC, so the date part is the page's own calendar date.
 */

const MONTH_NAMES: Record<string, number> = {};
const addMonths = (names: string[]) => names.forEach((n, i) => n.split('|').forEach((v) => (MONTH_NAMES[v] = i + 1)));
addMonths(['january|jan', 'february|feb', 'march|mar', 'april|apr', 'may', 'june|jun', 'july|jul', 'august|aug', 'september|sep|sept', 'october|oct', 'november|nov', 'december|dec']);
addMonths(['januar|jänner', 'februar', 'märz|maerz|mär', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober|okt', 'november', 'dezember|dez']);
addMonths(['janvier|janv', 'février|fevrier|févr|fevr', 'mars', 'avril|avr', 'mai', 'juin', 'juillet|juil', 'août|aout', 'septembre', 'octobre', 'novembre', 'décembre|decembre|déc']);
addMonths(['enero|ene', 'febrero', 'marzo', 'abril|abr', 'mayo', 'junio', 'julio', 'agosto|ago', 'septiembre|setiembre', 'octubre', 'noviembre', 'diciembre|dic']);
addMonths(['gennaio|gen', 'febbraio', 'marzo', 'aprile', 'maggio|mag', 'giugno|giu', 'luglio|lug', 'agosto', 'settembre|set', 'ottobre|ott', 'novembre', 'dicembre']);
addMonths(['janeiro', 'fevereiro|fev', 'março|marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro|out', 'novembro', 'dezembro']);
addMonths(['januari', 'februari', 'maart|mrt', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']);

const MONTH_RE = Object.keys(MONTH_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|');

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

function isoDate(y: number, m: number, d: number): string | undefined {
  return validDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

const ISO_RE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?/i;

/** A machine-readable date (ISO 8601, RFC 2822, or seconds/milliseconds since 1970) → ISO 8601. */
export function parseMachineDate(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  if (!s) return undefined;
  const m = ISO_RE.exec(s);
  if (m) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) return undefined;
    if (m[4] === undefined) return date;
    const hh = Number(m[4]);
    const mm = Number(m[5]);
    if (hh > 23 || mm > 59) return date;
    let tz = m[7] ?? '';
    if (/^(utc|gmt)$/i.test(tz)) tz = 'Z';
    else if (/^[+-]\d{4}$/.test(tz)) tz = `${tz.slice(0, 3)}:${tz.slice(3)}`;
    return `${date}T${pad(hh)}:${pad(mm)}:${m[6] ? pad(Number(m[6])) : '00'}${tz.toUpperCase()}`;
  }
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
  }
  // RFC 2822 and other forms with a written month.
  return parseWrittenDate(s);
}

const WRITTEN = [
  // March 3, 2024 / Mar. 3rd 2024 / March 03 2024
  new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
  // 3 March 2024 / 3rd of March, 2024 / 3. März 2024 / 3 de marzo de 2024 / 03-Mar-2024
  new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?(?:\\s+of|\\s+de)?[\\s-]+(${MONTH_RE})\\.?(?:,|\\s+de|\\s+del)?[\\s-]+(\\d{4})\\b`, 'i'),
];

/** A date written out in words or digits inside a longer string → ISO 8601 date (no time). */
export function parseWrittenDate(s: string, numericOrder: 'dmy' | 'mdy' = 'mdy'): string | undefined {
  const lower = s.toLowerCase();
  let m = WRITTEN[0]!.exec(lower);
  if (m) {
    const r = isoDate(Number(m[3]), MONTH_NAMES[m[1]!]!, Number(m[2]));
    if (r) return r;
  }
  m = WRITTEN[1]!.exec(lower);
  if (m) {
    const r = isoDate(Number(m[3]), MONTH_NAMES[m[2]!]!, Number(m[1]));
    if (r) return r;
  }
  m = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(lower);
  if (m) {
    const r = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (r) return r;
  }
  m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(lower);
  if (m) {
    const r = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (r) return r;
  }
  m = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/.exec(lower);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    // Dots are European day.month; slashes follow the page's language, or whichever reading is the only valid one.
    const dmy = m[2] === '.' || a > 12 || (numericOrder === 'dmy' && b <= 12);
    return dmy ? isoDate(y, b, a) : isoDate(y, a, b);
  }
  return undefined;
}

/** A date in a URL path (`/2024/03/03/`, `/2024-03-03-`, `/20240303/`). */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  let m = /\/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_-]|$)/.exec(path);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** Every written date in a string with where it starts, in order of position. */
export function findWrittenDates(s: string, numericOrder: 'dmy' | 'mdy' = 'mdy'): { index: number; end: number; iso: string }[] {
  const lower = s.toLowerCase();
  const out: { index: number; end: number; iso: string }[] = [];
  const res: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
    [new RegExp(WRITTEN[0]!.source, 'gi'), (m) => isoDate(Number(m[3]), MONTH_NAMES[m[1]!]!, Number(m[2]))],
    [new RegExp(WRITTEN[1]!.source, 'gi'), (m) => isoDate(Number(m[3]), MONTH_NAMES[m[2]!]!, Number(m[1]))],
    [/\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b/g, (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3]))],
    [
      /\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b/g,
      (m) => {
        const a = Number(m[1]);
        const b = Number(m[3]);
        const dmy = m[2] === '.' || a > 12 || (numericOrder === 'dmy' && b <= 12);
        return dmy ? isoDate(Number(m[4]), b, a) : isoDate(Number(m[4]), a, b);
      },
    ],
  ];
  for (const [re, conv] of res) {
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      const iso = conv(m);
      if (iso && !out.some((o) => m!.index < o.end && o.index < m!.index + m![0].length)) out.push({ index: m.index, end: m.index + m[0].length, iso });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
