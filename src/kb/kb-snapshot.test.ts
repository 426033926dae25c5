import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { KbEntry } from './kb-schema.js';
import { readSnapshot, writeSnapshot } from './kb-snapshot.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-kb-snap-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a snapshot is used while its source files are unchanged, and never after one is edited', () => {
  const file = join(dir, 'people.yaml');
  writeFileSync(file, '- id: a\n  kind: person\n  name: Ana Example\n');
  const snap = join(dir, 'snap.json');
  const entries: KbEntry[] = [{ id: 'a', kind: 'person', name: 'Ana Example' }];
  writeSnapshot(dir, [file], entries, [], snap);
  assert.deepEqual(readSnapshot(dir, [file], snap)?.entries, entries);
  writeFileSync(file, '- id: a\n  kind: person\n  name: Ana Example Jr\n');
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  assert.equal(readSnapshot(dir, [file], snap), undefined, 'an edited file makes the snapshot stale');
  assert.equal(readSnapshot(dir, [file, join(dir, 'more.yaml')], snap), undefined, 'a new file makes it stale too');
});
