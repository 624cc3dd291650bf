// Rules of the provocation watch: deadlines, the counter-message's review, masking, spread and the
// evaluation's figures. Pure: no database, no node:* imports.
import { kecamatanOf } from '../region-codes.ts';
import type { Assessment, CounterMove, CounterStatus } from './provocation-schema.ts';

/** Hours to an approved counter-message (or a takedown) per assessment; `bukan_masalah` has no deadline. */
export const RESPONSE_HOURS: Record<Assessment, number | null> = {
  ancaman: 6,
  provokasi: 12,
  ujaran_kebencian: 12,
  hoaks: 24,
  bukan_masalah: null,
};
/** A group with an active rivalry named, or a calendar event within this many days: the deadline halves. */
export const EVENT_NEAR_DAYS = 3;

export type DeadlineContext = { activeRivalry: boolean; eventNear: boolean };

/**
 * When a response is due for an item assessed now: the assessment's hours, halved when the item names a
 * group in an active rivalry or a calendar event is near in its regions (halved once, not twice).
 */
export function responseDueAt(from: Date, assessment: Assessment, context: DeadlineContext): Date | null {
  const hours = RESPONSE_HOURS[assessment];
  if (hours === null) return null;
  const factor = context.activeRivalry || context.eventNear ? 0.5 : 1;
  return new Date(from.getTime() + hours * factor * 3_600_000);
}

/** Hours before a higher level's fresh deadline, after an escalation. */
export function escalatedDueAt(now: Date, assessment: Assessment | null): Date {
  const hours = (assessment && RESPONSE_HOURS[assessment]) ?? 12;
  return new Date(now.getTime() + hours * 3_600_000);
}

const MOVES: Record<CounterMove, { from: readonly CounterStatus[]; to: CounterStatus }> = {
  submit: { from: ['draf', 'dikembalikan'], to: 'diajukan' },
  approve: { from: ['diajukan'], to: 'disetujui' },
  return: { from: ['diajukan'], to: 'dikembalikan' },
  post: { from: ['disetujui'], to: 'dipublikasikan' },
};

/** The status a counter-message moves to, or undefined when the move does not apply. */
export function nextCounterStatus(status: CounterStatus, move: CounterMove): CounterStatus | undefined {
  const rule = MOVES[move];
  return rule.from.includes(status) ? rule.to : undefined;
}

/** An account name shown to someone who may not see it: its first and last character only. */
export function maskAccount(account: string): string {
  const chars = [...account];
  if (chars.length <= 2) return '•••';
  return `${chars[0]}•••${chars[chars.length - 1]}`;
}

/** A short title for an item from the text as seen, else its link. */
export function itemTitle(text: string | null, link: string | null): string {
  const source = (text ?? '').replace(/\s+/g, ' ').trim();
  if (source) return source.length > 90 ? `${source.slice(0, 87)}…` : source;
  return link ?? 'Konten tanpa teks';
}

/** The median of some numbers, or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export type EvaluatedItem = {
  assessment: string | null;
  platform: string;
  firstSeenAt: Date;
  counterApprovedAt: Date | null;
  takenDownAt: Date | null;
  /** The first incident reported after the first sighting in one of the item's kecamatan, if any. */
  incidentAt: Date | null;
};

const hoursBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;

/**
 * The evaluation's figures over items: counts by assessment and platform, the median hours from the first
 * sighting to an approved counter-message and to a takedown, and the share of items followed by an incident
 * in one of their kecamatan that were answered (a counter-message approved or the content taken down) before it.
 */
export function evaluateItems(items: readonly EvaluatedItem[]) {
  const byAssessment: Record<string, number> = {};
  const byPlatform: Record<string, number> = {};
  const toCounter: number[] = [];
  const toTakedown: number[] = [];
  let withIncident = 0;
  let answeredBefore = 0;
  for (const item of items) {
    const key = item.assessment ?? 'belum_dinilai';
    byAssessment[key] = (byAssessment[key] ?? 0) + 1;
    byPlatform[item.platform] = (byPlatform[item.platform] ?? 0) + 1;
    if (item.counterApprovedAt) toCounter.push(hoursBetween(item.firstSeenAt, item.counterApprovedAt));
    if (item.takenDownAt) toTakedown.push(hoursBetween(item.firstSeenAt, item.takenDownAt));
    if (item.incidentAt) {
      withIncident++;
      const answers = [item.counterApprovedAt, item.takenDownAt].filter((d): d is Date => d !== null);
      if (answers.some((d) => d.getTime() <= (item.incidentAt as Date).getTime())) answeredBefore++;
    }
  }
  return {
    items: items.length,
    byAssessment,
    byPlatform,
    medianHoursToCounter: median(toCounter),
    medianHoursToTakedown: median(toTakedown),
    answeredBeforeIncident: withIncident ? answeredBefore / withIncident : null,
    itemsWithIncident: withIncident,
  };
}

/**
 * How far an item spread: sightings per kecamatan (with when each was first reached), sightings in the first
 * 48 hours, the hours between the first and the latest, and a count per WIB day for the timeline.
 */
export function computeSpread(
  sightings: readonly { seenAt: Date; regionCodes: readonly string[] }[],
  names: ReadonlyMap<string, string>,
  wibDay: (d: Date) => string,
  wibIso: (d: Date) => string,
) {
  const places = new Map<string, { count: number; first: Date }>();
  const days = new Map<string, number>();
  const times = sightings.map((s) => s.seenAt.getTime()).sort((a, b) => a - b);
  const first = times[0] ?? 0;
  for (const s of sightings) {
    const kecamatan = new Set(s.regionCodes.map(kecamatanOf).filter((c): c is string => c !== undefined));
    for (const code of kecamatan) {
      const place = places.get(code);
      if (!place) places.set(code, { count: 1, first: s.seenAt });
      else {
        place.count++;
        if (s.seenAt < place.first) place.first = s.seenAt;
      }
    }
    const day = wibDay(s.seenAt);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return {
    sightings: sightings.length,
    kecamatan: [...places.entries()]
      .sort(([, a], [, b]) => a.first.getTime() - b.first.getTime())
      .map(([code, p]) => ({
        code,
        name: names.get(code) ?? code,
        count: p.count,
        firstSeenAt: wibIso(p.first),
      })),
    within48h: times.filter((t) => t - first <= 48 * 3_600_000).length,
    hoursSpan: times.length ? Math.round(((times[times.length - 1] as number) - first) / 360_000) / 10 : 0,
    perDay: [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, count]) => ({ day, count })),
  };
}

export { ASSESSMENTS, CARRIERS, OUTCOMES, PLATFORMS } from './provocation-vocabulary.ts';
