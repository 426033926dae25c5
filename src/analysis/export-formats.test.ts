import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeSpan } from '../doc/span.js';
import type { Analysis } from './analysis.js';
import { actorCode, toCameoRows, toPloverRecords } from './export-formats.js';

const TEXT = 'Canada and the EU imposed sanctions on Freedonia.';
const analysis = {
  schema: 'attache.analysis/1',
  pipeline: 'test',
  doc: { id: 'a1', text: TEXT, uri: 'a1.txt', language: 'en', format: 'text' },
  meta: { published: '2026-01-16', authors: [], keyPoints: [], sections: [], ignored: [] },
  paragraphs: [], sentences: [], quotes: [], stances: [], statements: [], keyPoints: [], diagnostics: [],
  actors: [
    { id: 'can', name: 'Canada', kind: 'country', country: 'CAN', mentions: [] },
    { id: 'eu', name: 'European Union', kind: 'igo', country: 'EU', sector: 'IGO', mentions: [] },
    { id: 'fre', name: 'Freedonia government', kind: 'organization', country: 'FRE', sector: 'GOV', mentions: [] },
  ],
  events: [
    { id: 'e1', type: 'SANCTION', mode: 'discontinue', context: ['economic'], cameo: '163', quad: 4, goldstein: -6, actor: ['can', 'eu'], recipient: ['fre'], trigger: makeSpan(TEXT, 18, 35), evidence: makeSpan(TEXT, 0, TEXT.length), modality: 'asserted', negated: false },
    { id: 'e2', type: 'CONSULT', context: [], cameo: '040', quad: 1, actor: ['can'], recipient: ['fre'], trigger: makeSpan(TEXT, 0, 6), evidence: makeSpan(TEXT, 0, TEXT.length), modality: 'asserted', negated: true },
  ],
} as unknown as Analysis;

describe('export formats', () => {
  it('writes PLOVER records with actor and recipient codes, type, mode, context, spans and source', () => {
    const [r] = toPloverRecords(analysis);
    assert.equal(r?.id, 'a1-e1');
    assert.equal(r?.date, '2026-01-16');
    assert.deepEqual(r?.actor.map((a) => a.code), ['CAN', 'EUR']);
    assert.equal(r?.recipient[0]?.sector, 'GOV');
    assert.equal(r?.eventType, 'SANCTION');
    assert.equal(r?.mode, 'discontinue');
    assert.deepEqual(r?.context, ['economic']);
    assert.equal(r?.text.trigger.text, 'imposed sanctions');
    assert.equal(r?.source.articleId, 'a1');
  });
  it('writes one CAMEO row per actor and recipient, leaving out negated events', () => {
    const rows = toCameoRows(analysis);
    assert.deepEqual(rows.map((r) => [r.source, r.target, r.cameo, r.quad, r.goldstein]), [
      ['CAN', 'FREGOV', '163', 4, '-6'],
      ['EURIGO', 'FREGOV', '163', 4, '-6'],
    ]);
    assert.equal(rows[0]?.date, '2026-01-16');
    assert.equal(rows[0]?.article, 'a1');
  });
  it('codes unknown actors as ---', () => {
    assert.equal(actorCode(undefined), '---');
  });
});
