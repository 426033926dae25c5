import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../../store/store.js';
import { ceasefireAnalysis, sanctionsAnalysis, talksAnalysis } from '../../../store/store-fixtures.js';
import type { Io } from '../../io.js';
import { main } from '../../main.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (s: string) => void (io.stdout += s),
    err: (s: string) => void (io.stderr += s),
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  return io;
}

describe('attache search and export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-search-'));
  const db = join(dir, 'a.db');
  before(async () => {
    const s = await openStore(db);
    await s.putArticles([{ analysis: talksAnalysis() }, { analysis: sanctionsAnalysis() }, { analysis: ceasefireAnalysis() }]);
    await s.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints matching quotes with speaker and marked words, then matching articles', async () => {
    const io = capture();
    assert.equal(await main(['search', 'corridor', '--db', db], io), 0);
    assert.match(io.stdout, /^Quotes: 3 found/m);
    assert.match(io.stdout, /2026-01-05 {2}Ana Ferreira \(PRT\): “the \*\*corridor\*\* must reopen before winter”/);
    assert.match(io.stdout, /^Articles: 3 found/m);
  });

  it('filters by speaker, country and dates, and prints JSON with totals', async () => {
    const io = capture();
    assert.equal(await main(['search', 'corridor', '--country', 'UKR', '--from', '2026-01-20', '--json', '--db', db], io), 0);
    const r = JSON.parse(io.stdout) as { quotes: { total: number; items: { speaker: { name: string } }[] }; articles?: unknown };
    assert.equal(r.quotes.total, 1);
    assert.equal(r.quotes.items[0]!.speaker.name, 'Oleg Marchenko');
    assert.equal(r.articles, undefined, 'articles have no speaker to filter by');
  });

  it('gives one-line errors for a missing store, a bad date and the PostgreSQL backend', async () => {
    let io = capture();
    assert.equal(await main(['search', 'x', '--db', join(dir, 'none.db')], io), 1);
    assert.match(io.stderr, /^attache search: .*none\.db: no store here .*\[ATT_E040\]\n$/);
    io = capture();
    assert.equal(await main(['search', 'x', '--from', 'yesterday', '--db', db], io), 1);
    assert.match(io.stderr, /^attache search: from must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not "yesterday" \[ATT_E060\]\n$/);
    io = capture();
    assert.equal(await main(['ingest', 'x', '--db', 'postgres://u:pw@h/db'], io), 1);
    assert.equal(io.stderr, 'attache ingest: postgres://h/db: PostgreSQL backend not available in this build [ATT_E040]\n');
  });

  it('exports every stored Analysis as JSONL, and quotes as CSV', async () => {
    let io = capture();
    assert.equal(await main(['export', '--db', db], io), 0);
    const lines = io.stdout.trim().split('\n').map((l) => JSON.parse(l) as { doc: { id: string } });
    assert.deepEqual(
      lines.map((l) => l.doc.id).sort(),
      [talksAnalysis(), sanctionsAnalysis(), ceasefireAnalysis()].map((a) => a.doc.id).sort(),
    );
    const out = join(dir, 'quotes.csv');
    io = capture();
    assert.equal(await main(['export', '--format', 'csv', '--out', out, '--db', db], io), 0);
    const csv = readFileSync(out, 'utf8').trim().split('\r\n');
    assert.equal(csv.length, 1 + 7);
    assert.match(csv[0]!, /^article_id,published,outlet,headline,url,quote_id,kind,speaker,/);
    assert.ok(csv.some((l) => l.includes('"Sanctions will stay until the corridor is open,"')));
    assert.match(io.stderr, /exported 7 quote\(s\)/);
  });

  it('exports events as PLOVER records and CAMEO rows, with the source facts the store kept', async () => {
    let io = capture();
    assert.equal(await main(['export', '--format', 'plover', '--db', db], io), 0);
    const recs = io.stdout.trim().split('\n').map((l) => JSON.parse(l) as { eventType: string; source: { outlet?: string }; actor: { name: string }[] });
    assert.equal(recs.length, 4);
    const sanction = recs.find((r) => r.eventType === 'SANCTION')!;
    assert.equal(sanction.actor[0]!.name, 'European Commission');
    assert.equal(sanction.source.outlet, 'Wire Two');
    io = capture();
    assert.equal(await main(['export', '--format', 'cameo', '--db', db], io), 0);
    const lines = io.stdout.trim().split('\n');
    assert.equal(lines[0], 'date\tsource\ttarget\tcameo\tquad\tgoldstein\tarticle');
    io = capture();
    assert.equal(await main(['export', '--format', 'xml', '--db', db], io), 2);
    assert.match(io.stderr, /--format takes jsonl, csv, plover, cameo/);
  });
});
