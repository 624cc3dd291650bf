// SQL of the breach register (owner rights; the service refuses anyone the permission table leaves out).
import type { Tx } from '../../platform/db.ts';

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
};

const COLUMNS = `id, title, description, discovered_at AS "discoveredAt", due_at AS "dueAt", categories,
  subjects_estimate AS "subjectsEstimate", measures, subject_notice_at AS "subjectNoticeAt",
  authority_notice_at AS "authorityNoticeAt", closed_at AS "closedAt"`;

/** Inserts a breach; false when the id exists already (a retried submission). */
export async function insertBreach(
  tx: Tx,
  b: Omit<BreachRecord, 'subjectNoticeAt' | 'authorityNoticeAt' | 'closedAt'> & { createdBy: string },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO privacy_breaches (id, title, description, discovered_at, due_at, categories, subjects_estimate,
       measures, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
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

export async function closeBreach(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.query('UPDATE privacy_breaches SET closed_at = $2 WHERE id = $1', [id, at]);
}
