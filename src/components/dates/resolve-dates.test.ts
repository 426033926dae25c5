import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates, nearestDate } from './resolve-dates.js';

const PUB = '2026-01-16'; // a Friday
const value = (text: string) => findDates(text, PUB).map((d) => d.value);

describe('date resolution against the publication date', () => {
  it('resolves weekdays to the latest one on or before publication', () => {
    assert.deepEqual(value('The ministry said on Friday'), ['2026-01-16']);
    assert.deepEqual(value('They met on Tuesday'), ['2026-01-13']);
    assert.deepEqual(value('They meet next Monday'), ['2026-01-19']);
  });
  it('resolves relative months, weeks and years', () => {
    assert.deepEqual(value('it warned last month'), ['2025-12']);
    assert.deepEqual(value('she said earlier this month'), ['2026-01']);
    assert.deepEqual(value('he said this week'), ['2026-01-12/2026-01-16']);
    assert.deepEqual(value('a deal reached last year'), ['2025']);
    assert.deepEqual(value('two days ago'), ['2026-01-14']);
  });
  it('puts a bare month in the past', () => {
    assert.deepEqual(value('his December statement'), ['2025-12']);
    assert.deepEqual(value('talks in January'), ['2026-01']);
  });
  it('reads years, full dates and "since"', () => {
    assert.deepEqual(value('since 2022'), ['2022']);
    assert.deepEqual(value('on Jan. 5, 2020 and 3 March 2019'), ['2020-01-05', '2019-03-03']);
  });
  it('does not read the modal "may" as a month', () => {
    assert.deepEqual(value('Talks may resume.'), []);
  });
  it('reads a month abbreviation that is a first name as no date', () => {
    assert.deepEqual(value('said Polish President Jan Nowak'), []);
    assert.deepEqual(value('President Jan said'), []);
    assert.deepEqual(value('Dec said'), []);
    assert.deepEqual(value('said April Ryan of the network'), []);
  });
  it('reads a month abbreviation with a preposition, a determiner, a day or a year', () => {
    assert.deepEqual(value('they met in Jan. and again'), ['2026-01']);
    assert.deepEqual(value('talks since last Dec'), ['2025-12']);
    assert.deepEqual(value('on Jan 5'), ['2026-01-05']);
    assert.deepEqual(value('in Jan 2020'), ['2020-01']);
    assert.deepEqual(value('In December Merz said'), ['2025-12']);
  });
  it('finds the expression nearest an event', () => {
    const text = 'In 2022 the war began; last month Chile warned Peru.';
    const dates = findDates(text, PUB);
    assert.equal(nearestDate(dates, text.indexOf('warned'), 0, text.length)?.value, '2025-12');
  });
});
