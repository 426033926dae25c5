import assert from 'node:assert/strict';
import { it } from 'node:test';
import { compactSpans, expandSpans } from './compact-spans.js';
import { talksAnalysis } from './store-fixtures.js';

it('drops span texts that are slices of the document and restores them exactly', () => {
  const a = talksAnalysis();
  const withExtras = {
    ...a,
    meta: { ...a.meta, dateline: { text: 'GENEVA (from the page, not the text)' } },
    diagnostics: [{ start: 0, end: 4, component: 'x', rule: 'r', severity: 'info' as const, message: 'm' }],
    sentences: [{ start: 0, end: 9, text: 'not the slice' }],
  };
  const small = compactSpans(withExtras, a.doc.text);
  assert.ok(JSON.stringify(small).length < JSON.stringify(withExtras).length);
  assert.deepEqual((small.quotes[0]!.content as object), { start: a.quotes[0]!.content.start, end: a.quotes[0]!.content.end });
  assert.deepEqual(small.sentences[0], { start: 0, end: 9, text: 'not the slice' }, 'a text that differs from the slice is kept');
  assert.deepEqual(expandSpans(small, a.doc.text), withExtras);
});
