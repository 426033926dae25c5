import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildExampleStore, startTestServer, type RunningServer } from '../server/serve-fixtures.js';
import type { Store } from '../store/store.js';

/**
 * The dashboard in a real headless Chromium (Debian's, driven by playwright-core) over a real server
 * and a real SQLite store of the example articles plus hand-built fixtures, one of them hostile.
 * Set ATTACHE_SCREENSHOTS=DIR to keep a screenshot of every page visited.
 */

const CHROMIUM = process.env.ATTACHE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type PW = typeof import('playwright-core');
let pw: PW | undefined;
let skip: string | false = false;
if (!existsSync(CHROMIUM)) skip = `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`;
else {
  try {
    pw = await import('playwright-core');
  } catch {
    skip = 'browser tests skipped: playwright-core is not installed (npm install)';
  }
}
if (skip) console.log(`# ${skip}`);

describe('dashboard in headless Chromium', { skip }, () => {
  let dir: string;
  let store: Store;
  let srv: RunningServer;
  let ctx: import('playwright-core').BrowserContext;
  let page: import('playwright-core').Page;
  const dialogs: string[] = [];
  const problems: string[] = [];
  const shots = process.env.ATTACHE_SCREENSHOTS;
  let shotNo = 0;

  async function visit(path: string): Promise<void> {
    const res = await page.goto(new URL(path, srv.url).href);
    assert.ok(res, path);
    assert.equal(res.status(), 200, `${path} answered ${res.status()}`);
    await snap(path);
  }

  async function snap(label: string): Promise<void> {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    const name = `${String(++shotNo).padStart(2, '0')}-${label.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}.png`;
    await page.screenshot({ path: join(shots, name), fullPage: true });
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attache-browser-'));
    store = await buildExampleStore(join(dir, 'browser.db'));
    srv = await startTestServer({ store });
    ctx = await pw!.chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1200, height: 900 },
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.setDefaultTimeout(15_000);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  });

  after(async () => {
    await ctx?.close();
    await srv?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the home page with what the store holds and a search form', async () => {
    await visit('/');
    assert.match(await page.title(), /Attaché/);
    assert.match(await page.locator('.stats').innerText(), /articles/);
    assert.ok((await page.locator('.quote').count()) > 0);
    assert.equal(await page.locator('form.search input[name=q]').count(), 1);
  });

  it('searches quotes from the form, marks the words, pages the results, and leads to the article', async () => {
    await visit('/');
    await page.fill('form.search input[name=q]', 'ceasefire');
    await Promise.all([page.waitForURL(/\/search\?/), page.click('form.search button')]);
    await snap('search-ceasefire');
    assert.match(await page.locator('h1').innerText(), /ceasefire/);
    const marks = await page.locator('#quotes .quote .text mark').allInnerTexts();
    assert.ok(marks.length > 0, 'matched words are marked');
    for (const m of marks) assert.match(m, /ceasefire/i);
    const next = page.locator('.pager a[rel=next]');
    if (await next.count()) {
      await Promise.all([page.waitForURL(/page=2/), next.click()]);
      assert.match(await page.locator('.pager').innerText(), /page 2 of/);
    }
    await Promise.all([page.waitForURL(/\/articles\//), page.locator('#quotes .quote .who a[href^="/articles/"]').first().click()]);
    await snap('article-from-search');
    assert.ok((await page.locator('article.text mark.q').count()) > 0, 'quotes are highlighted in the text');
  });

  it('filters quotes by speaker and date range', async () => {
    await visit(`/search?speaker=${encodeURIComponent('kb:ana-ferreira')}&from=2026-01-20`);
    const who = await page.locator('#quotes .quote').count();
    assert.ok(who >= 1);
    for (const d of await page.locator('#quotes .quote .who').allInnerTexts()) assert.match(d, /Jan 2026|Feb 2026/);
  });

  it('refuses a bad filter with a readable 400 page', async () => {
    const res = await page.goto(new URL('/search?from=2026-13', srv.url).href);
    assert.equal(res?.status(), 400);
    assert.match(await page.locator('main').innerText(), /"from"/);
  });

  it('shows an article with quotes coloured by speaker, events marked and tables of facts', async () => {
    await visit('/articles');
    await Promise.all([page.waitForURL(/\/articles\/\w+/), page.getByRole('link', { name: 'Brussels weighs new sanctions on shipping firms' }).click()]);
    await snap('article-sanctions');
    assert.ok((await page.locator('article.text mark.q[class*="sp-"]').count()) >= 2);
    const speakerClasses = new Set(await page.locator('article.text mark.q').evaluateAll((els) => els.map((e) => e.className)));
    assert.ok(speakerClasses.size >= 2, 'two speakers, two colours');
    assert.ok((await page.locator('article.text .ev').count()) >= 1, 'event triggers are marked');
    assert.match(await page.locator('article.text .ev').first().getAttribute('title') ?? '', /SANCTION|REJECT/);
  });

  it('follows links from an article to an actor, the actor to an issue, and shows their charts', async () => {
    await page.locator('.legend a[href^="/actors/"]').first().click();
    await page.waitForURL(/\/actors\//);
    await snap('actor-from-article');
    await visit(`/actors/${encodeURIComponent('kb:ana-ferreira')}`);
    assert.equal(await page.locator('h1').innerText(), 'Ana Ferreira');
    assert.ok((await page.locator('svg.chart circle').count()) >= 3, 'stance timeline dots');
    assert.ok((await page.locator('svg.chart rect').count()) >= 1, 'quotes over time bars');
    await Promise.all([page.waitForURL(/\/issues\//), page.locator('a[href="/issues/ceasefire-framework"]').first().click()]);
    await snap('issue-from-actor');
    assert.match(await page.locator('main').innerText(), /Where they stand now/);
    assert.match(await page.locator('main').innerText(), /Changed position/);
    assert.ok((await page.locator('svg.chart').count()) >= 2);
  });

  it('draws the event network and counts by type, and lists actors and issues', async () => {
    await visit('/events');
    assert.ok((await page.locator('svg.chart path[marker-end]').count()) >= 1, 'network edges');
    assert.ok((await page.locator('svg.chart rect').count()) >= 1, 'type counts');
    await page.selectOption('select[name=type]', 'AGREE');
    await Promise.all([page.waitForURL(/type=AGREE/), page.click('form.search button')]);
    for (const t of await page.locator('td .ev-type').allInnerTexts()) assert.equal(t, 'AGREE');
    await visit('/actors');
    assert.ok((await page.locator('table a[href^="/actors/"]').count()) >= 3);
    await visit('/issues');
    assert.ok((await page.locator('table a[href^="/issues/"]').count()) >= 1);
  });

  it('renders a quote containing <script> as visible text and runs no script on any page', async () => {
    await visit('/search?q=diplomacy');
    assert.match(await page.locator('#quotes').innerText(), /<script>alert\(1\)<\/script> is not how diplomacy works/);
    await Promise.all([page.waitForURL(/\/articles\//), page.locator('#quotes .quote .who a[href^="/articles/"]').first().click()]);
    await snap('hostile-article');
    const text = await page.locator('article.text').innerText();
    assert.match(text, /<script>alert\(1\)<\/script> is not how diplomacy works/);
    assert.match(text, /writing <b>bold<\/b> claims & nothing else/);
    assert.match(await page.locator('h1').innerText(), /<img src=x onerror=alert\(2\)>/);
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.locator('main img, main b').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'an untrusted URL is not linked');
    for (const path of [`/actors/${encodeURIComponent('kb:ana-ferreira')}`, '/issues/ceasefire-framework', '/events', '/articles']) {
      await visit(path);
      assert.equal(await page.locator('script').count(), 0, path);
      assert.equal(await page.locator('main img').count(), 0, path);
    }
    assert.deepEqual(dialogs, [], 'no alert() ever ran');
  });

  it('shows a readable 404 page and logs no browser errors anywhere', async () => {
    const res = await page.goto(new URL('/actors/nobody', srv.url).href);
    assert.equal(res?.status(), 404);
    assert.match(await page.locator('h1').innerText(), /Not found/);
    await snap('not-found');
    const real = problems.filter((p) => !/status of 40[04]/.test(p));
    assert.deepEqual(real, []);
  });
});
