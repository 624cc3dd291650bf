import type { HandlingLevel } from '../../../shared/cases/case-rules.ts';
import type { Level } from '../../../shared/early-warning/level-model.ts';
import type { DeadlineName } from '../../../shared/notices/notice-texts.ts';
import type { Priority } from '../../../shared/reports/report-schema.ts';
import type { Tx } from '../../platform/db.ts';

// System queries of the deadline warnings (the escalation job runs with the owner's rights). A deadline is about
// to pass when less than `$2` (the share of its time left, 0.2) of the minutes the priority (an alert: its level)
// allows remain, it has not passed yet, nobody has acted, and no warning of it at this due time was given.

const WINDOW = (due: string, minutes: string) =>
  `${due} > $1 AND ${due} - ${minutes} * $2::float8 * interval '1 minute' <= $1`;
const NOT_WARNED = (type: string, id: string, deadline: string, due: string) =>
  `NOT EXISTS (SELECT 1 FROM deadline_warnings w WHERE w.subject_type = '${type}' AND w.subject_id = ${id}
     AND w.deadline = ${deadline} AND w.due_at = ${due})`;

const NEAR_REPORT = `r.acknowledged_at IS NULL AND r.status = 'baru' AND NOT r.historical
  AND ${WINDOW('r.due_acknowledge_at', 's.acknowledge_minutes')}`;

const NEAR_CASE_RESPONSE = `c.closed_at IS NULL AND c.first_response_at IS NULL
  AND ${WINDOW('c.due_response_at', 's.response_minutes')}`;
const NEAR_CASE_RESOLVE = `c.closed_at IS NULL AND ${WINDOW('c.due_resolve_at', 's.resolve_minutes')}`;

/**
 * An alert's acknowledgement: the time it allows is from its raising, or its last escalation, to its due time (the
 * level's setting when it was set).
 */
const ALERT_MINUTES = `(extract(epoch FROM a.due_acknowledge_at - coalesce(a.escalated_at, a.created_at)) / 60)`;
const NEAR_ALERT = `a.status = 'aktif' AND a.acknowledged_at IS NULL
  AND ${WINDOW('a.due_acknowledge_at', ALERT_MINUTES)}`;

export type NearDeadline = { subjectType: 'report' | 'case' | 'alert'; id: string; deadline: DeadlineName };

/** Records with a deadline about to pass and not yet warned of, at most `limit` of each kind. */
export async function listNearDeadlines(
  tx: Tx,
  now: Date,
  leftShare: number,
  limit: number,
): Promise<NearDeadline[]> {
  return tx.query<NearDeadline>(
    `(SELECT 'report' AS "subjectType", r.id, 'acknowledge' AS deadline
       FROM reports r JOIN sla_settings s ON s.priority = r.priority
       WHERE ${NEAR_REPORT} AND ${NOT_WARNED('report', 'r.id', "'acknowledge'", 'r.due_acknowledge_at')}
       ORDER BY r.due_acknowledge_at LIMIT $3)
     UNION ALL
     (SELECT 'case', c.id, 'response' FROM cases c JOIN sla_settings s ON s.priority = c.priority
       WHERE ${NEAR_CASE_RESPONSE} AND ${NOT_WARNED('case', 'c.id', "'response'", 'c.due_response_at')}
       ORDER BY c.due_response_at LIMIT $3)
     UNION ALL
     (SELECT 'case', c.id, 'resolve' FROM cases c JOIN sla_settings s ON s.priority = c.priority
       WHERE ${NEAR_CASE_RESOLVE} AND ${NOT_WARNED('case', 'c.id', "'resolve'", 'c.due_resolve_at')}
       ORDER BY c.due_resolve_at LIMIT $3)
     UNION ALL
     (SELECT 'alert', a.id, 'acknowledge' FROM alerts a
       WHERE ${NEAR_ALERT} AND ${NOT_WARNED('alert', 'a.id', "'acknowledge'", 'a.due_acknowledge_at')}
       ORDER BY a.due_acknowledge_at LIMIT $3)`,
    [now, leftShare, limit],
  );
}

export type WarnedRecord = {
  /** A report's or case's priority; an alert's level. */
  priority: Priority | Level;
  handlingLevel: HandlingLevel;
  dueAt: Date;
  regionName: string;
  kabkotaCode: string;
};

/**
 * Marks the warning of one record's deadline as given, if the deadline is still about to pass; returns the record,
 * or undefined when someone acted meanwhile, the deadline moved or passed, or another run warned of it already
 * (the key of `deadline_warnings`: a second instance waits for the first's commit, then inserts nothing).
 */
export async function markWarned(
  tx: Tx,
  near: NearDeadline,
  now: Date,
  leftShare: number,
): Promise<WarnedRecord | undefined> {
  const withSla = (table: string, alias: string) =>
    `${table} ${alias} JOIN sla_settings s ON s.priority = ${alias}.priority`;
  const [from, alias, due, grade, still] =
    near.subjectType === 'alert'
      ? ['alerts a', 'a', 'a.due_acknowledge_at', 'a.level', NEAR_ALERT]
      : near.subjectType === 'report'
        ? [withSla('reports', 'r'), 'r', 'r.due_acknowledge_at', 'r.priority', NEAR_REPORT]
        : near.deadline === 'response'
          ? [withSla('cases', 'c'), 'c', 'c.due_response_at', 'c.priority', NEAR_CASE_RESPONSE]
          : [withSla('cases', 'c'), 'c', 'c.due_resolve_at', 'c.priority', NEAR_CASE_RESOLVE];
  return tx.one<WarnedRecord>(
    `WITH found AS (
       SELECT ${alias}.id, ${due} AS due_at, ${grade} AS priority, ${alias}.handling_level, ${alias}.region_code,
         ${alias}.kabkota_code
       FROM ${from}
       WHERE ${alias}.id = $3 AND ${still}
     ), warned AS (
       INSERT INTO deadline_warnings (subject_type, subject_id, deadline, due_at, warned_at)
       SELECT $4, id, $5, due_at, $1 FROM found
       ON CONFLICT DO NOTHING RETURNING due_at
     )
     SELECT f.priority, f.handling_level AS "handlingLevel", w.due_at AS "dueAt", g.name AS "regionName",
       f.kabkota_code AS "kabkotaCode"
     FROM warned w, found f JOIN regions g ON g.code = f.region_code`,
    [now, leftShare, near.id, near.subjectType, near.deadline],
  );
}
