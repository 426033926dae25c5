import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QuoteRecord } from '../../doc/records.js';
import { groupStatements } from './statements-component.js';
import { sameStatement, toWording } from './wording.js';

function q(id: string, speaker: string | undefined, text: string, kind: QuoteRecord['kind'] = 'direct'): QuoteRecord {
  return { id, kind, content: { start: 0, end: text.length, text }, ...(speaker ? { speaker } : {}), confidence: 1 };
}

test('a verbatim prefix, a retranslation and a paraphrase of one remark are one statement', () => {
  const quotes = [
    q('a', 'min', 'We are ready to resume talks with our neighbours as soon as the shelling stops. That is our position.'),
    q('b', 'min', 'We are ready to resume talks with our neighbours'),
    q('c', 'min', 'We are prepared to restart negotiations with the neighbouring countries once the shelling ends.'),
    q('d', 'min', 'Our budget will grow by two percent next year.'),
    q('e', 'other', 'We are ready to resume talks with our neighbours as soon as the shelling stops.'),
  ];
  const st = groupStatements(quotes);
  const of = (id: string) => st.find((s) => s.quotes.includes(id))!;
  assert.equal(of('a').id, of('b').id);
  assert.equal(of('a').id, of('c').id);
  assert.notEqual(of('a').id, of('d').id, 'another claim by the same speaker stays apart');
  assert.notEqual(of('a').id, of('e').id, 'the same words from another speaker are another statement');
  assert.equal(of('a').canonical, 'a', 'the longest direct wording stands for the statement');
  assert.equal(st.reduce((n, s) => n + s.quotes.length, 0), quotes.length);
});

test('opposite polarity never merges', () => {
  assert.equal(sameStatement(toWording('Germany will deliver the missiles to Ukraine this month.'), toWording('Germany will not deliver the missiles to Ukraine this month.')), false);
});
