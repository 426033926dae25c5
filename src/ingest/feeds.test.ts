import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedDate, itemPage, looksLikeFeed, parseFeed, wordCount } from './feeds.js';

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Gazette &amp; Wire</title><link>https://gazette.example/</link>
<item><title><![CDATA[Port talks <em>resume</em>]]></title><link>/news/port-talks</link>
<pubDate>Tue, 06 Jan 2026 08:15:00 GMT</pubDate><description>Negotiators met &lt;b&gt;again&lt;/b&gt;.</description>
<content:encoded><![CDATA[<p>Full text &amp; more.</p>]]></content:encoded></item>
<item><title>No link here</title><guid isPermaLink="true">https://gazette.example/news/guid-link</guid><dc:date>2026-01-07T10:00:00+01:00</dc:date></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Capital Desk</title><link rel="alternate" href="https://desk.example/"/>
<entry><title type="html">Envoy &lt;i&gt;arrives&lt;/i&gt;</title><link rel="self" href="https://desk.example/api/1"/><link rel="alternate" type="text/html" href="/2026/01/envoy"/>
<id>tag:desk.example,2026:1</id><updated>2026-01-09T12:00:00Z</updated><published>2026-01-08T09:00:00Z</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The envoy landed.</p></div></content></entry>
</feed>`;

describe('feed parsing', () => {
  it('reads RSS 2.0 items with links resolved against the channel, dates as ISO 8601, and full content apart from the summary', () => {
    const f = parseFeed(RSS, 'https://gazette.example/rss')!;
    assert.equal(f.format, 'rss');
    assert.equal(f.title, 'Harbour Gazette & Wire');
    assert.equal(f.items.length, 2);
    const [a, b] = f.items;
    assert.equal(a!.link, 'https://gazette.example/news/port-talks');
    assert.equal(a!.title, 'Port talks <em>resume</em>');
    assert.equal(a!.published, '2026-01-06T08:15:00.000Z');
    assert.equal(a!.html, '<p>Full text &amp; more.</p>');
    assert.equal(a!.summary, 'Negotiators met <b>again</b>.');
    assert.equal(b!.link, 'https://gazette.example/news/guid-link', 'a permalink guid stands in for a missing link');
    assert.equal(b!.published, '2026-01-07T09:00:00.000Z');
  });

  it('reads Atom entries, taking the alternate HTML link and the published date', () => {
    const f = parseFeed(ATOM)!;
    assert.equal(f.format, 'atom');
    const e = f.items[0]!;
    assert.equal(e.link, 'https://desk.example/2026/01/envoy');
    assert.equal(e.published, '2026-01-08T09:00:00.000Z');
    assert.match(e.html!, /<p>The envoy landed.<\/p>/);
    assert.equal(e.title, 'Envoy <i>arrives</i>');
  });

  it('reads JSON Feed items, turning plain-text content into paragraphs', () => {
    const f = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Night Wire',
        home_page_url: 'https://night.example/',
        items: [{ id: '1', url: 'story/1', title: 'Vote delayed', date_published: '2026-01-10T21:00:00-05:00', content_text: 'First para.\n\nSecond <para>.' }],
      }),
    )!;
    assert.equal(f.format, 'json');
    assert.equal(f.items[0]!.link, 'https://night.example/story/1');
    assert.equal(f.items[0]!.published, '2026-01-11T02:00:00.000Z');
    assert.equal(f.items[0]!.html, '<p>First para.</p>\n<p>Second &#60;para&#62;.</p>');
  });

  it('tolerates broken markup and says when a text is not a feed', () => {
    const f = parseFeed('<rss><channel><title>Loose & broken<item><title>Still read</title><link>https://x.example/1</link></item>');
    assert.equal(f?.items[0]?.link, 'https://x.example/1');
    assert.equal(parseFeed('<html><body><p>A page</p></body></html>'), undefined);
    assert.equal(parseFeed('{"not": "a feed"}'), undefined);
    assert.equal(looksLikeFeed('<html><body>'), false);
    assert.equal(looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0">'), true);
    assert.equal(looksLikeFeed('', 'application/atom+xml; charset=utf-8'), true);
  });

  it('reads the date formats feeds use and refuses junk', () => {
    assert.equal(feedDate('Fri, 16 Jan 2026 09:30:00 +0300'), '2026-01-16T06:30:00.000Z');
    assert.equal(feedDate('2026-01-16'), '2026-01-16');
    assert.equal(feedDate('sometime soon'), undefined);
  });

  it('builds a page around a full-text item with its title, date and outlet, escaping the title', () => {
    const html = itemPage({ title: 'A <script>x</script> title', published: '2026-01-06', html: '<p>Body.</p>' }, 'Gazette');
    assert.match(html, /<title>A x title<\/title>/);
    assert.match(html, /article:published_time" content="2026-01-06"/);
    assert.ok(!html.includes('<script>'));
    assert.equal(wordCount('<p>Two <b>words</b></p> &amp;'), 2);
  });
});
