import { describe, expect, it } from 'vitest';
import { mondayOf, resolvePeriod, weeksOf, wholeWeeksOf } from './stats-rules.ts';

describe('the dashboard period', () => {
  it('defaults to the last twelve weeks up to today in WIB', () => {
    // 23:30 UTC on 21 August is already 22 August in East Java.
    expect(resolvePeriod(new Date('2026-08-21T23:30:00Z'), undefined, undefined)).toEqual({
      from: '2026-05-31',
      to: '2026-08-22',
    });
  });

  it('refuses a period that ends before it starts, or is longer than a year and a day', () => {
    expect(resolvePeriod(new Date(), '2026-08-22', '2026-08-21')).toHaveProperty('error');
    expect(resolvePeriod(new Date(), '2025-01-01', '2026-08-21')).toHaveProperty('error');
  });

  it('counts weeks from Monday and lists every week the period touches', () => {
    expect(mondayOf('2026-08-22')).toBe('2026-08-17'); // a Saturday
    expect(mondayOf('2026-08-17')).toBe('2026-08-17');
    expect(mondayOf('2026-08-23')).toBe('2026-08-17'); // Sunday ends the week
    expect(weeksOf('2026-08-05', '2026-08-24')).toEqual([
      '2026-08-03',
      '2026-08-10',
      '2026-08-17',
      '2026-08-24',
    ]);
  });

  it('reads the whole weeks of a period by week and only the days of its partial first and last weeks', () => {
    // Wednesday 5 August to Monday 24 August: the weeks of 10 and 17 August are whole.
    expect(wholeWeeksOf('2026-08-05', '2026-08-24')).toEqual({ from: '2026-08-10', until: '2026-08-24' });
    // Monday 3 to Sunday 23 August: three whole weeks, no partial one.
    expect(wholeWeeksOf('2026-08-03', '2026-08-23')).toEqual({ from: '2026-08-03', until: '2026-08-24' });
    // Within one week, or across two partial ones: no whole week.
    expect(wholeWeeksOf('2026-08-18', '2026-08-20')).toEqual({ from: '2026-08-24', until: '2026-08-24' });
    expect(wholeWeeksOf('2026-08-20', '2026-08-25')).toEqual({ from: '2026-08-24', until: '2026-08-24' });
    expect(wholeWeeksOf('2026-08-17', '2026-08-17')).toEqual({ from: '2026-08-17', until: '2026-08-17' });
  });
});
