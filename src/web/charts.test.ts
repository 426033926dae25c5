import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateMs, fillPeriods, formatDate, networkChart, stackedBars, stanceTimeline } from './charts.js';

describe('charts', () => {
  it('reads days, months, years, date-times and intervals', () => {
    assert.equal(dateMs('2026-01-16'), Date.UTC(2026, 0, 16));
    assert.equal(dateMs('2025-12'), Date.UTC(2025, 11, 1));
    assert.equal(dateMs('2026-01-12/2026-01-16'), Date.UTC(2026, 0, 12));
    assert.equal(dateMs('2026-02-03T09:30Z'), Date.UTC(2026, 1, 3));
    assert.equal(dateMs('soon'), undefined);
    assert.equal(formatDate('2026-01-05'), '5 Jan 2026');
    assert.equal(formatDate('2025-12'), 'Dec 2025');
  });

  it('draws one timeline row per actor with a dot per dated stance, skipping undated ones', () => {
    const svg = stanceTimeline(
      [
        { label: 'Merz', points: [{ date: '2026-01-16', stance: 'neutral', title: 'a' }, { date: '2026-02-09', stance: 'conditional', title: 'b' }] },
        { label: 'Nobody', points: [{ stance: 'support', title: 'undated' }] },
      ],
      'positions',
    ).value;
    assert.equal((svg.match(/<circle[^>]* r="6.5"/g) ?? []).length, 2);
    assert.ok(!svg.includes('Nobody'));
    assert.equal(stanceTimeline([], 'x').value, '');
  });

  it('escapes names in every chart', () => {
    const evil = '<script>x</script>';
    const t = stanceTimeline([{ label: evil, points: [{ date: '2026-01-01', stance: 'oppose', title: evil }] }], evil).value;
    const b = stackedBars([{ period: '2026-01', key: evil, count: 2 }], () => '#000', evil).value;
    const n = networkChart(
      [
        { id: 'a', label: evil, degree: 1 },
        { id: 'b', label: 'B', degree: 1 },
      ],
      [{ source: 'a', target: 'b', count: 1, title: evil, colour: '#000' }],
      evil,
    ).value;
    for (const svg of [t, b, n]) {
      assert.ok(!svg.includes('<script>'));
      assert.ok(svg.includes('&lt;script&gt;'));
    }
  });

  it('stacks bars per period in date order and draws nothing for no data', () => {
    const svg = stackedBars(
      [
        { period: '2026-02', key: 'AGREE', count: 1 },
        { period: '2026-01', key: 'AGREE', count: 2 },
        { period: '2026-01', key: 'REJECT', count: 1 },
      ],
      () => '#123456',
      'counts',
    ).value;
    assert.equal((svg.match(/<rect[^>]*><title>/g) ?? []).length, 3);
    assert.ok(svg.indexOf('Jan 26') < svg.indexOf('Feb 26'));
    assert.equal(stackedBars([], () => '#000', 'x').value, '');
  });

  it('shows quiet weeks and months as empty periods', () => {
    assert.deepEqual(fillPeriods(['2026-01-05', '2026-01-26'], 'week'), ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
    assert.deepEqual(fillPeriods(['2025-11', '2026-02'], 'month'), ['2025-11', '2025-12', '2026-01', '2026-02']);
    assert.deepEqual(fillPeriods(['2016', '2018'], 'year'), ['2016', '2017', '2018']);
    assert.deepEqual(fillPeriods(['2026-01-05', 'soon'], 'week'), ['2026-01-05', 'soon']);
  });
});
