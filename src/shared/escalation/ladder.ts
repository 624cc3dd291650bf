// The escalation ladder: when a deadline is missed, the record climbs one step (kab/kota → Bakorwil → province)
// and lands in the inboxes of the roles that handle that step. One rule for reports, cases, alerts and
// provocation items, and for any later deadline. Pure and zod-free: the web may read it too.

/** The steps of the ladder, bottom first. */
export const HANDLING_LEVELS = ['kabkota', 'bakorwil', 'provinsi'] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];

/** The step above, when a deadline is missed; undefined at the top (the province). */
export function nextLevel(level: HandlingLevel): HandlingLevel | undefined {
  return HANDLING_LEVELS[HANDLING_LEVELS.indexOf(level) + 1];
}

/** The step from which each office role takes a record in hand; it keeps it as the record climbs higher. */
const HANDLES_FROM: Readonly<Partial<Record<string, HandlingLevel>>> = {
  operator: 'kabkota',
  koordinator: 'bakorwil',
  provinsi: 'provinsi',
};

/**
 * Whether `role` handles a record that has climbed to `level` (within the role's regions, which the caller
 * checks): the kab/kota's operators from the start, the Bakorwil's koordinator once it reaches the Bakorwil,
 * provinsi users once it reaches the province.
 */
export function handlesAtLevel(role: string, level: HandlingLevel): boolean {
  const from = HANDLES_FROM[role];
  return from !== undefined && HANDLING_LEVELS.indexOf(level) >= HANDLING_LEVELS.indexOf(from);
}

/** Whose inbox a record at a step lands in. */
export const HANDLERS_AT: Readonly<
  Record<HandlingLevel, readonly ['operator' | 'koordinator' | 'provinsi']>
> = {
  kabkota: ['operator'],
  bakorwil: ['koordinator'],
  provinsi: ['provinsi'],
};

/** The office at a step: "Eskalasi ke Bakorwil". */
export const OFFICE_LABELS: Readonly<Record<HandlingLevel, string>> = {
  kabkota: 'Dinsos kab/kota',
  bakorwil: 'Bakorwil',
  provinsi: 'Dinsos Provinsi',
};

/** Who takes a record in hand at a level: "Eskalasi ke koordinator Bakorwil", "Belum diterima operator kab/kota". */
export const HANDLER_LABELS: Readonly<Record<HandlingLevel, string>> = {
  kabkota: 'operator kab/kota',
  bakorwil: 'koordinator Bakorwil',
  provinsi: 'Dinsos Provinsi',
};

/**
 * Why a report or an alert climbs: nobody at `from` took it in hand in time. `grade` is the report's priority
 * or the alert's level: "Belum diterima operator kab/kota dalam 30 menit (P1)".
 */
export function unacknowledgedReason(from: HandlingLevel, minutes: number, grade: string): string {
  return `Belum diterima ${HANDLER_LABELS[from]} dalam ${describeMinutes(minutes)} (${grade})`;
}

/** The next step of a record at `level` and the roles to tell; undefined when it is already at the top. */
export function climb(level: HandlingLevel): { to: HandlingLevel; roles: readonly string[] } | undefined {
  const to = nextLevel(level);
  return to ? { to, roles: HANDLERS_AT[to] } : undefined;
}

/** A deadline in words: 30 → "30 menit", 120 → "2 jam". */
export function describeMinutes(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} jam` : `${minutes} menit`;
}

/**
 * A deadline is "about to pass" once this share of the time it allows has gone and nobody has acted: 6 minutes
 * before a 30-minute acknowledgement, a day before a 5-day resolution. One share for every deadline, so the
 * warning scales with the priority's own deadlines (settings → SLA); the handlers at the record's level are told.
 */
export const DEADLINE_WARNING_SHARE = 0.8;
