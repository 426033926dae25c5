import type { El } from './html-clean.js';

/**
 * The article's title from what a page offers: the headline element (`h1`) and the declared
 * titles (JSON-LD `headline`, `og:title`, `twitter:title`, `<title>`). The headline element wins
 * unless it is plainly not the headline (it shares almost no words with any declared title, it is a
 * paragraph or a domain name) or plainly carries more than the headline (a date or a kicker in a
 * child element); a declared title gives an all-capitals or garbled (`?` for lost characters)
 * headline its written form. Declared titles lose the site name at either end (learned from
 * `og:site_name`, the host and domain-like parts) and a ` | ` tail; without a usable `h1`, the
 * declared titles vote. UTF-8 mis-read as Windows-1252 upstream is repaired in every candidate.
 */

export interface TitleSources {
  readonly ld?: string;
  readonly og?: string;
  readonly twitter?: string;
  /** Other title meta tags (`title`, `dc.title`, `parsely-title`, …). */
  readonly meta?: string;
  readonly doc?: string;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Entities left in text that was escaped twice (`&amp;#x26;` shows as `&#x26;`). */
export function decodeLeftEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 read as Latin-1 or Windows-1252 somewhere upstream ("Investorâ\u0080\u0099s" for "Investor’s"),
 * put back. Only runs that hold a C1 control character are touched: real text never has one.
 */
export function repairMojibake(s: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u009f]/.test(s)) return s;
  return s.replace(/[\u00c2-\u00f4][\u0080-\u00bf]{1,3}/g, (run) => {
    if (!/[\u0080-\u009f]/.test(run)) return run;
    try {
      const out = utf8.decode(Uint8Array.from(run, (c) => c.charCodeAt(0)));
      return [...out].length === 1 ? out : run;
    } catch {
      return run;
    }
  });
}

/** Letters and digits only: two spellings of one title (case, punctuation, spacing) share it. */
const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const wordsOf = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const SEPARATOR = /\s+[|–—:·•»~-]\s+|\s+::\s+|\s+-{2}\s+/g;
const DOMAIN = /^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,6}$/iu;

/** True when a part of a title names the site: its `og:site_name`, its host, or a domain name. */
function isSitePart(part: string, site: string | undefined, host: string | undefined, atEnd: boolean): boolean {
  const n = key(part);
  if (!n) return false;
  if (DOMAIN.test(part.trim())) return true;
  const s = site ? key(site) : '';
  // "Site Blog" at the end is the site; "Site #18 – …" at the start is a newsletter's issue title.
  if (s && (n === s || (n.length >= 3 && s.includes(n)) || (atEnd && n.includes(s)))) return true;
  const h = host ? key(host.replace(/^www\./, '').replace(/\.[a-z]+$/i, '')) : '';
  return !!h && h.length >= 3 && (n === h || (n.length >= 3 && h.includes(n)) || (atEnd && n.includes(h)));
}

/** The parts of a title between separators, as `[start, end)` offsets. */
function segments(title: string): [number, number][] {
  const out: [number, number][] = [];
  let last = 0;
  for (const m of title.matchAll(SEPARATOR)) {
    out.push([last, m.index!]);
    last = m.index! + m[0].length;
  }
  out.push([last, title.length]);
  return out;
}

/** A title without what follows a ` | ` (a section, a tagline, a site), when at least three words come before it. */
function beforeBar(title: string): string {
  const i = title.indexOf(' | ');
  return i > 0 && title.slice(0, i).trim().split(/\s+/).length >= 3 ? title.slice(0, i).trim() : title;
}

/** Strips the site name from either end of a title ("Headline | Site", "Site - Headline", "Headline – Site - Site"). */
export function stripSiteName(title: string, site?: string, host?: string): string {
  // "example.com Headline": the site's own domain name run into the title without a separator.
  const bare = host?.replace(/^www\./i, '').toLowerCase();
  if (bare && title.toLowerCase().startsWith(`${bare} `) && title.length > bare.length + 1) title = title.slice(bare.length + 1).trim();
  const segs = segments(title);
  let a = 0;
  let b = segs.length - 1;
  while (b > a && isSitePart(title.slice(segs[b]![0], segs[b]![1]), site, host, true)) b--;
  while (a < b && isSitePart(title.slice(segs[a]![0], segs[a]![1]), site, host, false)) a++;
  return title.slice(segs[a]![0], segs[b]![1]).trim();
}

interface Variant {
  readonly text: string;
  /** 0 for the title without its site name, 1 for a shorter cut at a separator. */
  readonly cost: number;
}

/** A declared title without its site name, then its shorter cuts at separators (prefixes and suffixes). */
function variants(title: string, site: string | undefined, host: string | undefined): Variant[] {
  const main = stripSiteName(title, site, host);
  const out: Variant[] = [{ text: beforeBar(main), cost: 0 }];
  const segs = segments(main);
  for (let j = 0; j < segs.length - 1; j++) out.push({ text: main.slice(0, segs[j]![1]).trim(), cost: 1 });
  for (let j = 1; j < segs.length; j++) out.push({ text: main.slice(segs[j]![0]).trim(), cost: 1 });
  return out.filter((v) => v.text);
}

function overlap(a: string, b: string): number {
  const A = new Set(a.split(' ').filter(Boolean));
  const B = new Set(b.split(' ').filter(Boolean));
  if (!A.size || !B.size) return 0;
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return n / Math.max(A.size, B.size);
}

const NOT_HEADLINE = /logo|brand|site-?(?:title|name|header|branding)|widget|(?<![a-z])sidebar|footer|masthead|navbar|menu|modal|popup|newsletter|related|comment/i;
/** Class or id of the box that holds the article's own title (`entry-title`, `post-header`, `article-heading`, `title-block`). */
const ARTICLE_BOX = /(?:article|post|entry|page|blog|story)[-_]*(?:title|heading|header|headline)|title[-_]+(?:block|wrap|area|container)/i;
/** Boxes that list other pages' titles, whatever else they are called (a page builder calls every box a "widget"). */
const LISTS_OTHERS = /related|comment|menu|navbar|modal|popup|newsletter|teaser|card/i;

function furnitureAncestor(el: El): boolean {
  let cur: El | null = el;
  for (let d = 0; cur && d < 8; d++, cur = cur.parentNode) {
    if (cur.nodeType !== 1) break;
    const tag = cur.tagName;
    if (tag === 'BODY' || tag === 'MAIN' || tag === 'ARTICLE') return false;
    if (tag === 'NAV' || tag === 'FOOTER' || tag === 'ASIDE') return true;
    const names = `${typeof cur.className === 'string' ? cur.className : ''} ${cur.id ?? ''}`;
    if (ARTICLE_BOX.test(names) && !LISTS_OTHERS.test(names)) return false;
    if (NOT_HEADLINE.test(names)) return true;
  }
  return false;
}

const INLINE = new Set(['A', 'SPAN', 'STRONG', 'B', 'EM', 'I', 'U', 'SMALL', 'SUP', 'SUB', 'MARK', 'ABBR', 'CITE', 'Q', 'FONT', 'S']);

/** An element's text with a space wherever a block element or a line break separates words. */
export function elementText(el: El): string {
  let out = '';
  const visit = (n: El) => {
    if (n.nodeType === 3) {
      out += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    const spaced = !INLINE.has(name);
    if (spaced) out += ' ';
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) visit(kids[i]!);
    if (spaced) out += ' ';
  };
  visit(el);
  return clean(out);
}

/** More words than this make an element a paragraph, not a headline. */
const MAX_HEADLINE_WORDS = 30;

/**
 * The element that shows the article's headline: among the page's `h1`s (then elements classed as
 * headlines) that are not a logo, a site name or a widget title, the one that agrees best with the
 * declared titles, or else the first.
 */
export function pickHeadline(document: El, declared: readonly string[], site: string | undefined, host: string | undefined): El | undefined {
  const siteN = site ? wordsOf(site) : '';
  const hostN = host ? host.replace(/^www\./, '').split('.')[0]!.toLowerCase() : '';
  const decl = declared.map(wordsOf).filter(Boolean);
  const pick = (els: ArrayLike<El>): El | undefined => {
    let best: El | undefined;
    let bestScore = -1;
    for (let i = 0; i < els.length && i < 12; i++) {
      const el = els[i]!;
      const t = clean(el.textContent ?? '');
      const w = wordsOf(t);
      // A paragraph or a bare domain name in an h1 is not the headline.
      if (!w || t.length > 300 || w.split(' ').length > MAX_HEADLINE_WORDS || DOMAIN.test(t)) continue;
      if ((siteN && (w === siteN || (siteN.includes(w) && w.length > 3))) || (hostN && w.replace(/ /g, '') === hostN)) continue;
      if (furnitureAncestor(el)) continue;
      const score = decl.length ? Math.max(...decl.map((d) => (d === w ? 1.01 : overlap(d, w)))) : 0;
      if (score > bestScore + 0.2 || (!best && score >= bestScore)) {
        best = el;
        bestScore = score;
      }
    }
    return best;
  };
  return (
    pick(document.querySelectorAll('h1')) ??
    pick(document.querySelectorAll('[itemprop="headline"], [class*="headline" i], [class*="entry-title" i], [class*="post-title" i], [class*="article-title" i], [class*="page-title" i]'))
  );
}

/** Under this share of common words with every declared title, a headline element is taken for something else (a section, a pull quote, a blog's name). */
const MIN_AGREEMENT = 0.2;

const allCaps = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);

/** Share of common words with which a declared title gives an all-capitals headline its spelling. */
const CAPS_AGREEMENT = 0.6;

/**
 * True when `h` is `full` with characters lost to "?" or U+FFFD (an encoding accident upstream):
 * "Planning? Beginner? Guide" for "Planning: Beginner's Guide".
 */
function lostCharacters(h: string, full: string): boolean {
  const parts = h.split(/[?\ufffd]/);
  if (parts.length < 3 && !h.includes('\ufffd')) return false;
  const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Each lost character stands for one or two others (or is itself); the rest must be the same.
  return new RegExp(`^${parts.map(escape).join('(?:[^\\s?]{1,2}|[?\\ufffd])')}$`, 'iu').test(full);
}

/** A part of the headline element (a child element or text node) that is one of the declared titles, when the element holds more than that. */
function declaredPart(el: El, keys: ReadonlySet<string>, whole: string): string | undefined {
  let found: string | undefined;
  const check = (t: string) => {
    const kk = key(t);
    if (kk && kk !== whole && keys.has(kk) && wordsOf(t).split(' ').length >= 2) found = t;
  };
  const visit = (n: El, depth: number) => {
    if (found || depth > 4) return;
    const kids = n.childNodes;
    // Adjacent text nodes (an entity splits them) count as one part.
    let run = '';
    for (let i = 0; i < kids.length && !found; i++) {
      const k = kids[i]!;
      if (k.nodeType === 3) {
        run += k.textContent ?? '';
        continue;
      }
      if (run.trim()) check(clean(run));
      run = '';
      if (k.nodeType !== 1 || found) continue;
      check(elementText(k));
      if (!found) visit(k, depth + 1);
    }
    if (!found && run.trim()) check(clean(run));
  };
  visit(el, 0);
  return found;
}

/** The article title from the headline element and the declared titles (see the module comment). */
export function chooseTitle(headEl: El | undefined, sources: TitleSources, site: string | undefined, host: string | undefined): string | undefined {
  const declared: Variant[][] = [];
  const add = (t: string | undefined) => {
    const d = t ? repairMojibake(clean(decodeLeftEntities(t))) : '';
    if (d) declared.push(variants(d, site, host));
  };
  add(sources.ld);
  add(sources.og);
  if (sources.twitter !== sources.og) add(sources.twitter);
  if (!sources.og) add(sources.meta);
  add(sources.doc);
  const mains = declared.map((v) => v[0]!.text);
  const mainKeys = new Set(mains.map(key));

  if (headEl) {
    const raw = repairMojibake(clean(decodeLeftEntities(elementText(headEl))));
    let h = raw ? beforeBar(stripSiteName(raw, site, host)) : '';
    if (h && mains.length) {
      const hk = key(h);
      const part = mainKeys.has(hk) ? undefined : declaredPart(headEl, mainKeys, hk);
      if (part) return mains.find((m) => key(m) === key(part));
      const same = mains.find((m) => key(m) === hk);
      if (same) return allCaps(h) && !allCaps(same) ? same : h;
      const garbled = mains.find((m) => lostCharacters(h, m));
      if (garbled) return garbled;
      const hw = wordsOf(h);
      // Capitals are how the page shows its headline; a declared title that words it (nearly) alike is how it is written.
      if (allCaps(h)) {
        const written = mains.find((m) => !allCaps(m) && overlap(wordsOf(m), hw) >= CAPS_AGREEMENT);
        if (written) return written;
      }
      if (Math.max(...mains.map((m) => overlap(wordsOf(m), hw))) < MIN_AGREEMENT) h = '';
    }
    if (h) return h;
  }
  // The declared titles vote: a cut supported by several sources beats one source's full title.
  let best: { text: string; score: number; rank: number } | undefined;
  const table = new Map<string, { text: string; sources: number; cost: number; rank: number }>();
  declared.forEach((vs, rank) => {
    const seen = new Set<string>();
    for (const v of vs) {
      const k = key(v.text);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      const e = table.get(k);
      if (e) {
        e.sources++;
        e.cost += v.cost;
      } else table.set(k, { text: v.text, sources: 1, cost: v.cost, rank });
    }
  });
  for (const e of table.values()) {
    const score = e.sources - (0.5 * e.cost) / e.sources;
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && e.rank < best.rank)) best = { text: e.text, score, rank: e.rank };
  }
  return best?.text;
}
