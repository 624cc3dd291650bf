import type { HandlingLevel } from '../../../shared/cases/case-rules.ts';
import type { Priority } from '../../../shared/reports/report-schema.ts';
import type { Tx } from '../../platform/db.ts';
import { listDueIds } from '../../platform/keyset.ts';

// System queries (the escalation job runs with the owner's rights, outside row-level security).

const DUE_REPORT = `r.acknowledged_at IS NULL AND r.status = 'baru' AND r.due_acknowledge_at < $1
  AND r.handling_level <> 'provinsi' AND NOT r.historical`;

const DUE_CASE = `c.closed_at IS NULL AND c.handling_level <> 'provinsi'
  AND ((c.first_response_at IS NULL AND c.due_response_at < $1) OR c.due_resolve_at < $1)`;

/** Ids of reports past their acknowledgement deadline, after `afterId`, in id order (a keyset page). */
export const listDueReportIds = listDueIds('reports r', DUE_REPORT);

export type DueReport = {
  id: string;
  regionCode: string;
  regionName: string;
  kabkotaCode: string;
  priority: Priority;
  handlingLevel: HandlingLevel;
  reporterId: string;
  status: string;
  caseId: string | null;
};

/**
 * The report, locked, if it is still due; undefined when someone acknowledged it meanwhile or another
 * instance is escalating it right now.
 */
export async function lockDueReport(tx: Tx, id: string, now: Date): Promise<DueReport | undefined> {
  return tx.one<DueReport>(
    `SELECT r.id, r.region_code AS "regionCode", g.name AS "regionName", r.kabkota_code AS "kabkotaCode", r.priority,
       r.handling_level AS "handlingLevel", r.reporter_id AS "reporterId", r.status, r.case_id AS "caseId"
     FROM reports r JOIN regions g ON g.code = r.region_code
     WHERE r.id = $2 AND ${DUE_REPORT} FOR UPDATE OF r SKIP LOCKED`,
    [now, id],
  );
}

export async function escalateReport(
  tx: Tx,
  id: string,
  change: { level: HandlingLevel; now: Date; dueAcknowledgeAt: Date },
): Promise<void> {
  await tx.query(
    'UPDATE reports SET handling_level = $2, escalated_at = $3, due_acknowledge_at = $4, updated_at = $3 WHERE id = $1',
    [id, change.level, change.now, change.dueAcknowledgeAt],
  );
}

/** Ids of open cases past their response or resolution deadline, after `afterId`, in id order. */
export const listDueCaseIds = listDueIds('cases c', DUE_CASE);

export type DueCase = {
  id: string;
  priority: Priority;
  handlingLevel: HandlingLevel;
  dueResponseAt: Date;
  dueResolveAt: Date;
  firstResponseAt: Date | null;
};

/** The case, locked, if it is still due (see lockDueReport). */
export async function lockDueCase(tx: Tx, id: string, now: Date): Promise<DueCase | undefined> {
  return tx.one<DueCase>(
    `SELECT c.id, c.priority, c.handling_level AS "handlingLevel", c.due_response_at AS "dueResponseAt",
       c.due_resolve_at AS "dueResolveAt", c.first_response_at AS "firstResponseAt"
     FROM cases c WHERE c.id = $2 AND ${DUE_CASE} FOR UPDATE OF c SKIP LOCKED`,
    [now, id],
  );
}

export async function escalateCase(
  tx: Tx,
  id: string,
  change: { level: HandlingLevel; now: Date; reason: string; dueResponseAt: Date; dueResolveAt: Date },
): Promise<void> {
  await tx.query(
    `UPDATE cases SET handling_level = $2, escalated_at = $3, escalation_reason = $4, due_response_at = $5,
       due_resolve_at = $6, updated_at = $3 WHERE id = $1`,
    [id, change.level, change.now, change.reason, change.dueResponseAt, change.dueResolveAt],
  );
}
