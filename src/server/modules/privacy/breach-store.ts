// SQL of the breach register (owner rights; the service refuses anyone the permission table leaves out).
import type { Tx } from '../../platform/db.ts';
import { listDueIds, listIdsAfter } from '../../platform/keyset.ts';

export type BreachRecord = {
  id: string;
  title: string;
  description: string;
  discoveredAt: Date;
  dueAt: Date;
  categories: string[];
  subjectsEstimate: number;
  measures: string;
  subjectNoticeAt: Date | null;
  authorityNoticeAt: Date | null;
  closedAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
  signal: string | null;
  dismissedReason: string | null;
};

const COLUMNS = `id, title, description, discovered_at AS "discoveredAt", due_at AS "dueAt", categories,
  subjects_estimate AS "subjectsEstimate", measures, subject_notice_at AS "subjectNoticeAt",
  authority_notice_at AS "authorityNoticeAt", closed_at AS "closedAt", reminded_at AS "remindedAt",
  escalated_at AS "escalatedAt", signal, dismissed_reason AS "dismissedReason"`;

/** Inserts a breach; false when the id exists already (a retried submission). */
export async function insertBreach(
  tx: Tx,
  b: Omit<
    BreachRecord,
    | 'subjectNoticeAt'
    | 'authorityNoticeAt'
    | 'closedAt'
    | 'remindedAt'
    | 'escalatedAt'
    | 'signal'
    | 'dismissedReason'
  > & { createdBy: string | null; signal?: { kind: string; subject: string; key: string } },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO privacy_breaches (id, title, description, discovered_at, due_at, categories, subjects_estimate,
       measures, created_by, signal, signal_subject, signal_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      b.id,
      b.title,
      b.description,
      b.discoveredAt,
      b.dueAt,
      b.categories,
      b.subjectsEstimate,
      b.measures,
      b.createdBy,
      b.signal?.kind ?? null,
      b.signal?.subject ?? null,
      b.signal?.key ?? null,
    ],
  );
  return rows.length === 1;
}

export function findBreach(tx: Tx, id: string): Promise<BreachRecord | undefined> {
  return tx.one<BreachRecord>(`SELECT ${COLUMNS} FROM privacy_breaches WHERE id = $1`, [id]);
}

/** Open breaches first, the nearest deadline first; then the closed ones, newest first. */
export function listBreaches(tx: Tx): Promise<BreachRecord[]> {
  return tx.query<BreachRecord>(
    `SELECT ${COLUMNS} FROM privacy_breaches ORDER BY closed_at IS NOT NULL, due_at, closed_at DESC LIMIT 500`,
  );
}

export async function recordNotice(tx: Tx, id: string, to: 'subjek' | 'lembaga', at: Date): Promise<void> {
  const column = to === 'subjek' ? 'subject_notice_at' : 'authority_notice_at';
  await tx.query(`UPDATE privacy_breaches SET ${column} = coalesce(${column}, $2) WHERE id = $1`, [id, at]);
}

export async function closeBreach(tx: Tx, id: string, at: Date, dismissedReason?: string): Promise<void> {
  await tx.query('UPDATE privacy_breaches SET closed_at = $2, dismissed_reason = $3 WHERE id = $1', [
    id,
    at,
    dismissedReason ?? null,
  ]);
}

/** Open breaches whose notices are not both recorded (SQL condition). */
const OPEN_UNNOTIFIED = `closed_at IS NULL AND (subject_notice_at IS NULL OR authority_notice_at IS NULL)`;

/** Open breaches within `warningHours` of their deadline whose officer was not reminded yet, in id order. */
export async function listNearingBreachIds(
  tx: Tx,
  now: Date,
  warningHours: number,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const where = `${OPEN_UNNOTIFIED} AND reminded_at IS NULL AND escalated_at IS NULL
    AND due_at >= $1 AND due_at - make_interval(hours => $2) <= $1`;
  return listIdsAfter(tx, { from: 'privacy_breaches', where, params: [now, warningHours] }, afterId, limit);
}

/** Open breaches past their deadline without both notices, not escalated yet, in id order. */
export const listOverdueBreachIds = listDueIds(
  'privacy_breaches',
  `${OPEN_UNNOTIFIED} AND escalated_at IS NULL AND due_at < $1`,
);

/** Locks one breach for its reminder or escalation (a second run waits, then finds it done). */
export function lockBreach(tx: Tx, id: string): Promise<BreachRecord | undefined> {
  return tx.one<BreachRecord>(`SELECT ${COLUMNS} FROM privacy_breaches WHERE id = $1 FOR UPDATE`, [id]);
}

export async function markBreach(
  tx: Tx,
  id: string,
  step: 'reminded' | 'escalated',
  at: Date,
): Promise<void> {
  const column = step === 'reminded' ? 'reminded_at' : 'escalated_at';
  await tx.query(`UPDATE privacy_breaches SET ${column} = $2 WHERE id = $1`, [id, at]);
}

/** Whether a suspected breach of this signal and subject was opened since `since` (one per window). */
export async function hasRecentSignal(tx: Tx, kind: string, subject: string, since: Date): Promise<boolean> {
  const rows = await tx.query(
    'SELECT 1 FROM privacy_breaches WHERE signal = $1 AND signal_subject = $2 AND discovered_at >= $3 LIMIT 1',
    [kind, subject, since],
  );
  return rows.length > 0;
}
