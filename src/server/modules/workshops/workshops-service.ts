import { createHash } from 'node:crypto';
import {
  periodInstants,
  periodLabel,
  previousPeriod,
  quarterKey,
  quarterOf,
} from '../../../shared/evaluation/period.ts';
import { toWibIso } from '../../../shared/time.ts';
import {
  MATERIAL_TYPES,
  MAX_MATERIAL_BYTES,
  type WorkshopActionItem,
  type WorkshopRoutine,
  type WorkshopSummary,
  type WorkshopView,
} from '../../../shared/workshops/workshop-rules.ts';
import type {
  ActionInput,
  InviteInput,
  WorkshopEdit,
  WorkshopInput,
} from '../../../shared/workshops/workshop-schema.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { checkDocument } from '../../platform/uploads.ts';
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
  const w = await store.findWorkshop(tx, id);
  if (!w) throw new DomainError('not_found', 'Workshop tidak ditemukan');
  return w;
}

async function requireManaged(tx: Tx, id: string): Promise<store.WorkshopRecord> {
  const w = await requireWorkshop(tx, id);
  if (!(await store.canRunArea(tx, w.bakorwilId, w.kabkotaCode))) {
    throw new DomainError('forbidden', 'Hanya penyelenggara wilayah ini yang dapat mengubah workshop');
  }
  return w;
}

async function view(tx: Tx, now: Date, w: store.WorkshopRecord): Promise<WorkshopView> {
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
    await appendAudit(
      tx,
      principal.audit,
      'workshop.planned',
      { type: 'workshop', id },
      { bakorwilId, kabkotaCode },
    );
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
  return deps.db.asActor(principal.actor, async (tx) => {
    const w = await requireManaged(tx, id);
    const ok = await store.updateWorkshop(
      tx,
      id,
      edit.version,
      {
        topic: edit.topic ?? w.topic,
        startsAt: edit.startsAt ?? w.startsAt,
        place: edit.place ?? w.place,
        facilitators: edit.facilitators ?? w.facilitators,
        notes: edit.notes ?? w.notes,
        status: edit.status ?? w.status,
        evaluation: edit.evaluation === undefined ? w.evaluation : edit.evaluation,
      },
      deps.clock.now(),
    );
    if (!ok)
      throw new DomainError('version_conflict', 'Workshop sudah diubah orang lain; muat ulang', {
        version: w.version,
      });
    await appendAudit(
      tx,
      principal.audit,
      'workshop.updated',
      { type: 'workshop', id },
      { status: edit.status ?? w.status },
    );
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
 * Invites participants: users by id or by role within the area (or a region of it), and pillars of the
 * registry by id or by type. Invited users find the invitation in their inbox.
 */
export async function inviteParticipants(
  deps: WorkshopDeps,
  principal: Principal,
  id: string,
  input: InviteInput,
): Promise<WorkshopView> {
  return deps.db.asActor(principal.actor, async (tx) => {
    const w = await requireManaged(tx, id);
    const area = await store.areaKabkota(tx, w.bakorwilId, w.kabkotaCode);
    const within = (region: string | undefined) => {
      if (!region) return true;
      return area.some((k) => region === k || region.startsWith(`${k}.`)) || region === w.bakorwilId;
    };
    if (!within(input.users?.region) || !within(input.pillars?.kabkotaCode)) {
      throw new DomainError('validation_failed', 'Wilayah undangan harus di dalam wilayah workshop');
    }
    let byRole: { role: string; regions: string[]; bakorwilIds: string[] } | null = null;
    if (input.users) {
      const region = input.users.region;
      byRole =
        input.users.role === 'provinsi'
          ? { role: 'provinsi', regions: ['35'], bakorwilIds: [] }
          : region && region !== w.bakorwilId
            ? { role: input.users.role, regions: [region], bakorwilIds: [] }
            : { role: input.users.role, regions: area, bakorwilIds: w.bakorwilId ? [w.bakorwilId] : [] };
    }
    const invited = await store.inviteUsers(tx, id, input.userIds, byRole);
    let pillars = 0;
    if (input.pillarIds.length > 0 || input.pillars) {
      if (!(await store.hasPillarRegistry(tx)))
        throw new DomainError('unavailable', 'Registri pilar belum tersedia');
      pillars = await store.invitePillars(
        tx,
        id,
        input.pillarIds,
        input.pillars
          ? {
              pillarType: input.pillars.pillarType,
              kabkota: input.pillars.kabkotaCode ? [input.pillars.kabkotaCode] : area,
            }
          : null,
      );
    }
    await store.notify(tx, invited, {
      kind: 'workshop.invited',
      subjectType: 'workshop',
      subjectId: id,
      title: `Undangan: ${w.topic}`,
      body: `${w.place}, ${w.startsAt.slice(0, 16).replace('T', ' ')} WIB`,
    });
    await appendAudit(
      tx,
      principal.audit,
      'workshop.invited',
      { type: 'workshop', id },
      { users: invited.length, pillars },
    );
    return view(tx, deps.clock.now(), w);
  });
}

/** Records whether a participant attended. */
export async function recordAttendance(
  deps: WorkshopDeps,
  principal: Principal,
  id: string,
  participantId: string,
  attendance: string,
): Promise<WorkshopView> {
  return deps.db.asActor(principal.actor, async (tx) => {
    const w = await requireManaged(tx, id);
    if (!(await store.setAttendance(tx, id, participantId, attendance, deps.clock.now()))) {
      throw new DomainError('not_found', 'Peserta tidak ditemukan');
    }
    await appendAudit(
      tx,
      principal.audit,
      'workshop.attendance',
      { type: 'workshop', id },
      { participantId, attendance },
    );
    return view(tx, deps.clock.now(), w);
  });
}

/** Attaches a material (PDF, slides, documents, images; at most 10 MB). */
export async function addMaterial(
  deps: WorkshopDeps,
  principal: Principal,
  id: string,
  file: { fileName: string; contentType: string; bytes: Buffer },
): Promise<{ id: string; fileName: string; byteSize: number }> {
  if (!(MATERIAL_TYPES as readonly string[]).includes(file.contentType)) {
    throw new DomainError('unsupported_media_type', 'Materi berupa PDF, PPTX, DOCX, XLSX, JPEG atau PNG');
  }
  if (file.bytes.length === 0 || file.bytes.length > MAX_MATERIAL_BYTES) {
    throw new DomainError('payload_too_large', 'Materi paling besar 10 MB');
  }
  const fileName = file.fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'materi';
  // Checked by content, not by the type claimed: HTML sent as a PDF is refused, images are re-encoded.
  const checked = await checkDocument(file.bytes, file.contentType);
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireManaged(tx, id);
    const materialId = await store.insertMaterial(tx, {
      workshopId: id,
      fileName,
      contentType: checked.contentType,
      bytes: checked.bytes,
      sha256: createHash('sha256').update(checked.bytes).digest('hex'),
      by: principal.user.id,
      now: deps.clock.now(),
    });
    await appendAudit(
      tx,
      principal.audit,
      'workshop.material_added',
      { type: 'workshop', id },
      { materialId },
    );
    return { id: materialId, fileName, byteSize: checked.bytes.length };
  });
}

export async function getMaterial(deps: WorkshopDeps, principal: Principal, id: string, materialId: string) {
  const material = await deps.db.asActor(principal.actor, (tx) => store.findMaterial(tx, id, materialId));
  if (!material) throw new DomainError('not_found', 'Materi tidak ditemukan');
  return material;
}

/** Records an outcome as an action item with an owner (a user, or a name) and a due date. */
export async function addAction(
  deps: WorkshopDeps,
  principal: Principal,
  id: string,
  input: ActionInput,
): Promise<store.ActionRecord> {
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireManaged(tx, id);
    let ownerName = input.ownerName;
    if (input.ownerUserId) {
      const owner = await tx.one<{ name: string }>('SELECT display_name AS name FROM users WHERE id = $1', [
        input.ownerUserId,
      ]);
      if (!owner) throw new DomainError('validation_failed', 'Penanggung jawab tidak dikenal');
      ownerName = ownerName ?? owner.name;
    }
    if (!ownerName) throw new DomainError('validation_failed', 'Isi penanggung jawab tindak lanjut');
    const actionId = await store.insertAction(tx, {
      workshopId: id,
      description: input.description,
      ownerUserId: input.ownerUserId ?? null,
      ownerName,
      dueOn: input.dueOn,
      by: principal.user.id,
      now: deps.clock.now(),
    });
    if (input.ownerUserId) {
      await store.notify(tx, [input.ownerUserId], {
        kind: 'workshop.action_assigned',
        subjectType: 'workshop_action',
        subjectId: actionId,
        title: 'Tindak lanjut workshop untuk Anda',
        body: `${input.description.slice(0, 140)} (tenggat ${input.dueOn})`,
      });
    }
    await appendAudit(tx, principal.audit, 'workshop.action_added', { type: 'workshop', id }, { actionId });
    return (await store.findAction(tx, deps.clock.now(), actionId))!;
  });
}

/** Marks an action item done (or dropped): its owner or whoever runs the workshop. */
export async function completeAction(
  deps: WorkshopDeps,
  principal: Principal,
  actionId: string,
  done: { status: 'selesai' | 'batal'; note: string },
): Promise<store.ActionRecord> {
  return deps.db.asActor(principal.actor, async (tx) => {
    const now = deps.clock.now();
    const action = await store.findAction(tx, now, actionId);
    if (!action) throw new DomainError('not_found', 'Tindak lanjut tidak ditemukan');
    const workshop = await store.findWorkshop(tx, action.workshopId);
    const isOwner = action.ownerUserId === principal.user.id;
    const runs = workshop ? await store.canRunArea(tx, workshop.bakorwilId, workshop.kabkotaCode) : false;
    if (!isOwner && !runs) throw new DomainError('forbidden', 'Hanya penanggung jawab atau penyelenggara');
    if (!(await store.completeAction(tx, actionId, { ...done, by: principal.user.id, now }))) {
      throw new DomainError('invalid_transition', 'Tindak lanjut ini sudah ditutup');
    }
    await appendAudit(
      tx,
      principal.audit,
      'workshop.action_closed',
      { type: 'workshop_action', id: actionId },
      { status: done.status },
    );
    return (await store.findAction(tx, now, actionId))!;
  });
}

/** Action items with their workshop: the principal's own, or all they can see; open ones by default. */
export async function listActions(
  deps: WorkshopDeps,
  principal: Principal,
  query: { mine: boolean; open: boolean },
): Promise<WorkshopActionItem[]> {
  return deps.db.asActor(principal.actor, (tx) =>
    store.listActionItems(tx, deps.clock.now(), {
      ownerUserId: query.mine ? principal.user.id : undefined,
      openOnly: query.open,
      limit: 200,
    }),
  );
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
      await store.notify(tx, recipients, {
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
