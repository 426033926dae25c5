import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type Store } from './store.js';
import { ceasefireAnalysis, fixtureAnalysis, sanctionsAnalysis, talksAnalysis } from './store-fixtures.js';

/**
 * The behaviour every store backend must show. A backend's test file calls this with a factory that
 * gives a fresh, empty store each time.
 */
export function storeContract(backend: string, fresh: () => Promise<Store>): void {
  describe(`store contract: ${backend}`, () => {
    let store: Store;
    before(async () => {
      store = await fresh();
      const r = await store.putArticles([{ analysis: talksAnalysis() }, { analysis: sanctionsAnalysis() }, { analysis: ceasefireAnalysis() }]);
      assert.deepEqual(
        r.map((x) => x.status),
        ['inserted', 'inserted', 'inserted'],
      );
    });
    after(async () => {
      await store.close();
    });

    it('stores articles with their text and Analysis, newest first', async () => {
      const page = await store.articles();
      assert.equal(page.total, 3);
      assert.deepEqual(
        page.items.map((a) => a.published?.slice(0, 10)),
        ['2026-01-24', '2026-01-15', '2026-01-05'],
      );
      const talks = talksAnalysis();
      const a = await store.article(talks.doc.id);
      assert.ok(a);
      assert.equal(a.text, talks.doc.text);
      assert.deepEqual(a.analysis, talks);
      assert.equal(a.url, 'https://wire.example/talks');
      assert.equal(a.outlet, 'Wire One');
      assert.equal(a.actors.a1?.id, 'kb:ana-ferreira');
      assert.equal(await store.article('nope'), undefined);
    });

    it('skips an article stored before, by content hash or by canonical URL', async () => {
      const again = await store.putArticles([{ analysis: talksAnalysis() }]);
      assert.equal(again[0]!.status, 'duplicate');
      const sameUrl = fixtureAnalysis({ text: 'A different text at the same address.', url: 'https://wire.example/talks' });
      const byUrl = await store.putArticles([{ analysis: sameUrl }]);
      assert.equal(byUrl[0]!.status, 'duplicate');
      assert.equal((await store.stats()).articles, 3);
      assert.deepEqual(await store.findArticle({ url: 'https://wire.example/talks' }), { id: talksAnalysis().doc.id, pipeline: 'fixture@1' });
    });

    it('merges actors across articles by knowledge-base id, else by name and country', async () => {
      const all = await store.actors({ limit: 50 });
      const marchenko = all.items.filter((a) => a.name === 'Oleg Marchenko');
      assert.equal(marchenko.length, 1);
      assert.equal(marchenko[0]!.articleCount, 3);
      assert.equal(marchenko[0]!.quoteCount, 3);
      const ferreira = all.items.find((a) => a.id === 'kb:ana-ferreira');
      assert.equal(ferreira?.articleCount, 2);
      assert.equal(ferreira?.quoteCount, 3);
      assert.equal(ferreira?.firstSeen, '2026-01-05');
      assert.equal(ferreira?.lastSeen, '2026-01-24');
      const ukr = await store.actors({ country: 'ukr' });
      assert.deepEqual(
        ukr.items.map((a) => a.name),
        ['Oleg Marchenko'],
      );
    });

    it('finds quotes by words, ranks them, and marks the matched words', async () => {
      const r = await store.quotes({ q: 'corridor' });
      assert.equal(r.total, 3);
      assert.ok(r.items.every((q) => q.snippet?.includes(`${SNIPPET_OPEN}corridor${SNIPPET_CLOSE}`)));
      const phrase = await store.quotes({ q: '"first step"' });
      assert.equal(phrase.total, 1);
      assert.equal(phrase.items[0]!.speaker?.name, 'Ana Ferreira');
      assert.equal(phrase.items[0]!.headline, 'Ceasefire framework signed after night of talks');
      const prefix = await store.quotes({ q: 'theat*' });
      assert.equal(prefix.total, 1);
      const bySpeakerName = await store.quotes({ q: 'vogt' });
      assert.equal(bySpeakerName.total, 1, 'speaker names are searchable');
    });

    it('takes any typed text as a query without a syntax error', async () => {
      for (const q of ['"', 'AND', 'corridor) OR (', "Ferreira's", 'NEAR(', '***', 'OR', '-corridor', 'col:umn']) {
        const r = await store.quotes({ q });
        assert.ok(r.total >= 0);
      }
      assert.equal((await store.quotes({ q: '   ' })).total, 0);
    });

    it('filters quotes by speaker, country, issue and date range', async () => {
      assert.equal((await store.quotes({ speaker: 'kb:ana-ferreira' })).total, 3);
      assert.equal((await store.quotes({ speaker: 'marchenko' })).total, 3);
      assert.equal((await store.quotes({ country: 'EU' })).total, 1);
      assert.equal((await store.quotes({ q: 'corridor', country: 'PRT' })).total, 1);
      const issue = await store.quotes({ issue: 'ceasefire-framework' });
      assert.equal(issue.total, 3);
      assert.ok(issue.items.every((q) => q.issues.includes('ceasefire-framework')));
      assert.equal((await store.quotes({ from: '2026-01-10' })).total, 4);
      assert.equal((await store.quotes({ to: '2026-01-15' })).total, 5);
      assert.equal((await store.quotes({ from: '2026-01', to: '2026-01' })).total, 7);
      assert.equal((await store.quotes({ from: '2026-01-06', to: '2026-01-20', speaker: 'marchenko' })).total, 1);
    });

    it('pages through results with a stable total', async () => {
      const seen = new Set<string>();
      for (let offset = 0; offset < 7; offset += 3) {
        const p = await store.quotes({ limit: 3, offset });
        assert.equal(p.total, 7);
        for (const q of p.items) seen.add(q.id);
      }
      assert.equal(seen.size, 7);
      assert.equal((await store.quotes({ limit: 3, offset: 6 })).items.length, 1);
      assert.equal((await store.quotes({ limit: 0 })).items.length, 0);
      const one = (await store.quotes({ limit: 1 })).items[0]!;
      assert.deepEqual(await store.quote(one.id), one);
    });

    it('searches articles by headline and text', async () => {
      const r = await store.articles({ q: 'shipping' });
      assert.equal(r.total, 1);
      assert.equal(r.items[0]!.headline, 'Brussels weighs new sanctions on shipping firms');
      assert.equal((await store.articles({ outlet: 'Wire One' })).total, 2);
      assert.equal((await store.articles({ actor: 'kb:european-commission' })).total, 1);
    });

    it('lists statements', async () => {
      const s = await store.statements();
      assert.equal(s.total, 1);
      assert.equal(s.items[0]!.text, 'the corridor must reopen before winter');
      assert.equal((await store.statements({ q: 'winter' })).total, 1);
      assert.equal((await store.statements({ q: 'sanctions' })).total, 0);
    });

    it('gives an actor its quotes over time, events on both sides and stances per issue', async () => {
      const marchenko = (await store.actors({ q: 'Marchenko' })).items[0]!;
      const d = await store.actor(marchenko.id, { period: 'month' });
      assert.ok(d);
      assert.deepEqual(d.quotesOverTime, [{ period: '2026-01', count: 3 }]);
      assert.equal(d.eventsAsActor.total, 3);
      assert.equal(d.eventsAsRecipient.total, 0);
      assert.deepEqual(Object.keys(d.stances).sort(), ['ceasefire-framework', 'shipping-sanctions']);
      const weekly = await store.actor(marchenko.id, { period: 'week' });
      assert.deepEqual(
        weekly!.quotesOverTime.map((t) => t.period),
        ['2026-01-05', '2026-01-12', '2026-01-19'],
      );
      const f = await store.actor('kb:ana-ferreira');
      assert.equal(f!.eventsAsRecipient.total, 2);
      assert.equal(await store.actor('kb:nobody'), undefined);
    });

    it('tells who stands where on an issue and how that changed', async () => {
      await store.putIssues([{ id: 'ceasefire-framework', label: 'Ceasefire framework', proposition: 'The parties should sign the ceasefire framework.' }]);
      const list = await store.issues();
      assert.equal(list.total, 2);
      assert.equal(list.items[0]!.id, 'ceasefire-framework');
      const i = await store.issue('ceasefire-framework', { period: 'week' });
      assert.ok(i);
      assert.equal(i.label, 'Ceasefire framework');
      const ferreira = i.positions.find((p) => p.actor.id === 'kb:ana-ferreira')!;
      assert.equal(ferreira.stance, 'support');
      assert.deepEqual(
        ferreira.history.map((h) => h.stance),
        ['conditional', 'support'],
      );
      assert.deepEqual(i.overTime, [
        { period: '2026-01-05', stance: 'conditional', count: 1 },
        { period: '2026-01-19', stance: 'support', count: 2 },
      ]);
      assert.equal((await store.stances({ stance: 'oppose' })).total, 1);
    });

    it('filters events, counts them by type over time, and draws the actor network', async () => {
      assert.equal((await store.events()).total, 4);
      assert.equal((await store.events({ type: 'sanction' })).total, 1);
      assert.equal((await store.events({ country: 'EU' })).total, 2);
      assert.equal((await store.events({ from: '2026-01-20' })).total, 1);
      const counts = await store.eventCounts({ period: 'month' });
      assert.deepEqual(counts, [
        { period: '2026-01', type: 'AGREE', count: 1 },
        { period: '2026-01', type: 'REJECT', count: 1 },
        { period: '2026-01', type: 'SANCTION', count: 1 },
        { period: '2026-01', type: 'SUPPORT', count: 1 },
      ]);
      const net = await store.eventNetwork();
      assert.equal(net.edges.length, 2);
      const top = net.edges[0]!;
      assert.equal(top.source.name, 'Oleg Marchenko');
      assert.equal(top.target.name, 'Ana Ferreira');
      assert.deepEqual(top.types, { AGREE: 1, SUPPORT: 1 });
      assert.equal(net.nodes.length, 3);
    });

    it('replaces the facts of an article analysed by a newer pipeline, in one step', async () => {
      const before = await store.stats();
      const newer = sanctionsAnalysis('fixture@2');
      const smaller = { ...newer, quotes: newer.quotes.slice(0, 1), stances: [] };
      const r = await store.putArticles([{ analysis: smaller }]);
      assert.equal(r[0]!.status, 'replaced');
      const after = await store.stats();
      assert.equal(after.articles, before.articles);
      assert.equal(after.quotes, before.quotes - 1);
      assert.equal(after.stances, before.stances - 1);
      assert.equal((await store.quotes({ q: 'theatre' })).total, 0, 'old quotes leave the full-text index');
      const marchenko = (await store.actors({ q: 'Marchenko' })).items[0]!;
      assert.equal(marchenko.quoteCount, 2);
      assert.equal((await store.article(newer.doc.id))!.pipeline, 'fixture@2');
      assert.ok(after.pipelines.some((p) => p.pipeline === 'fixture@2' && p.articles === 1));
      assert.equal((await store.putArticles([{ analysis: smaller }]))[0]!.status, 'duplicate');
    });

    it('stores the good articles of a batch when one is bad', async () => {
      const good = fixtureAnalysis({ text: 'Short note one about the port of Odesa.', published: '2026-02-01' });
      const bad = { ...fixtureAnalysis({ text: 'Broken analysis.' }), quotes: [{ id: 'q1', kind: 'direct' as const, content: { start: 0, end: 3, text: 'Bro' }, confidence: 0.5, speaker: 'x' }], doc: { id: '', text: 'x', language: 'en', format: 'text' } };
      const good2 = fixtureAnalysis({ text: 'Short note two about the port of Odesa.', published: '2026-02-02' });
      const r = await store.putArticles([{ analysis: good }, { analysis: bad }, { analysis: good2 }]);
      assert.deepEqual(
        r.map((x) => x.status),
        ['inserted', 'failed', 'inserted'],
      );
      assert.ok(r[1]!.error);
      assert.equal((await store.articles({ q: 'Odesa' })).total, 2);
    });

    it('deletes an article with all its facts', async () => {
      const id = talksAnalysis().doc.id;
      const q = (await store.stats()).quotes;
      assert.equal(await store.deleteArticle(id), true);
      assert.equal(await store.article(id), undefined);
      assert.equal((await store.stats()).quotes, q - 3);
      assert.equal((await store.quotes({ q: 'winter' })).total, 0);
      assert.equal(await store.deleteArticle(id), false);
      assert.equal(await store.deleteArticle(sanctionsAnalysis().doc.id), true);
      assert.equal((await store.actors({ q: 'Vogt' })).total, 0, 'an actor no stored article mentions goes');
      const marchenko = (await store.actors({ q: 'Marchenko' })).items[0]!;
      assert.equal(marchenko.articleCount, 1);
      assert.equal(marchenko.firstSeen, '2026-01-24');
    });

    it('exports every stored Analysis', async () => {
      const seen: string[] = [];
      for await (const { analysis } of store.iterateAnalyses()) seen.push(analysis.doc.id);
      assert.equal(seen.length, (await store.stats()).articles);
    });

    it('rejects a malformed date filter with a clear error', async () => {
      await assert.rejects(() => store.quotes({ from: 'last week' }), /from must be a date/);
    });
  });
}
