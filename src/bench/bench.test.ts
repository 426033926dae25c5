import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { benchStage, loadCorpus } from './bench.js';

test('the bench builds its corpus from a data folder and measures a stage (no timing asserted)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-bench-'));
  try {
    const text = join(dir, 'polnear', 'train', 'text');
    mkdirSync(text, { recursive: true });
    writeFileSync(join(text, 'a.txt'), 'Harbour Reopens\n\nThe harbour reopened on Monday. Ships queued outside.\n');
    writeFileSync(join(text, 'b.txt'), 'Talks Resume\n\nDiplomats met again in Vienna on Tuesday.\n');
    const raws = loadCorpus(dir, 'text', 0);
    assert.equal(raws.length, 2);
    assert.equal(loadCorpus(dir, 'text', 1).length, 1);
    assert.equal(loadCorpus(dir, 'html', 0).length, 0);
    const r = benchStage('text', 'segment', raws, 1);
    assert.equal(r.docs, 2);
    assert.equal(r.failed, 0);
    assert.ok(r.tokens > 10);
    assert.ok(r.peakRssMB > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
