import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../store/store.js';
import { CSP } from './server.js';
import { buildExampleStore, startTestServer, type RunningServer } from './serve-fixtures.js';

const TOKEN = 'test-token-5f1c2a';

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can set any header (Host included). */
function call(base: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Res> {
  const u = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: opts.method ?? 'GET', headers: opts.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

async function getJson(base: string, path: string): Promise<{ status: number; json: any }> {
  // `any`: the tests read fields of many response shapes; each read is checked by an assertion.
  const r = await call(base, path);
  assert.match(String(r.headers['content-type']), /^application\/json/);
  return { status: r.status, json: JSON.parse(r.body) };
}

describe('HTTP API over a real SQLite store', () => {
  let dir: string;
  let store: Store;
  let srv: RunningServer;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attache-api-'));
    store = await buildExampleStore(join(dir, 'api.db'), { examples: false });
    srv = await startTestServer({ store, token: TOKEN, maxBody: 64 * 1024 });
    base = srv.url;
  });
  after(async () => {
    await srv.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers lists as { items, total } and pages them with limit and offset', async () => {
    const all = await getJson(base, '/api/quotes?limit=500');
    assert.equal(all.status, 200);
    assert.equal(all.json.total, all.json.items.length);
    assert.ok(all.json.total >= 5);
    const p1 = await getJson(base, '/api/quotes?limit=2&offset=0&sort=published');
    const p2 = await getJson(base, '/api/quotes?limit=2&offset=2&sort=published');
    assert.equal(p1.json.items.length, 2);
    assert.equal(p1.json.total, all.json.total);
    assert.notDeepEqual(
      p1.json.items.map((q: { id: string }) => q.id),
      p2.json.items.map((q: { id: string }) => q.id),
    );
  });

  it('searches quotes by words, speaker, country and dates', async () => {
    const r = await getJson(base, '/api/quotes?q=corridor');
    assert.ok(r.json.total >= 1);
    for (const q of r.json.items) assert.match(q.text, /corridor/i);
    const bySpeaker = await getJson(base, `/api/quotes?speaker=${encodeURIComponent('kb:ana-ferreira')}`);
    assert.ok(bySpeaker.json.total >= 2);
    for (const q of bySpeaker.json.items) assert.equal(q.speaker.id, 'kb:ana-ferreira');
    const byCountry = await getJson(base, '/api/quotes?country=prt&from=2026-01-20&to=2026-01-31');
    assert.ok(byCountry.json.total >= 1);
    for (const q of byCountry.json.items) assert.ok(q.published >= '2026-01-20' && q.published <= '2026-01-31T99');
  });

  it('refuses bad parameters with a 400 that names each one', async () => {
    for (const [path, words] of [
      ['/api/quotes?limit=0', /"limit"/],
      ['/api/quotes?limit=501', /"limit"/],
      ['/api/quotes?offset=-1', /"offset"/],
      ['/api/quotes?limit=ten', /"limit"/],
      ['/api/quotes?from=2026-13', /"from"/],
      ['/api/quotes?from=2026-02&to=2026-01', /after/],
      ['/api/quotes?colour=red', /unknown parameter "colour"/],
      ['/api/quotes?q=a&q=b', /more than once/],
      ['/api/events?type=HUG', /"type"/],
      ['/api/stances?stance=maybe', /"stance"/],
    ] as const) {
      const r = await getJson(base, path);
      assert.equal(r.status, 400, path);
      assert.equal(r.json.error.status, 400);
      assert.match(r.json.error.message, words, path);
    }
  });

  it('gives one article, actor and issue by id, and a JSON 404 for unknown ids', async () => {
    const list = await getJson(base, '/api/articles?limit=1');
    const id = list.json.items[0].id;
    const art = await getJson(base, `/api/articles/${id}`);
    assert.equal(art.json.id, id);
    assert.equal(art.json.analysis.schema, 'attache.analysis/1');
    const actor = await getJson(base, `/api/actors/${encodeURIComponent('kb:ana-ferreira')}`);
    assert.equal(actor.json.name, 'Ana Ferreira');
    assert.ok(actor.json.stances['ceasefire-framework'].length >= 2);
    const issue = await getJson(base, '/api/issues/ceasefire-framework');
    assert.ok(issue.json.positions.length >= 2);
    for (const path of ['/api/articles/nope', '/api/actors/nope', '/api/issues/nope']) {
      const r = await getJson(base, path);
      assert.equal(r.status, 404);
      assert.equal(r.json.error.code, 'not_found');
    }
  });

  it('serves events, their counts per period and the actor network', async () => {
    const ev = await getJson(base, '/api/events?type=sanction');
    assert.ok(ev.json.total >= 1);
    for (const e of ev.json.items) assert.equal(e.type, 'SANCTION');
    const counts = await getJson(base, '/api/events/counts?period=month');
    assert.ok(counts.json.items.some((c: { type: string }) => c.type === 'AGREE'));
    const net = await getJson(base, '/api/events/network');
    assert.ok(net.json.edges.length >= 1);
  });

  it('documents itself as OpenAPI, every path with its parameters', async () => {
    const r = await getJson(base, '/api/openapi.json');
    assert.equal(r.json.openapi, '3.1.0');
    const quotes = r.json.paths['/api/quotes'].get;
    const names = quotes.parameters.map((p: { name: string }) => p.name);
    for (const n of ['q', 'speaker', 'country', 'issue', 'from', 'to', 'limit', 'offset']) assert.ok(names.includes(n), n);
    assert.ok(r.json.paths['/api/articles/{id}']);
    assert.deepEqual(r.json.paths['/api/ingest'].post.security, [{ bearer: [] }]);
  });

  it('needs the bearer token to ingest, and never writes it to the log', async () => {
    const text = 'Envoys meet in Oslo\n\n12 February 2026\n\nOSLO - "We have agreed to meet again next week," envoy Marta Lind said on Thursday.';
    const none = await call(base, '/api/ingest', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: text });
    assert.equal(none.status, 401);
    assert.match(String(none.headers['www-authenticate']), /Bearer/);
    const wrong = await call(base, '/api/ingest', { method: 'POST', headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer nope-nope-nope' }, body: text });
    assert.equal(wrong.status, 401);
    const ok = await call(base, '/api/ingest', { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8', Authorization: `Bearer ${TOKEN}` }, body: text });
    assert.equal(ok.status, 201, ok.body);
    const res = JSON.parse(ok.body);
    assert.equal(res.inserted, 1);
    const again = await call(base, '/api/ingest', { method: 'POST', headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${TOKEN}` }, body: text });
    assert.equal(again.status, 200);
    assert.equal(JSON.parse(again.body).duplicates, 1);
    const stored = await getJson(base, `/api/articles/${res.items[0].id}`);
    assert.equal(stored.json.text, text);
    assert.ok(!srv.logs.join('\n').includes(TOKEN));
    assert.ok(!srv.logs.join('\n').includes('nope-nope-nope'));
  });

  it('ingests a JSONL body line by line, reporting bad lines without failing the rest', async () => {
    const body = `${JSON.stringify({ text: 'Talks resume\n\nVIENNA - Delegates resumed talks on Monday, a spokesman said.', url: 'https://wire.example/vienna' })}\nnot json\n`;
    const r = await call(base, '/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Bearer ${TOKEN}` }, body });
    const j = JSON.parse(r.body);
    assert.equal(j.inserted, 1);
    assert.equal(j.failed, 1);
    assert.match(j.items[1].error, /malformed JSON/);
  });

  it('refuses unknown media types, empty and oversized bodies, and GET on the ingest endpoint', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    assert.equal((await call(base, '/api/ingest', { method: 'POST', headers: { ...auth, 'Content-Type': 'image/png' }, body: 'x' })).status, 415);
    assert.equal((await call(base, '/api/ingest', { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '' })).status, 400);
    const big = await call(base, '/api/ingest', { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: Buffer.alloc(70 * 1024, 97) });
    assert.equal(big.status, 413);
    const get = await call(base, '/api/ingest');
    assert.equal(get.status, 405);
    assert.equal(get.headers.allow, 'POST');
  });

  it('analyses POSTed articles on a worker thread as the served command does', async () => {
    const w = await startTestServer({ store, token: TOKEN, ingestJobs: 1 });
    try {
      const text = 'Ministers sign water accord\n\n3 February 2026\n\nLISBON - "This accord will outlast us all," minister Rui Tavares said.';
      const r = await call(w.url, '/api/ingest', { method: 'POST', headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${TOKEN}` }, body: text });
      assert.equal(r.status, 201, r.body);
      assert.equal(JSON.parse(r.body).inserted, 1);
    } finally {
      await w.close();
    }
  });

  it('refuses writes altogether when the server has no token', async () => {
    const ro = await startTestServer({ store });
    try {
      const r = await call(ro.url, '/api/ingest', { method: 'POST', headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer anything-at-all' }, body: 'x' });
      assert.equal(r.status, 403);
    } finally {
      await ro.close();
    }
  });

  it('sends a strict Content-Security-Policy and refuses foreign Host names', async () => {
    const home = await call(base, '/');
    assert.equal(home.status, 200);
    assert.equal(home.headers['content-security-policy'], CSP);
    assert.match(CSP, /default-src 'none'/);
    assert.equal(home.headers['x-content-type-options'], 'nosniff');
    const rebind = await call(base, '/api/stats', { headers: { Host: 'evil.example:80' } });
    assert.equal(rebind.status, 421);
  });

  it('answers unknown pages with an HTML 404 and unknown API paths with a JSON one', async () => {
    const page = await call(base, '/no/such/page');
    assert.equal(page.status, 404);
    assert.match(String(page.headers['content-type']), /text\/html/);
    const api = await getJson(base, '/api/nothing');
    assert.equal(api.status, 404);
  });
});
