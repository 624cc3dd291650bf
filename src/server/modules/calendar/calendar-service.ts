import {
  CHECKLIST_ITEMS,
  CHECKLIST_KEYS,
  type ChecklistKey,
} from '../../../shared/early-warning/alert-rules.ts';
import {
  addDays,
  type CalendarOverride,
  gregorianOf,
  type ONE_OFF_EVENT_KINDS,
  type RecurringAnchor,
  type RecurringEvent,
  recurringEventsBetween,
} from '../../../shared/early-warning/calendar.ts';
import { kecamatanOf, levelOfCode } from '../../../shared/regions.ts';
import { startOfWibDay, toWibIso, toWibIsoOrNull, wibDate } from '../../../shared/time.ts';
import { appendAudit, auditAbout } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { authorize, requireInScope } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { findRegions } from '../regions/regions-service.ts';
import { requireGroups } from '../register/groups-service.ts';
import { findKnownReportIds } from '../reports/reports-service.ts';
import * as store from './calendar-store.ts';

/** An audit entry about a one-off event (the calendar's actions name the event they change). */
const auditEvent = auditAbout('calendar_event');

export type CalendarDeps = { db: Database; clock: Clock };

const CALENDAR_REFUSED = 'Peran Anda tidak mengakses kalender kerawanan';

export type EventView = Omit<
  store.EventRecord,
  'startsAt' | 'endsAt' | 'reviewedAt' | 'createdAt' | 'checklist'
> & {
  startsAt: string;
  endsAt: string | null;
  reviewedAt: string | null;
  createdAt: string;
  checklist: { key: ChecklistKey; label: string; isDone: boolean; note: string }[];
  checklistDone: number;
};

function toView(e: store.EventRecord): EventView {
  const checklist = CHECKLIST_KEYS.map((key) => ({
    key,
    label: CHECKLIST_ITEMS[key],
    isDone: e.checklist[key]?.isDone ?? false,
    note: e.checklist[key]?.note ?? '',
  }));
  return {
    ...e,
    startsAt: toWibIso(e.startsAt),
    endsAt: toWibIsoOrNull(e.endsAt),
    reviewedAt: toWibIsoOrNull(e.reviewedAt),
    createdAt: toWibIso(e.createdAt),
    checklist,
    checklistDone: checklist.filter((item) => item.isDone).length,
  };
}

/** The recurring dates (with the admin's overrides) and the one-off events in [from, to], WIB days. */
export async function listCalendar(
  deps: CalendarDeps,
  principal: Principal,
  query: { from: string; to: string; regionCode?: string },
): Promise<{ recurring: RecurringEvent[]; events: EventView[] }> {
  authorize(principal, 'calendar.view', CALENDAR_REFUSED);
  if (query.to < query.from) throw new DomainError('validation_failed', 'to harus sesudah from');
  if (Date.parse(query.to) - Date.parse(query.from) > 3 * 366 * 86_400_000) {
    throw new DomainError('validation_failed', 'Rentang paling lama tiga tahun');
  }
  return deps.db.asActor(principal.actor, async (tx) => {
    const overrides = await store.listOverrides(tx);
    const events = await store.listEvents(tx, {
      from: startOfWibDay(query.from),
      to: startOfWibDay(addDays(query.to, 1)),
      regionCode: query.regionCode,
    });
    return { recurring: recurringEventsBetween(query.from, query.to, overrides), events: events.map(toView) };
  });
}

/** Sets the government's date for 1 Suro or Idul Fitri of a Hijri year (admin); it must be within 3 days. */
export async function setOverride(
  deps: CalendarDeps,
  principal: Principal,
  input: { anchor: RecurringAnchor; hijriYear: number; date: string; note: string },
): Promise<RecurringEvent[]> {
  authorize(principal, 'calendar.correct', 'Hanya admin yang mengoreksi tanggal');
  const computed = gregorianOf({
    year: input.hijriYear,
    month: input.anchor === 'satu_suro' ? 1 : 10,
    day: 1,
  });
  const shift = Math.abs(Date.parse(input.date) - Date.parse(computed)) / 86_400_000;
  if (shift > 3) {
    throw new DomainError(
      'validation_failed',
      `Tanggal terlalu jauh dari hitungan (${computed}); paling jauh 3 hari`,
    );
  }
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    await store.upsertOverride(tx, {
      anchor: input.anchor,
      hijriYear: input.hijriYear,
      day: input.date,
      note: input.note,
      setBy: principal.user.id,
      now,
    });
    await appendAudit(tx, principal, 'calendar.override_set', `${input.anchor}:${input.hijriYear}`, {
      date: input.date,
      computed,
    });
    return recurringOfYear(tx, input.hijriYear, input.date);
  });
}

async function recurringOfYear(tx: Tx, hijriYear: number, around: string): Promise<RecurringEvent[]> {
  const overrides = await store.listOverrides(tx);
  return recurringEventsBetween(addDays(around, -400), addDays(around, 400), overrides).filter(
    (e) => e.hijriYear === hijriYear,
  );
}

/** Removes an override: the computed date applies again (admin). */
export async function deleteOverride(
  deps: CalendarDeps,
  principal: Principal,
  anchor: RecurringAnchor,
  hijriYear: number,
): Promise<void> {
  authorize(principal, 'calendar.correct', 'Hanya admin yang mengoreksi tanggal');
  await deps.db.asActor(principal.actor, async (tx) => {
    if (!(await store.deleteOverride(tx, anchor, hijriYear)))
      throw new DomainError('not_found', 'Koreksi tanggal tidak ditemukan');
    await appendAudit(tx, principal, 'calendar.override_removed', `${anchor}:${hijriYear}`);
  });
}

export type NewEvent = {
  kind: (typeof ONE_OFF_EVENT_KINDS)[number];
  title: string;
  description: string;
  startsAt: string;
  endsAt?: string;
  regionCode: string;
  routeRegionCodes: string[];
  expectedCrowd?: number;
  groupIds: string[];
};

/** Enters a one-off gathering in a region of the principal's scope; its route may cross other kab/kota. */
export async function createEvent(deps: CalendarDeps, principal: Principal, input: NewEvent) {
  authorize(principal, 'calendar.plan', CALENDAR_REFUSED);
  if (levelOfCode(input.regionCode) === 'provinsi') {
    throw new DomainError('validation_failed', 'Pilih kab/kota, kecamatan atau desa tempat acara');
  }
  requireInScope(principal, input.regionCode);
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt < startsAt)
    throw new DomainError('validation_failed', 'Waktu selesai harus sesudah mulai');
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const codes = [...new Set([input.regionCode, ...input.routeRegionCodes])];
    const known = await findRegions(tx, codes);
    const unknown = codes.filter((code) => !known.some((k) => k.code === code));
    if (unknown.length > 0)
      throw new DomainError('validation_failed', `Kode wilayah tidak dikenal: ${unknown.join(', ')}`);
    await requireGroups(tx, input.groupIds);
    const id = await store.insertEvent(tx, {
      ...input,
      startsAt,
      endsAt,
      expectedCrowd: input.expectedCrowd ?? null,
      createdBy: principal.user.id,
      now,
    });
    await store.insertEventGroups(tx, id, input.groupIds);
    await auditEvent(tx, principal, 'calendar.event_created', id, {
      kind: input.kind,
      regionCode: input.regionCode,
    });
    return eventDetail(tx, id, now);
  });
}

/** The event, locked until the transaction ends. Throws not_found. */
async function getEventForChange(tx: Tx, id: string) {
  return foundOr(await store.findEvent(tx, id, true), 'Acara tidak ditemukan');
}

/** The event, locked, while it is still scheduled. Throws not_found or invalid_transition. */
async function getScheduledEvent(tx: Tx, id: string) {
  const event = await getEventForChange(tx, id);
  if (event.status !== 'terjadwal')
    throw new DomainError('invalid_transition', 'Acara sudah selesai atau dibatalkan');
  return event;
}

/** An event with the kecamatan on its route: their level, the rival groups present and their recent reports. */
async function eventDetail(tx: Tx, id: string, now: Date) {
  const event = foundOr(await store.findEvent(tx, id), 'Acara tidak ditemukan');
  const kecamatan = [
    ...new Set(
      [event.regionCode, ...event.routeRegionCodes]
        .map(kecamatanOf)
        .filter((code): code is string => code !== undefined),
    ),
  ];
  const rivals = await store.findRivalIds(
    tx,
    event.groups.map((g) => g.id),
  );
  const since = new Date(now.getTime() - 365 * 86_400_000);
  const route = await store.routeHistory(tx, kecamatan, rivals, since);
  return {
    ...toView(event),
    route: route.map((r) => ({
      ...r,
      lastRivalReportAt: toWibIsoOrNull(r.lastRivalReportAt),
    })),
  };
}

export async function getEvent(deps: CalendarDeps, principal: Principal, id: string) {
  authorize(principal, 'calendar.view', CALENDAR_REFUSED);
  return deps.db.asActor(principal.actor, (tx) => eventDetail(tx, id, deps.clock.now()));
}

/** Ticks items of the pre-event risk checklist, from the version the editor saw. */
export async function updateChecklist(
  deps: CalendarDeps,
  principal: Principal,
  id: string,
  input: { version: number; items: { key: ChecklistKey; isDone: boolean; note?: string }[] },
) {
  authorize(principal, 'calendar.plan', CALENDAR_REFUSED);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const event = await getScheduledEvent(tx, id);
    const checklist = { ...event.checklist };
    for (const item of input.items) {
      checklist[item.key] = {
        isDone: item.isDone,
        note: item.note ?? '',
        by: principal.user.id,
        at: toWibIso(now),
      };
    }
    if (!(await store.updateChecklist(tx, id, input.version, checklist, now))) {
      throw new DomainError(
        'version_conflict',
        'Daftar periksa sudah diubah orang lain; muat ulang lalu ulangi',
        {
          currentVersion: event.version,
        },
      );
    }
    await auditEvent(tx, principal, 'calendar.checklist_updated', id, {
      items: input.items.map((i) => ({ key: i.key, isDone: i.isDone })),
    });
    return eventDetail(tx, id, now);
  });
}

/** Records the post-event review; only once the event has started. Marks the event done. */
export async function saveReview(
  deps: CalendarDeps,
  principal: Principal,
  id: string,
  review: {
    summary: string;
    actualCrowd?: number;
    hadIncident: boolean;
    incidentReportIds: string[];
    lessons: string;
  },
) {
  authorize(principal, 'calendar.plan', CALENDAR_REFUSED);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const event = await getEventForChange(tx, id);
    if (event.status === 'dibatalkan') throw new DomainError('invalid_transition', 'Acara dibatalkan');
    if (event.startsAt > now)
      throw new DomainError('invalid_transition', 'Evaluasi diisi setelah acara dimulai');
    if (review.incidentReportIds.length > 0) {
      const found = await findKnownReportIds(tx, review.incidentReportIds);
      if (found.length !== new Set(review.incidentReportIds).size)
        throw new DomainError('not_found', 'Laporan tidak ditemukan');
    }
    await store.saveReview(tx, id, { ...review, day: wibDate(now) }, { userId: principal.user.id, now });
    await auditEvent(tx, principal, 'calendar.review_saved', id, {
      hadIncident: review.hadIncident,
      incidentReportIds: review.incidentReportIds,
    });
    return eventDetail(tx, id, now);
  });
}

/** Cancels a scheduled event: it no longer raises any level. */
export async function cancelEvent(deps: CalendarDeps, principal: Principal, id: string) {
  authorize(principal, 'calendar.plan', CALENDAR_REFUSED);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    await getScheduledEvent(tx, id);
    await store.cancelEvent(tx, id, now);
    await auditEvent(tx, principal, 'calendar.event_cancelled', id);
    return eventDetail(tx, id, now);
  });
}

/** The admin's date corrections, for the level model and the backtest (read in the caller's transaction). */
export function listOverrides(tx: Tx): Promise<CalendarOverride[]> {
  return store.listOverrides(tx);
}

/** One-off events under way or starting before `until`, for the level model and the backtest. */
export function listActiveEvents(tx: Tx, from: Date, until: Date): Promise<store.StoredEvent[]> {
  return store.listActiveEvents(tx, from, until);
}
