import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markedText } from './article-text.js';

describe('article text with marks', () => {
  it('wraps quotes and nests an event trigger inside a quote that contains it', () => {
    const text = 'He said "we will meet them" today.';
    const q = text.indexOf('we will');
    const t = text.indexOf('meet');
    const out = markedText(text, [
      { start: q, end: q + 'we will meet them'.length, kind: 'quote', cls: 'q sp-0', title: 'Ana', anchor: 'q-q1' },
      { start: t, end: t + 4, kind: 'event', cls: 'ev' },
    ]).value;
    assert.equal(
      out,
      'He said &quot;<mark class="q sp-0" title="Ana" id="q-q1">we will </mark><mark class="q sp-0" title="Ana"><span class="ev">meet</span></mark><mark class="q sp-0" title="Ana"> them</mark>&quot; today.',
    );
  });

  it('keeps well-formed HTML when marks overlap without nesting', () => {
    const out = markedText('abcdef', [
      { start: 0, end: 4, kind: 'quote', cls: 'q' },
      { start: 2, end: 6, kind: 'event', cls: 'ev' },
    ]).value;
    assert.equal(out, '<mark class="q">ab</mark><mark class="q"><span class="ev">cd</span></mark><span class="ev">ef</span>');
  });

  it('escapes the text and the titles, and ignores marks outside the text', () => {
    const out = markedText('<script>x</script>', [
      { start: 0, end: 8, kind: 'quote', cls: 'q', title: '"><img>' },
      { start: 5, end: 99, kind: 'event', cls: 'ev' },
    ]).value;
    assert.equal(out, '<mark class="q" title="&quot;&gt;&lt;img&gt;">&lt;script&gt;</mark>x&lt;/script&gt;');
  });

  it('gives the text back unchanged apart from escaping when there are no marks', () => {
    assert.equal(markedText('a & b\n\nc', []).value, 'a &amp; b\n\nc');
  });
});
