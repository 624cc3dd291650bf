import { describe, expect, it } from 'vitest';
import { statisticsStale } from './reports-history-service.ts';

describe('the report statistics during a history import', () => {
  it('are refreshed after the first chunk into an empty table, then each time the table has grown by half', () => {
    expect(statisticsStale(0, 499, 500)).toBe(false);
    expect(statisticsStale(0, 500, 500)).toBe(true);
    expect(statisticsStale(4_000, 1_999, 500)).toBe(false);
    expect(statisticsStale(4_000, 2_000, 500)).toBe(true);
  });

  it('are left to autovacuum when an import is small beside the table', () => {
    expect(statisticsStale(1_000_000, 50_000, 500)).toBe(false);
  });
});
