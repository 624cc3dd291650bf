import { describe, expect, it } from 'vitest';
import {
  gregorianOf,
  hijriOf,
  idulFitriDays,
  recurringEventsBetween,
  recurringEventsOfHijriYear,
  satuSuroDays,
} from './calendar.ts';

describe('the Hijri calendar (Umm al-Qura)', () => {
  it.each([
    [2024, '2024-07-07', 1446],
    [2025, '2025-06-26', 1447],
    [2026, '2026-06-16', 1448],
  ])('puts 1 Suro of %i on %s (1 Muharram %i H)', (year, day, hijriYear) => {
    expect(satuSuroDays(year)).toEqual([day]);
    expect(hijriOf(day)).toEqual({ year: hijriYear, month: 1, day: 1 });
  });

  it('differs from the plain islamic and islamic-civil calendars, which are a day off for 1446 H', () => {
    const read = (calendar: string) =>
      new Intl.DateTimeFormat(`en-US-u-ca-${calendar}-nu-latn`, { timeZone: 'UTC', day: 'numeric' }).format(
        new Date('2024-07-07T12:00:00Z'),
      );
    expect(read('islamic-umalqura')).toBe('1');
    expect(read('islamic')).not.toBe('1');
    expect(read('islamic-civil')).not.toBe('1');
  });

  it('finds both 1 Suro of a Gregorian year that holds two (2008)', () => {
    expect(satuSuroDays(2008)).toHaveLength(2);
  });

  it('turns Hijri dates back into Gregorian days', () => {
    expect(gregorianOf({ year: 1447, month: 1, day: 1 })).toBe('2025-06-26');
    expect(gregorianOf({ year: 1447, month: 10, day: 1 })).toBe(idulFitriDays(2026)[0]);
  });
});

describe('recurring events', () => {
  it('puts malam 1 Suro on the evening before 1 Suro, and the month of Suro after it', () => {
    const events = recurringEventsOfHijriYear(1448);
    const byKey = Object.fromEntries(events.map((e) => [e.key, e]));
    expect(byKey.malam_satu_suro).toMatchObject({
      startDay: '2026-06-15',
      startsAt: '2026-06-15T18:00:00+07:00',
      endsAt: '2026-06-16T06:00:00+07:00',
    });
    expect(byKey.satu_suro.startDay).toBe('2026-06-16');
    expect(byKey.bulan_suro.startDay).toBe('2026-06-16');
    // Muharram has 29 or 30 days; Safar 1448 begins on the day after it ends.
    expect(byKey.bulan_suro.endDay).toBe(
      new Date(Date.parse(`${gregorianOf({ year: 1448, month: 2, day: 1 })}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10),
    );
  });

  it("moves 1 Suro, its eve and the month of Suro when the admin sets the government's date", () => {
    const events = recurringEventsOfHijriYear(1448, [
      { anchor: 'satu_suro', hijriYear: 1448, date: '2026-06-17' },
    ]);
    const byKey = Object.fromEntries(events.map((e) => [e.key, e]));
    expect(byKey.satu_suro).toMatchObject({
      startDay: '2026-06-17',
      isOverridden: true,
      computedAnchorDay: '2026-06-16',
    });
    expect(byKey.malam_satu_suro.startDay).toBe('2026-06-16');
    expect(byKey.bulan_suro.startDay).toBe('2026-06-17');
    expect(byKey.idul_fitri.isOverridden).toBe(false);
  });

  it('lists the recurring events overlapping a range of days, in order', () => {
    const events = recurringEventsBetween('2026-06-01', '2026-06-30');
    expect(events.map((e) => e.key)).toEqual(['malam_satu_suro', 'bulan_suro', 'satu_suro']);
    expect(recurringEventsBetween('2026-03-19', '2026-03-22').map((e) => e.key)).toEqual(['idul_fitri']);
  });
});
