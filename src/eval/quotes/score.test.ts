import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analysis } from '../../analysis/analysis.js';
import { attributionsFromAnalysis, dice, contentChars, emptySubsets, isPronounSource, scoreDocument, type ScoredAttribution } from './score.js';

const TEXT = 'Ruiz said the port will open. “It is safe,” she said. Voters agree, polls show.';
const span = (s: string): { start: number; end: number } => {
  const at = TEXT.indexOf(s);
  return { start: at, end: at + s.length };
};
const attr = (content: string, source?: string, cue?: string): ScoredAttribution => ({
  content: [span(content)],
  source: source ? [span(source)] : [],
  cue: cue ? [span(cue)] : [],
});

describe('attribution scoring', () => {
  it('measures Dice over non-whitespace characters', () => {
    assert.equal(dice(contentChars(TEXT, [span('the port')]), contentChars(TEXT, [span('the port')])), 1);
    assert.equal(contentChars(TEXT, [span('the port')]).size, 7);
  });

  it('matches one to one, and checks source and cue on matches', () => {
    const gold = [attr('the port will open', 'Ruiz', 'said'), attr('“It is safe,”', 'she', 'said.'), attr('Voters agree', 'polls', 'show')];
    const pred = [attr('the port will open', 'Ruiz', 'said'), attr('the port will', 'Ruiz'), attr('It is safe,', 'Ruiz')];
    const acc = emptySubsets();
    scoreDocument(TEXT, gold, pred, 0.5, acc);
    assert.deepEqual(acc.all, { gold: 3, predicted: 3, matched: 2, matchedSource: 1, matchedSourceCue: 1 });
    assert.equal(acc.direct.gold, 1);
    assert.equal(acc.direct.matched, 1);
    assert.equal(acc.pronounSource.gold, 1);
  });

  it('counts a pair of empty sources as agreeing', () => {
    const acc = emptySubsets();
    scoreDocument(TEXT, [attr('Voters agree')], [attr('Voters agree')], 0.8, acc);
    assert.equal(acc.all.matchedSource, 1);
  });

  it('tells pronoun sources from names', () => {
    assert.ok(isPronounSource(TEXT, [span('she')]));
    assert.ok(!isPronounSource(TEXT, [span('Ruiz')]));
  });

  it('groups quotes that share a cue and widens them by their quote marks', () => {
    const q = (content: string, cue: string) => ({ id: 'q', kind: 'direct' as const, content: { ...span(content), text: content }, cue: { ...span(cue), text: cue }, confidence: 1 });
    const a = { doc: { text: TEXT }, quotes: [q('It is safe,', 'said.'), q('the port', 'said.')] } as unknown as Analysis;
    const units = attributionsFromAnalysis(a);
    assert.equal(units.length, 1);
    assert.deepEqual(units[0]!.content[0], span('“It is safe,”'));
  });
});
