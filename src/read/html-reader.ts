import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { Doc } from '../doc/doc.js';
import { AttacheError } from '../errors.js';
import { classifyBlocks, htmlToBlocks, type Block } from './html-blocks.js';
import { pickContentElement, postClean, preClean, type El } from './html-clean.js';
import { extractMetadata, type PageMetadata } from './metadata.js';
import { prepassHtml } from './html-prepass.js';

export { htmlToText } from './html-blocks.js';

export interface HtmlReadOptions {
  readonly id?: string;
  readonly uri?: string;
  readonly url?: string;
  readonly published?: string;
}

type ReadabilityDoc = ConstructorParameters<typeof Readability>[0];

/** The article's blocks as Readability finds them after our cleaning, or `undefined` when it finds none. */
function readabilityBlocks(document: El): Block[] | undefined {
  const reader = new Readability<El>(document as unknown as ReadabilityDoc, {
    charThreshold: 200,
    keepClasses: true,
    // Our own metadata reads the JSON-LD; Readability need not parse it again.
    disableJSONLD: true,
    // Hand back the element itself: no serialising and re-parsing.
    serializer: (el) => el as unknown as El,
  });
  const article = reader.parse();
  if (!article || !article.content) return undefined;
  const root = article.content;
  postClean(root);
  return htmlToBlocks(root);
}

const textLength = (blocks: readonly Block[]) => blocks.reduce((n, b) => n + b.text.length, 0);

/** Share of the page's text below which Readability's answer is checked against the content-element fallback. */
const FALLBACK_BELOW = 0.35;
/** The fallback wins only when Readability found less than this share of the content element's text (measured on AEB and WCXB dev). */
const FALLBACK_SHARE = 0.25;

/** The blocks of the element that looks most like the article's container, from a fresh parse of the page. */
function contentElementBlocks(html: string): Block[] | undefined {
  const { document } = parseHTML(html);
  const body = (document as unknown as { body: El | null }).body;
  if (!body) return undefined;
  preClean(body);
  const el = pickContentElement(body);
  if (!el) return undefined;
  postClean(el);
  return htmlToBlocks(el);
}

/** The main article of a page as text blocks, with the page's metadata read before any cleaning. */
export function extractArticle(page: string, where?: string, url?: string): { blocks: Block[]; meta: PageMetadata } {
  const html = prepassHtml(page);
  const { document } = parseHTML(html);
  const meta = extractMetadata(document as unknown as El, url);
  const body = (document as unknown as { body: El | null }).body;
  if (body) preClean(body);
  const pageLen = body ? (body.textContent ?? '').replace(/\s+/g, ' ').length : 0;
  let blocks = readabilityBlocks(document as unknown as El);
  const got = blocks ? textLength(blocks) : 0;
  // Readability sometimes settles on a fragment (a teaser, one list); a page's marked content element then holds far more.
  if (got < pageLen * FALLBACK_BELOW) {
    const alt = contentElementBlocks(html);
    if (alt && textLength(alt) >= 200 && got < textLength(alt) * FALLBACK_SHARE) blocks = alt;
  }
  if (!blocks || !blocks.some((b) => b.text.trim())) throw new AttacheError('ATT_E014', 'no article text found in the HTML page', where);
  classifyBlocks(blocks, meta.title);
  if (!blocks.some((b) => b.role === 'content')) throw new AttacheError('ATT_E014', 'no article text found in the HTML page', where);
  return { blocks, meta };
}

/** Extracts the main article of an HTML page into a Doc, with the page's declared metadata as hints. */
export function readHtml(html: string, opts: HtmlReadOptions = {}): Doc {
  const { blocks, meta } = extractArticle(html, opts.uri, opts.url);
  const kept = blocks.filter((b) => b.role !== 'drop');
  let text = '';
  const ignored: [number, number][] = [];
  for (const b of kept) {
    if (text) text += '\n\n';
    if (b.role === 'ignored') ignored.push([text.length, text.length + b.text.length]);
    text += b.text;
  }
  const published = opts.published ?? meta.published;
  const url = opts.url ?? meta.url;
  const doc = new Doc(text, {
    ...(opts.id ? { id: opts.id } : {}),
    uri: opts.uri,
    format: 'html',
    meta: {
      hints: { ...(meta.title ? { title: meta.title } : {}), ...(published ? { published } : {}), ...(meta.outlet ? { siteName: meta.outlet } : {}) },
      authors: [...meta.authors],
      ...(meta.outlet ? { outlet: meta.outlet } : {}),
      ...(meta.language ? { language: meta.language } : {}),
      ...(url ? { url } : {}),
    },
  });
  for (const [s, e] of ignored) doc.addIgnored(s, e);
  return doc;
}
