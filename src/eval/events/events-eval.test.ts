import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Io } from '../../cli/io.js';
import { run } from './events-eval.js';

function capture(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s), stdoutIsTTY: false, stderrIsTTY: false }, out, err };
}

/** A one-story seed folder whose gold says Freedonia did NOT call for talks, while the text says it did. */
function seedDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'attache-events-eval-'));
  writeFileSync(join(dir, 'story.txt'), 'Freedonia called for talks with Ruritania on Monday.\n');
  const gold = {
    metadata: { published: '2026-01-16' },
    actors: [
      { id: 'fre', name: 'Freedonia', mentions: ['Freedonia'] },
      { id: 'rur', name: 'Ruritania', mentions: ['Ruritania'] },
    ],
    events: [],
    negatives: [{ actor: 'fre', not_type: ['CONSULT', 'REQUEST'] }],
  };
  writeFileSync(join(dir, 'story.gold.json'), JSON.stringify(gold));
  return dir;
}

describe('eval events on a seed folder', () => {
  it('fails --min negatives_ok=1 when a gold negative was coded as an event', async () => {
    const dir = seedDir();
    try {
      const c = capture();
      const code = await run(['--data', dir, '--json', '--min', 'negatives_ok=1'], c.io);
      const report = JSON.parse(c.out.join('')) as { metrics: { negatives_ok: number; negatives_violated: number } };
      assert.equal(report.metrics.negatives_ok, 0);
      assert.ok(report.metrics.negatives_violated > 0);
      assert.equal(code, 1);
      assert.match(c.err.join(''), /negatives_ok/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('refuses a threshold on the raw violation count, which could never fail as a minimum', async () => {
    const dir = seedDir();
    try {
      await assert.rejects(run(['--data', dir, '--min', 'negatives_violated=0'], capture().io), /unknown metric/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
