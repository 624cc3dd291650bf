/** Sigap speaks WIB (Asia/Jakarta, UTC+7, no daylight saving). */
export const WIB_OFFSET_MINUTES = 7 * 60;

/** An instant as ISO 8601 in WIB without fractions: 2026-08-22T21:30:00+07:00. */
export function toWibIso(date: Date): string {
  const shifted = new Date(date.getTime() + WIB_OFFSET_MINUTES * 60_000);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

/** An instant as printed in texts, PDFs and messages: 2026-08-22 21:30 WIB (a string is read as an instant). */
export function wibStamp(at: Date | string): string {
  const iso = toWibIso(typeof at === 'string' ? new Date(at) : at);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} WIB`;
}

/** `toWibIso` of an instant a record may not have yet (a reply's `null`). */
export function toWibIsoOrNull(date: Date | null | undefined): string | null {
  return date ? toWibIso(date) : null;
}

/**
 * A WIB date-time typed in a `datetime-local` field ("2026-08-22T21:30") as ISO 8601 with +07:00; undefined when
 * the text is not a time.
 */
export function wibInputToIso(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?/.exec(value);
  if (!match) return undefined;
  const iso = `${match[1]}${match[2] ?? ':00'}+07:00`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** The WIB calendar date of an instant: 2026-08-22. */
export function wibDate(date: Date): string {
  return toWibIso(date).slice(0, 10);
}

/** The instant a WIB calendar day starts: '2026-08-22' → 2026-08-21T17:00:00Z. */
export function startOfWibDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/**
 * A WIB date field's value ('2026-08-22', or '2026-08-22T21:30' with its time) split into what the person reads
 * and types, in Indonesian order whatever the browser's language: date '22/08/2026', 24-hour time '21.30'.
 */
export function splitWibFieldValue(value: string): { date: string; time: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return { date: '', time: '' };
  const [, year, month, day, hour, minute] = match;
  return { date: `${day}/${month}/${year}`, time: hour ? `${hour}.${minute}` : '' };
}

/** A typed date ('22/08/2026', '22-8-2026', '22.08.2026') as '2026-08-22'; undefined when it is no real day. */
export function parseWibFieldDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** A typed 24-hour time ('21.30', '21:30', '7.05') as '21:30'; undefined when it is not one. */
export function parseWibFieldTime(text: string): string | undefined {
  const match = /^\s*(\d{1,2})[.:](\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}
