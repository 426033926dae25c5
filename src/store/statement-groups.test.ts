import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../analysis/analyzer.js';
import { openStore } from './store.js';

const A = `Kremlin says it is ready for talks

Mon Feb 2 2026

MOSCOW: Kremlin spokesman Dmitry Peskov said on Monday that Moscow was open to contacts with European capitals.

“We are ready to resume talks with the Europeans as soon as they show genuine interest,” Peskov told reporters.

“The new sanctions will not change our course in any way,” he added.
`;

const B = `Moscow signals openness to Europe

Tue Feb 3 2026

LONDON (Harbour Wire) - Russia is prepared to restart negotiations with Europe, the Kremlin's spokesman said.

“We are willing to return to dialogue with the European side as soon as it shows sincere interest,” Kremlin spokesman Dmitry Peskov said in a briefing.
`;

test('the same remark by one speaker in two articles, in other words, is one statement group', async () => {
  const store = await openStore(':memory:');
  try {
    await store.putArticles([{ analysis: analyze(A, { uri: 'a.txt' }) }, { analysis: analyze(B, { uri: 'b.txt' }) }]);
    const all = (await store.statements({ limit: 50 })).items;
    const talks = all.filter((s) => /talks|dialogue/.test(s.text));
    assert.equal(talks.length, 2, 'one talks statement in each article');
    assert.ok(talks[0]!.group && talks[0]!.group === talks[1]!.group, 'both carry the same group');
    assert.equal(talks[0]!.groupArticles, 2);
    const sanctions = all.find((s) => /sanctions/.test(s.text));
    assert.ok(sanctions && sanctions.group !== talks[0]!.group, 'another claim of the same speaker stays apart');
    assert.equal((await store.statements({ group: talks[0]!.group! })).total, 2);
  } finally {
    await store.close();
  }
});
