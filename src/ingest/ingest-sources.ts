import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AttacheError, describeError } from '../errors.js';
import { decodeText, DEFAULT_MAX_BYTES } from '../read/decode.js';
import { isFailure, listInputs, looksLikeHtml, readInputFile, type InputKind, type RawArticle } from '../read/sources.js';
import { PoliteFetcher } from './fetcher.js';
import { FULL_CONTENT_WORDS, itemPage, looksLikeFeed, parseFeed, wordCount, type Feed } from './feeds.js';

/** One thing to ingest: an article read, or an input that could not be read. */
export type IngestItem = { readonly raw: RawArticle; readonly outlet?: string } | { readonly failure: { readonly uri: string; readonly reason: string } };

export interface SourceOptions {
  readonly maxBytes?: number;
  readonly kind?: InputKind;
  readonly fetcher?: PoliteFetcher;
  /** Told how many articles are known to be coming, as inputs are listed. */
  readonly onTotal?: (added: number) => void;
}

const FEED_EXT = new Set(['.rss', '.atom', '.xml']);

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function fail(uri: string, e: unknown): IngestItem {
  return { failure: { uri, reason: e instanceof AttacheError ? e.oneLine() : describeError(e, uri) } };
}

/** Counts the non-blank lines of a JSONL file cheaply (for the progress total). */
async function countLines(path: string): Promise<number> {
  try {
    const b = await readFile(path);
    let n = 0;
    let blank = true;
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (c === 10) {
        if (!blank) n++;
        blank = true;
      } else if (c !== 32 && c !== 13 && c !== 9) blank = false;
    }
    return blank ? n : n + 1;
  } catch {
    return 1;
  }
}

/**
 * Everything the inputs hold, in a stable order: files and folders (text, HTML, JSON, JSONL, feed
 * files), and feed or page URLs. A feed item with its full text becomes an article directly; one with
 * only a summary has its page fetched. Never throws: what cannot be read is yielded as a failure.
 */
export async function* ingestItems(inputs: readonly string[], opts: SourceOptions = {}): AsyncGenerator<IngestItem> {
  const fetcher = opts.fetcher ?? new PoliteFetcher({ ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) });
  const local = inputs.filter((p) => !isUrl(p));
  const feedFiles = local.filter((p) => FEED_EXT.has(extname(p).toLowerCase()));
  const { files, failures } = await listInputs(local.filter((p) => !feedFiles.includes(p)));
  let total = failures.length + feedFiles.length;
  for (const f of files) total += /\.(jsonl|ndjson)(\.gz)?$/i.test(f) && !f.endsWith('.gz') ? await countLines(f) : 1;
  opts.onTotal?.(total);
  for (const f of failures) yield fail(f.uri, f.error);
  for (const file of files) {
    for (const r of await readInputFile(file, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, ...(opts.kind ? { kind: opts.kind } : {}) })) {
      yield isFailure(r) ? fail(r.uri, r.error) : { raw: r };
    }
  }
  for (const file of feedFiles) {
    let body: string;
    try {
      body = decodeText(await readFile(file), file, opts.maxBytes ?? DEFAULT_MAX_BYTES).text;
    } catch (e) {
      yield fail(file, e instanceof AttacheError ? e : new AttacheError('ATT_E015', describeError(e), file));
      continue;
    }
    const feed = parseFeed(body);
    if (!feed) {
      yield fail(file, new AttacheError('ATT_E017', 'not an RSS, Atom or JSON feed', file));
      continue;
    }
    opts.onTotal?.(feed.items.length - 1);
    yield* feedArticles(feed, file, fetcher);
  }
  for (const url of inputs.filter(isUrl)) {
    opts.onTotal?.(1);
    let page;
    try {
      page = await fetcher.fetchText(url);
    } catch (e) {
      yield fail(url, e);
      continue;
    }
    const feed = looksLikeFeed(page.text, page.contentType) ? parseFeed(page.text, page.url) : undefined;
    if (feed) {
      opts.onTotal?.(feed.items.length - 1);
      yield* feedArticles(feed, url, fetcher);
    } else if (looksLikeHtml(page.text) || /html/i.test(page.contentType)) {
      yield { raw: { uri: url, kind: 'html', content: page.text, url: page.url } };
    } else if (/^text\/plain/i.test(page.contentType)) {
      yield { raw: { uri: url, kind: 'text', content: page.text, url: page.url } };
    } else {
      yield fail(url, new AttacheError('ATT_E017', `neither a feed nor an HTML page (${page.contentType || 'no content type'})`, url));
    }
  }
}

/** The articles of one feed: full-text items as they are, summary-only items by fetching their page. */
async function* feedArticles(feed: Feed, feedUri: string, fetcher: PoliteFetcher): AsyncGenerator<IngestItem> {
  const outlet = feed.title;
  for (let i = 0; i < feed.items.length; i++) {
    const item = feed.items[i]!;
    const uri = item.link ?? `${feedUri}#${i + 1}`;
    const base = { ...(item.link ? { url: item.link } : {}), ...(item.published ? { published: item.published } : {}) };
    if (item.html && wordCount(item.html) >= FULL_CONTENT_WORDS) {
      yield { raw: { uri, kind: 'html', content: itemPage(item, outlet), ...base }, ...(outlet ? { outlet } : {}) };
      continue;
    }
    if (!item.link) {
      yield fail(uri, new AttacheError('ATT_E016', 'feed item has only a summary and no link to its page', feedUri));
      continue;
    }
    try {
      const page = await fetcher.fetchText(item.link);
      const kind: InputKind = /^text\/plain/i.test(page.contentType) && !looksLikeHtml(page.text) ? 'text' : 'html';
      yield { raw: { uri, kind, content: page.text, ...base }, ...(outlet ? { outlet } : {}) };
    } catch (e) {
      yield fail(uri, e);
    }
  }
}
