import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../doc/doc.js';
import type { ActorRecord, QuoteRecord } from '../../doc/records.js';
import { makeSpan, type Span } from '../../doc/span.js';
import { AttacheError } from '../../errors.js';
import { loadIssueFile, shippedIssues } from './issues.js';
import { findStances, readPassage } from './stances-component.js';

const TEXT =
  'Finnish Foreign Minister Anna Berg said on Monday that Europe should open talks with Russia. ' +
  'Swedish Prime Minister Lars Holm has not called for talks with Russia but said the EU must find a balance with Moscow. ' +
  '“We reject any talks with Moscow now,” said Polish President Piotr Nowak.';

function spansOf(text: string, needle: string): Span[] {
  const out: Span[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(makeSpan(text, i, i + needle.length));
  return out;
}

function fixture(): Doc {
  const doc = new Doc(TEXT, { meta: { published: '2026-02-04' } });
  const sentences: Span[] = [];
  let start = 0;
  for (const end of [TEXT.indexOf('Russia. ') + 7, TEXT.indexOf('Moscow. ') + 7, TEXT.length]) {
    sentences.push(makeSpan(TEXT, start, end));
    start = end + 1;
  }
  doc.set('sentences', sentences);
  const actor = (id: string, kind: ActorRecord['kind'], ...names: string[]): ActorRecord => ({ id, name: names[0]!, kind, mentions: names.flatMap((n) => spansOf(TEXT, n)) });
  doc.set('actors', [
    actor('berg', 'person', 'Finnish Foreign Minister Anna Berg'),
    actor('holm', 'person', 'Swedish Prime Minister Lars Holm'),
    actor('nowak', 'person', 'Polish President Piotr Nowak'),
    actor('eu', 'igo', 'the EU'),
    actor('europe', 'region', 'Europe'),
    actor('russia', 'country', 'Russia', 'Moscow'),
  ]);
  const content = spansOf(TEXT, 'We reject any talks with Moscow now,')[0]!;
  const quote: QuoteRecord = { id: 'q1', kind: 'direct', content, speaker: 'nowak', cue: spansOf(TEXT, 'said Polish')[0]!, confidence: 0.9 };
  doc.set('quotes', [quote]);
  return doc;
}

test('a reported call for talks is support, a negated call with a hedge is neutral, a rejection is opposition, each dated', () => {
  const stances = findStances(fixture(), shippedIssues().filter((i) => i.id === 'europe-russia-dialogue'));
  const of = (actor: string) => stances.find((s) => s.actor === actor)?.stance;
  assert.equal(of('berg'), 'support');
  assert.equal(of('holm'), 'neutral');
  assert.equal(of('nowak'), 'oppose');
  assert.equal(of('eu'), undefined, 'the EU in reported speech holds no stance of its own');
  for (const s of stances) assert.ok(s.evidence.length > 0);
  assert.equal(stances.find((s) => s.actor === 'berg')?.date, '2026-02-02', '"said on Monday" dates the position, not the article');
  assert.equal(stances.find((s) => s.actor === 'nowak')?.date, '2026-02-04', 'undated remarks take the publication date');
});

test('a condition makes support conditional', () => {
  const r = readPassage('We are ready to talk to Moscow if the attacks stop.');
  assert.equal(r.value, 'support');
  assert.equal(r.conditional, true);
  assert.equal(readPassage('The minister has not called for talks.').value, 'negated');
});

test('an invalid issue names the file and the line', () => {
  const yaml = '- id: ok-issue\n  label: Fine\n  proposition: Fine.\n  terms: [[a]]\n- id: Bad Id\n  label: x\n  proposition: y\n  terms: [[b]]\n';
  assert.throws(
    () => loadIssueFile('my-issues.yaml', yaml),
    (e: unknown) => e instanceof AttacheError && e.code === 'ATT_E021' && /^my-issues\.yaml: line 5: id/.test(e.oneLine()),
  );
});
