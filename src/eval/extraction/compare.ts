/**
 * How a predicted title, author or date counts as right against WCXB's `ground_truth`.
 *
 * - Title: equal after Unicode NFKC, lower case, every quote mark made `'` or `"`, every dash
 *   (hyphen, en/em dash, minus) made `-`, white space collapsed and the ends trimmed. Nothing is
 *   dropped: a title with the site name appended (`Title | Site`) is wrong.
 * - Author: the first name the gold lists equals one of ours. A name is compared after the same
 *   normalisation plus: a leading "By", letters' accents kept, dots and commas removed. The
 *   first name of a list is the part before the first `,`, ` and `, `&`, `;`, `|` or `/`, so
 *   "Dylan Bailey, MS, RD" and "Dylan Bailey and Ann Lee" both match "Dylan Bailey".
 * - Date: the date part (`YYYY-MM-DD`, or `YYYY-MM` where the gold has only a month) of our ISO
 *   string equals the gold's, taken as written (no time-zone conversion).
 */

function baseNorm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalizeTitle(s: string): string {
  return baseNorm(s);
}

export function titleMatches(gold: string, pred: string | undefined): boolean {
  return pred !== undefined && normalizeTitle(gold) === normalizeTitle(pred);
}

export function normalizeName(s: string): string {
  return baseNorm(s)
    .replace(/^by\s+/, '')
    .replace(/[.,]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first person a byline string names: the part before the first `,`, ` and `, `&`, `;`, `|` or `/`. */
export function firstName(s: string): string {
  return normalizeName(s.split(/\s+and\s+|[,;|/&]/i)[0] ?? '');
}

export function authorMatches(gold: string, preds: readonly string[]): boolean {
  const g = firstName(gold);
  if (!g) return false;
  return preds.some((p) => firstName(p) === g || normalizeName(p) === g);
}

export function datePart(iso: string | undefined, len: number): string | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4}-\d{2}(?:-\d{2})?)/.exec(iso);
  return m ? m[1]!.slice(0, len) : undefined;
}

export function dateMatches(gold: string, pred: string | undefined): boolean {
  const len = /^\d{4}-\d{2}-\d{2}/.test(gold) ? 10 : 7;
  return datePart(pred, len) === gold.slice(0, len);
}
