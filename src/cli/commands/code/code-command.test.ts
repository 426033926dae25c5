import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Io } from '../../io.js';
import { run } from './code-command.js';

function io(): Io & { outText: () => string; errText: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => void (out += s), err: (s) => void (err += s), stdoutIsTTY: false, stderrIsTTY: false, outText: () => out, errText: () => err };
}

describe('attache code', () => {
  it('prints the type of one pair', async () => {
    const o = io();
    assert.equal(await run(['--sentence', 'Oslo welcomed the plan of Lima.', '--source', 'Oslo', '--target', 'Lima'], o), 0);
    assert.equal(o.outText(), 'SUPPORT\n');
  });
  it('adds a predicted column to a TSV, row for row, and names the line of a bad row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-code-'));
    const file = join(dir, 'pairs.tsv');
    writeFileSync(file, 'n\tsentence\tsource\ttarget\n1\tPolice arrested two activists.\tPolice\ttwo activists\n2\tonly two\n3\tOslo met Lima.\tOslo\tLima\n');
    const o = io();
    assert.equal(await run(['--tsv', file], o), 3);
    const lines = o.outText().trimEnd().split('\n');
    assert.equal(lines[0], 'n\tsentence\tsource\ttarget\tpredicted');
    assert.equal(lines[1]?.split('\t').pop(), 'COERCE');
    assert.equal(lines[2], '2\tonly two\t');
    assert.equal(lines[3]?.split('\t').pop(), 'CONSULT');
    assert.match(o.errText(), /pairs\.tsv:3: .*fields/);
  });
  it('rejects a TSV without the needed columns with a one-line error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-code-'));
    const file = join(dir, 'bad.tsv');
    writeFileSync(file, 'text\tfrom\n');
    await assert.rejects(run(['--tsv', file], io()), /lacks column\(s\) sentence, source, target/);
  });
});
