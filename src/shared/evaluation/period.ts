// Periods of the evaluation: WIB calendar dates, a quarter (triwulan) by default, and the period before.
// Pure: no I/O, used by the server and the web.
import { wibDate } from '../time.ts';

/** A period of whole WIB days, both ends included: { from: '2026-07-01', to: '2026-09-30' }. */
export type Period = { from: string; to: string };

const DAY_MS = 86_400_000;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;
/** The longest period one evaluation covers: two years (a yearly summary beside the year before). */
export const MAX_PERIOD_DAYS = 731;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function toDay(value: string): number {
  return Date.parse(`${value}T00:00:00Z`) / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Adds `days` (may be negative) to a calendar date. */
export function addDays(value: string, days: number): string {
  return fromDay(toDay(value) + days);
}

/** How many days a period covers, both ends included. */
export function periodDays(period: Period): number {
  return toDay(period.to) - toDay(period.from) + 1;
}

/** The quarter (1–4) of a calendar date. */
export function quarterNumber(value: string): 1 | 2 | 3 | 4 {
  return (Math.floor((Number(value.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** The quarter holding a calendar date: '2026-08-22' → 2026-07-01 … 2026-09-30. */
export function quarterOfDate(value: string): Period {
  const year = Number(value.slice(0, 4));
  const q = quarterNumber(value);
  const startMonth = (q - 1) * 3 + 1;
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const nextStart = q === 4 ? `${year + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(nextStart, -1) };
}

/** The quarter an instant falls in, in WIB (23:30 WIB on 30 June is still the second quarter). */
export function quarterOf(instant: Date): Period {
  return quarterOfDate(wibDate(instant));
}

/** The quarter's key as stored with reminders: '2026-Q3'. */
export function quarterKey(value: string): string {
  return `${value.slice(0, 4)}-Q${quarterNumber(value)}`;
}

/** True when the period is exactly one calendar quarter. */
export function isQuarter(period: Period): boolean {
  const q = quarterOfDate(period.from);
  return q.from === period.from && q.to === period.to;
}

/** True when the period is exactly one calendar year. */
export function isYear(period: Period): boolean {
  return period.from.endsWith('-01-01') && period.to === `${period.from.slice(0, 4)}-12-31`;
}

/**
 * The period just before, of the same kind: the previous quarter for a quarter, the previous year for a
 * year, otherwise the same number of days ending the day before `from`.
 */
export function previousPeriod(period: Period): Period {
  if (isQuarter(period)) return quarterOfDate(addDays(period.from, -1));
  if (isYear(period)) {
    const year = Number(period.from.slice(0, 4)) - 1;
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/** Why a period is not acceptable, or undefined when it is. */
export function refusePeriod(period: Period): string | undefined {
  if (!isIsoDate(period.from) || !isIsoDate(period.to)) return 'Tanggal harus YYYY-MM-DD';
  if (period.from > period.to) return 'Tanggal awal harus sebelum tanggal akhir';
  if (periodDays(period) > MAX_PERIOD_DAYS) return `Periode paling panjang ${MAX_PERIOD_DAYS} hari`;
  return undefined;
}

const MONTHS_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar date for people: '1 Jul 2026' (id) or '1 Jul 2026' (en, month names differ). */
export function formatDay(value: string, lang: 'id' | 'en' = 'id'): string {
  const months = lang === 'id' ? MONTHS_ID : MONTHS_EN;
  return `${Number(value.slice(8, 10))} ${months[Number(value.slice(5, 7)) - 1]} ${value.slice(0, 4)}`;
}

/** A period as people say it: 'Triwulan III 2026', 'Tahun 2026', or '1 Jul 2026 – 15 Agu 2026'. */
export function periodLabel(period: Period, lang: 'id' | 'en' = 'id'): string {
  const year = period.from.slice(0, 4);
  if (isQuarter(period)) {
    const q = ROMAN[quarterNumber(period.from) - 1];
    return lang === 'id' ? `Triwulan ${q} ${year}` : `Quarter ${q} ${year}`;
  }
  if (isYear(period)) return lang === 'id' ? `Tahun ${year}` : `Year ${year}`;
  return `${formatDay(period.from, lang)} – ${formatDay(period.to, lang)}`;
}

/** The instants a period covers: [start of `from` in WIB, start of the day after `to` in WIB). */
export function periodInstants(period: Period): { start: Date; end: Date } {
  return {
    start: new Date(`${period.from}T00:00:00+07:00`),
    end: new Date(`${addDays(period.to, 1)}T00:00:00+07:00`),
  };
}
