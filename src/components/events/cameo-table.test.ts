import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cameoEntry, cameoTable, QUAD } from './cameo-table.js';
import { eventLexicon } from './lexicon.js';

const REFERENCE = new URL('../../../../shared/reference/CAMEO2PLOVER-2021.txt', import.meta.url);

describe('CAMEO table', () => {
  it('agrees with the 2021 CAMEO-to-PLOVER reference on type, mode and context', (t) => {
    if (!existsSync(REFERENCE)) {
      t.skip('../shared/reference/CAMEO2PLOVER-2021.txt is absent');
      return;
    }
    const seen = new Set<string>();
    let checked = 0;
    for (const line of readFileSync(REFERENCE, 'utf8').split('\n')) {
      const m = /^(\d{3,4}):\s*([^#]*)/.exec(line);
      if (!m || seen.has(m[1]!)) continue;
      seen.add(m[1]!);
      const [type, mode, ctx] = m[2]!.split(',').map((x) => x.trim());
      const e = cameoTable().get(m[1]!);
      assert.ok(e, `code ${m[1]} missing`);
      assert.equal(e.type, type, `type of ${m[1]}`);
      assert.equal(e.mode ?? '', (mode ?? '').replace(/\s+/g, ''), `mode of ${m[1]}`);
      assert.deepEqual([...e.context], (ctx ?? '').split(';').map((c) => c.trim()).filter(Boolean), `context of ${m[1]}`);
      checked++;
    }
    assert.ok(checked > 200);
  });
  it('gives every code the quad class of its type', () => {
    for (const e of cameoTable().values()) assert.equal(e.quad, QUAD[e.type], e.code);
  });
  it('follows the 2024 manual for imposed sanctions by default and the 2021 table on request', () => {
    assert.equal(cameoEntry('163')?.type, 'SANCTION');
    assert.equal(cameoEntry('163', 'cameo2plover-2021')?.type, 'COERCE');
  });
  it('falls back from an unknown 4-digit code to its parent', () => {
    assert.equal(cameoEntry('0369')?.code, '036');
  });
  it('gives every lexicon pattern a known code of its file\'s type', () => {
    const lex = eventLexicon();
    assert.ok(lex.patterns.length > 200);
    for (const p of lex.patterns) assert.ok(cameoEntry(p.cameo), p.id);
  });
});
