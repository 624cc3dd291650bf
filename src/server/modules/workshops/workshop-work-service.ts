// A workshop's work once planned: inviting participants, recording attendance, keeping its materials, and the
// action items it agreed with their owners and due dates. Planning and the quarterly routine: workshops-service.ts.
import { createHash } from 'node:crypto';
import { isWithin } from '../../../shared/region-codes.ts';
import { wibStamp } from '../../../shared/time.ts';
import {
  MATERIAL_TYPES,
  MAX_MATERIAL_BYTES,
  type WorkshopActionItem,
  type WorkshopView,
} from '../../../shared/workshops/workshop-rules.ts';
import type { ActionInput, InviteInput } from '../../../shared/workshops/workshop-schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { DomainError, foundAs, foundOr } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import { checkDocument } from '../../platform/uploads.ts';
import { notifyUsers } from '../notifications/notifications-service.ts';
import { findUserCard } from '../users/users-service.ts';
import { changeManaged, view, type WorkshopDeps } from './workshops-service.ts';
import * as store from './workshops-store.ts';

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
  return changeManaged(deps, principal, id, async (tx, w) => {
    const area = await store.areaKabkota(tx, w.bakorwilId, w.kabkotaCode);
    const within = (region: string | undefined) => {
      if (!region) return true;
      return area.some((k) => isWithin(region, k)) || region === w.bakorwilId;
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
    await notifyUsers(tx, invited, {
      kind: 'workshop.invited',
      subjectType: 'workshop',
      subjectId: id,
      title: `Undangan: ${w.topic}`,
      body: `${w.place}, ${wibStamp(w.startsAt)}`,
    });
    await appendAudit(tx, principal, 'workshop.invited', id, { users: invited.length, pillars });
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
  return changeManaged(deps, principal, id, async (tx, w) => {
    if (!(await store.setAttendance(tx, id, participantId, attendance, deps.clock.now()))) {
      throw new DomainError('not_found', 'Peserta tidak ditemukan');
    }
    await appendAudit(tx, principal, 'workshop.attendance', id, { participantId, attendance });
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
  return changeManaged(deps, principal, id, async (tx) => {
    const materialId = await store.insertMaterial(tx, {
      workshopId: id,
      fileName,
      contentType: checked.contentType,
      bytes: checked.bytes,
      sha256: createHash('sha256').update(checked.bytes).digest('hex'),
      by: principal.user.id,
      now: deps.clock.now(),
    });
    await appendAudit(tx, principal, 'workshop.material_added', id, { materialId });
    return { id: materialId, fileName, byteSize: checked.bytes.length };
  });
}

export async function getMaterial(deps: WorkshopDeps, principal: Principal, id: string, materialId: string) {
  return foundAs(deps, principal, (tx) => store.findMaterial(tx, id, materialId), 'Materi tidak ditemukan');
}

/** Records an outcome as an action item with an owner (a user, or a name) and a due date. */
export async function addAction(
  deps: WorkshopDeps,
  principal: Principal,
  id: string,
  input: ActionInput,
): Promise<store.ActionRecord> {
  return changeManaged(deps, principal, id, async (tx) => {
    let ownerName = input.ownerName;
    if (input.ownerUserId) {
      const owner = await findUserCard(tx, input.ownerUserId);
      if (!owner) throw new DomainError('validation_failed', 'Penanggung jawab tidak dikenal');
      ownerName = ownerName ?? owner.displayName;
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
      await notifyUsers(tx, [input.ownerUserId], {
        kind: 'workshop.action_assigned',
        subjectType: 'workshop_action',
        subjectId: actionId,
        title: 'Tindak lanjut workshop untuk Anda',
        body: `${input.description.slice(0, 140)} (tenggat ${input.dueOn})`,
      });
    }
    await appendAudit(tx, principal, 'workshop.action_added', id, { actionId });
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
    const action = foundOr(await store.findAction(tx, now, actionId), 'Tindak lanjut tidak ditemukan');
    const workshop = await store.findWorkshop(tx, action.workshopId);
    const isOwner = action.ownerUserId === principal.user.id;
    const runs = workshop ? await store.canRunArea(tx, workshop.bakorwilId, workshop.kabkotaCode) : false;
    if (!isOwner && !runs) throw new DomainError('forbidden', 'Hanya penanggung jawab atau penyelenggara');
    if (!(await store.completeAction(tx, actionId, { ...done, by: principal.user.id, now }))) {
      throw new DomainError('invalid_transition', 'Tindak lanjut ini sudah ditutup');
    }
    await appendAudit(
      tx,
      principal,
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
