import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, type Store } from '../store/store.js';
import { startPool, type AnalyzePool } from './analyze-pool.js';
import { PoliteFetcher } from './fetcher.js';
import { ingest } from './ingest.js';
import { ingestItems } from './ingest-sources.js';
import { wireStory } from './story-fixtures.js';

const longParagraphs = (topic: string) =>
  Array.from({ length: 12 }, (_, k) => `<p>Paragraph ${k + 1} on ${topic}: delegates from the two ministries argued over the wording of the final communique late into the night.</p>`).join('');

interface Hits {
  paths: string[];
  agents: string[];
  active: number;
  maxActive: number;
  flaky: number;
}

function startServer(hits: Hits): Promise<{ server: Server; base: string }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    hits.paths.push(req.url ?? '');
    hits.agents.push(String(req.headers['user-agent']));
    hits.active++;
    hits.maxActive = Math.max(hits.maxActive, hits.active);
    const base = `http://${req.headers.host}`;
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      setTimeout(() => {
        hits.active--;
        res.writeHead(status, { 'content-type': type, ...headers });
        res.end(body);
      }, 15);
    };
    switch (req.url) {
      case '/summaries.rss':
        return send(
          200,
          'application/rss+xml',
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title><link>${base}/</link>
          <item><title>Mayor opens ferry line</title><link>${base}/a/ferry.html</link><pubDate>Mon, 12 Jan 2026 07:00:00 GMT</pubDate><description>The mayor opened a line.</description></item>
          <item><title>Rail strike ends</title><link>${base}/a/rail.html</link><pubDate>Tue, 13 Jan 2026 07:00:00 GMT</pubDate><description>Short summary.</description></item>
          <item><title>Flaky page</title><link>${base}/a/flaky.html</link><pubDate>Wed, 14 Jan 2026 07:00:00 GMT</pubDate><description>Short.</description></item>
          <item><title>Gone page</title><link>${base}/a/gone.html</link><description>Short.</description></item>
          </channel></rss>`,
        );
      case '/full.atom':
        return send(
          200,
          'application/atom+xml',
          `<feed xmlns="http://www.w3.org/2005/Atom"><title>Capital Desk</title>
          <entry><title>Envoys agree on communique</title><link href="${base}/atom/1"/><published>2026-01-20T09:00:00Z</published>
          <content type="html">${longParagraphs('the communique').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content></entry></feed>`,
        );
      case '/feed.json':
        return send(
          200,
          'application/feed+json',
          JSON.stringify({
            version: 'https://jsonfeed.org/version/1.1',
            title: 'Night Wire',
            items: [{ id: '1', url: `${base}/j/1`, title: 'Budget vote delayed', date_published: '2026-01-22T21:00:00Z', content_html: longParagraphs('the budget') }],
          }),
        );
      case '/a/ferry.html':
        return send(200, 'text/html; charset=utf-8', `<!doctype html><html><head><title>Mayor opens ferry line</title></head><body><article><h1>Mayor opens ferry line</h1>${longParagraphs('the ferry')}</article></body></html>`);
      case '/a/rail.html':
        return send(200, 'text/html', `<!doctype html><html><head><title>Rail strike ends</title></head><body><article><h1>Rail strike ends</h1>${longParagraphs('the rail strike')}</article></body></html>`);
      case '/a/flaky.html':
        if (hits.flaky++ === 0) return send(503, 'text/plain', 'busy', { 'retry-after': '0' });
        return send(200, 'text/html', `<!doctype html><html><head><title>Flaky page</title></head><body><article><h1>Flaky page</h1>${longParagraphs('retries')}</article></body></html>`);
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('ingest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-ingest-'));
  const hits: Hits = { paths: [], agents: [], active: 0, maxActive: 0, flaky: 0 };
  let server: Server;
  let base: string;
  let pool: AnalyzePool;
  let n = 0;
  const freshStore = () => openStore(join(dir, `s${++n}.db`));

  before(async () => {
    ({ server, base } = await startServer(hits));
    pool = await startPool({}, 0);
  });
  after(async () => {
    server.close();
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a folder once, and skips every article on a second run', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    for (let i = 0; i < 6; i++) writeFileSync(join(folder, i % 2 ? 'sub' : '', `story-${i}.txt`), wireStory(i));
    writeFileSync(join(folder, 'copy-of-0.txt'), wireStory(0));
    const store = await freshStore();
    const first = await ingest(ingestItems([folder]), { store, pool });
    assert.equal(first.inserted, 6);
    assert.equal(first.duplicates, 1, 'the same text under another name is a duplicate');
    assert.equal(first.failed.length, 0);
    const second = await ingest(ingestItems([folder]), { store, pool });
    assert.equal(second.inserted, 0);
    assert.equal(second.duplicates, 7);
    assert.equal((await store.stats()).articles, 6);
    await store.close();
  });

  it('stores the good articles of a batch and names each bad input with its problem', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'good-1.txt'), wireStory(101));
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    writeFileSync(join(folder, 'dump.jsonl'), [JSON.stringify({ text: wireStory(102), url: 'https://wire.example/102', published: '2026-01-02' }), '{broken json', JSON.stringify({ title: 'no text' }), ''].join('\n'));
    writeFileSync(join(folder, 'good-2.txt'), wireStory(103));
    const store = await freshStore();
    const r = await ingest(ingestItems([folder, join(dir, 'no-such-folder')]), { store, pool });
    assert.equal(r.inserted, 3);
    const reasons = r.failed.map((f) => f.reason).join('\n');
    assert.equal(r.failed.length, 5, reasons);
    assert.match(reasons, /empty\.txt.*empty/i);
    assert.match(reasons, /binary\.txt/);
    assert.match(reasons, /dump\.jsonl#L2.*malformed JSON/);
    assert.match(reasons, /dump\.jsonl#L3.*no non-empty "text"/);
    assert.match(reasons, /no-such-folder.*no such file/);
    const a = await store.articles({ q: 'bridge 102' });
    assert.equal(a.items[0]?.url, 'https://wire.example/102');
    assert.equal(a.items[0]?.published, '2026-01-02');
    await store.close();
  });

  it('ingests feeds from a server: full-text items as they are, summaries by fetching the page, politely', async () => {
    hits.paths.length = 0;
    hits.maxActive = 0;
    const fetcher = new PoliteFetcher({ userAgent: 'AttacheTest/1', backoffMs: 5, retries: 2, timeoutMs: 5000 });
    const store = await freshStore();
    const r = await ingest(ingestItems([`${base}/summaries.rss`, `${base}/full.atom`, `${base}/feed.json`], { fetcher }), { store, pool });
    assert.equal(r.inserted, 5, JSON.stringify(r.failed));
    assert.equal(r.failed.length, 1);
    assert.match(r.failed[0]!.reason, /gone\.html.*HTTP 404/);
    assert.equal(hits.maxActive, 1, 'one request at a time to one host');
    assert.ok(hits.agents.every((a) => a === 'AttacheTest/1'));
    assert.equal(hits.paths.filter((p) => p === '/a/flaky.html').length, 2, 'a 503 is retried');
    assert.ok(!hits.paths.includes('/atom/1') && !hits.paths.includes('/j/1'), 'full-text items are not fetched again');

    const ferry = (await store.articles({ q: 'ferry' })).items[0]!;
    assert.equal(ferry.url, `${base}/a/ferry.html`);
    assert.equal(ferry.published?.slice(0, 10), '2026-01-12', 'the feed date is the publication date');
    const atom = (await store.articles({ q: 'communique' })).items[0]!;
    assert.equal(atom.published?.slice(0, 10), '2026-01-20');
    assert.equal(atom.outlet, 'Capital Desk');

    const again = await ingest(ingestItems([`${base}/full.atom`], { fetcher }), { store, pool });
    assert.equal(again.duplicates, 1);
    await store.close();
  });

  it('analyses again, and replaces the facts of, articles stored by another pipeline version', async () => {
    const folder = join(dir, 'versions');
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 3; i++) writeFileSync(join(folder, `v-${i}.txt`), wireStory(300 + i));
    const store = await freshStore();
    const short = await startPool({ upTo: 'segment' }, 0);
    const first = await ingest(ingestItems([folder]), { store, pool: short });
    await short.close();
    assert.equal(first.inserted, 3);
    assert.equal((await store.stats()).pipelines[0]!.pipeline, short.pipeline);
    const full = await ingest(ingestItems([folder]), { store, pool });
    assert.equal(full.replaced, 3);
    assert.equal(full.inserted, 0);
    const stats = await store.stats();
    assert.equal(stats.articles, 3);
    assert.deepEqual(stats.pipelines, [{ pipeline: pool.pipeline, articles: 3 }]);
    const forced = await ingest(ingestItems([folder]), { store, pool, force: true });
    assert.equal(forced.replaced, 3, '--force analyses and replaces even with the same pipeline');
    assert.equal((await store.stats()).articles, 3);
    await store.close();
  });

  it('analyses on worker threads and stores the same facts as on the main thread', async () => {
    const folder = join(dir, 'threads');
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 12; i++) writeFileSync(join(folder, `w-${i}.txt`), wireStory(200 + i));
    const inline = await freshStore();
    const threaded = await freshStore();
    const a = await ingest(ingestItems([folder]), { store: inline, pool });
    const b = await ingest(ingestItems([folder]), { store: threaded, jobs: 2, batchSize: 5 });
    assert.equal(a.inserted, 12);
    assert.equal(b.inserted, 12);
    assert.equal(b.pipeline, a.pipeline);
    const sa = await inline.stats();
    const sb = await threaded.stats();
    assert.equal(sb.quotes, sa.quotes);
    assert.equal(sb.actors, sa.actors);
    await inline.close();
    await threaded.close();
  });

  it('stores articles in input order whatever order the threads finish them in', async () => {
    const folder = join(dir, 'ordered');
    mkdirSync(folder, { recursive: true });
    // A long article first: the short ones sent to the other thread finish before it.
    writeFileSync(join(folder, 'a-00-long.txt'), Array.from({ length: 100 }, (_, k) => wireStory(500 + k)).join('\n\n'));
    writeFileSync(join(folder, 'a-01.txt'), wireStory(450));
    const shorts = Array.from({ length: 38 }, (_, k) => `b-${String(k + 2).padStart(2, '0')}.txt`);
    shorts.forEach((name, k) => writeFileSync(join(folder, name), wireStory(452 + k)));
    writeFileSync(join(folder, 'z-copy.txt'), wireStory(450));
    const file = join(dir, 'ordered.db');
    const store = await openStore(file);
    const r = await ingest(ingestItems([folder]), { store, jobs: 2, batchSize: 2, flushMs: 0 });
    await store.close();
    assert.equal(r.inserted, 40);
    assert.equal(r.duplicates, 1);
    const db = new Database(file, { readonly: true });
    const uris = (db.prepare('SELECT uri FROM articles ORDER BY rowid').all() as { uri: string }[]).map((u) => basename(u.uri));
    db.close();
    assert.deepEqual(uris, ['a-00-long.txt', 'a-01.txt', ...shorts], 'the first copy in input order is the one kept');
  });
});
