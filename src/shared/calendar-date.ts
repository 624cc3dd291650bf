// A calendar date in the API (YYYY-MM-DD, a WIB day): a real date, so 2026-13-45 or 0000-00-00 is refused at the
// edge with the field named, never passed on to the database.
import { z } from 'zod';
import { isIsoDate } from './evaluation/period.ts';

/** A real calendar date written YYYY-MM-DD. */
export const CalendarDay = z.string().refine(isIsoDate, 'tanggal YYYY-MM-DD (WIB)');
