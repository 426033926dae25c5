import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { Analyzer } from '../../analysis/analyzer.js';
import { segmentComponent } from '../segment/segment-component.js';
import { structureComponent } from './structure-component.js';

const SEED = fileURLToPath(new URL('../../../../shared/data/seed/kremlin-dialogue.txt', import.meta.url));
const GOLD = fileURLToPath(new URL('../../../../shared/data/seed/kremlin-dialogue.gold.json', import.meta.url));
const absent = !existsSync(SEED) || !existsSync(GOLD);

interface GoldMeta {
  headline: string;
  published: string;
  dateline: string;
  keyPoints: string[];
  sections: string[];
  boilerplate: string[];
}

test('seed story read as plain text: metadata as in the gold file', { skip: absent ? `../shared/data/seed is absent` : false }, () => {
  const gold = (JSON.parse(readFileSync(GOLD, 'utf8')) as { metadata: GoldMeta }).metadata;
  const text = readFileSync(SEED, 'utf8');
  const a = new Analyzer({ components: [structureComponent, segmentComponent] }).analyzeRaw({ uri: SEED, kind: 'text', content: text });
  const m = a.meta;
  assert.equal(m.headline?.text, gold.headline);
  assert.equal(m.published?.slice(0, 10), gold.published);
  assert.equal(m.dateline?.text, gold.dateline);
  assert.deepEqual(
    m.keyPoints.map((k) => k.text),
    gold.keyPoints,
  );
  assert.deepEqual(
    m.sections.map((k) => k.text),
    gold.sections,
  );
  // Both share-button lines, each exactly, as ignored ranges.
  for (const b of gold.boilerplate) {
    const want = text.split(b).length - 1;
    assert.ok(want >= 1);
    assert.equal(m.ignored.filter((r) => r.text === b).length, want, b);
  }
  // Headline, date line, key-point heading and dateline are not body sentences.
  for (const s of a.sentences) {
    assert.ok(!s.text.includes(gold.headline));
    assert.ok(!s.text.startsWith(gold.dateline));
    assert.ok(!s.text.includes('Key Points'));
    assert.ok(!gold.boilerplate.some((b) => s.text.includes(b)));
  }
  assert.equal(a.diagnostics.length, 0);
});
