import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { El } from './html-clean.js';
import { dateFromUrl, findWrittenDates, parseMachineDate, parseWrittenDate } from './metadata-dates.js';
import { cleanAuthor, extractMetadata } from './metadata.js';
import { detectLanguage, primaryLanguage } from './language.js';

const meta = (html: string, url?: string) => extractMetadata(parseHTML(html).document as unknown as El, url);

test('machine dates keep the offset the page wrote', () => {
  assert.equal(parseMachineDate('2026-01-16T23:30:00-05:00'), '2026-01-16T23:30:00-05:00');
  assert.equal(parseMachineDate('2026-01-16T09:30Z'), '2026-01-16T09:30:00Z');
  assert.equal(parseMachineDate('2026-01-16 09:30:00 +0100'), '2026-01-16T09:30:00+01:00');
  assert.equal(parseMachineDate('2026-01-16'), '2026-01-16');
  assert.equal(parseMachineDate('Fri, 16 Jan 2026 09:30:00 GMT'), '2026-01-16');
  assert.equal(parseMachineDate('2026-02-30'), undefined);
});

test('written dates in the common news forms', () => {
  assert.equal(parseWrittenDate('Jan. 16, 2026'), '2026-01-16');
  assert.equal(parseWrittenDate('Fri Jan 16 2026'), '2026-01-16');
  assert.equal(parseWrittenDate('16 January 2026'), '2026-01-16');
  assert.equal(parseWrittenDate('Updated on July 9th, 2025'), '2025-07-09');
  assert.equal(parseWrittenDate('3. März 2024'), '2024-03-03');
  assert.equal(parseWrittenDate('3 de marzo de 2024'), '2024-03-03');
  assert.equal(parseWrittenDate('03.04.2024'), '2024-04-03');
  assert.equal(parseWrittenDate('04/03/2024'), '2024-04-03');
  assert.equal(parseWrittenDate('04/03/2024', 'dmy'), '2024-03-04');
  assert.deepEqual(
    findWrittenDates('Posted May 2, 2024 - Updated 2024-06-01').map((d) => d.iso),
    ['2024-05-02', '2024-06-01'],
  );
});

test('a date in the URL path', () => {
  assert.equal(dateFromUrl('https://example.com/2025/09/04/some-story/'), '2025-09-04');
  assert.equal(dateFromUrl('https://example.com/news/20250904-some-story'), '2025-09-04');
  assert.equal(dateFromUrl('https://example.com/news/some-story-1234567'), undefined);
});

test('the headline is the h1 that is not the site logo', () => {
  const m = meta(`<html><head><title>Talks resume in Geneva - Example Post</title><meta property="og:site_name" content="Example Post"></head>
    <body><header><h1 class="site-title"><a href="/">Example Post</a></h1></header><article><h1 class="entry-title">Talks resume in Geneva</h1><p>Text.</p></article></body></html>`);
  assert.equal(m.title, 'Talks resume in Geneva');
});

test('bylines lose "By", dates and e-mail addresses', () => {
  assert.equal(cleanAuthor('By Ana Lopez'), 'Ana Lopez');
  assert.equal(cleanAuthor('by Ana Lopez | ana@example.com'), 'Ana Lopez');
  assert.equal(cleanAuthor('https://example.com/staff/ana'), undefined);
});

test('a JSON-LD organisation author gives way to a person in the byline', () => {
  const ld = { '@type': 'Article', headline: 'Talks resume', author: { '@type': 'Organization', name: 'Example Clinic' }, publisher: { '@type': 'Organization', name: 'Example Clinic' } };
  const m = meta(`<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><article><h1>Talks resume</h1><p>By Maria Santos</p><p>Text.</p></article></body></html>`);
  assert.deepEqual(m.authors, ['Maria Santos']);
});

test('language tags and detection', () => {
  assert.equal(primaryLanguage('pt-BR'), 'pt');
  assert.equal(primaryLanguage('en_US'), 'en');
  assert.equal(primaryLanguage('not a tag!'), undefined);
  assert.equal(detectLanguage('Le ministre a déclaré mardi que les négociations reprendraient la semaine prochaine à Genève.'), 'fr');
  assert.equal(detectLanguage('ok'), undefined);
});
