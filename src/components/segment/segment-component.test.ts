import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../doc/doc.js';
import { structureDoc } from '../structure/structure-component.js';
import { segmentDoc } from './segment-component.js';

function run(text: string): Doc {
  const doc = new Doc(text);
  structureDoc(doc);
  segmentDoc(doc);
  return doc;
}

test('every token is the text at its offsets, with POS and lemma', () => {
  const doc = run('Leaders Meet\r\n\r\nThe ministers didn’t agree — they said talks can’t wait.\u00a0Critics said 😀 nothing.');
  const t = doc.tokens!;
  assert.ok(t.length > 10);
  for (let i = 0; i < t.length; i++) {
    assert.ok(t.ends[i]! > t.starts[i]!);
    assert.ok(i === 0 || t.starts[i]! >= t.ends[i - 1]!, 'tokens in order, not overlapping');
    assert.ok(!/\s/.test(t.tokenText(i)), `no white space in a token: ${JSON.stringify(t.tokenText(i))}`);
  }
  const said = [...Array(t.length).keys()].find((i) => t.tokenText(i) === 'said')!;
  assert.equal(t.posTag(said), 'VERB');
  assert.equal(t.lemma(said), 'say');
  assert.deepEqual(doc.diagnostics, []);
});

test('sentence index per token; headline tokens belong to no sentence', () => {
  const doc = run('Leaders Meet in Rome\n\nThe talks began. They ended late.');
  const t = doc.tokens!;
  const sentences = doc.get('sentences');
  assert.deepEqual(
    sentences.map((s) => s.text),
    ['The talks began.', 'They ended late.'],
  );
  for (let i = 0; i < t.length; i++) {
    const s = t.sentence[i]!;
    const inHeadline = t.starts[i]! < 20;
    if (inHeadline) assert.equal(s, -1);
    else {
      assert.ok(s >= 0);
      assert.ok(sentences[s]!.start <= t.starts[i]! && t.ends[i]! <= sentences[s]!.end);
    }
  }
});

test('tokens and sentences never cover ignored ranges', () => {
  const doc = run('Title Of It All\n\nFirst paragraph here.\n\nicon-facebook icon-twitter\n\nSecond paragraph here.\n\nRead more: other things');
  const t = doc.tokens!;
  for (let i = 0; i < t.length; i++) assert.ok(!doc.isIgnored(t.starts[i]!, t.ends[i]!), t.tokenText(i));
  for (const s of doc.get('sentences')) assert.ok(!doc.isIgnored(s.start, s.end), s.text);
  assert.deepEqual(
    doc.get('sentences').map((s) => s.text),
    ['First paragraph here.', 'Second paragraph here.'],
  );
});

test('key points and bullets are sentences without their markers', () => {
  const doc = run('Title Of It All\n\nKey Points\n• One point made.\n• Another point made.\n\nBody text here.');
  assert.deepEqual(
    doc.get('sentences').map((s) => s.text),
    ['One point made.', 'Another point made.', 'Body text here.'],
  );
});

test('the dateline is not part of the first sentence', () => {
  const doc = run('Title Of It All\n\nBERLIN (Wirewire) — The chancellor spoke. She left.');
  assert.deepEqual(
    doc.get('sentences').map((s) => s.text),
    ['The chancellor spoke.', 'She left.'],
  );
});

test('a very long run without white space is one token, with a diagnostic, not given to wink', () => {
  const blob = 'Q'.repeat(5000);
  const doc = run(`Title Here\n\nThe data was ${blob} and more.`);
  const t = doc.tokens!;
  const i = t.tokenAt(doc.text.indexOf(blob));
  assert.equal(t.tokenText(i), blob);
  assert.ok(doc.diagnostics.some((d) => d.rule === 'long-word'));
  assert.equal(t.tokenText(i + 1), 'and');
});

test("a clitic 's is its own token wherever it stands, whatever was read before", () => {
  const words = (d: Doc) => [...Array(d.tokens!.length).keys()].map((i) => d.tokens!.tokenText(i));
  const text = "Ondra's plan, the envoy said, follows Ondra's visit.";
  const fresh = words(run(text));
  // Before a comma wink keeps a word with its clitic whole, and from then on keeps it whole everywhere.
  run("The council backed Ondra's, not Vasek's, plan and Vasek’s aides agreed.");
  assert.deepEqual(words(run(text)), fresh);
  assert.equal(fresh.filter((w) => w === "'s").length, 2);
  assert.ok(!fresh.includes("Ondra's"));
  const curly = words(run('The minister’s aide spoke.'));
  assert.ok(curly.includes('’s') && curly.includes('minister'));
});
