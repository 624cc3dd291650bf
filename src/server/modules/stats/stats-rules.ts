// Pure decisions of the dashboard numbers: the period and its weeks. No database, no HTTP.

import { isAtOrAbove, kabkotaOf } from '../../../shared/region-codes.ts';
import { wibDate } from '../../../shared/time.ts';

/** The dashboard's default look-back: twelve weeks, today included. */
export const DEFAULT_PERIOD_DAYS = 84;
/** The longest period one request may count: a year and a day (a leap year's evaluation). */
export const MAX_PERIOD_DAYS = 366;

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function dayText(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The WIB days a request counts: `from`/`to` as given, else the last DEFAULT_PERIOD_DAYS up to today. */
export function resolvePeriod(
  now: Date,
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string } | { error: string } {
  const end = to ?? wibDate(now);
  const start = from ?? dayText(dayNumber(end) - (DEFAULT_PERIOD_DAYS - 1));
  const days = dayNumber(end) - dayNumber(start) + 1;
  if (!Number.isFinite(days) || days < 1) return { error: 'from harus sebelum atau sama dengan to' };
  if (days > MAX_PERIOD_DAYS) return { error: `periode maksimal ${MAX_PERIOD_DAYS} hari` };
  return { from: start, to: end };
}

/** The Monday of the week `day` falls in (weeks start on Monday, as Indonesian calendars do). */
export function mondayOf(day: string): string {
  const n = dayNumber(day);
  const weekday = (new Date(n * DAY_MS).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return dayText(n - weekday);
}

/** Every week (its Monday) that overlaps the period, in order. */
export function weeksOf(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let n = dayNumber(mondayOf(from)); n <= dayNumber(to); n += 7) weeks.push(dayText(n));
  return weeks;
}

/**
 * The whole weeks inside the period, as the Mondays [from, until): the dashboard reads their kept weekly figures,
 * and the days outside them (a partial first and last week) one by one. No whole week: from = until.
 */
export function wholeWeeksOf(from: string, to: string): { from: string; until: string } {
  const first = mondayOf(from) === from ? dayNumber(from) : dayNumber(mondayOf(from)) + 7;
  const until = dayNumber(mondayOf(dayText(dayNumber(to) + 1)));
  return { from: dayText(first), until: dayText(Math.max(first, until)) };
}

/**
 * The kab/kota the viewer's scope reaches (null: the whole province), and whether a part of it lies below
 * kab/kota level (a kecamatan operator), whose figures are kept only at kecamatan level.
 */
export function viewerAreas(scope: readonly string[]): { kabkota: string[] | null; belowKabkota: boolean } {
  if (scope.includes('35')) return { kabkota: null, belowKabkota: false };
  return {
    kabkota: [...new Set(scope.map((code) => kabkotaOf(code) ?? code))],
    belowKabkota: scope.some((code) => !isAtOrAbove(code, 'kabkota')),
  };
}
