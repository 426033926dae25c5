import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceRules, splitSentences } from './sentence-splitter.js';

function split(text: string): string[] {
  const out: number[] = [];
  splitSentences(text, 0, text.length, sentenceRules(), out);
  const s: string[] = [];
  for (let i = 0; i < out.length; i += 2) s.push(text.slice(out[i], out[i + 1]));
  return s;
}

test('plain sentences break after . ! ? before a capital', () => {
  assert.deepEqual(split('The vote passed. Was it fair? Nobody knows! Critics doubt it.'), [
    'The vote passed.',
    'Was it fair?',
    'Nobody knows!',
    'Critics doubt it.',
  ]);
});

test('titles, months and countries written with periods do not end sentences', () => {
  for (const s of [
    'Mr. Smith met Mrs. Jones and Dr. Lee in St. Louis on Jan. 5 with Gen. Ward.',
    'Sen. Roe and Rep. Doe asked Gov. Kay about the U.S. plan and the U.K. response.',
    'The talks began at 9 a.m. Friday and ended at 4 p.m. local time.',
    'Acme Inc. and Bolt Corp. signed the deal on Feb. 3 at No. 10 Downing Street.',
    'John F. Kennedy read J.R.R. Tolkien aloud.',
  ]) {
    assert.deepEqual(split(s), [s], s);
  }
});

test('an abbreviation that ends a sentence before a word that opens one breaks there', () => {
  assert.deepEqual(split('Troops returned to the U.S. The deployment had lasted a year.'), [
    'Troops returned to the U.S.',
    'The deployment had lasted a year.',
  ]);
  assert.deepEqual(split('The meeting ended at 5 p.m. It resumes tomorrow.'), ['The meeting ended at 5 p.m.', 'It resumes tomorrow.']);
});

test('a quotation that runs on into its attribution is one sentence', () => {
  for (const s of [
    '“We are ready. We will talk,” he said.',
    '“We are ready. We will talk,” said the minister.',
    '“We are ready. We will talk.” the spokesman added.',
    '“We are ready. We will talk!” Foreign Minister Ana Lima told reporters.',
    '“We have noted it. It is positive,” Lima said, adding: “We will see.”',
    'She said “we are ready. We will talk,” before leaving.',
  ]) {
    assert.deepEqual(split(s), [s], s);
  }
});

test('a quotation followed by a new sentence may break inside and after it', () => {
  assert.deepEqual(split('He added: “We are ready. We will talk.” The talks start Monday.'), [
    'He added: “We are ready.',
    'We will talk.”',
    'The talks start Monday.',
  ]);
  assert.deepEqual(split('“It is over,” she said. “We go home now.”'), ['“It is over,” she said.', '“We go home now.”']);
});

test('a reported-speech sentence after a quotation is not taken for its attribution', () => {
  assert.deepEqual(split('“We are ready.” The minister said the talks would resume after a long pause in the process next spring.'), [
    '“We are ready.”',
    'The minister said the talks would resume after a long pause in the process next spring.',
  ]);
});

test('apostrophes do not open or close quotations', () => {
  assert.deepEqual(split('Russia’s envoy left. The Europeans’ view is clear. ‘No deal’ was the reply.'), [
    'Russia’s envoy left.',
    'The Europeans’ view is clear.',
    '‘No deal’ was the reply.',
  ]);
});

test('decimals, ellipses before lower case, and numbers', () => {
  assert.deepEqual(split('Growth was 3.5 percent… or so they said. 2026 will be harder.'), ['Growth was 3.5 percent… or so they said.', '2026 will be harder.']);
});

test('offsets are true to the text, white space between sentences left out', () => {
  const text = '  First one.\r\n  Second one.  ';
  const out: number[] = [];
  splitSentences(text, 0, text.length, sentenceRules(), out);
  assert.deepEqual(out, [2, 12, 16, 27]);
});

test('a capitalised "He said …" that reports more, or introduces a quotation, is a new sentence', () => {
  assert.deepEqual(split('The inquiry is “ongoing.” He said the board has not met since May.'), [
    'The inquiry is “ongoing.”',
    'He said the board has not met since May.',
  ]);
  assert.deepEqual(split('“The plan is ready.” He added: “We start Monday.”'), ['“The plan is ready.”', 'He added: “We start Monday.”']);
  assert.deepEqual(split('“Who are they?” Ana Lima said of the rebels on Friday.'), ['“Who are they?” Ana Lima said of the rebels on Friday.']);
  assert.deepEqual(split('“We are ready.” Lima told the council.'), ['“We are ready.” Lima told the council.']);
});
