// A calendar date in the API (YYYY-MM-DD, a WIB day): a real date, so 2026-13-45 or 0000-00-00 is refused at the
// edge with the field named, never passed on to the database; an instant likewise, from the year 0001 on.
import { z } from 'zod';
import { isIsoDate } from './evaluation/period.ts';

/** A real calendar date written YYYY-MM-DD. */
export const CalendarDay = z.string().refine(isIsoDate, 'tanggal YYYY-MM-DD (WIB)');

/** A period of WIB calendar days as a reply gives it, `to` included. */
export const DayPeriod = z.object({ from: z.string(), to: z.string() });

/** The first instant of the year 0001: ISO 8601 also writes a year 0000, which PostgreSQL refuses. */
const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00Z');

/**
 * An instant written ISO 8601 with its offset (2026-08-22T21:30:00+07:00), from the year 0001 on: a year 0000 is
 * refused at the edge with the field named, never passed on to the database.
 */
export function Instant(message?: string) {
  return z.iso
    .datetime({ offset: true, ...(message === undefined ? {} : { message }) })
    .refine(
      (value) => Date.parse(value) >= FIRST_INSTANT,
      'waktu di luar jangkauan: tahun 0001 atau sesudahnya / time out of range: the year 0001 or later',
    );
}
