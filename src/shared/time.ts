/** Sigap speaks WIB (Asia/Jakarta, UTC+7, no daylight saving). */
export const WIB_OFFSET_MINUTES = 7 * 60;

/** An instant as ISO 8601 in WIB without fractions: 2026-08-22T21:30:00+07:00. */
export function toWibIso(date: Date): string {
  const shifted = new Date(date.getTime() + WIB_OFFSET_MINUTES * 60_000);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

/** The WIB calendar date of an instant: 2026-08-22. */
export function wibDate(date: Date): string {
  return toWibIso(date).slice(0, 10);
}

/** The instant a WIB calendar day starts: '2026-08-22' → 2026-08-21T17:00:00Z. */
export function startOfWibDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}
