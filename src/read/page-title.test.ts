import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { El } from './html-clean.js';
import { extractMetadata } from './metadata.js';
import { repairMojibake, stripSiteName } from './page-title.js';

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

test('an h1 in a page builder\'s title box is the headline though the box is called a widget', () => {
  const t = title(
    '<meta property="og:title" content="Ferry timetable changes for winter">',
    '<div class="builder-element builder-widget builder-widget-theme-post-title"><div class="builder-widget-container"><h1>How the winter ferry timetable changes</h1></div></div><p>Text.</p>',
  );
  assert.equal(t, 'How the winter ferry timetable changes');
});

test('an h1 in a layout box that merely has a sidebar beside it is the headline', () => {
  const t = title('<meta property="og:title" content="Ferry timetable changes">', '<div class="ArticleBody_withSidebar"><h1>Winter ferry timetable changes</h1></div><p>Text.</p>');
  assert.equal(t, 'Winter ferry timetable changes');
});

test('an h1 in a sidebar widget is still not the headline', () => {
  const t = title('<title>Ferry timetable changes | Harbour Times</title>', '<div class="widget sidebar-box"><h1>Ferry news digest</h1></div><p>Text.</p>');
  assert.equal(t, 'Ferry timetable changes');
});

test('a paragraph marked up as an h1 is not the headline', () => {
  const para = 'Learn which boats run in winter and why. Get tips on planning a crossing when the weather turns, and read everything you need to know about fares, timetables and the harbour car park before you go.';
  assert.equal(title('<meta property="og:title" content="Winter ferry guide">', `<h1>${para}</h1><p>Text.</p>`), 'Winter ferry guide');
});

test('a domain name in the h1 or run into the title is the site, not the headline', () => {
  assert.equal(title('<title>harbourlog.net Winter ferries</title>', '<h1>harbourlog.net</h1><p>Text.</p>', 'https://harbourlog.net/2025/ferries.html'), 'Winter ferries');
  assert.equal(stripSiteName('harbourlog.net Winter ferries', undefined, 'www.harbourlog.net'), 'Winter ferries');
});

test('UTF-8 read as Windows-1252 upstream is put back in the title', () => {
  assert.equal(repairMojibake('A Skipper\u00e2\u0080\u0099s Guide'), 'A Skipper\u2019s Guide');
  assert.equal(repairMojibake('Caf\u00c3\u00a9 \u00e2\u0080\u0094 d\u00c3\u00a9j\u00e0 vu'), 'Caf\u00c3\u00a9 \u2014 d\u00c3\u00a9j\u00e0 vu');
  assert.equal(repairMojibake('Déjà vu – naïve'), 'Déjà vu – naïve');
  assert.equal(title('<meta property="og:title" content="A Skipper\u00e2\u0080\u0099s Guide to Winter">', '<h1>A Skipper\u00e2\u0080\u0099s Guide to Winter</h1>'), 'A Skipper\u2019s Guide to Winter');
});

test('an h1 whose characters were lost to question marks takes the declared title', () => {
  const t = title('<meta property="og:title" content="Ferry Basics: A Beginner\'s Guide">', '<h1>Ferry Basics? A Beginner? Guide</h1><p>Text.</p>');
  assert.equal(t, "Ferry Basics: A Beginner's Guide");
  assert.equal(title('<meta property="og:title" content="Why? Who? Where next for the ferry">', '<h1>Why? When? How the ferry runs</h1>'), 'Why? When? How the ferry runs');
});

test('an all-capitals h1 worded nearly like a declared title takes the declared wording', () => {
  const t = title('<meta property="og:title" content="Best Ferry Routes 2026: Tips From Skippers">', '<h1>BEST FERRY ROUTES IN 2026: TIPS FROM SKIPPERS</h1><p>Text.</p>');
  assert.equal(t, 'Best Ferry Routes 2026: Tips From Skippers');
});
