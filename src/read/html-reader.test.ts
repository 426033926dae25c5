import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AttacheError } from '../errors.js';
import { readHtml } from './html-reader.js';
import { toDoc } from './to-doc.js';

const para = (s: string) => `<p>${s}</p>`;
const prose = [
  'The two ministers met in Vienna on Tuesday to discuss the grain corridor, officials from both delegations said after the talks ended.',
  'Neither side announced an agreement, but a spokeswoman described the meeting as constructive and said further rounds were planned.',
  'Observers noted that the talks were the first direct contact between the delegations since the spring, when negotiations broke down.',
  'A joint statement is expected later this week, according to a diplomat familiar with the preparations for the next round.',
].map(para).join('\n');

function page(head: string, article: string, extra = ''): string {
  return `<!doctype html><html lang="en"><head>${head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>Ministers meet in Vienna over grain corridor</h1>${article}</article></main>${extra}
<footer><p>Copyright 2026 Example News. All rights reserved.</p></footer></body></html>`;
}

test('JSON-LD NewsArticle gives the title, date, authors and outlet', () => {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'NewsArticle', headline: 'Ministers meet in Vienna over grain corridor', datePublished: '2026-01-16T09:30:00+01:00', author: [{ '@id': '#p1' }], publisher: { '@type': 'Organization', name: 'Example News' } },
      { '@type': 'Person', '@id': '#p1', name: 'Ana Lopez' },
    ],
  };
  const doc = readHtml(page(`<title>Ministers meet in Vienna over grain corridor | Example News</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`, prose));
  assert.equal(doc.meta.hints.title, 'Ministers meet in Vienna over grain corridor');
  assert.equal(doc.meta.hints.published, '2026-01-16T09:30:00+01:00');
  assert.deepEqual(doc.meta.authors, ['Ana Lopez']);
  assert.equal(doc.meta.outlet, 'Example News');
  assert.match(doc.text, /^The two ministers met in Vienna/m);
  assert.ok(!doc.text.includes('Copyright'), 'footer is not article text');
  assert.ok(!/\bSport\b/.test(doc.text), 'navigation is not article text');
});

test('OpenGraph and article meta tags give the date, outlet and author when there is no JSON-LD', () => {
  const head = `<title>Grain talks - Example Daily</title><meta property="og:site_name" content="Example Daily"><meta property="article:published_time" content="2026-01-15T18:00:00Z"><meta name="author" content="Sam Reed">`;
  const doc = readHtml(page(head, prose));
  assert.equal(doc.meta.hints.published, '2026-01-15T18:00:00Z');
  assert.equal(doc.meta.outlet, 'Example Daily');
  assert.deepEqual(doc.meta.authors, ['Sam Reed']);
});

test('a <time> element and a byline under the headline give the date and author', () => {
  const article = `<div class="byline">By <a rel="author" href="/staff/jo">Jo Park</a></div><time datetime="2026-01-14">14 January 2026</time>${prose}`;
  const doc = readHtml(page('<title>Ministers meet in Vienna over grain corridor</title>', article));
  assert.equal(doc.meta.hints.published, '2026-01-14');
  assert.deepEqual(doc.meta.authors, ['Jo Park']);
});

test('a date shown only in the text next to the headline is found', () => {
  const article = `<p class="meta">Published 3 March 2025 · 4 min read</p>${prose}`;
  const doc = readHtml(page('<title>Ministers meet in Vienna over grain corridor</title>', article));
  assert.equal(doc.meta.hints.published, '2025-03-03');
});

test('captions, share prompts and sign-up lines inside the article are left out', () => {
  const article = `<figure><img src="a.jpg"><figcaption>Photo: Jane Doe / Getty Images</figcaption></figure>${prose}<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a></div><p>Sign up for our newsletter to get the news first.</p>`;
  const doc = readHtml(page('<title>x</title>', article));
  assert.ok(!doc.text.includes('Getty'), doc.text);
  assert.ok(!doc.text.includes('Facebook'), doc.text);
  assert.ok(!doc.text.includes('newsletter'), doc.text);
  assert.equal(doc.text.split('\n\n').length, 4, 'one paragraph per <p>, separated by blank lines');
});

test('a page with no article gets ATT_E014 naming the file', () => {
  const html = '<html><head><title>Index</title></head><body><nav><a href="/">Home</a></nav></body></html>';
  assert.throws(
    () => readHtml(html, { uri: 'empty.html' }),
    (e: unknown) => e instanceof AttacheError && e.code === 'ATT_E014' && e.oneLine().startsWith('empty.html: '),
  );
});

test('toDoc sets the language from the text, for HTML and plain text alike', () => {
  const html = toDoc({ uri: 'a.html', kind: 'html', content: page('<title>t</title>', prose) });
  assert.equal(html.meta.language, 'en');
  const text = toDoc({ uri: 'a.txt', kind: 'text', content: 'Der Minister sagte am Dienstag in Wien, die Gespräche über den Getreidekorridor würden fortgesetzt.' });
  assert.equal(text.meta.language, 'de');
});
