// The calendar of risky gatherings: recurring dates from the Hijri calendar, computed for any year.
// Pure: Intl only (the browser and Node both carry the Umm al-Qura calendar), no node:* imports.

/** A date of the Hijri calendar (Umm al-Qura). Month 1 is Muharram (Suro in Java), month 10 Syawal. */
export type HijriDate = { year: number; month: number; day: number };

/** Recurring events Sigap computes; the admin may move the anchors (1 Suro, Idul Fitri) by a day or two. */
export const RECURRING_KEYS = ['malam_satu_suro', 'satu_suro', 'bulan_suro', 'idul_fitri'] as const;
export type RecurringKey = (typeof RECURRING_KEYS)[number];

/** The anchors an override moves; the other recurring events follow their anchor. */
export const RECURRING_ANCHORS = ['satu_suro', 'idul_fitri'] as const;
export type RecurringAnchor = (typeof RECURRING_ANCHORS)[number];

/** The one-off kinds of gathering, which operators enter. */
export const ONE_OFF_EVENT_KINDS = [
  'konvoi',
  'pengesahan_warga',
  'pertandingan',
  'pilkades',
  'pemilu',
  'lainnya',
] as const;

/** An admin's correction of a computed date, per anchor and Hijri year (the government's date can differ). */
export type CalendarOverride = { anchor: RecurringAnchor; hijriYear: number; date: string };

/** One occurrence of a recurring event, in WIB calendar days (`endDay` inclusive). */
export type RecurringEvent = {
  key: RecurringKey;
  hijriYear: number;
  title: string;
  titleEn: string;
  /** The first WIB day, 'YYYY-MM-DD'. */
  startDay: string;
  /** The last WIB day, inclusive. */
  endDay: string;
  /** When it starts, ISO 8601 in WIB (malam 1 Suro starts at sunset the day before 1 Suro). */
  startsAt: string;
  /** When it ends, ISO 8601 in WIB. */
  endsAt: string;
  /** True when the admin moved the anchor away from the computed date. */
  isOverridden: boolean;
  /** The date Umm al-Qura gives for the anchor, before any override. */
  computedAnchorDay: string;
};

// Umm al-Qura, not 'islamic' or 'islamic-civil': those two are a day off for 1 Muharram 1446/1447 (July 2024,
// June 2025), which is the day the government announces.
const UMALQURA = new Intl.DateTimeFormat('en-US-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01. */
function toEpochDay(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return fromEpochDay(toEpochDay(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The Umm al-Qura date of a Gregorian day 'YYYY-MM-DD'. */
export function hijriOf(day: string): HijriDate {
  const parts = UMALQURA.formatToParts(new Date(`${day}T12:00:00Z`));
  const pick = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: pick('year'), month: pick('month'), day: pick('day') };
}

/** The Gregorian day of a Hijri date (Umm al-Qura), found near the arithmetic estimate. */
export function gregorianOf(hijri: HijriDate): string {
  // The tabular (civil) calendar lands within two days of Umm al-Qura; search around it.
  const { year, month, day } = hijri;
  const julianDay =
    day + Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + 1948439.5 - 1;
  const estimate = Math.round(julianDay - 2440587.5);
  for (const offset of [0, -1, 1, -2, 2, -3, 3, -4, 4]) {
    const candidate = fromEpochDay(estimate + offset);
    const h = hijriOf(candidate);
    if (h.year === year && h.month === month && h.day === day) return candidate;
  }
  throw new Error(`no Gregorian day found for ${year}-${month}-${day} H`);
}

/** The Gregorian days of 1 Muharram (1 Suro) in a Gregorian year: usually one, some years two (2008). */
export function satuSuroDays(gregorianYear: number): string[] {
  return anchorDays(gregorianYear, 1);
}

/** The Gregorian days of 1 Syawal (Idul Fitri) in a Gregorian year, as Umm al-Qura computes them. */
export function idulFitriDays(gregorianYear: number): string[] {
  return anchorDays(gregorianYear, 10);
}

function anchorDays(gregorianYear: number, month: number): string[] {
  const first = hijriOf(`${gregorianYear}-01-01`).year;
  const days: string[] = [];
  for (const year of [first, first + 1, first + 2]) {
    const day = gregorianOf({ year, month, day: 1 });
    if (day.startsWith(`${gregorianYear}-`)) days.push(day);
  }
  return days;
}

const WIB = '+07:00';

/**
 * The recurring events that overlap the WIB days [fromDay, toDay], with the admin's overrides applied:
 * malam 1 Suro (the evening before 1 Suro), 1 Suro, the month of Suro (when perguruan silat hold their
 * pengesahan warga baru) and Idul Fitri (two days).
 */
export function recurringEventsBetween(
  fromDay: string,
  toDay: string,
  overrides: readonly CalendarOverride[] = [],
): RecurringEvent[] {
  const firstYear = hijriOf(addDays(fromDay, -40)).year;
  const lastYear = hijriOf(toDay).year + 1;
  const events: RecurringEvent[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    events.push(...recurringEventsOfHijriYear(year, overrides));
  }
  return events
    .filter((e) => e.endDay >= fromDay && e.startDay <= toDay)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.key.localeCompare(b.key));
}

/** The recurring events anchored in one Hijri year. */
export function recurringEventsOfHijriYear(
  hijriYear: number,
  overrides: readonly CalendarOverride[] = [],
): RecurringEvent[] {
  const anchor = (name: RecurringAnchor, month: number) => {
    const computed = gregorianOf({ year: hijriYear, month, day: 1 });
    const override = overrides.find((o) => o.anchor === name && o.hijriYear === hijriYear);
    return {
      day: override?.date ?? computed,
      computed,
      isOverridden: !!override && override.date !== computed,
    };
  };
  const suro = anchor('satu_suro', 1);
  const fitri = anchor('idul_fitri', 10);
  // Muharram has 29 or 30 days: it ends the day before 1 Safar, moved with 1 Suro if that was moved.
  const safar = addDays(
    gregorianOf({ year: hijriYear, month: 2, day: 1 }),
    daysBetween(suro.computed, suro.day),
  );
  const eve = addDays(suro.day, -1);
  const common = { hijriYear };
  return [
    {
      ...common,
      key: 'malam_satu_suro',
      title: `Malam 1 Suro ${hijriYear} H`,
      titleEn: `Eve of 1 Suro ${hijriYear} AH`,
      startDay: eve,
      endDay: eve,
      startsAt: `${eve}T18:00:00${WIB}`,
      endsAt: `${suro.day}T06:00:00${WIB}`,
      isOverridden: suro.isOverridden,
      computedAnchorDay: suro.computed,
    },
    {
      ...common,
      key: 'satu_suro',
      title: `1 Suro ${hijriYear} H`,
      titleEn: `1 Suro (1 Muharram) ${hijriYear} AH`,
      startDay: suro.day,
      endDay: suro.day,
      startsAt: `${suro.day}T00:00:00${WIB}`,
      endsAt: `${suro.day}T23:59:59${WIB}`,
      isOverridden: suro.isOverridden,
      computedAnchorDay: suro.computed,
    },
    {
      ...common,
      key: 'bulan_suro',
      title: `Bulan Suro ${hijriYear} H: pengesahan warga baru perguruan silat`,
      titleEn: `Month of Suro ${hijriYear} AH: initiation of new martial-arts members`,
      startDay: suro.day,
      endDay: addDays(safar, -1),
      startsAt: `${suro.day}T00:00:00${WIB}`,
      endsAt: `${addDays(safar, -1)}T23:59:59${WIB}`,
      isOverridden: suro.isOverridden,
      computedAnchorDay: suro.computed,
    },
    {
      ...common,
      key: 'idul_fitri',
      title: `Idul Fitri ${hijriYear} H`,
      titleEn: `Eid al-Fitr ${hijriYear} AH`,
      startDay: fitri.day,
      endDay: addDays(fitri.day, 1),
      startsAt: `${fitri.day}T00:00:00${WIB}`,
      endsAt: `${addDays(fitri.day, 1)}T23:59:59${WIB}`,
      isOverridden: fitri.isOverridden,
      computedAnchorDay: fitri.computed,
    },
  ];
}

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2026-07-12' → '12 Juli' (id) or '12 July' (en): how factor texts name a day. */
export function formatDayMonth(day: string, lang: 'id' | 'en'): string {
  const [, month, date] = day.split('-').map(Number);
  return `${date} ${(lang === 'id' ? MONTHS_ID : MONTHS_EN)[month - 1]}`;
}
