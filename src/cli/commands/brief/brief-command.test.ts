import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActorPosition } from '../../../store/store.js';
import { changesOf } from './brief-command.js';

const position: ActorPosition = {
  actor: { id: 'kb:someone', name: 'A Minister', kind: 'person' },
  stance: 'conditional',
  date: '2026-02-10',
  articleId: 'c',
  history: [
    { issue: 'x', stance: 'oppose', date: '2026-01-05', articleId: 'a', evidence: ['We will not talk.'] },
    { issue: 'x', stance: 'oppose', date: '2026-01-20', articleId: 'b', evidence: ['Still no.'] },
    { issue: 'x', stance: 'conditional', date: '2026-02-10', articleId: 'c', evidence: ['We will talk if the strikes stop.'] },
  ],
};

test('a change of position is reported with both sides and their dates, repeats are not', () => {
  const changes = changesOf(position);
  assert.equal(changes.length, 1);
  assert.deepEqual([changes[0]!.from.stance, changes[0]!.from.date, changes[0]!.to.stance, changes[0]!.to.date], ['oppose', '2026-01-20', 'conditional', '2026-02-10']);
});

test('a period that holds one side only shows no change', () => {
  assert.equal(changesOf(position, '2026-01', '2026-01').length, 0);
  assert.equal(changesOf(position, '2026-01-15').length, 1);
});
