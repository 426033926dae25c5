import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, externalUrl, href, html, snippetHtml, trusted } from './html.js';

describe('html escaping', () => {
  it('escapes the five HTML metacharacters and drops control characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>\u0001`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes every interpolated value, keeps nested fragments and flattens lists', () => {
    const name = '<script>alert(1)</script>';
    const out = html`<p title="${name}">${name}${html`<b>${'&'}</b>`}${['<i>', html`<br>`]}${undefined}${false}${3}</p>`;
    assert.equal(out.value, '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;<b>&amp;</b>&lt;i&gt;<br>3</p>');
    assert.equal(html`${trusted('<hr>')}`.value, '<hr>');
  });

  it('turns snippet marks into <mark> and closes an unbalanced one', () => {
    assert.equal(snippetHtml('a \u0002<b>\u0003 c', '\u0002', '\u0003').value, 'a <mark>&lt;b&gt;</mark> c');
    assert.equal(snippetHtml('\u0003x \u0002y', '\u0002', '\u0003').value, 'x <mark>y</mark>');
  });

  it('percent-encodes link queries and drops empty values', () => {
    assert.equal(href('/search', { q: 'a&b "c"', speaker: '', page: 2 }), '/search?q=a%26b%20%22c%22&page=2');
    assert.equal(href('/x'), '/x');
  });

  it('links only http and https URLs from articles', () => {
    assert.equal(externalUrl('https://wire.example/a?b=1'), 'https://wire.example/a?b=1');
    assert.equal(externalUrl('javascript:alert(1)'), undefined);
    assert.equal(externalUrl('data:text/html,<b>'), undefined);
    assert.equal(externalUrl('not a url'), undefined);
  });
});
