import { createHash } from 'node:crypto';
import { Doc } from '../doc/doc.js';
import { readHtml } from './html-reader.js';
import { documentLanguage } from './language.js';
import type { RawArticle } from './sources.js';

/** Builds the Doc for one raw article: plain text as is, HTML through article extraction; the language is set for both. */
export function toDoc(raw: RawArticle): Doc {
  const id = contentId(raw.content);
  if (raw.kind === 'html') {
    const doc = readHtml(raw.content, { id, uri: raw.uri, ...(raw.url ? { url: raw.url } : {}), ...(raw.published ? { published: raw.published } : {}) });
    doc.meta.language = documentLanguage(doc.text, doc.meta.language);
    return doc;
  }
  return new Doc(raw.content, {
    id,
    uri: raw.uri,
    format: 'text',
    meta: {
      hints: raw.published ? { published: raw.published } : {},
      language: documentLanguage(raw.content),
      ...(raw.url ? { url: raw.url } : {}),
    },
  });
}

/** A stable id for an article: the first 16 hex digits of the SHA-256 of its content as read. */
export function contentId(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}
