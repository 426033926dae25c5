import { DOMParser } from 'linkedom';

/** One entry of a news feed, as the feed gives it. */
export interface FeedItem {
  readonly link?: string;
  readonly title?: string;
  /** ISO 8601, when the feed gives a date we can read. */
  readonly published?: string;
  /** The full article as HTML, when the feed carries it. */
  readonly html?: string;
  /** A summary (HTML or text). */
  readonly summary?: string;
  readonly id?: string;
}

export interface Feed {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  readonly title?: string;
  readonly link?: string;
  readonly items: readonly FeedItem[];
}

/** Words of text in an HTML fragment: how a feed's content is judged full or only a summary. */
export function wordCount(html: string): number {
  const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A feed item whose content has at least this many words is taken as the full article. */
export const FULL_CONTENT_WORDS = 150;

/** Dates as feeds write them (RFC 822, ISO 8601) → ISO 8601; undefined when unreadable. */
export function feedDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const v = s.trim();
  if (!v) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  // RFC 822 allows two-digit years and named zones that Date.parse may not read
  const t = Date.parse(v.replace(/\b(UT|Z)$/, 'GMT'));
  if (!Number.isFinite(t)) return undefined;
  return new Date(t).toISOString();
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** Is this text a feed (RSS, Atom, RDF, JSON Feed) rather than a page? Judged by its first tags. */
export function looksLikeFeed(text: string, contentType = ''): boolean {
  if (/application\/(rss|atom|rdf)\+xml|application\/feed\+json/i.test(contentType)) return true;
  const head = text.slice(0, 2048).trimStart();
  if (head.startsWith('{')) return /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head);
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

interface El {
  readonly tagName: string;
  readonly children: ArrayLike<El>;
  readonly textContent: string | null;
  readonly innerHTML: string;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<El>;
}

function tagOf(e: El): string {
  return e.tagName.toLowerCase();
}

function child(e: El, ...names: string[]): El | undefined {
  for (const n of names) {
    for (let i = 0; i < e.children.length; i++) {
      const c = e.children[i]!;
      if (tagOf(c) === n) return c;
    }
  }
  return undefined;
}

function text(e: El | undefined): string | undefined {
  const t = e?.textContent?.trim();
  return t ? t : undefined;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Atom text constructs: `html` holds escaped HTML, `xhtml` real markup, `text` plain text. */
function atomHtml(e: El | undefined): string | undefined {
  if (!e) return undefined;
  const type = (e.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'xhtml') return e.innerHTML.trim() || undefined;
  const t = text(e);
  if (!t) return undefined;
  return type === 'html' || type === 'text/html' ? t : `<p>${escapeHtml(t)}</p>`;
}

/** Parses RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed; lenient about broken markup. Returns undefined when it is not a feed. */
export function parseFeed(body: string, baseUrl?: string): Feed | undefined {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, baseUrl);
  const doc = new DOMParser().parseFromString(body.replace(/^\uFEFF/, ''), 'text/xml') as unknown as { documentElement: El | null; getElementsByTagName(n: string): ArrayLike<El> };
  const roots = ['rss', 'feed', 'rdf:rdf'];
  let root: El | undefined;
  for (const n of ['rss', 'feed', 'rdf:RDF', 'RDF']) {
    const found = doc.getElementsByTagName(n);
    if (found.length) {
      root = found[0];
      break;
    }
  }
  if (!root || !roots.includes(tagOf(root)) && tagOf(root) !== 'rdf') return undefined;
  const kind = tagOf(root);
  if (kind === 'feed') {
    const link = atomLink(root, baseUrl);
    const items: FeedItem[] = [];
    const entries = root.getElementsByTagName('entry');
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const content = atomHtml(child(e, 'content'));
      const summary = atomHtml(child(e, 'summary'));
      items.push(
        clean({
          link: atomLink(e, link ?? baseUrl),
          title: text(child(e, 'title')),
          published: feedDate(text(child(e, 'published', 'updated', 'dc:date'))),
          html: content,
          summary,
          id: text(child(e, 'id')),
        }),
      );
    }
    return clean({ format: 'atom' as const, title: text(child(root, 'title')), link, items });
  }
  const channel = child(root, 'channel') ?? root;
  const link = resolveUrl(text(child(channel, 'link')), baseUrl);
  const items: FeedItem[] = [];
  const list = root.getElementsByTagName('item');
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    const guid = child(e, 'guid');
    const guidLink = guid && guid.getAttribute('ispermalink') !== 'false' && guid.getAttribute('isPermaLink') !== 'false' && /^https?:/i.test(text(guid) ?? '') ? text(guid) : undefined;
    const rdfAbout = e.getAttribute('rdf:about') ?? undefined;
    items.push(
      clean({
        link: resolveUrl(text(child(e, 'link')) ?? guidLink ?? rdfAbout, link ?? baseUrl),
        title: text(child(e, 'title')),
        published: feedDate(text(child(e, 'pubdate', 'dc:date', 'published', 'updated'))),
        html: text(child(e, 'content:encoded')),
        summary: text(child(e, 'description')),
        id: text(guid),
      }),
    );
  }
  return clean({ format: kind === 'rss' ? ('rss' as const) : ('rdf' as const), title: text(child(channel, 'title')), link, items });
}

function atomLink(e: El, base: string | undefined): string | undefined {
  let fallback: string | undefined;
  for (let i = 0; i < e.children.length; i++) {
    const c = e.children[i]!;
    if (tagOf(c) !== 'link') continue;
    const rel = (c.getAttribute('rel') ?? 'alternate').toLowerCase();
    const href = c.getAttribute('href') ?? undefined;
    if (rel === 'alternate' && (!c.getAttribute('type') || /html/i.test(c.getAttribute('type') ?? ''))) return resolveUrl(href, base);
    if (rel === 'alternate') fallback ??= resolveUrl(href, base);
  }
  return fallback;
}

function parseJsonFeed(body: string, baseUrl?: string): Feed | undefined {
  let j: unknown;
  try {
    j = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!j || typeof j !== 'object' || !Array.isArray((j as { items?: unknown }).items)) return undefined;
  const f = j as { title?: unknown; home_page_url?: unknown; items: unknown[] };
  const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const link = resolveUrl(s(f.home_page_url), baseUrl);
  const items = f.items
    .filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
    .map((x) => {
      const textContent = s(x.content_text);
      return clean({
        link: resolveUrl(s(x.url) ?? s(x.external_url), link ?? baseUrl),
        title: s(x.title),
        published: feedDate(s(x.date_published) ?? s(x.date_modified)),
        html: s(x.content_html) ?? (textContent ? textContent.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') : undefined),
        summary: s(x.summary),
        id: s(x.id),
      });
    });
  return clean({ format: 'json' as const, title: s(f.title), link, items });
}

function clean<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** The HTML page we build around a feed item that carries its full text. */
export function itemPage(item: FeedItem, feedTitle?: string): string {
  const title = item.title ? escapeHtml(stripTags(item.title)) : '';
  const date = item.published ? `<meta property="article:published_time" content="${escapeHtml(item.published)}">` : '';
  const site = feedTitle ? `<meta property="og:site_name" content="${escapeHtml(feedTitle)}">` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${date}${site}</head><body><article>${title ? `<h1>${title}</h1>` : ''}${item.html ?? ''}</article></body></html>`;
}

function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}
