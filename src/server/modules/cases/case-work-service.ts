import { randomUUID } from 'node:crypto';
import type { FollowUpInput } from '../../../shared/cases/case-schema.ts';
import { noticeOf } from '../../../shared/notices/notice-texts.ts';
import { can } from '../../../shared/permissions/index.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { contentHash } from '../../platform/canonical.ts';
import { answerAgain, ClientIdTaken, createOnce } from '../../platform/client-ids.ts';
import type { Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { findAgency } from '../settings/settings-service.ts';
import { findUserCard, listAgencyUserIds } from '../users/users-service.ts';
import * as work from './case-work-store.ts';
import {
  type CaseDeps,
  findCase,
  handOverCase,
  publishCaseEvent,
  recordCaseStep,
  refuseIfClosed,
  requireCase,
  requireHandledCase,
  requireOpenCase,
} from './cases-service.ts';
import * as store from './cases-store.ts';

/**
 * Assigns a person (through their user account) to a case: a grant, a timeline entry and an inbox item. Once per
 * client id: the same request sent again answers the assignment it made, a different one under that id is refused.
 */
export async function assignPerson(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  input: { id?: string; userId: string; task: string; dueAt?: string },
): Promise<{ id: string; userId: string; status: string }> {
  const now = deps.clock.now();
  const { id: requestId = randomUUID(), ...content } = input;
  const hash = contentHash(content);
  return createOnce(deps.db, principal.actor, 'Penugasan', {
    earlier: async (tx) => {
      const found = await work.findAssignmentRequest(tx, requestId);
      if (!found) return undefined;
      await requireHandledCase(tx, principal, caseId);
      const answer = { id: found.assignmentId, userId: found.userId, status: found.status };
      return answerAgain(found.caseId === caseId && found.contentHash === hash, answer, 'Penugasan');
    },
    create: async (tx) => {
      const current = await requireOpenCase(tx, principal, caseId);
      const person = await findUserCard(tx, input.userId);
      if (!person?.isActive || !['relawan', 'operator'].includes(person.role)) {
        throw new DomainError(
          'validation_failed',
          'Yang ditugaskan harus pengguna relawan atau operator yang aktif',
        );
      }
      const row = await work.upsertAssignment(tx, {
        caseId,
        userId: input.userId,
        assignedBy: principal.user.id,
        task: input.task,
        dueAt: input.dueAt ?? null,
      });
      const kept = await work.insertAssignmentRequest(tx, {
        id: requestId,
        assignmentId: row.id,
        caseId,
        contentHash: hash,
        now,
      });
      if (!kept) throw new ClientIdTaken();
      await handOverCase(tx, principal, caseId, {
        grant: { kind: 'user', grantee: input.userId, reason: 'assigned' },
        step: { kind: 'assigned', details: { userId: input.userId }, at: now },
        tell: [input.userId],
        news: {
          kind: 'case.assigned',
          title: `Tugas baru: ${current.title}`,
          body: input.task,
          notice: noticeOf.assigned(caseId, input.userId, current.regionName),
        },
      });
      await publishCaseEvent(tx, 'case.updated', await requireCase(tx, caseId));
      return { id: row.id, userId: input.userId, status: row.status };
    },
  });
}

export async function listAssignments(deps: CaseDeps, principal: Principal, caseId: string) {
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireCase(tx, caseId);
    const rows = await work.listAssignments(tx, caseId);
    return rows.map((row) => ({ ...row, dueAt: toWibIsoOrNull(row.dueAt) }));
  });
}

/**
 * Sends a disposition to a partner agency: its users see (only) this and answer it. Once per client id: the same
 * disposition sent again answers the stored one, a different one under that id is refused.
 */
export async function sendDisposition(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  input: { id?: string; agencyId: string; instruction: string; dueAt: string },
): Promise<{ id: string }> {
  const now = deps.clock.now();
  const id = input.id ?? randomUUID();
  return createOnce(deps.db, principal.actor, 'Disposisi', {
    earlier: async (tx) => {
      const found = await work.findDisposition(tx, id);
      if (!found) return undefined;
      await requireHandledCase(tx, principal, caseId);
      const same =
        found.caseId === caseId &&
        found.agencyId === input.agencyId &&
        found.instruction === input.instruction &&
        found.dueAt.getTime() === new Date(input.dueAt).getTime();
      return answerAgain(same, { id }, 'Disposisi');
    },
    create: (tx) => sendDispositionIn(tx, principal, caseId, { ...input, id }, now),
  });
}

/**
 * Sends a disposition inside the caller's transaction (a provocation item's takedown request uses it), under the
 * id given or a new one; throws `ClientIdTaken` when the id is already stored.
 */
export async function sendDispositionIn(
  tx: Tx,
  principal: Principal,
  caseId: string,
  input: { id?: string; agencyId: string; instruction: string; dueAt: string },
  now: Date,
): Promise<{ id: string }> {
  const current = await requireOpenCase(tx, principal, caseId);
  const agency = await findAgency(tx, input.agencyId);
  if (!agency?.isActive)
    throw new DomainError('validation_failed', `Lembaga mitra ${input.agencyId} tidak dikenal`);
  const id = input.id ?? randomUUID();
  const stored = await work.insertDisposition(tx, {
    id,
    caseId,
    agencyId: input.agencyId,
    instruction: input.instruction,
    dueAt: input.dueAt,
    createdBy: principal.user.id,
    now,
  });
  if (!stored) throw new ClientIdTaken();
  await handOverCase(tx, principal, caseId, {
    grant: { kind: 'agency', grantee: input.agencyId, reason: 'disposition' },
    step: {
      kind: 'disposition_sent',
      details: { agencyId: input.agencyId },
      at: now,
      action: 'disposition.sent',
      audit: { dispositionId: id, agencyId: input.agencyId },
    },
    tell: await listAgencyUserIds(tx, input.agencyId),
    news: { kind: 'disposition.received', title: `Disposisi baru: ${current.title}` },
  });
  return { id };
}

function toDisposition(row: work.DispositionRow) {
  return { ...row, dueAt: toWibIso(row.dueAt), answeredAt: toWibIsoOrNull(row.answeredAt) };
}

/** Dispositions the principal may see: a partner agency sees only those addressed to it (RLS). */
export async function listDispositions(deps: CaseDeps, principal: Principal, caseId?: string) {
  return deps.db.asActor(principal.actor, async (tx) => {
    // A case one cannot see has no dispositions to list: it does not exist for them.
    if (caseId) await requireCase(tx, caseId);
    const rows = await work.listDispositions(tx, caseId ?? null);
    return rows.map(toDisposition);
  });
}

/** A partner agency answers a disposition addressed to it. */
export async function answerDisposition(
  deps: CaseDeps,
  principal: Principal,
  dispositionId: string,
  input: { status: string; answer: string },
) {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const found = foundOr(await work.findDisposition(tx, dispositionId), 'Disposisi tidak ditemukan');
    if (!can(principal.user.role, 'disposition.answer') || principal.user.agencyId !== found.agencyId) {
      throw new DomainError('forbidden', 'Hanya lembaga yang dituju yang menjawab disposisi');
    }
    const kase = await findCase(tx, found.caseId);
    if (kase) refuseIfClosed(kase);
    await work.answerDisposition(tx, {
      id: dispositionId,
      status: input.status,
      answer: input.answer,
      now,
      by: principal.user.id,
    });
    await recordCaseStep(tx, principal, found.caseId, {
      kind: 'disposition_answered',
      details: { dispositionId, status: input.status },
      at: now,
      action: 'disposition.answered',
    });
    return toDisposition((await work.findDisposition(tx, dispositionId))!);
  });
}

/**
 * Logs a follow-up, check-in or check-out, idempotently by its client id (these often arrive late from an
 * offline outbox). The first one by an assigned person meets the first-field-response deadline.
 */
export async function addFollowUp(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  input: FollowUpInput,
): Promise<{ id: string; created: boolean }> {
  authorize(principal, 'case.followUp', 'Mitra menjawab melalui disposisi');
  const { id, ...content } = input;
  const hash = contentHash(content);
  const earlier = async (tx: Tx) => {
    const existing = await work.findFollowUpFingerprint(tx, id);
    if (!existing) return undefined;
    const same = existing.contentHash === hash && existing.caseId === caseId;
    return answerAgain(same, { id, created: false }, 'Tindak lanjut');
  };
  return createOnce(deps.db, principal.actor, 'Tindak lanjut', {
    earlier,
    create: (tx) => recordFollowUp(tx, principal, caseId, input, hash),
  });
}

/** The follow-up itself, once its id is known to be new (`ClientIdTaken` when a send at once stored it first). */
async function recordFollowUp(
  tx: Tx,
  principal: Principal,
  caseId: string,
  input: FollowUpInput,
  hash: string,
): Promise<{ id: string; created: boolean }> {
  const { id } = input;
  const current = await requireCase(tx, caseId);
  // A closed case takes no more work; a late check-out from an offline outbox is still a safety fact.
  if (input.kind !== 'check_out') refuseIfClosed(current);
  const isAssignee = current.assigneeIds.includes(principal.user.id);
  if (!isAssignee && !can(principal.user.role, 'case.followUpAny'))
    throw new DomainError('forbidden', 'Hanya yang ditugaskan yang mencatat tindak lanjut');
  const occurredAt = new Date(input.occurredAt);
  const inserted = await work.insertFollowUp(tx, {
    id,
    caseId,
    authorId: principal.user.id,
    kind: input.kind,
    action: input.action,
    occurredAt,
    regionCode: input.regionCode ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    contentHash: hash,
  });
  if (!inserted) throw new ClientIdTaken();
  if (isAssignee) await store.markFirstResponse(tx, caseId, occurredAt);
  await recordCaseStep(tx, principal, caseId, {
    kind: input.kind,
    details: { followUpId: id },
    at: occurredAt,
  });
  await publishCaseEvent(tx, 'case.updated', await requireCase(tx, caseId));
  return { id, created: true };
}

export async function listFollowUps(deps: CaseDeps, principal: Principal, caseId: string) {
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireCase(tx, caseId);
    const rows = await work.listFollowUps(tx, caseId);
    return rows.map((row) => ({ ...row, occurredAt: toWibIso(row.occurredAt) }));
  });
}
