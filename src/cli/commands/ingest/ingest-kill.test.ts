import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { wireStory } from '../../../ingest/story-fixtures.js';

const MAIN = fileURLToPath(new URL('../../main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'attache-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function stored(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

function runIngest(folder: string, db: string): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [MAIN, 'ingest', folder, '--db', db, '--batch', '8', '--jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((res) => child.on('exit', (code, signal) => res({ code, signal, stderr })));
  return { child, done };
}

it('leaves no duplicate and no missing article when an ingest is killed with SIGKILL and run again', { timeout: 240_000 }, async () => {
  const folder = join(dir, 'articles');
  mkdirSync(folder);
  const total = 600;
  for (let i = 0; i < total; i++) writeFileSync(join(folder, `story-${String(i).padStart(4, '0')}.txt`), wireStory(i));
  const db = join(dir, 'killed.db');

  const first = runIngest(folder, db);
  let atKill = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 40));
    atKill = stored(db);
    if (atKill >= 24) break;
    const exited = await Promise.race([first.done.then(() => true), Promise.resolve(false)]);
    if (exited) break;
  }
  first.child.kill('SIGKILL');
  const killed = await first.done;
  assert.equal(killed.signal, 'SIGKILL', `the first run ended before it could be killed: ${killed.stderr}`);
  const afterKill = stored(db);
  assert.ok(afterKill < total, `killed mid-way (${afterKill} of ${total} stored)`);

  const second = runIngest(folder, db);
  const resumed = await second.done;
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, new RegExp(`ingested ${total - afterKill} article\\(s\\), skipped ${afterKill} duplicate`));

  const d = new Database(db, { readonly: true });
  try {
    assert.equal((d.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    const uris = (d.prepare('SELECT uri FROM articles').all() as { uri: string }[]).map((r) => r.uri.split(/[\\/]/).pop());
    assert.equal(uris.length, total);
    assert.equal(new Set(uris).size, total, 'no duplicate article');
    assert.deepEqual(new Set(uris), new Set(readdirSync(folder)), 'no missing article');
    const q = d.prepare('SELECT (SELECT count(*) FROM quotes) AS quotes, (SELECT sum(quote_count) FROM articles) AS counted, (SELECT count(*) FROM quotes_fts) AS indexed').get() as Record<string, number>;
    assert.equal(q.quotes, q.counted, 'every article has exactly its own quotes');
    assert.equal(q.indexed, q.quotes, 'the full-text index matches the quotes');
  } finally {
    d.close();
  }
});
