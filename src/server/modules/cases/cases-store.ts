import type { CasePhase, HandlingLevel, RecoveryStep } from '../../../shared/cases/case-rules.ts';
import type { Priority } from '../../../shared/reports/report-schema.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';

/** A case as stored, with the ids of its reports, shares and assignees. */
export type CaseRecord = {
  id: string;
  title: string;
  regionCode: string;
  regionName: string;
  kabkotaCode: string;
  conflictType: string;
  phase: CasePhase;
  recoverySteps: RecoveryStep[];
  outcome: string | null;
  summary: string;
  priority: Priority;
  hasVulnerable: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  dueResponseAt: string;
  dueResolveAt: string;
  firstResponseAt: string | null;
  handlingLevel: HandlingLevel;
  escalatedAt: string | null;
  escalationReason: string | null;
  reportIds: string[];
  sharedWith: string[];
  assigneeIds: string[];
};

const SELECT_CASE = `
  SELECT c.id, c.title, c.region_code AS "regionCode", g.name AS "regionName", c.kabkota_code AS "kabkotaCode",
    c.conflict_type AS "conflictType", c.phase, c.recovery_steps AS "recoverySteps", c.outcome, c.summary,
    c.priority, c.has_vulnerable AS "hasVulnerable", c.version, c.created_at AS "createdAt",
    c.updated_at AS "updatedAt", c.closed_at AS "closedAt", c.due_response_at AS "dueResponseAt",
    c.due_resolve_at AS "dueResolveAt", c.first_response_at AS "firstResponseAt",
    c.handling_level AS "handlingLevel", c.escalated_at AS "escalatedAt", c.escalation_reason AS "escalationReason",
    coalesce((SELECT array_agg(r.id ORDER BY r.created_at) FROM reports r WHERE r.case_id = c.id), '{}') AS "reportIds",
    coalesce((SELECT array_agg(gr.grantee ORDER BY gr.grantee) FROM grants gr
              WHERE gr.subject_type = 'case' AND gr.subject_id = c.id AND gr.grantee_kind = 'region'), '{}') AS "sharedWith",
    coalesce((SELECT array_agg(a.user_id::text ORDER BY a.created_at) FROM assignments a
              WHERE a.case_id = c.id AND a.status <> 'dibatalkan'), '{}') AS "assigneeIds"
  FROM cases c JOIN regions g ON g.code = c.region_code`;

const TIMES = [
  'createdAt',
  'updatedAt',
  'closedAt',
  'dueResponseAt',
  'dueResolveAt',
  'firstResponseAt',
  'escalatedAt',
] as const;

function toCase(row: Record<string, unknown>): CaseRecord {
  const out = { ...row } as Record<string, unknown>;
  for (const key of TIMES) out[key] = toWibIsoOrNull(row[key] as Date);
  return out as CaseRecord;
}

export async function findCase(tx: Tx, id: string): Promise<CaseRecord | undefined> {
  const row = await tx.one(`${SELECT_CASE} WHERE c.id = $1`, [id]);
  return row ? toCase(row) : undefined;
}

export type CaseFilter = {
  phase?: string;
  regionCode?: string;
  assignedTo?: string;
  open?: boolean;
  limit: number;
};

export async function listCases(tx: Tx, filter: CaseFilter): Promise<CaseRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.phase) {
    params.push(filter.phase);
    where.push(`c.phase = $${params.length}`);
  }
  if (filter.regionCode) {
    params.push(filter.regionCode);
    where.push(`(c.region_code = $${params.length} OR c.region_code LIKE $${params.length} || '.%')`);
  }
  if (filter.assignedTo) {
    params.push(filter.assignedTo);
    where.push(
      `EXISTS (SELECT 1 FROM assignments a WHERE a.case_id = c.id AND a.user_id = $${params.length} AND a.status = 'ditugaskan')`,
    );
  }
  if (filter.open) where.push('c.closed_at IS NULL');
  params.push(filter.limit);
  const rows = await tx.query(
    `${SELECT_CASE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.priority, c.created_at DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toCase);
}

export async function insertCase(
  tx: Tx,
  c: {
    title: string;
    regionCode: string;
    kabkotaCode: string;
    conflictType: string;
    priority: Priority;
    hasVulnerable: boolean;
    createdBy: string;
    now: Date;
    dueResponseAt: Date;
    dueResolveAt: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO cases (title, region_code, kabkota_code, conflict_type, priority, has_vulnerable, created_by,
       created_at, updated_at, due_response_at, due_resolve_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10) RETURNING id`,
    [
      c.title,
      c.regionCode,
      c.kabkotaCode,
      c.conflictType,
      c.priority,
      c.hasVulnerable,
      c.createdBy,
      c.now,
      c.dueResponseAt,
      c.dueResolveAt,
    ],
  );
}

export async function attachReports(
  tx: Tx,
  caseId: string,
  reportIds: readonly string[],
  now: Date,
): Promise<void> {
  await tx.query(
    'UPDATE reports SET case_id = $1, updated_at = $3, version = version + 1 WHERE id = ANY($2::uuid[])',
    [caseId, reportIds, now],
  );
}

/** Raises the case's priority and vulnerable flag to cover a newly attached report. */
/** The first field response of an assigned person: the earliest one counts. */
export async function markFirstResponse(tx: Tx, caseId: string, at: Date): Promise<void> {
  await tx.query(
    'UPDATE cases SET first_response_at = least(coalesce(first_response_at, $2), $2) WHERE id = $1',
    [caseId, at],
  );
}

export async function absorbReportFacts(tx: Tx, caseId: string): Promise<void> {
  await tx.query(
    `UPDATE cases c SET
       priority = least(c.priority, (SELECT min(r.priority) FROM reports r WHERE r.case_id = c.id)),
       has_vulnerable = c.has_vulnerable OR EXISTS (SELECT 1 FROM reports r WHERE r.case_id = c.id AND r.has_vulnerable)
     WHERE c.id = $1`,
    [caseId],
  );
}

/** Moves the phase if the stored version still matches (when given); returns false when it moved on. */
export async function updatePhase(
  tx: Tx,
  id: string,
  to: CasePhase,
  outcome: string | null,
  now: Date,
  version: number | undefined,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE cases SET phase = $2, outcome = coalesce($3, outcome), version = version + 1, updated_at = $4,
       closed_at = CASE WHEN $2 = 'selesai' THEN $4 ELSE closed_at END
     WHERE id = $1 AND ($5::int IS NULL OR version = $5) RETURNING id`,
    [id, to, outcome, now, version ?? null],
  );
  return rows.length === 1;
}

export async function updateDetails(
  tx: Tx,
  id: string,
  version: number,
  changes: { title?: string; summary?: string },
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE cases SET title = coalesce($3, title), summary = coalesce($4, summary), version = version + 1,
       updated_at = $5 WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, changes.title ?? null, changes.summary ?? null, now],
  );
  return rows.length === 1;
}

export async function addRecoveryStep(tx: Tx, id: string, step: RecoveryStep, now: Date): Promise<void> {
  await tx.query(
    `UPDATE cases SET recovery_steps = array_append(recovery_steps, $2), version = version + 1, updated_at = $3
     WHERE id = $1 AND NOT ($2 = ANY(recovery_steps))`,
    [id, step, now],
  );
}

export async function addTimeline(
  tx: Tx,
  entry: {
    caseId: string;
    actorId: string | null;
    kind: string;
    details?: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    'INSERT INTO case_timeline (case_id, actor_id, kind, details, at) VALUES ($1, $2, $3, $4, $5)',
    [entry.caseId, entry.actorId, entry.kind, JSON.stringify(entry.details ?? {}), entry.at],
  );
}

export async function listTimeline(tx: Tx, caseId: string) {
  const rows = await tx.query<{
    at: Date;
    actorId: string | null;
    actorName: string | null;
    kind: string;
    details: Record<string, unknown>;
  }>(
    `SELECT t.at, t.actor_id AS "actorId", u.display_name AS "actorName", t.kind, t.details
     FROM case_timeline t LEFT JOIN users u ON u.id = t.actor_id WHERE t.case_id = $1 ORDER BY t.at, t.id`,
    [caseId],
  );
  return rows.map((row) => ({ ...row, at: toWibIso(row.at) }));
}

/** A grant on a case: a kab/kota it is shared with, a user assigned to it, an agency sent a disposition. */
export type CaseGrant = { kind: 'user' | 'region' | 'agency'; grantee: string; reason: string };

/** Opens a case to a grantee (kept once however often it is granted). */
export async function grantCase(tx: Tx, caseId: string, grant: CaseGrant): Promise<void> {
  await tx.query(
    `INSERT INTO grants (subject_type, subject_id, grantee_kind, grantee, reason) VALUES ('case', $1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [caseId, grant.kind, grant.grantee, grant.reason],
  );
}

/** The grants on a case, for the visibility info of live events. */
export async function listCaseGrants(
  tx: Tx,
  caseId: string,
): Promise<{ kind: 'user' | 'region' | 'agency'; grantee: string }[]> {
  return tx.query(
    `SELECT DISTINCT grantee_kind AS kind, grantee FROM grants WHERE subject_type = 'case' AND subject_id = $1`,
    [caseId],
  );
}
