import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { codePair, run } from '../../cli/commands/code/code-command.js';
import type { Io } from '../../cli/io.js';
import { loadRelationModel, shippedRelationModel, type RelationModel } from './relation-model.js';

const LABELS = ['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'YIELD', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

/** A hand-made model that always answers `label` (by its bias), whatever the rules say. */
function always(label: string): RelationModel {
  return { kind: 'attache.relation-model/1', labels: LABELS, weights: {}, bias: LABELS.map((l) => (l === label ? 5 : 0)) };
}

function tmpFile(name: string, text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'attache-relmodel-')), name);
  writeFileSync(f, text);
  return f;
}

describe('relation model loading and fallback', () => {
  it('reads a model file and returns null for an absent, unreadable or foreign one', () => {
    assert.equal(loadRelationModel(join(tmpdir(), 'no-such-dir-attache', 'm.json')), null);
    assert.equal(loadRelationModel(tmpFile('bad.json', '{ not json')), null);
    assert.equal(loadRelationModel(tmpFile('other.json', JSON.stringify({ kind: 'something/1', labels: ['A'], bias: [0], weights: {} }))), null);
    assert.equal(loadRelationModel(tmpFile('short.json', JSON.stringify({ ...always('AID'), bias: [0, 1] }))), null);
    assert.deepEqual(loadRelationModel(tmpFile('ok.json', JSON.stringify(always('AID'))))?.labels, LABELS);
  });

  it('the shipped model, where present, has the 15 PLV classes', () => {
    const m = shippedRelationModel();
    if (m) assert.deepEqual([...m.labels].sort(), [...LABELS].sort());
  });

  it('codes by the rules alone without a model', () => {
    const c = codePair('Oslo welcomed the plan of Lima.', 'Oslo', 'Lima', 'manual', undefined, null);
    assert.equal(c.type, 'SUPPORT');
    assert.equal(c.by, 'rules');
  });

  it('keeps the rule decision, code and trigger where the model agrees with it', () => {
    const c = codePair('Oslo welcomed the plan of Lima.', 'Oslo', 'Lima', 'manual', undefined, always('SUPPORT'));
    assert.equal(c.type, 'SUPPORT');
    assert.equal(c.by, 'model');
    assert.equal(c.trigger, 'welcomed');
  });

  it('takes the code and trigger of a rule candidate of the model class where it disagrees', () => {
    const c = codePair('Oslo welcomed the plan and then attacked the harbour of Lima.', 'Oslo', 'Lima', 'manual', undefined, always('SUPPORT'));
    assert.equal(c.type, 'SUPPORT');
    assert.equal(c.trigger, 'welcomed');
  });

  it('gives the bare class where no rule candidate has it', () => {
    const c = codePair('Oslo met Lima.', 'Oslo', 'Lima', 'manual', undefined, always('AID'));
    assert.deepEqual([c.type, c.cameo, c.by], ['AID', undefined, 'model']);
    assert.equal(codePair('Oslo met Lima.', 'Oslo', 'Lima', 'manual', undefined, always('YIELD')).type, 'CONCEDE');
  });

  it('attache code --rules-only leaves the shipped model out', async () => {
    let out = '';
    const io: Io = { out: (s) => void (out += s), err: () => {}, stdoutIsTTY: false, stderrIsTTY: false };
    assert.equal(await run(['--sentence', 'Oslo met Lima.', '--source', 'Oslo', '--target', 'Lima', '--json', '--rules-only'], io), 0);
    assert.equal(JSON.parse(out).by, 'rules');
    out = '';
    await run(['--sentence', 'Oslo met Lima.', '--source', 'Oslo', '--target', 'Lima', '--json'], io);
    assert.equal(JSON.parse(out).by, shippedRelationModel() ? 'model' : 'rules');
  });
});
