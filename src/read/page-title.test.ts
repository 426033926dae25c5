import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { El } from './html-clean.js';
import { extractMetadata } from './metadata.js';
import { stripSiteName } from './page-title.js';

const title = (head: string, body: string, url?: string) =>
  extractMetadata(parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document as unknown as El, url).title;

test('a date inside the h1 stays out of the title when a declared title is the rest', () => {
  const t = title('<meta property="og:title" content="Harbour strike ends after talks">', '<h1><a href="/x"><time datetime="2025-12-18">Dec 18 2025</time> Harbour strike ends after talks</a></h1><p>Text.</p>');
  assert.equal(t, 'Harbour strike ends after talks');
});

test('an h1 that shares no words with the declared titles is the blog name, not the headline', () => {
  const t = title('<title>Notes on compiler passes | Ada writes</title>', '<h1>Ada\'s corner</h1><h2>Notes on compiler passes</h2><p>Text.</p>');
  assert.equal(t, 'Notes on compiler passes');
});

test('the headline loses a site name and a " | " tail', () => {
  assert.equal(title('<meta property="og:site_name" content="Harbour Times">', '<h1>Strike ends after talks – Harbour Times</h1>'), 'Strike ends after talks');
  assert.equal(title('', '<h1>Strike ends after long talks | Opinion</h1>'), 'Strike ends after long talks');
});

test('an all-capitals h1 takes the spelling of the declared title', () => {
  assert.equal(title('<meta property="og:title" content="Strike ends after talks">', '<h1>STRIKE ENDS AFTER TALKS</h1>'), 'Strike ends after talks');
});

test('without an h1 the declared titles vote and lose the site name', () => {
  const t = title(
    '<title>Strike ends after talks - Example Daily</title><meta property="og:title" content="Strike ends after talks"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Strike ends after talks and a long"}</script>',
    '<p>Text.</p>',
  );
  assert.equal(t, 'Strike ends after talks');
});

test('site names come off either end of a declared title, a domain name too', () => {
  assert.equal(stripSiteName('Talks resume in Geneva | Example Post', 'Example Post'), 'Talks resume in Geneva');
  assert.equal(stripSiteName('Example Post - Talks resume in Geneva', undefined, 'www.examplepost.com'), 'Talks resume in Geneva');
  assert.equal(stripSiteName('Talks resume - again', 'Example Post'), 'Talks resume - again');
  assert.equal(stripSiteName('Talks resume in Geneva | example.org'), 'Talks resume in Geneva');
  assert.equal(stripSiteName('Example Post #18 – Talks resume', 'Example Post'), 'Example Post #18 – Talks resume');
});
