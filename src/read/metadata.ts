import type { El } from './html-clean.js';
import { chooseTitle, pickHeadline, stripSiteName } from './page-title.js';
import { dateFromUrl, findWrittenDates, parseMachineDate, parseWrittenDate } from './metadata-dates.js';

/** What a page says about its article, read from the page before any cleaning. */
export interface PageMetadata {
  readonly title?: string;
  /** ISO 8601 date or date-time. */
  readonly published?: string;
  /** Where the date came from (`jsonld`, `meta`, `time`, `text`, `url`), for diagnostics. */
  readonly publishedFrom?: string;
  readonly authors: readonly string[];
  readonly outlet?: string;
  readonly language?: string;
  readonly url?: string;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|Review|Recipe|HowTo|Posting|OpinionNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|ReportageNewsArticle|NewsArticle|TechArticle|ScholarlyArticle|Blog|Article)$/;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#039;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function types(o: Json): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Every object in the page's JSON-LD, flattened out of arrays, `@graph` and `mainEntity`. */
export function jsonLdObjects(document: El): Json[] {
  const out: Json[] = [];
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  const walk = (v: unknown, depth: number) => {
    if (depth > 6 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Json;
    out.push(o);
    if (o['@graph']) walk(o['@graph'], depth + 1);
    if (o.mainEntity && typeof o.mainEntity === 'object') walk(o.mainEntity, depth + 1);
    if (o.mainEntityOfPage && typeof o.mainEntityOfPage === 'object') walk(o.mainEntityOfPage, depth + 1);
  };
  for (let i = 0; i < scripts.length; i++) {
    const raw = (scripts[i]!.textContent ?? '').trim();
    if (!raw) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      try {
        // Control characters inside strings and trailing commas are the usual faults.
        parsed = JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
      } catch {
        continue;
      }
    }
    walk(parsed, 0);
  }
  return out;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return clean(decodeEntities(v)) || undefined;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Json;
    return str(o['@value']) ?? str(o.name);
  }
  return undefined;
}

function namesOf(v: unknown, byId: Map<string, Json>, depth = 0): string[] {
  if (depth > 3 || v === undefined || v === null) return [];
  if (typeof v === 'string') return [clean(decodeEntities(v))];
  if (Array.isArray(v)) return v.flatMap((x) => namesOf(x, byId, depth + 1));
  if (typeof v === 'object') {
    const o = v as Json;
    if (typeof o.name === 'string' || Array.isArray(o.name)) return namesOf(o.name, byId, depth + 1);
    const id = typeof o['@id'] === 'string' ? o['@id'] : undefined;
    const ref = id ? byId.get(id) : undefined;
    if (ref && ref !== o) return namesOf(ref, byId, depth + 1);
  }
  return [];
}

/** Each document's meta tags by lower-cased key (`property`, `name`, `itemprop` or `http-equiv`), first non-empty value of each. */
const metaCache = new WeakMap<El, Map<string, string>>();

function metaTags(document: El): Map<string, string> {
  let map = metaCache.get(document);
  if (map) return map;
  map = new Map();
  const metas = document.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    if (!key || map.has(key)) continue;
    const v = m.getAttribute('content');
    if (v && v.trim()) map.set(key, v);
  }
  metaCache.set(document, map);
  return map;
}

/** The value of the first of `keys` (in order of preference) that the page's meta tags carry. */
function metaContent(document: El, keys: readonly string[]): string | undefined {
  const map = metaTags(document);
  for (const k of keys) {
    const v = map.get(k.toLowerCase());
    if (v !== undefined) return clean(decodeEntities(v));
  }
  return undefined;
}

const looksLikeUrl = (s: string) => /^(?:https?:)?\/\//i.test(s) || /^www\./i.test(s);

/** Cleans a byline into a name: drops "By", dates, roles after a dash, and e-mail addresses. */
export function cleanAuthor(raw: string): string | undefined {
  let s = clean(decodeEntities(raw));
  s = s.replace(/^(?:written |posted |reviewed |story |words )?(?:by|von|par|por|di|door|av|af)\s*:?\s+/i, '');
  s = s.replace(/\S+@\S+\.\S+/g, '');
  s = s.replace(/\s+(?:on|am|le|el|il|op)\s+\S*\d.*$/i, '');
  const dated = parseWrittenDate(s);
  if (dated) s = s.replace(/\b(?:updated|published|posted)\b.*$/i, '').replace(/[,|·•-]?\s*(?:\w+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\.?\s+\d{4}).*$/i, '');
  s = s.replace(/\s*[|·•]\s*$/, '').replace(/^[\s,|·•-]+|[\s,|·•-]+$/g, '');
  s = clean(s);
  if (!s || s.length > 80 || looksLikeUrl(s) || !/\p{L}/u.test(s)) return undefined;
  if (s.split(/\s+/).length > 10) return undefined;
  return s;
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const c = cleanAuthor(n);
    if (!c) continue;
    const k = c.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

interface PageText {
  readonly text: string;
  readonly times: readonly { at: number; iso: string }[];
  readonly headStart: number;
  readonly headEnd: number;
}

const TEXT_SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'SELECT', 'OPTION', 'IFRAME']);
const MAX_PAGE_TEXT = 400_000;

/** The page's visible text in document order, each element set off by a space, with `<time>` values and where the headline sits. */
function pageText(root: El, head: El | undefined): PageText {
  let text = '';
  const times: { at: number; iso: string }[] = [];
  let headStart = -1;
  let headEnd = -1;
  const visit = (n: El) => {
    if (text.length > MAX_PAGE_TEXT) return;
    if (n.nodeType === 3) {
      text += (n.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (n.nodeType !== 1 || TEXT_SKIP.has(n.nodeName.toUpperCase())) return;
    if (n === head) headStart = text.length;
    if (n.nodeName.toUpperCase() === 'TIME') {
      const iso = parseMachineDate(n.getAttribute('datetime'));
      if (iso) times.push({ at: text.length, iso });
    }
    text += ' ';
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) visit(kids[i]!);
    text += ' ';
    if (n === head) headEnd = text.length;
  };
  visit(root);
  return { text, times, headStart, headEnd };
}

/** The date shown with the headline: the first one in the text after it (within a few lines), else the nearest one just before it. */
function dateNearHeadline(pt: PageText, numericOrder: 'dmy' | 'mdy'): string | undefined {
  if (pt.headStart < 0) return undefined;
  const AFTER = 700;
  const BEFORE = 300;
  const from = Math.max(0, pt.headStart - BEFORE);
  const window = pt.text.slice(from, Math.min(pt.text.length, pt.headEnd + AFTER));
  const found = findWrittenDates(window, numericOrder).map((d) => ({ at: d.index + from, iso: d.iso }));
  for (const t of pt.times) if (t.at >= from && t.at <= pt.headEnd + AFTER) found.push(t);
  const after = found.filter((d) => d.at >= pt.headStart).sort((a, b) => a.at - b.at);
  if (after.length) return after[0]!.iso;
  const before = found.filter((d) => d.at < pt.headStart).sort((a, b) => b.at - a.at);
  return before[0]?.iso;
}

const BYLINE_NAME = /(?:^|[\s|·•(])(?:[Ww]ritten [Bb]y|[Pp]osted [Bb]y|[Bb]y|BY|[Aa]uthor:?|[Vv]on|[Pp]ar|[Pp]or)\s+((?:Dr\.? )?\p{Lu}[\p{L}'’-]*\.?(?: (?:\p{Lu}[\p{L}'’-]*\.?|van|de|der|von|da|del|la|le|di|bin|al)){0,4})/u;

/** A "By Name" byline shown with the headline (the name's words separated by single spaces: element boundaries end it). */
function bylineNearHeadline(pt: PageText): string | undefined {
  if (pt.headStart < 0) return undefined;
  const window = pt.text.slice(Math.max(0, pt.headStart - 300), Math.min(pt.text.length, pt.headEnd + 500));
  const m = BYLINE_NAME.exec(window);
  return m ? m[1]!.replace(/\s+/g, ' ').trim() : undefined;
}

/** Dates in visible text near the headline or byline: "Published March 3, 2024", "3 March 2024 · 5 min read". */
function visibleDate(document: El, numericOrder: 'dmy' | 'mdy'): string | undefined {
  const sel =
    'time, [class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [class*="meta" i], [class*="byline" i], [id*="date" i], [itemprop="datePublished"]';
  const els = document.querySelectorAll(sel);
  for (let i = 0; i < els.length && i < 60; i++) {
    const el = els[i]!;
    const cls = `${el.className ?? ''} ${el.id ?? ''}`.toLowerCase();
    if (/modif|updat|comment|related|footer|copyright|sidebar|widget|archive/.test(cls)) continue;
    const attr = el.getAttribute('datetime') ?? el.getAttribute('content');
    const fromAttr = parseMachineDate(attr);
    if (fromAttr) return fromAttr;
    const t = clean(el.textContent ?? '');
    if (!t || t.length > 160) continue;
    if (/\b(?:updated|modified|last edited)\b/i.test(t) && !/\b(?:published|posted)\b/i.test(t)) continue;
    const d = parseWrittenDate(t, numericOrder);
    if (d) return d;
  }
  return undefined;
}

/** Reads title, date, authors, outlet and language from a page's JSON-LD, meta tags and markup. */
export function extractMetadata(document: El, url?: string): PageMetadata {
  const objs = jsonLdObjects(document);
  const byId = new Map<string, Json>();
  for (const o of objs) if (typeof o['@id'] === 'string') byId.set(o['@id'], o);
  const articles = objs.filter((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
  const pages = objs.filter((o) => types(o).some((t) => /WebPage$/.test(t)));
  const article = articles.find((o) => o.datePublished || o.headline) ?? articles[0];

  const htmlEl = document.querySelector('html');
  const language =
    clean(htmlEl?.getAttribute('lang') ?? htmlEl?.getAttribute('xml:lang') ?? '') ||
    metaContent(document, ['content-language', 'og:locale', 'dc.language', 'language'])?.replace('_', '-') ||
    str(article?.inLanguage);
  const numericOrder: 'dmy' | 'mdy' = !language || /^en-us/i.test(language) || /^en$/i.test(language) ? 'mdy' : 'dmy';

  const outlet =
    metaContent(document, ['og:site_name', 'application-name', 'twitter:site:name']) ?? str((article?.publisher as Json | undefined)?.name) ?? undefined;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(document, ['og:url']);
  const pageUrl = url ?? (canonical && /^https?:/i.test(canonical) ? canonical : undefined);

  // Title.
  const sources = {
    ld: str(article?.headline) ?? str(article?.name),
    og: metaContent(document, ['og:title']),
    twitter: metaContent(document, ['twitter:title']),
    meta: metaContent(document, ['title', 'dc.title', 'headline', 'sailthru.title', 'parsely-title']),
    doc: clean(document.querySelector('title')?.textContent ?? ''),
  };
  const host = hostOf(pageUrl);
  const declared = [sources.ld, sources.og ?? sources.meta, sources.doc].filter((x): x is string => !!x).map((t) => stripSiteName(t, outlet, host));
  const headEl = pickHeadline(document, declared, outlet, host);
  const title = chooseTitle(headEl, sources, outlet, host);
  const bodyEl = document.querySelector('body');
  const pt = bodyEl ? pageText(bodyEl, headEl) : undefined;

  // Date.
  let published: string | undefined;
  let publishedFrom: string | undefined;
  const take = (v: string | undefined, from: string) => {
    if (!published && v) {
      published = v;
      publishedFrom = from;
    }
  };
  if (pt) take(dateNearHeadline(pt, numericOrder), 'headline');
  for (const a of articles) take(parseMachineDate(str(a.datePublished)), 'jsonld');
  take(
    parseMachineDate(
      metaContent(document, [
        'article:published_time', 'og:published_time', 'article:published', 'published_time', 'datepublished', 'date', 'pubdate', 'publishdate',
        'publish_date', 'publish-date', 'dc.date.issued', 'dc.date', 'dcterms.issued', 'dcterms.date', 'dcterms.created', 'dc.date.created',
        'sailthru.date', 'parsely-pub-date', 'article.published', 'cxenseparse:recs:publishtime', 'originalpublicationdate', 'date.published',
        'citation_publication_date', 'citation_date', 'rnews:datepublished',
      ]),
    ),
    'meta',
  );
  for (const p of pages) take(parseMachineDate(str(p.datePublished)), 'jsonld-page');
  const timeEl = document.querySelector('time[itemprop="datePublished"], time[pubdate], [itemprop="datePublished"], time.published, time.entry-date');
  take(parseMachineDate(timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('content')) ?? (timeEl ? parseWrittenDate(clean(timeEl.textContent ?? ''), numericOrder) : undefined), 'time');
  take(visibleDate(document, numericOrder), 'text');
  take(dateFromUrl(pageUrl), 'url');
  for (const a of articles) take(parseMachineDate(str(a.dateCreated)), 'jsonld-created');

  // Authors: a person the JSON-LD names, else the byline shown with the headline, else meta tags,
  // else an organisation the JSON-LD names, else elements marked as author or byline.
  let authors: string[] = [];
  const ldAuthors = article ? namesOf(article.author ?? article.creator, byId) : [];
  const orgNames = new Set(objs.filter((o) => types(o).some((t) => /Organization|Corporation|NewsMediaOrganization|WebSite/.test(t))).map((o) => str(o.name)?.toLowerCase()));
  if (outlet) orgNames.add(outlet.toLowerCase());
  const people = uniqueNames(ldAuthors.filter((n) => !orgNames.has(clean(n).toLowerCase())));
  if (people.length) authors = people;
  if (!authors.length && pt) {
    const b = bylineNearHeadline(pt);
    if (b) authors = uniqueNames([b]);
  }
  if (!authors.length) {
    const m = metaContent(document, ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'twitter:creator:name']);
    if (m && !looksLikeUrl(m)) authors = uniqueNames(m.split(/\s*(?:;|\band\b|&)\s*/));
  }
  if (!authors.length) authors = uniqueNames(ldAuthors);
  if (!authors.length) {
    const els = document.querySelectorAll('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], .author-name, .byline__name, .author a, .byline a, .byline, .author, [class*="author-name" i], [class*="byline" i]');
    const names: string[] = [];
    for (let i = 0; i < els.length && names.length < 4; i++) {
      const t = clean(els[i]!.textContent ?? '');
      if (t && t.length <= 100) names.push(t);
    }
    authors = uniqueNames(names).slice(0, 3);
  }

  return {
    ...(title ? { title } : {}),
    ...(published ? { published, publishedFrom } : {}),
    authors,
    ...(outlet ? { outlet } : {}),
    ...(language ? { language } : {}),
    ...(pageUrl ? { url: pageUrl } : {}),
  };
}
