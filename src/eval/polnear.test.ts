import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AttacheError } from '../errors.js';
import { parseBratAnn } from './polnear.js';

// A made-up annotation of: `Ruiz said the port “will open soon.” The plan, she added, is final.`
const ANN = [
  'T1\tSource 0 4\tRuiz',
  'T2\tCue 5 9\tsaid',
  'T3\tContent 10 36\tthe port “will open soon.”',
  'T4\tAttribution 5 9\tsaid',
  'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3',
  'T5\tContent 37 45;59 67\tThe plan is final',
  'and a continuation line of T5 text',
  'T6\tCue 51 56\tadded',
  'T7\tSource 47 50\tshe',
  'T8\tAttribution 51 56\tadded',
  'E2\tAttribution:T8 Content:T5 Cue:T6 Source:T7',
  'T9\tContent 0 4\tRuiz',
  'T10\tCue 5 9\tsaid',
  'E3\tAttribution-no-source:T10 Content:T9 Cue:T10',
  '#1\tAnnotatorNotes T1\ta note',
].join('\n');

describe('PolNeAR BRAT reader', () => {
  it('ties source, cue and content of each attribution, fragments included', () => {
    const a = parseBratAnn(ANN, 'x.ann');
    assert.equal(a.length, 3);
    assert.deepEqual(a[0]!.content, [{ start: 10, end: 36 }]);
    assert.deepEqual(a[0]!.source, [{ start: 0, end: 4 }]);
    assert.deepEqual(a[1]!.content, [{ start: 37, end: 45 }, { start: 59, end: 67 }]);
    assert.deepEqual(a[1]!.cue, [{ start: 51, end: 56 }]);
  });
  it('leaves the source empty for Attribution-no-source', () => {
    assert.deepEqual(parseBratAnn(ANN)[2]!.source, []);
  });
  it('names the file and line of a malformed annotation', () => {
    assert.throws(
      () => parseBratAnn('T1\tSource 9 x\tRuiz', 'bad.ann'),
      (e: unknown) => e instanceof AttacheError && e.code === 'ATT_E016' && e.oneLine().startsWith('bad.ann: line 1'),
    );
  });
});
