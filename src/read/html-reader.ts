import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { Doc } from '../doc/doc.js';
import { AttacheError } from '../errors.js';

const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'DL', 'DT', 'DD', 'BR', 'HR']);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** Flattens article HTML into text: one block a paragraph, separated by blank lines. */
export function htmlToText(root: NodeLike): string {
  const blocks: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
    if (t) blocks.push(t);
    cur = '';
  };
  const visit = (n: NodeLike) => {
    if (n.nodeType === 3) {
      cur += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < n.childNodes.length; i++) visit(n.childNodes[i]!);
    if (block) flush();
  };
  visit(root);
  flush();
  return blocks.join('\n\n');
}

export interface HtmlReadOptions {
  readonly id?: string;
  readonly uri?: string;
  readonly url?: string;
  readonly published?: string;
}

/** Extracts the main article of an HTML page into a Doc, with the page's declared metadata as hints. */
export function readHtml(html: string, opts: HtmlReadOptions = {}): Doc {
  const { document } = parseHTML(html);
  const title = document.querySelector('title')?.textContent?.trim();
  // Readability mutates the DOM; metadata must be read before it runs.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  if (!article || !article.content) throw new AttacheError('ATT_E014', 'no article text found in the HTML page', opts.uri);
  const { document: frag } = parseHTML(`<html><body>${article.content}</body></html>`);
  const text = htmlToText(frag.body as unknown as NodeLike);
  if (!text.trim()) throw new AttacheError('ATT_E014', 'no article text found in the HTML page', opts.uri);
  const doc = new Doc(text, {
    ...(opts.id ? { id: opts.id } : {}),
    uri: opts.uri,
    format: 'html',
    meta: {
      hints: { ...(article.title || title ? { title: (article.title || title)! } : {}), ...(opts.published ? { published: opts.published } : {}) },
      authors: article.byline ? [article.byline] : [],
      ...(article.siteName ? { outlet: article.siteName } : {}),
      ...(article.lang ? { language: article.lang } : {}),
      ...(opts.url ? { url: opts.url } : {}),
    },
  });
  return doc;
}
