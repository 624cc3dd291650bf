// The work on a case: assignments, dispositions to partner agencies, follow-ups (with check-in/out) and the
// safety alerts raised when a check-in has no check-out. SQL only; case-work-service.ts and safety-service.ts
// decide. Names of people and agencies are read beside their ids; those tables are written by their owners.
import type { Tx } from '../../platform/db.ts';

/** Assigns a user to a case, or assigns them again with a new task (one assignment per case and user). */
export async function upsertAssignment(
  tx: Tx,
  a: { caseId: string; userId: string; assignedBy: string; task: string; dueAt: string | null },
): Promise<{ id: string; status: string }> {
  const row = await tx.one<{ id: string; status: string }>(
    `INSERT INTO assignments (case_id, user_id, assigned_by, task, due_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (case_id, user_id) DO UPDATE SET status = 'ditugaskan', task = excluded.task, due_at = excluded.due_at
     RETURNING id, status`,
    [a.caseId, a.userId, a.assignedBy, a.task, a.dueAt],
  );
  return row!;
}

/** Keeps the client id of a request that made or renewed an assignment; false when the id is already taken. */
export async function insertAssignmentRequest(
  tx: Tx,
  r: { id: string; assignmentId: string; caseId: string; contentHash: string; now: Date },
): Promise<boolean> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO assignment_requests (id, assignment_id, case_id, content_hash, created_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [r.id, r.assignmentId, r.caseId, r.contentHash, r.now],
  );
  return row !== undefined;
}

export type AssignmentRequestRow = {
  caseId: string;
  contentHash: string;
  assignmentId: string;
  userId: string;
  status: string;
};

/** An assignment request already kept under this client id, with the assignment it made as it is now. */
export function findAssignmentRequest(tx: Tx, id: string): Promise<AssignmentRequestRow | undefined> {
  return tx.one<AssignmentRequestRow>(
    `SELECT r.case_id AS "caseId", r.content_hash AS "contentHash", a.id AS "assignmentId", a.user_id AS "userId",
            a.status
     FROM assignment_requests r JOIN assignments a ON a.id = r.assignment_id WHERE r.id = $1`,
    [id],
  );
}

export type AssignmentRow = {
  id: string;
  userId: string;
  displayName: string;
  task: string;
  status: string;
  dueAt: Date | null;
};

export function listAssignments(tx: Tx, caseId: string): Promise<AssignmentRow[]> {
  return tx.query<AssignmentRow>(
    `SELECT a.id, a.user_id AS "userId", u.display_name AS "displayName", a.task, a.status, a.due_at AS "dueAt"
     FROM assignments a JOIN users u ON u.id = a.user_id WHERE a.case_id = $1 ORDER BY a.created_at`,
    [caseId],
  );
}

/**
 * How many open assignments each of these users has, over every case (owner rights: the caller passes a system
 * transaction, and only a number leaves the query).
 */
export async function countOpenAssignments(tx: Tx, userIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await tx.query<{ userId: string; n: number }>(
    `SELECT user_id AS "userId", count(*)::int AS n FROM assignments
     WHERE status = 'ditugaskan' AND user_id = ANY($1::uuid[]) GROUP BY user_id`,
    [userIds],
  );
  return new Map(rows.map((row) => [row.userId, row.n]));
}

/** The users with an open assignment on a case. */
export async function listAssignedUserIds(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx.query<{ userId: string }>(
    `SELECT user_id AS "userId" FROM assignments WHERE case_id = $1 AND status = 'ditugaskan'`,
    [caseId],
  );
  return rows.map((row) => row.userId);
}

/** Stores a disposition under its id; false when the id is already taken (a retry of the same disposition). */
export async function insertDisposition(
  tx: Tx,
  d: {
    id: string;
    caseId: string;
    agencyId: string;
    instruction: string;
    dueAt: string;
    createdBy: string;
    now: Date;
  },
): Promise<boolean> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO dispositions (id, case_id, agency_id, instruction, due_at, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [d.id, d.caseId, d.agencyId, d.instruction, d.dueAt, d.createdBy, d.now],
  );
  return row !== undefined;
}

export type DispositionRow = {
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

/** The newest 200 dispositions the actor may see, of one case or of all. */
export function listDispositions(tx: Tx, caseId: string | null): Promise<DispositionRow[]> {
  return tx.query<DispositionRow>(
    `${SELECT_DISPOSITION} WHERE ($1::uuid IS NULL OR d.case_id = $1) ORDER BY d.created_at DESC LIMIT 200`,
    [caseId],
  );
}

export function findDisposition(tx: Tx, id: string): Promise<DispositionRow | undefined> {
  return tx.one<DispositionRow>(`${SELECT_DISPOSITION} WHERE d.id = $1`, [id]);
}

export async function answerDisposition(
  tx: Tx,
  a: { id: string; status: string; answer: string; now: Date; by: string },
): Promise<void> {
  await tx.query(
    'UPDATE dispositions SET status = $2, answer = $3, answered_at = $4, answered_by = $5 WHERE id = $1',
    [a.id, a.status, a.answer, a.now, a.by],
  );
}

/** A follow-up already stored under this client id: its case and content hash, to tell a retry from a clash. */
export function findFollowUpFingerprint(
  tx: Tx,
  id: string,
): Promise<{ contentHash: string; caseId: string } | undefined> {
  return tx.one<{ contentHash: string; caseId: string }>(
    'SELECT content_hash AS "contentHash", case_id AS "caseId" FROM follow_ups WHERE id = $1',
    [id],
  );
}

export async function insertFollowUp(
  tx: Tx,
  f: {
    id: string;
    caseId: string;
    authorId: string;
    kind: string;
    action: string;
    occurredAt: Date;
    regionCode: string | null;
    latitude: number | null;
    longitude: number | null;
    contentHash: string;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO follow_ups (id, case_id, author_id, kind, action, occurred_at, region_code, latitude, longitude, content_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      f.id,
      f.caseId,
      f.authorId,
      f.kind,
      f.action,
      f.occurredAt,
      f.regionCode,
      f.latitude,
      f.longitude,
      f.contentHash,
    ],
  );
  return rows.length === 1;
}

export type FollowUpRow = {
  id: string;
  kind: string;
  action: string;
  occurredAt: Date;
  authorName: string;
  regionCode: string | null;
};

export function listFollowUps(tx: Tx, caseId: string): Promise<FollowUpRow[]> {
  return tx.query<FollowUpRow>(
    `SELECT f.id, f.kind, f.action, f.occurred_at AS "occurredAt", u.display_name AS "authorName", f.region_code AS "regionCode"
     FROM follow_ups f JOIN users u ON u.id = f.author_id WHERE f.case_id = $1 ORDER BY f.occurred_at`,
    [caseId],
  );
}

export type OpenCheckIn = {
  checkInId: string;
  caseId: string;
  userId: string;
  occurredAt: Date;
  displayName: string;
  kabkotaCode: string;
  title: string;
};

/** Check-ins before `cutoff` with no check-out after them and no safety alert yet, oldest first, 200 at most. */
export function listCheckInsWithoutCheckOut(tx: Tx, cutoff: Date): Promise<OpenCheckIn[]> {
  return tx.query<OpenCheckIn>(
    `SELECT f.id AS "checkInId", f.case_id AS "caseId", f.author_id AS "userId", f.occurred_at AS "occurredAt",
            coalesce(p.name, u.display_name) AS "displayName", c.kabkota_code AS "kabkotaCode", c.title
     FROM follow_ups f JOIN users u ON u.id = f.author_id JOIN cases c ON c.id = f.case_id
     LEFT JOIN pillars p ON p.user_id = f.author_id
     WHERE f.kind = 'check_in' AND f.occurred_at < $1
       AND NOT EXISTS (SELECT 1 FROM follow_ups o WHERE o.case_id = f.case_id AND o.author_id = f.author_id
                       AND o.kind = 'check_out' AND o.occurred_at >= f.occurred_at)
       AND NOT EXISTS (SELECT 1 FROM safety_alerts s WHERE s.check_in_id = f.id)
     ORDER BY f.occurred_at LIMIT 200`,
    [cutoff],
  );
}

export async function insertSafetyAlert(tx: Tx, item: OpenCheckIn, raisedAt: Date): Promise<void> {
  await tx.query(
    'INSERT INTO safety_alerts (check_in_id, case_id, user_id, raised_at) VALUES ($1, $2, $3, $4)',
    [item.checkInId, item.caseId, item.userId, raisedAt],
  );
}
