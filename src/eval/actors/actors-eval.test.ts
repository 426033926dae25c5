import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { toAnalysis } from '../../analysis/analysis.js';
import { toDoc } from '../../read/to-doc.js';
import { readSeed } from '../seed-gold.js';
import { actorsAnalyzer, scoreSeedActors } from './actors-eval.js';

const SEED = fileURLToPath(new URL('../../../../shared/data/seed/', import.meta.url));

describe('actors on the seed story', () => {
  it('finds the 15 gold actors with kind, country and sector, their mentions and the gold pronouns', (t) => {
    if (!existsSync(SEED)) {
      t.skip(`${SEED} is absent`);
      return;
    }
    const analyzer = actorsAnalyzer();
    const [{ gold, text, path }] = readSeed(SEED);
    const doc = analyzer.runDoc(toDoc({ uri: path, kind: 'text', content: text }));
    const rep = scoreSeedActors(gold!, toAnalysis(doc, analyzer.pipeline.version));
    assert.deepEqual(rep.rows.filter((r) => !r.ok).map((r) => r.gold), []);
    assert.ok(rep.metrics.mentions! >= 0.95, `mentions ${rep.metrics.mentions}`);
    assert.deepEqual(rep.pronouns.filter((p) => !p.ok), []);
  });
});
