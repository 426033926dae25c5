import type { Doc } from '../../doc/doc.js';
import { trimmedSpan, type Span } from '../../doc/span.js';
import { defineComponent } from '../../pipeline/component.js';

/** Paragraphs: runs of text between blank lines. */
export function structureDoc(doc: Doc): void {
  const text = doc.text;
  const paragraphs: Span[] = [];
  const re = /\r?\n[ \t]*\r?\n/g;
  let start = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    const s = trimmedSpan(text, start, end);
    if (s.end > s.start) paragraphs.push(s);
    if (!m) break;
    start = m.index + m[0].length;
  }
  doc.set('paragraphs', paragraphs);
}

export const structureComponent = defineComponent(
  { name: 'structure', version: '0.1.0', requires: ['text'], assigns: ['paragraphs', 'meta.headline', 'meta.published', 'meta.dateline', 'meta.keyPoints', 'meta.sections', 'meta.ignored'] },
  (doc) => structureDoc(doc),
);
