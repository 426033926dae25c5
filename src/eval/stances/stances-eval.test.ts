import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datesAgree } from './stances-eval.js';

test('a day or a week agrees with the month that holds it, another month does not', () => {
  assert.ok(datesAgree('2026-01', '2026-01-16'));
  assert.ok(datesAgree('2026-01', '2026-01-12/2026-01-16'));
  assert.ok(datesAgree('2026-01-16', '2026-01'));
  assert.ok(!datesAgree('2025-12', '2026-01-16'));
  assert.ok(!datesAgree('2026-01', undefined));
  assert.ok(datesAgree(undefined, undefined));
});
