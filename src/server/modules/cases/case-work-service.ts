import type { CasePhase } from '../../../shared/cases/case-rules.ts';
import type { FollowUpInput } from '../../../shared/cases/case-schema.ts';
import { noticeOf } from '../../../shared/notices/notice-texts.ts';
import { can } from '../../../shared/permissions/index.ts';
import { toWibIso } from '../../../shared/time.ts';
import { contentHash } from '../../platform/canonical.ts';
import type { Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { notifyUsers } from '../notifications/notifications-service.ts';
import {
  type CaseDeps,
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
    const person = await tx.one<{ role: string; isActive: boolean }>(
      'SELECT role, is_active AS "isActive" FROM users WHERE id = $1',
      [input.userId],
    );
    if (!person?.isActive || !['relawan', 'operator'].includes(person.role)) {
      throw new DomainError(
        'validation_failed',
        'Yang ditugaskan harus pengguna relawan atau operator yang aktif',
      );
    }
    const row = await tx.one<{ id: string; status: string }>(
      `INSERT INTO assignments (case_id, user_id, assigned_by, task, due_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id, user_id) DO UPDATE SET status = 'ditugaskan', task = excluded.task, due_at = excluded.due_at
       RETURNING id, status`,
      [caseId, input.userId, principal.user.id, input.task, input.dueAt ?? null],
    );
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
    return { id: row!.id, userId: input.userId, status: row!.status };
  });
}

export async function listAssignments(deps: CaseDeps, principal: Principal, caseId: string) {
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireCase(tx, caseId);
    const rows = await tx.query<{
      id: string;
      userId: string;
      displayName: string;
      task: string;
      status: string;
      dueAt: Date | null;
    }>(
      `SELECT a.id, a.user_id AS "userId", u.display_name AS "displayName", a.task, a.status, a.due_at AS "dueAt"
       FROM assignments a JOIN users u ON u.id = a.user_id WHERE a.case_id = $1 ORDER BY a.created_at`,
      [caseId],
    );
    return rows.map((row) => ({ ...row, dueAt: row.dueAt ? toWibIso(row.dueAt) : null }));
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
  const agency = await tx.one<{ name: string }>('SELECT name FROM agencies WHERE id = $1 AND is_active', [
    input.agencyId,
  ]);
  if (!agency) throw new DomainError('validation_failed', `Lembaga mitra ${input.agencyId} tidak dikenal`);
  const row = await tx.one<{ id: string }>(
    `INSERT INTO dispositions (case_id, agency_id, instruction, due_at, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [caseId, input.agencyId, input.instruction, input.dueAt, principal.user.id, now],
  );
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
    audit: { dispositionId: row!.id, agencyId: input.agencyId },
  });
  const agencyUsers = await tx.query<{ id: string }>(
    "SELECT id FROM users WHERE role = 'mitra' AND agency_id = $1 AND is_active",
    [input.agencyId],
  );
  await notifyUsers(
    tx,
    agencyUsers.map((u) => u.id),
    {
      kind: 'disposition.received',
      subjectType: 'case',
      subjectId: caseId,
      title: `Disposisi baru: ${current.title}`,
    },
  );
  return { id: row!.id };
}

type DispositionRow = {
  id: string;
  caseId: string;
  caseTitle: string;
  agencyId: string;
  agencyName: string;
  instruction: string;
  dueAt: Date;
  status: string;
  answer: string | null;
  answeredAt: Date | null;
};

const SELECT_DISPOSITION = `
  SELECT d.id, d.case_id AS "caseId", c.title AS "caseTitle", d.agency_id AS "agencyId", a.name AS "agencyName",
         d.instruction, d.due_at AS "dueAt", d.status, d.answer, d.answered_at AS "answeredAt"
  FROM dispositions d JOIN cases c ON c.id = d.case_id JOIN agencies a ON a.id = d.agency_id`;

function toDisposition(row: DispositionRow) {
  return { ...row, dueAt: toWibIso(row.dueAt), answeredAt: row.answeredAt ? toWibIso(row.answeredAt) : null };
}

/** Dispositions the principal may see: a partner agency sees only those addressed to it (RLS). */
export async function listDispositions(deps: CaseDeps, principal: Principal, caseId?: string) {
  return deps.db.asActor(principal.actor, async (tx) => {
    // A case one cannot see has no dispositions to list: it does not exist for them.
    if (caseId) await requireCase(tx, caseId);
    const rows = await tx.query<DispositionRow>(
      `${SELECT_DISPOSITION} WHERE ($1::uuid IS NULL OR d.case_id = $1) ORDER BY d.created_at DESC LIMIT 200`,
      [caseId ?? null],
    );
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
    const found = await tx.one<DispositionRow>(`${SELECT_DISPOSITION} WHERE d.id = $1`, [dispositionId]);
    if (!found) throw new DomainError('not_found', 'Disposisi tidak ditemukan');
    if (!can(principal.user.role, 'disposition.answer') || principal.user.agencyId !== found.agencyId) {
      throw new DomainError('forbidden', 'Hanya lembaga yang dituju yang menjawab disposisi');
    }
    const phase = await tx.one<{ phase: CasePhase }>('SELECT phase FROM cases WHERE id = $1', [found.caseId]);
    if (phase) refuseIfClosed(phase);
    await tx.query(
      'UPDATE dispositions SET status = $2, answer = $3, answered_at = $4, answered_by = $5 WHERE id = $1',
      [dispositionId, input.status, input.answer, now, principal.user.id],
    );
    await recordCaseStep(tx, principal, found.caseId, {
      kind: 'disposition_answered',
      details: { dispositionId, status: input.status },
      at: now,
      action: 'disposition.answered',
    });
    return toDisposition(
      (await tx.one<DispositionRow>(`${SELECT_DISPOSITION} WHERE d.id = $1`, [dispositionId]))!,
    );
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
    const existing = await tx.one<{ contentHash: string; caseId: string }>(
      'SELECT content_hash AS "contentHash", case_id AS "caseId" FROM follow_ups WHERE id = $1',
      [id],
    );
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
    await tx.query(
      `INSERT INTO follow_ups (id, case_id, author_id, kind, action, occurred_at, region_code, latitude, longitude, content_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        caseId,
        principal.user.id,
        input.kind,
        input.action,
        occurredAt,
        input.regionCode ?? null,
        input.latitude ?? null,
        input.longitude ?? null,
        hash,
      ],
    );
    if (isAssignee) {
      await tx.query(
        'UPDATE cases SET first_response_at = least(coalesce(first_response_at, $2), $2) WHERE id = $1',
        [caseId, occurredAt],
      );
    }
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
    const rows = await tx.query<{
      id: string;
      kind: string;
      action: string;
      occurredAt: Date;
      authorName: string;
      regionCode: string | null;
    }>(
      `SELECT f.id, f.kind, f.action, f.occurred_at AS "occurredAt", u.display_name AS "authorName", f.region_code AS "regionCode"
       FROM follow_ups f JOIN users u ON u.id = f.author_id WHERE f.case_id = $1 ORDER BY f.occurred_at`,
      [caseId],
    );
    return rows.map((row) => ({ ...row, occurredAt: toWibIso(row.occurredAt) }));
  });
}
