import { describe, expect, it } from 'vitest';
import {
  isQuarter,
  periodInstants,
  periodLabel,
  previousPeriod,
  quarterKey,
  quarterOf,
  quarterOfDate,
  refusePeriod,
} from './period.ts';

describe('evaluation periods', () => {
  it('finds the quarter of a WIB date', () => {
    expect(quarterOfDate('2026-08-22')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quarterOfDate('2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterOfDate('2024-02-29')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterOfDate('2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('reads an instant in WIB: 23:30 WIB on 30 June is still the second quarter, 00:30 on 1 July the third', () => {
    expect(quarterOf(new Date('2026-06-30T16:30:00Z'))).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterOf(new Date('2026-06-30T17:30:00Z'))).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });

  it('gives the period before: the previous quarter, the previous year, or as many days before', () => {
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({
      from: '2026-02-28',
      to: '2026-03-09',
    });
  });

  it('names periods as people say them', () => {
    expect(periodLabel({ from: '2026-07-01', to: '2026-09-30' })).toBe('Triwulan III 2026');
    expect(periodLabel({ from: '2026-07-01', to: '2026-09-30' }, 'en')).toBe('Quarter III 2026');
    expect(periodLabel({ from: '2025-01-01', to: '2025-12-31' })).toBe('Tahun 2025');
    expect(periodLabel({ from: '2026-08-01', to: '2026-08-17' })).toBe('1 Agu 2026 – 17 Agu 2026');
    expect(quarterKey('2026-08-22')).toBe('2026-Q3');
    expect(isQuarter({ from: '2026-07-01', to: '2026-09-29' })).toBe(false);
  });

  it('covers whole WIB days: from midnight WIB to the midnight after the last day', () => {
    const { start, end } = periodInstants({ from: '2026-07-01', to: '2026-09-30' });
    expect(start.toISOString()).toBe('2026-06-30T17:00:00.000Z');
    expect(end.toISOString()).toBe('2026-09-30T17:00:00.000Z');
  });

  it('refuses dates that do not exist, upside-down periods and periods over two years', () => {
    expect(refusePeriod({ from: '2026-02-30', to: '2026-03-01' })).toBeDefined();
    expect(refusePeriod({ from: '2026-03-01', to: '2026-02-01' })).toBeDefined();
    expect(refusePeriod({ from: '2020-01-01', to: '2026-01-01' })).toBeDefined();
    expect(refusePeriod({ from: '2025-01-01', to: '2026-12-31' })).toBeUndefined();
  });
});
