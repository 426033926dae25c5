import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorMatches, dateMatches, titleMatches } from './compare.js';
import { aebAggregate, precisionOf, recallOf, shingleCounts, shingles, wordScores, words } from './metrics.js';

test('words are runs of letters, digits and underscores, case kept', () => {
  assert.deepEqual(words('Hello, wörld_1 — “x”!'), ['Hello', 'wörld_1', 'x']);
});

test('shingles are word 4-grams with counts; a short text is one shingle', () => {
  assert.deepEqual([...shingles('a b c d a b c d')], [['a b c d', 2], ['b c d a', 1], ['c d a b', 1], ['d a b c', 1]]);
  assert.deepEqual([...shingles('only two')], [['only two', 1]]);
  assert.equal(shingles('').size, 0);
});

test('white space and paragraph breaks do not change the shingles', () => {
  assert.deepEqual(shingleCounts('one two three four five', 'one  two\n\nthree four\nfive'), { tp: 2, fp: 0, fn: 0 });
});

test('extra and missing text count as false positives and negatives', () => {
  const c = shingleCounts('a b c d e', 'a b c d e f');
  assert.deepEqual(c, { tp: 2, fp: 1, fn: 0 });
  assert.equal(precisionOf(c), 2 / 3);
  assert.equal(recallOf(c), 1);
});

test('AEB aggregates precision and recall over pages, then F1 from the averages', () => {
  const agg = aebAggregate([
    { tp: 1, fp: 1, fn: 0 },
    { tp: 0, fp: 0, fn: 2 },
  ]);
  // Precision averages over the page that predicted something; recall over both pages.
  assert.equal(agg.precision, 0.5);
  assert.equal(agg.recall, 0.5);
  assert.equal(agg.f1, 0.5);
});

test('WCXB word scores: lower-cased bag of words', () => {
  const s = wordScores('The cat sat on the mat', 'the cat sat');
  assert.equal(s.precision, 1);
  assert.equal(s.recall, 0.5);
  assert.deepEqual(wordScores('', ''), { precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(wordScores('x', ''), { precision: 0, recall: 0, f1: 0 });
});

test('title, author and date comparison rules', () => {
  assert.ok(titleMatches('Talks Resume – Again', 'talks resume - again'));
  assert.ok(titleMatches('“Quoted” title', '"Quoted"  title'));
  assert.ok(!titleMatches('Talks resume', 'Talks resume | Example Post'));
  assert.ok(authorMatches('Dylan Bailey, MS, RD', ['By Dylan Bailey']));
  assert.ok(authorMatches('Moses Kim and Kate Shokurova', ['Moses Kim']));
  assert.ok(!authorMatches('Moses Kim', ['Example Clinic']));
  assert.ok(dateMatches('2025-09-04', '2025-09-04T23:30:00-04:00'));
  assert.ok(dateMatches('2025-09', '2025-09-30'));
  assert.ok(!dateMatches('2025-09-04', undefined));
});
