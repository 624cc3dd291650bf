import type { FollowUpInput } from '../../../shared/cases/case-schema.ts';
import { noticeOf } from '../../../shared/notices/notice-texts.ts';
import { can } from '../../../shared/permissions/index.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { contentHash } from '../../platform/canonical.ts';
import type { Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { notifyUsers } from '../notifications/notifications-service.ts';
import { findAgency } from '../settings/settings-service.ts';
import { findUserCard, listAgencyUserIds } from '../users/users-service.ts';
import * as work from './case-work-store.ts';
import {
  type CaseDeps,
  findCase,
  publishCaseEvent,
  recordCaseStep,
  refuseIfClosed,
  requireCase,
  requireOpenCase,
} from './cases-service.ts';
import * as store from './cases-store.ts';

/** Assigns a person (through their user account) to a case: a grant, a timeline entry and an inbox item. */
export async function assignPerson(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  input: { userId: string; task: string; dueAt?: string },
): Promise<{ id: string; userId: string; status: string }> {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
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
    await store.insertGrant(tx, {
      subjectType: 'case',
      subjectId: caseId,
      kind: 'user',
      grantee: input.userId,
      reason: 'assigned',
    });
    await recordCaseStep(tx, principal, caseId, {
      kind: 'assigned',
      details: { userId: input.userId },
      at: now,
    });
    await notifyUsers(tx, [input.userId], {
      kind: 'case.assigned',
      subjectType: 'case',
      subjectId: caseId,
      title: `Tugas baru: ${current.title}`,
      body: input.task,
      notice: noticeOf.assigned(caseId, input.userId, current.regionName),
    });
    await publishCaseEvent(tx, 'case.updated', await requireCase(tx, caseId));
    return { id: row.id, userId: input.userId, status: row.status };
  });
}

export async function listAssignments(deps: CaseDeps, principal: Principal, caseId: string) {
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireCase(tx, caseId);
    const rows = await work.listAssignments(tx, caseId);
    return rows.map((row) => ({ ...row, dueAt: toWibIsoOrNull(row.dueAt) }));
  });
}

/** Sends a disposition to a partner agency: its users see (only) this and answer it. */
export async function sendDisposition(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  input: { agencyId: string; instruction: string; dueAt: string },
): Promise<{ id: string }> {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => sendDispositionIn(tx, principal, caseId, input, now));
}

/** Sends a disposition inside the caller's transaction (a provocation item's takedown request uses it). */
export async function sendDispositionIn(
  tx: Tx,
  principal: Principal,
  caseId: string,
  input: { agencyId: string; instruction: string; dueAt: string },
  now: Date,
): Promise<{ id: string }> {
  const current = await requireOpenCase(tx, principal, caseId);
  const agency = await findAgency(tx, input.agencyId);
  if (!agency?.isActive)
    throw new DomainError('validation_failed', `Lembaga mitra ${input.agencyId} tidak dikenal`);
  const id = await work.insertDisposition(tx, {
    caseId,
    agencyId: input.agencyId,
    instruction: input.instruction,
    dueAt: input.dueAt,
    createdBy: principal.user.id,
    now,
  });
  await store.insertGrant(tx, {
    subjectType: 'case',
    subjectId: caseId,
    kind: 'agency',
    grantee: input.agencyId,
    reason: 'disposition',
  });
  await recordCaseStep(tx, principal, caseId, {
    kind: 'disposition_sent',
    details: { agencyId: input.agencyId },
    at: now,
    action: 'disposition.sent',
    audit: { dispositionId: id, agencyId: input.agencyId },
  });
  await notifyUsers(tx, await listAgencyUserIds(tx, input.agencyId), {
    kind: 'disposition.received',
    subjectType: 'case',
    subjectId: caseId,
    title: `Disposisi baru: ${current.title}`,
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
    const found = await work.findDisposition(tx, dispositionId);
    if (!found) throw new DomainError('not_found', 'Disposisi tidak ditemukan');
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
  return deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireCase(tx, caseId);
    const existing = await work.findFollowUpFingerprint(tx, id);
    if (existing) {
      if (existing.contentHash === hash && existing.caseId === caseId) return { id, created: false };
      throw new DomainError('conflict', 'Tindak lanjut dengan id ini sudah ada dengan isi berbeda');
    }
    // A closed case takes no more work; a late check-out from an offline outbox is still a safety fact.
    if (input.kind !== 'check_out') refuseIfClosed(current);
    const isAssignee = current.assigneeIds.includes(principal.user.id);
    if (!isAssignee && !can(principal.user.role, 'case.followUpAny'))
      throw new DomainError('forbidden', 'Hanya yang ditugaskan yang mencatat tindak lanjut');
    const occurredAt = new Date(input.occurredAt);
    await work.insertFollowUp(tx, {
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
    if (isAssignee) await store.markFirstResponse(tx, caseId, occurredAt);
    await recordCaseStep(tx, principal, caseId, {
      kind: input.kind,
      details: { followUpId: id },
      at: occurredAt,
    });
    await publishCaseEvent(tx, 'case.updated', await requireCase(tx, caseId));
    return { id, created: true };
  });
}

export async function listFollowUps(deps: CaseDeps, principal: Principal, caseId: string) {
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireCase(tx, caseId);
    const rows = await work.listFollowUps(tx, caseId);
    return rows.map((row) => ({ ...row, occurredAt: toWibIso(row.occurredAt) }));
  });
}
