import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNewsDates, parseNewsDate } from './dates.js';

const iso = (s: string) => parseNewsDate(s)?.iso;

test('weekday, month and year without commas', () => {
  assert.equal(iso('Fri Jan 16 2026'), '2026-01-16');
  assert.equal(iso('Tuesday, March 3, 2026'), '2026-03-03');
});

test('day before month, with and without ordinals', () => {
  assert.equal(iso('16 January 2026'), '2026-01-16');
  assert.equal(iso('Friday 16th January, 2026'), '2026-01-16');
  assert.equal(iso('2nd of Feb 2025'), '2025-02-02');
  assert.equal(iso('16-Jan-2026'), '2026-01-16');
});

test('month first, abbreviated with a period', () => {
  assert.equal(iso('Jan. 16, 2026'), '2026-01-16');
  assert.equal(iso('Sept. 9, 2025'), '2025-09-09');
  assert.equal(iso('December 31 2025'), '2025-12-31');
});

test('ISO dates and date-times keep their zone', () => {
  assert.equal(iso('2026-01-16'), '2026-01-16');
  assert.equal(iso('2026-01-16T09:30Z'), '2026-01-16T09:30:00Z');
  assert.equal(iso('2026-01-16T09:30:15+01:00'), '2026-01-16T09:30:15+01:00');
  assert.equal(iso('2026-01-16 18:05'), '2026-01-16T18:05:00');
});

test('a time after the date, with US zones following daylight time', () => {
  assert.equal(iso('January 16, 2026 9:30 AM ET'), '2026-01-16T09:30:00-05:00');
  assert.equal(iso('July 4, 2025, 3:15 p.m. ET'), '2025-07-04T15:15:00-04:00');
  assert.equal(iso('16 January 2026 | 14:05 GMT'), '2026-01-16T14:05:00Z');
  assert.equal(iso('Jan 16, 2026 at 12:00 am'), '2026-01-16T00:00:00');
});

test('a time before the date', () => {
  assert.equal(iso('Updated 10:15 AM EST, Fri January 16, 2026'), '2026-01-16T10:15:00-05:00');
});

test('numeric dates only where day and month cannot be confused', () => {
  assert.equal(iso('16/01/2026'), '2026-01-16');
  assert.equal(iso('01/16/2026'), '2026-01-16');
  assert.equal(iso('03/04/2026'), undefined);
  assert.equal(iso('16.01.2026'), '2026-01-16');
});

test('impossible dates and bare numbers are not dates', () => {
  assert.equal(iso('February 30, 2026'), undefined);
  assert.equal(iso('in 2022 the war began'), undefined);
  assert.equal(iso('about 16 of them in 2026'), undefined);
});

test('offsets cover the date and its time, inside a longer string', () => {
  const s = 'Published: Jan. 16, 2026 9:30 AM ET by staff';
  const d = parseNewsDate(s)!;
  assert.equal(s.slice(d.start, d.end), 'Jan. 16, 2026 9:30 AM ET');
  assert.equal(d.hasTime, true);
});

test('findNewsDates lists every date in order', () => {
  const all = findNewsDates('Published 15 January 2026; updated 16 January 2026');
  assert.deepEqual(
    all.map((d) => d.iso),
    ['2026-01-15', '2026-01-16'],
  );
});
