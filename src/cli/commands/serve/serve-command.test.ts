import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildExampleStore } from '../../../server/serve-fixtures.js';

const MAIN = fileURLToPath(new URL('../../main.js', import.meta.url));

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('attache serve', () => {
  let dir: string;
  let db: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attache-serve-'));
    db = join(dir, 'serve.db');
    await (await buildExampleStore(db, { examples: false })).close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its URL on 127.0.0.1, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [MAIN, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const health = await fetch(new URL('/healthz', url));
    assert.equal(health.status, 200);
    const stats = (await (await fetch(new URL('/api/stats', url))).json()) as { articles: number };
    assert.ok(stats.articles >= 3);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  });

  it('refuses a missing store, a bad port and a short token with one line each', async () => {
    const missing = await runCli(['serve', '--db', join(dir, 'none.db'), '--port', '0']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /none\.db: no store here; run "attache ingest/);
    assert.equal(missing.err.trim().split('\n').length, 1);
    const port = await runCli(['serve', '--db', db, '--port', 'http']);
    assert.equal(port.code, 2);
    assert.match(port.err, /--port/);
    const token = await runCli(['serve', '--db', db, '--port', '0'], { ATTACHE_TOKEN: 'short' });
    assert.equal(token.code, 2);
    assert.match(token.err, /at least 8 characters/);
    assert.ok(!token.err.includes('short'), 'the token is never echoed');
  });
});
