// SQL of the retention job (owner rights: the job and the privacy office only). Lists the records whose retention
// period has passed, each marked kept when a legal hold (on it, its report or its case) or a case still open keeps it.
import type { RetentionTable } from '../../../shared/privacy/retention-rules.ts';
import type { Tx } from '../../platform/db.ts';

/** A record due for anonymisation; `kept` when a legal duty or an open case keeps it as it is. */
export type RetentionCandidate = { table: RetentionTable; id: string; kept: boolean };

/** A hold on the record `alias.id` of `table`, its report or its case. */
const held = (table: string, alias: string, report: string, kase: string) => `EXISTS (
  SELECT 1 FROM privacy_legal_holds h
   WHERE (h.subject_table = '${table}' AND h.subject_id = ${alias}.id)
      OR (h.subject_table = 'reports' AND h.subject_id = ${report})
      OR (h.subject_table = 'cases' AND h.subject_id = ${kase}))`;

/**
 * The people, reports and WhatsApp/SMS messages of cases closed before `closedBefore` (a case closed is never
 * open, so only holds keep them).
 */
export function listClosedCaseRecords(tx: Tx, closedBefore: Date): Promise<RetentionCandidate[]> {
  return tx.query<RetentionCandidate>(
    `WITH old AS (SELECT id FROM cases WHERE closed_at IS NOT NULL AND closed_at < $1)
     SELECT 'vulnerable_people' AS table, p.id::text AS id, ${held('vulnerable_people', 'p', 'NULL', 'p.case_id')} AS kept
       FROM vulnerable_people p JOIN old ON old.id = p.case_id
     UNION ALL
     SELECT 'reports', r.id::text, ${held('reports', 'r', 'r.id', 'r.case_id')}
       FROM reports r JOIN old ON old.id = r.case_id
     UNION ALL
     SELECT 'channel_messages', m.id::text, ${held('channel_messages', 'm', 'r.id', 'r.case_id')}
       FROM channel_messages m JOIN reports r ON r.id = m.report_id JOIN old ON old.id = r.case_id
     ORDER BY 1, 2`,
    [closedBefore],
  );
}

/**
 * Messages of citizen reporters (trust `warga`) received before `receivedBefore`, kept while the case of their
 * report (or of the message they joined) is open, or a hold is set.
 */
export function listCitizenMessages(tx: Tx, receivedBefore: Date): Promise<RetentionCandidate[]> {
  return tx.query<RetentionCandidate>(
    `SELECT 'channel_messages' AS table, m.id::text AS id,
            (c.id IS NOT NULL AND c.closed_at IS NULL) OR ${held('channel_messages', 'm', 'r.id', 'c.id')} AS kept
       FROM channel_messages m
       LEFT JOIN channel_messages lead ON lead.id = m.lead_id
       LEFT JOIN reports r ON r.id = coalesce(m.report_id, lead.report_id)
       LEFT JOIN cases c ON c.id = r.case_id
      WHERE m.trust = 'warga' AND m.received_at < $1
      ORDER BY 2`,
    [receivedBefore],
  );
}

/** Pillars inactive (status `nonaktif`) since before `inactiveBefore`, kept only by a hold. */
export function listInactivePillars(tx: Tx, inactiveBefore: Date): Promise<RetentionCandidate[]> {
  return tx.query<RetentionCandidate>(
    `SELECT 'pillars' AS table, p.id::text AS id, ${held('pillars', 'p', 'NULL', 'NULL')} AS kept
       FROM pillars p WHERE p.status = 'nonaktif' AND p.updated_at < $1 ORDER BY 2`,
    [inactiveBefore],
  );
}
