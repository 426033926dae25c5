import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findChannel } from './channels.js';
import { quoteLexicon } from './lexicon.js';
import { findQuoteSpans } from './quote-marks.js';

describe('cue lexicon', () => {
  const lex = quoteLexicon();
  const families: Record<string, string[]> = {
    say: ['say', 'tell', 'add', 'explain'],
    write: ['write', 'tweet'],
    announce: ['announce', 'confirm', 'acknowledge'],
    claim: ['insist', 'stress', 'emphasise', 'warn'],
    urge: ['urge', 'call'],
    deny: ['deny', 'reject'],
    evaluate: ['accuse', 'describe', 'praise'],
    agree: ['echo', 'support'],
    think: ['believe', 'hope'],
    evidence: ['show', 'find'],
    seem: ['seem'],
  };
  for (const [family, lemmas] of Object.entries(families)) {
    it(`has the ${family} family`, () => {
      for (const l of lemmas) assert.ok(lex.verbFamilies.get(l)?.includes(family), `${l} in ${family}`);
    });
  }
  it('has verbs of manner that count only next to quote marks', () => {
    for (const l of ['snap', 'beam', 'fume', 'read']) assert.ok(lex.quoteOnly.has(l), l);
    for (const l of lex.quoteOnly) assert.ok(!lex.verbFamilies.has(l), `${l} is a cue verb already`);
  });
  it('has statement nouns and document nouns', () => {
    assert.ok(lex.speechNouns.has('statement'));
    assert.ok(lex.documentNouns.has('report'));
  });
});

describe('channel patterns', () => {
  const lex = quoteLexicon();
  const ch = (s: string) => {
    const m = findChannel(s, 0, s.length, lex);
    return m && s.slice(m.start, m.end);
  };
  it('as quoted by', () => assert.equal(ch('told reporters as quoted by state-run Lumen news agency.'), 'state-run Lumen news agency'));
  it('in an interview with', () => assert.equal(ch('said in an interview with the Daily Courier.'), 'the Daily Courier'));
  it('told a media outlet', () => assert.equal(ch('told Radio Lumen on Friday'), 'Radio Lumen'));
  it('in a statement', () => assert.equal(ch('said in a written statement'), 'a written statement'));
  it('according to a document', () => assert.equal(ch(', according to a statement from the ministry'), 'a statement'));
  it('not an addressee', () => assert.equal(ch('told reporters on Friday'), undefined));
});

describe('quote marks', () => {
  const spans = (t: string) => findQuoteSpans(t, [{ start: 0, end: t.length }]).map((q) => t.slice(q.start, q.end));
  it('closes a straight mark that stands between spaces', () => {
    assert.deepEqual(spans(`"He told us 'go home,' " she said.`), [`He told us 'go home,' `]);
  });
  it('pairs curly, straight, single and guillemet marks', () => {
    assert.deepEqual(spans('“A b,” he said.'), ['A b,']);
    assert.deepEqual(spans('"A b," he said.'), ['A b,']);
    assert.deepEqual(spans('Russia to ‘toughen’ stance'), ['toughen']);
    assert.deepEqual(spans('« Oui », dit-il.'), [' Oui ']);
  });
  it('does not take apostrophes for marks', () => {
    assert.deepEqual(spans('Russia’s position and the leaders’ view'), []);
  });
  it('continues a quote into a paragraph that re-opens with a mark', () => {
    const t = '“One.\n\n“Two.”';
    const q = findQuoteSpans(t, [{ start: 0, end: 5 }, { start: 7, end: t.length }]);
    assert.equal(q.length, 1);
    assert.ok(q[0]!.multiParagraph);
  });
  it('ends an unclosed quote at its paragraph when the next does not re-open', () => {
    const t = '“One.\n\nTwo.';
    const q = findQuoteSpans(t, [{ start: 0, end: 5 }, { start: 7, end: t.length }]);
    assert.equal(t.slice(q[0]!.start, q[0]!.end), 'One.');
  });
});
