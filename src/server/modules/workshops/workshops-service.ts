import {
  periodInstants,
  periodLabel,
  previousPeriod,
  quarterKey,
  quarterOf,
} from '../../../shared/evaluation/period.ts';
import { toWibIso } from '../../../shared/time.ts';
import type {
  WorkshopRoutine,
  WorkshopSummary,
  WorkshopView,
} from '../../../shared/workshops/workshop-rules.ts';
import type { WorkshopEdit, WorkshopInput } from '../../../shared/workshops/workshop-schema.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit.ts';
import { withChanges } from '../../platform/changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { notifyUsers } from '../notifications/notifications-service.ts';
import * as store from './workshops-store.ts';

export type WorkshopDeps = { db: Database; clock: Clock };

export type { WorkshopView };

function evaluationLinkOf(w: store.WorkshopRecord): string | null {
  if (!w.evaluation) return null;
  const params = new URLSearchParams({
    scope: w.evaluation.scope,
    from: w.evaluation.from,
    to: w.evaluation.to,
  });
  return `/api/evaluations/summary?${params.toString()}`;
}

async function requireWorkshop(tx: Tx, id: string): Promise<store.WorkshopRecord> {
  return foundOr(await store.findWorkshop(tx, id), 'Workshop tidak ditemukan');
}

async function requireManaged(tx: Tx, id: string): Promise<store.WorkshopRecord> {
  const w = await requireWorkshop(tx, id);
  if (!(await store.canRunArea(tx, w.bakorwilId, w.kabkotaCode))) {
    throw new DomainError('forbidden', 'Hanya penyelenggara wilayah ini yang dapat mengubah workshop');
  }
  return w;
}

/**
 * A change to a workshop by whoever runs its area: one transaction as the principal, given the workshop as it
 * was read (404 when unseen, 403 for anyone who does not run its area).
 */
export function changeManaged<T>(
  deps: WorkshopDeps,
  principal: Principal,
  id: string,
  change: (tx: Tx, w: store.WorkshopRecord) => Promise<T>,
): Promise<T> {
  return deps.db.asActor(principal.actor, async (tx) => change(tx, await requireManaged(tx, id)));
}

export async function view(tx: Tx, now: Date, w: store.WorkshopRecord): Promise<WorkshopView> {
  return {
    ...w,
    evaluationLink: evaluationLinkOf(w),
    participants: await store.listParticipants(tx, w.id),
    materials: await store.listMaterials(tx, w.id),
    actions: await store.listActions(tx, now, { workshopId: w.id }),
    canManage: await store.canRunArea(tx, w.bakorwilId, w.kabkotaCode),
  };
}

/** Plans a workshop of a Bakorwil (its koordinator, the province) or a kab/kota (also its operator). */
export async function planWorkshop(
  deps: WorkshopDeps,
  principal: Principal,
  input: WorkshopInput,
): Promise<WorkshopView> {
  authorize(principal, 'workshop.organise', 'Peran Anda tidak menyelenggarakan workshop');
  return deps.db.asActor(principal.actor, async (tx) => {
    const bakorwilId = input.bakorwilId ?? null;
    const kabkotaCode = input.kabkotaCode ?? null;
    if (!(await store.canRunArea(tx, bakorwilId, kabkotaCode))) {
      throw new DomainError('forbidden', 'Wilayah workshop di luar lingkup Anda');
    }
    const id = await store.insertWorkshop(tx, {
      topic: input.topic,
      startsAt: input.startsAt,
      place: input.place,
      bakorwilId,
      kabkotaCode,
      facilitators: input.facilitators,
      notes: input.notes,
      evaluation: input.evaluation ?? null,
      createdBy: principal.user.id,
      now: deps.clock.now(),
    });
    await appendAudit(tx, principal, 'workshop.planned', id, { bakorwilId, kabkotaCode });
    return view(tx, deps.clock.now(), await requireWorkshop(tx, id));
  });
}

/** Edits a workshop from the version seen: details, status (terlaksana, batal), the linked evaluation. */
export async function editWorkshop(
  deps: WorkshopDeps,
  principal: Principal,
  id: string,
  edit: WorkshopEdit,
): Promise<WorkshopView> {
  const { version, ...changes } = edit;
  return changeManaged(deps, principal, id, async (tx, w) => {
    const ok = await store.updateWorkshop(tx, id, version, withChanges(w, changes), deps.clock.now());
    if (!ok)
      throw new DomainError('version_conflict', 'Workshop sudah diubah orang lain; muat ulang', {
        version: w.version,
      });
    await appendAudit(tx, principal, 'workshop.updated', id, { status: edit.status ?? w.status });
    return view(tx, deps.clock.now(), await requireWorkshop(tx, id));
  });
}

export async function getWorkshop(
  deps: WorkshopDeps,
  principal: Principal,
  id: string,
): Promise<WorkshopView> {
  return deps.db.asActor(principal.actor, async (tx) =>
    view(tx, deps.clock.now(), await requireWorkshop(tx, id)),
  );
}

export async function listWorkshops(
  deps: WorkshopDeps,
  principal: Principal,
  query: { from?: string; to?: string; limit: number },
): Promise<WorkshopSummary[]> {
  const range = query.from && query.to ? periodInstants({ from: query.from, to: query.to }) : undefined;
  return deps.db.asActor(principal.actor, (tx) =>
    store.listWorkshops(tx, deps.clock.now(), { from: range?.start, to: range?.end, limit: query.limit }),
  );
}

/**
 * The quarterly routine as the viewer sees it: for each Bakorwil their scope touches, the workshops planned
 * or held this quarter (not cancelled), and the reminder sent when the last quarter passed without one.
 */
export async function getRoutine(deps: WorkshopDeps, principal: Principal): Promise<WorkshopRoutine> {
  const current = quarterOf(deps.clock.now());
  const last = previousPeriod(current);
  const range = periodInstants(current);
  const rows = await deps.db.asActor(principal.actor, (tx) =>
    store.listRoutine(tx, { start: range.start, end: range.end, reminderQuarter: quarterKey(last.from) }),
  );
  return {
    quarter: current,
    previousQuarter: last,
    areas: rows.map((row) => ({
      bakorwilId: row.bakorwilId,
      name: row.name,
      workshopsThisQuarter: row.workshopsThisQuarter,
      canPlan: row.canPlan,
      reminder: row.reminderSentAt
        ? { quarter: quarterKey(last.from), sentAt: toWibIso(row.reminderSentAt) }
        : null,
    })),
  };
}

/**
 * The quarterly routine: a Bakorwil whose last quarter passed without a workshop, and with none planned or
 * held in this quarter, gets one reminder for that quarter, to its koordinator and the province.
 */
export async function runWorkshopReminders(
  db: Database,
  clock: Clock,
): Promise<{ quarter: string; reminded: string[] }> {
  const now = clock.now();
  const current = quarterOf(now);
  const last = previousPeriod(current);
  const key = quarterKey(last.from);
  const reminded: string[] = [];
  await db.asSystem(async (tx) => {
    const due = await store.listBakorwilToRemind(tx, {
      key,
      start: periodInstants(last).start,
      nextEnd: periodInstants(current).end,
    });
    for (const bakorwil of due) {
      const recipients = await store.listReminderRecipients(tx, bakorwil.id);
      const reminderId = await store.insertReminder(tx, {
        bakorwilId: bakorwil.id,
        quarter: key,
        recipients: recipients.length,
        now,
      });
      if (!reminderId) continue;
      await notifyUsers(tx, recipients, {
        kind: 'workshop.reminder',
        subjectType: 'workshop_reminder',
        subjectId: reminderId,
        title: `${bakorwil.name}: belum ada workshop evaluasi ${periodLabel(last)}`,
        body: 'Evaluasi penanganan konflik sosial bagi kelompok rentan minimal tri wulan sekali. Jadwalkan workshop triwulan ini.',
      });
      await appendAudit(
        tx,
        SYSTEM_ACTOR,
        'workshop.reminded',
        { type: 'bakorwil', id: bakorwil.id },
        { quarter: key, recipients: recipients.length },
      );
      reminded.push(bakorwil.id);
    }
  });
  return { quarter: key, reminded };
}
