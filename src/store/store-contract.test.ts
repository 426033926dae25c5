import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { AttacheError } from '../errors.js';
import { SQLITE_SCHEMA_VERSION } from './sqlite-migrations.js';
import { ftsQuery } from './sqlite-store.js';
import { openStore } from './store.js';
import { storeContract } from './store-contract.js';
import { talksAnalysis } from './store-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('sqlite', () => openStore(join(dir, `contract-${++n}.db`)));
storeContract('sqlite in memory', () => openStore(':memory:'));

describe('sqlite store', () => {
  it('keeps what it stored across reopening', async () => {
    const path = join(dir, 'reopen.db');
    const s = await openStore(path);
    await s.putArticles([{ analysis: talksAnalysis() }]);
    await s.close();
    const again = await openStore(path, { readonly: true });
    assert.equal((await again.stats()).quotes, 3);
    assert.equal((await again.stats()).schemaVersion, SQLITE_SCHEMA_VERSION);
    await again.close();
  });

  it('sees what another connection wrote (counts are not stale)', async () => {
    const path = join(dir, 'two.db');
    const reader = await openStore(join(dir, 'two.db'));
    assert.equal((await reader.stats()).articles, 0);
    const writer = await openStore(path);
    await writer.putArticles([{ analysis: talksAnalysis() }]);
    assert.equal((await reader.stats()).articles, 1);
    assert.equal((await reader.quotes({ q: 'winter' })).total, 1);
    await writer.close();
    await reader.close();
  });

  it('refuses a store written by a newer program', async () => {
    const path = join(dir, 'newer.db');
    (await openStore(path)).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)').run(SQLITE_SCHEMA_VERSION + 1, 'future', '2030-01-01');
    db.close();
    await assert.rejects(
      () => openStore(path),
      (e: unknown) => e instanceof AttacheError && e.code === 'ATT_E041' && /newer than this program/.test(e.message) && e.where === path,
    );
  });

  it('refuses a file that is not a store', async () => {
    const path = join(dir, 'junk.db');
    writeFileSync(path, 'this is not a database, just some words in a file that is long enough to look like one');
    await assert.rejects(() => openStore(path), (e: unknown) => e instanceof AttacheError && e.code === 'ATT_E040');
    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    await assert.rejects(() => openStore(other), /not an Attaché store/);
  });

  it('says the PostgreSQL backend is not in this build, without echoing a password', async () => {
    await assert.rejects(
      () => openStore('postgres://user:secret@db.example/attache'),
      (e: unknown) => e instanceof AttacheError && e.message === 'PostgreSQL backend not available in this build' && !String(e.where).includes('secret'),
    );
  });

  it('makes a safe full-text query from anything typed', () => {
    assert.equal(ftsQuery('peace talks'), '"peace" "talks"');
    assert.equal(ftsQuery('"peace deal" moscow*'), '"peace deal" "moscow"*');
    assert.equal(ftsQuery('a OR b'), '"a" OR "b"');
    assert.equal(ftsQuery('OR'), '"OR"', 'a lone OR is a word');
    assert.equal(ftsQuery('" ( )'), undefined);
  });
});
