/**
 * DOM cleaning around Readability: what a news page carries besides its article (navigation,
 * share bars, related links, newsletter prompts, captions, bylines), recognised by tag, ARIA role
 * and the words in class names and ids — never by site.
 */

/** The slice of the DOM API we use (linkedom implements it). */
export interface El {
  nodeType: number;
  nodeName: string;
  tagName: string;
  id: string;
  className: string;
  textContent: string | null;
  parentNode: El | null;
  childNodes: ArrayLike<El>;
  children: ArrayLike<El>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(sel: string): ArrayLike<El>;
  getElementsByTagName(name: string): ArrayLike<El>;
  querySelector(sel: string): El | null;
  remove(): void;
}

/** Parts of class names and ids (split at `-`, `_`, camelCase) that mark page furniture. */
const JUNK_PARTS = new Set([
  'share', 'sharing', 'sharebar', 'shares', 'social', 'socials', 'related', 'recommended', 'recommendations', 'recirc', 'newsletter',
  'newsletters', 'subscribe', 'subscription', 'signup', 'promo', 'promotion', 'promoted', 'advert', 'advertisement', 'advertising', 'ad',
  'ads', 'adsense', 'adslot', 'dfp', 'sponsor', 'sponsored', 'comment', 'comments', 'breadcrumb', 'breadcrumbs', 'byline', 'bylines',
  'caption', 'captions', 'credit', 'credits', 'tags', 'taglist', 'popular', 'trending', 'mostread', 'sidebar', 'footer', 'nav',
  'navbar', 'navigation', 'menu', 'toolbar', 'modal', 'popup', 'cookie', 'cookies', 'consent', 'outbrain', 'taboola', 'disqus',
  'timestamp', 'dateline', 'meta', 'author', 'authors', 'bio', 'widget', 'widgets', 'banner', 'masthead', 'gdpr', 'paywall', 'login',
  'print', 'pagination', 'pager', 'rating', 'ratings', 'reactions', 'follow', 'donate', 'donation', 'skip', 'jump', 'teaser', 'teasers',
  'more', 'next', 'prev', 'previous', 'rail', 'outstream', 'inread', 'video', 'playlist', 'carousel', 'slideshow', 'lightbox', 'gallery',
  'infobox', 'toc', 'disclaimer', 'copyright', 'legal', 'sr', 'visually', 'screenreader', 'offscreen', 'visuallyhidden',
]);

/** Whole class tokens that mark furniture even though their parts alone do not. */
const JUNK_TOKENS = /^(?:post-?meta|entry-?meta|article-?meta|wp-caption-text|sr-only|screen-reader-text|visually-hidden|read-?more|see-?also|also-?read|more-?stories|you-?may-?like)$/i;

/** Class parts that mark the article itself: an element with one of these is never furniture. */
const CONTENT_PARTS = new Set(['article', 'content', 'body', 'story', 'entry', 'post', 'main', 'text', 'prose', 'richtext']);

function classParts(el: El): string[] {
  const raw = `${typeof el.className === 'string' ? el.className : ''} ${el.id ?? ''}`;
  const out: string[] = [];
  for (const tok of raw.split(/\s+/)) {
    if (!tok) continue;
    for (const p of tok.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[-_:.]+/)) if (p) out.push(p);
  }
  return out;
}

function classTokens(el: El): string[] {
  const raw = `${typeof el.className === 'string' ? el.className : ''} ${el.id ?? ''}`;
  return raw.split(/\s+/).filter(Boolean);
}

/** True when the element's class names or id say it is page furniture rather than article text. */
export function looksLikeFurniture(el: El): boolean {
  const parts = classParts(el);
  if (!parts.length) return false;
  if (classTokens(el).some((t) => JUNK_TOKENS.test(t))) return true;
  let junk = false;
  for (const p of parts) {
    if (JUNK_PARTS.has(p)) junk = true;
  }
  if (!junk) return false;
  // "article-body--with-share" is the article; "article-share" is not: a content word only wins when no junk part follows it.
  let lastContent = -1;
  let lastJunk = -1;
  parts.forEach((p, i) => {
    if (CONTENT_PARTS.has(p)) lastContent = i;
    if (JUNK_PARTS.has(p)) lastJunk = i;
  });
  return !(lastContent > lastJunk);
}

const textLen = (el: El) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

export function linkTextLen(el: El): number {
  let n = 0;
  const links = el.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) n += textLen(links[i]!);
  return n;
}

/** Elements that are never article text, by tag. */
const DROP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'DIALOG', 'NAV']);
/** ARIA roles of elements that are never article text. */
const DROP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'dialog', 'alert']);

/** Protects the elements that hold the article text from being dropped as furniture. */
function holdsArticle(el: El): boolean {
  const tag = el.tagName;
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') return true;
  if (el.getAttribute('itemprop') === 'articleBody') return true;
  return !!el.querySelector('article, main, [itemprop="articleBody"], h1');
}

/**
 * Removes what is never article text from a whole page before Readability scores it: navigation,
 * widgets, hidden elements. (Removing elements by class name here as well made Readability choose
 * worse candidates on AEB, so that is left to `postClean`.)
 */
export function preClean(body: El): void {
  // One pass over the elements with plain tests: a compound CSS selector here cost more than parsing.
  const all = body.getElementsByTagName('*');
  const drop: El[] = [];
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const tag = el.tagName.toUpperCase();
    const role = el.getAttribute('role');
    const hidden = el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden');
    if (DROP_TAGS.has(tag) || (role && DROP_ROLES.has(role)) || hidden) drop.push(el);
  }
  // Innermost first, so that a navigation block is judged without the hidden parts already removed from it.
  for (let i = drop.length - 1; i >= 0; i--) {
    const el = drop[i]!;
    if (el.tagName.toUpperCase() === 'NAV' || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) {
      if (holdsArticle(el)) continue;
    }
    el.remove();
  }
}

/** Removes furniture left inside the article Readability chose (its classes kept for this). */
export function postClean(root: El): void {
  const drop = root.querySelectorAll('figure, figcaption, picture, aside, nav, form, button, [role="navigation"], [role="complementary"], [aria-hidden="true"], [hidden]');
  for (let i = drop.length - 1; i >= 0; i--) drop[i]!.remove();
  const total = Math.max(1, textLen(root));
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (!el.parentNode || !looksLikeFurniture(el)) continue;
    const len = textLen(el);
    if (len < total * 0.3 || linkTextLen(el) > len * 0.5) el.remove();
  }
}

const CANDIDATES =
  'article, main, [role="main"], [itemprop="articleBody"], [class*="content" i], [class*="article" i], [class*="post" i], [class*="entry" i], [class*="body" i], [class*="story" i], [class*="text" i], [id*="content" i], [id*="article" i], [id*="main" i], [id*="post" i]';
const CANDIDATE_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'TD']);

/**
 * The element most likely to hold the article when Readability finds too little: among the
 * elements named or marked as content, the one with the most text that is not link text, then
 * the innermost element inside it that keeps nine tenths of that.
 */
export function pickContentElement(body: El): El | undefined {
  const els = body.querySelectorAll(CANDIDATES);
  const scored: { el: El; score: number; len: number }[] = [];
  for (let i = 0; i < els.length; i++) {
    const el = els[i]!;
    if (!CANDIDATE_TAGS.has(el.tagName) || looksLikeFurniture(el)) continue;
    const len = textLen(el);
    if (len < 200) continue;
    const score = len - 2 * linkTextLen(el);
    if (score > 0) scored.push({ el, score, len });
  }
  if (!scored.length) return undefined;
  let best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const inside = (outer: El, inner: El) => {
    for (let p: El | null = inner.parentNode; p; p = p.parentNode) if (p === outer) return true;
    return false;
  };
  for (const c of scored) {
    if (c !== best && c.score >= best.score * 0.9 && c.len < best.len && inside(best.el, c.el)) best = c;
  }
  return best.el;
}
