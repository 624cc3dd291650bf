// Pure assembly of the level model's inputs from stored facts: report tallies, calendar occurrences, group
// presence and rivalries. Shared by the recompute job and the backtest, so both judge a region the same way.
import { daysBetween, type RecurringEvent } from '../../../shared/early-warning/calendar.ts';
import {
  addRecent,
  type CalendarInput,
  type EarlyWarningSettings,
  type EventKind,
  NO_ACTIVITY,
  type RecentActivity,
  type RegionInput,
  type ReportClass,
  type RivalryInput,
  reportWeight,
  type SpreadingContent,
} from '../../../shared/early-warning/level-model.ts';
import { areasOf } from '../../../shared/region-codes.ts';
import { wibDate } from '../../../shared/time.ts';

/** A calendar event placed on the map: where it happens, where its route passes, who takes part. */
export type Occurrence = {
  kind: EventKind;
  title: string;
  titleEn: string;
  startDay: string;
  endDay: string;
  /** Kecamatan and kab/kota codes where it happens. */
  places: ReadonlySet<string>;
  /** Kecamatan and kab/kota codes its route passes (not counting `places`). */
  route: ReadonlySet<string>;
  /** Recurring dates apply wherever perguruan silat are present (Idul Fitri: everywhere). */
  isSeason: boolean;
  expectedCrowd: number | null;
  groupIds: readonly string[];
};

/** Where groups are and who is at odds with whom. Region keys are kecamatan and kab/kota codes. */
export type Register = {
  /** Group ids present per region (a kab/kota holds every group with a branch anywhere in it). */
  presence: ReadonlyMap<string, ReadonlySet<string>>;
  /** Regions where a perguruan silat is present. */
  silatRegions: ReadonlySet<string>;
  rivalries: readonly (RivalryInput & { idA: string; idB: string })[];
};

/** An operator's event as an Occurrence. */
export function occurrenceOfEvent(e: {
  kind: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  regionCode: string;
  routeRegionCodes: readonly string[];
  expectedCrowd: number | null;
  groupIds: readonly string[];
}): Occurrence {
  const places = new Set(areasOf(e.regionCode));
  const route = new Set(e.routeRegionCodes.flatMap(areasOf).filter((code) => !places.has(code)));
  return {
    kind: e.kind as EventKind,
    title: e.title,
    titleEn: e.title,
    startDay: wibDate(e.startsAt),
    endDay: wibDate(e.endsAt ?? e.startsAt),
    places,
    route,
    isSeason: false,
    expectedCrowd: e.expectedCrowd,
    groupIds: e.groupIds,
  };
}

/** A recurring date as an Occurrence. */
export function occurrenceOfRecurring(e: RecurringEvent): Occurrence {
  return {
    kind: e.key,
    title: e.title,
    titleEn: e.titleEn,
    startDay: e.startDay,
    endDay: e.endDay,
    places: new Set(),
    route: new Set(),
    isSeason: true,
    expectedCrowd: null,
    groupIds: [],
  };
}

/** Builds the register from branch presence and active rivalries (which carry the groups' short names). */
export function buildRegister(
  presence: readonly {
    groupId: string;
    kind: string;
    shortName: string;
    kabkotaCode: string;
    kecamatanCode: string | null;
  }[],
  rivalries: readonly {
    groupA: string;
    groupB: string;
    nameA: string;
    nameB: string;
    intensity: RivalryInput['intensity'];
  }[],
): Register {
  const byRegion = new Map<string, Set<string>>();
  const silat = new Set<string>();
  for (const p of presence) {
    for (const code of [p.kabkotaCode, p.kecamatanCode]) {
      if (!code) continue;
      let set = byRegion.get(code);
      if (!set) {
        set = new Set();
        byRegion.set(code, set);
      }
      set.add(p.groupId);
      if (p.kind === 'perguruan_silat') silat.add(code);
    }
  }
  return {
    presence: byRegion,
    silatRegions: silat,
    rivalries: rivalries.map((r) => ({
      idA: r.groupA,
      idB: r.groupB,
      groupA: r.nameA,
      groupB: r.nameB,
      intensity: r.intensity,
    })),
  };
}

/** Active rivalries with both groups present in the region. */
export function rivalriesIn(region: string, register: Register): RivalryInput[] {
  const present = register.presence.get(region);
  if (!present) return [];
  return register.rivalries
    .filter((r) => present.has(r.idA) && present.has(r.idB))
    .map(({ groupA, groupB, intensity }) => ({ groupA, groupB, intensity }));
}

/** Short names of groups present in the region that are active rivals of any of `groupIds`. */
function rivalsPresent(region: string, groupIds: readonly string[], register: Register): string[] {
  const present = register.presence.get(region);
  if (!present || groupIds.length === 0) return [];
  const rivals = new Set<string>();
  for (const r of register.rivalries) {
    if (groupIds.includes(r.idA) && present.has(r.idB)) rivals.add(r.groupB);
    if (groupIds.includes(r.idB) && present.has(r.idA)) rivals.add(r.groupA);
  }
  return [...rivals].sort();
}

/** The calendar events that concern one region on `today` (WIB day), within the look-ahead. */
export function calendarIn(
  region: string,
  occurrences: readonly Occurrence[],
  register: Register,
  today: string,
  lookaheadDays: number,
): CalendarInput[] {
  const inputs: CalendarInput[] = [];
  for (const o of occurrences) {
    if (o.endDay < today) continue;
    const daysAway = daysBetween(today, o.startDay);
    if (daysAway > lookaheadDays) continue;
    let relation: CalendarInput['relation'];
    if (o.isSeason) {
      if (o.kind !== 'idul_fitri' && !register.silatRegions.has(region)) continue;
      relation = 'season';
    } else if (o.places.has(region)) relation = 'place';
    else if (o.route.has(region)) relation = 'route';
    else continue;
    inputs.push({
      kind: o.kind,
      title: o.title,
      titleEn: o.titleEn,
      startDay: o.startDay,
      daysAway,
      relation,
      expectedCrowd: o.expectedCrowd,
      rivalsPresent: rivalsPresent(region, o.groupIds, register),
    });
  }
  return inputs;
}

/** Tallies of one region: recent activity and the weighted history. */
export type Tally = { recent: RecentActivity; historyWeighted: number };

export const EMPTY_TALLY: Tally = { recent: NO_ACTIVITY, historyWeighted: 0 };

/** Adds a group of reports (age −1: history) to a tally. */
export function addToTally(
  tally: Tally,
  c: ReportClass,
  age: number,
  n: number,
  settings: Pick<EarlyWarningSettings, 'halfLifeDays'>,
): Tally {
  if (age < 0) return { ...tally, historyWeighted: tally.historyWeighted + reportWeight(c) * n };
  return { ...tally, recent: addRecent(tally.recent, c, age, n, settings) };
}

/** 'kecamatan', 'kabupaten' or 'kota': how factor texts name a region. */
export function nounOf(level: 'kecamatan' | 'kabkota', name: string): RegionInput['noun'] {
  if (level === 'kecamatan') return { id: 'kecamatan', en: 'kecamatan' };
  return name.startsWith('Kota') ? { id: 'kota', en: 'city' } : { id: 'kabupaten', en: 'regency' };
}

/** The model input of one region. */
export function regionInput(
  region: { code: string; level: 'kecamatan' | 'kabkota'; name: string },
  tally: Tally,
  history: { days: number; priorPerDay: number },
  occurrences: readonly Occurrence[],
  register: Register,
  today: string,
  settings: EarlyWarningSettings,
  content?: SpreadingContent,
): RegionInput {
  return {
    noun: nounOf(region.level, region.name),
    recent: tally.recent,
    history: { weighted: tally.historyWeighted, days: history.days, priorPerDay: history.priorPerDay },
    calendar: calendarIn(region.code, occurrences, register, today, settings.lookaheadDays),
    rivalries: rivalriesIn(region.code, register),
    ...(content && content.items > 0 ? { content } : {}),
  };
}

/** What the model reads of one item seen in one kecamatan on one WIB day (the provocation watch's rows). */
export type ContentSeen = {
  kecamatanCode: string;
  itemId: string;
  day: string;
  lastSeenAt: Date;
  takenDownAt: Date | null;
  groups: readonly string[];
};

/**
 * Spreading content per kecamatan and per kab/kota: the distinct items among `rows` that `counts` keeps, with the
 * groups they name. A kab/kota counts each item once however many of its kecamatan it reached.
 */
export function tallyContent(
  rows: readonly ContentSeen[],
  counts: (row: ContentSeen) => boolean,
  kecamatanNames: ReadonlyMap<string, string>,
): Map<string, SpreadingContent> {
  const items = new Map<string, Set<string>>();
  const groups = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!counts(row)) continue;
    for (const code of areasOf(row.kecamatanCode)) {
      let set = items.get(code);
      if (!set) {
        set = new Set();
        items.set(code, set);
        groups.set(code, new Set());
      }
      set.add(row.itemId);
      for (const g of row.groups) groups.get(code)?.add(g);
    }
  }
  const result = new Map<string, SpreadingContent>();
  for (const [code, set] of items) {
    const name = kecamatanNames.get(code);
    result.set(code, {
      items: set.size,
      groups: [...(groups.get(code) ?? [])].sort(),
      ...(name ? { place: `Kec. ${name}` } : {}),
    });
  }
  return result;
}

/** The recompute's rule: seen within the content window before `now` and not taken down by then. */
export function isSpreadingAt(now: Date, windowHours: number): (row: ContentSeen) => boolean {
  const since = now.getTime() - windowHours * 3_600_000;
  return (row) =>
    row.lastSeenAt.getTime() > since &&
    row.lastSeenAt.getTime() <= now.getTime() &&
    (row.takenDownAt === null || row.takenDownAt.getTime() > now.getTime());
}
