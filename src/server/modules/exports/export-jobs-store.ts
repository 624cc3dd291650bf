import type { Tx } from '../../platform/db.ts';

/** A background export as stored. */
export type ExportJobRow = {
  id: string;
  userId: string;
  kind: string;
  format: string;
  query: Record<string, unknown>;
  status: 'antre' | 'berjalan' | 'selesai' | 'gagal';
  rows: number;
  total: number | null;
  fileName: string | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
};

const SELECT_JOB = `SELECT id, user_id AS "userId", kind, format, query, status, rows, total, file_name AS "fileName",
  error, created_at AS "createdAt", updated_at AS "updatedAt", finished_at AS "finishedAt", expires_at AS "expiresAt"
  FROM export_jobs`;

export async function insertJob(
  tx: Tx,
  job: { userId: string; kind: string; format: string; query: Record<string, unknown>; now: Date },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO export_jobs (user_id, kind, format, query, created_at, updated_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $5) RETURNING id`,
    [job.userId, job.kind, job.format, JSON.stringify(job.query), job.now],
  );
}

/** A job the actor may see (their own), or undefined. */
export async function findJob(tx: Tx, id: string): Promise<ExportJobRow | undefined> {
  return tx.one<ExportJobRow>(`${SELECT_JOB} WHERE id = $1`, [id]);
}

export async function setStarted(tx: Tx, id: string, total: number, now: Date): Promise<void> {
  await tx.query(`UPDATE export_jobs SET status = 'berjalan', total = $2, updated_at = $3 WHERE id = $1`, [
    id,
    total,
    now,
  ]);
}

export async function setProgress(tx: Tx, id: string, rows: number, now: Date): Promise<void> {
  await tx.query('UPDATE export_jobs SET rows = $2, updated_at = $3 WHERE id = $1', [id, rows, now]);
}

export async function setDone(
  tx: Tx,
  id: string,
  done: { rows: number; fileName: string; byteSize: number; now: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `UPDATE export_jobs SET status = 'selesai', rows = $2, file_name = $3, byte_size = $4, updated_at = $5,
       finished_at = $5, expires_at = $6 WHERE id = $1`,
    [id, done.rows, done.fileName, done.byteSize, done.now, done.expiresAt],
  );
}

export async function setFailed(tx: Tx, id: string, error: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE export_jobs SET status = 'gagal', error = $2, updated_at = $3, finished_at = $3 WHERE id = $1`,
    [id, error, now],
  );
}

/** Expired files to delete (system use): their ids, forgotten as files here. */
export async function takeExpired(tx: Tx, now: Date): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE export_jobs SET expires_at = NULL, file_name = NULL, updated_at = $1,
       error = 'Berkas sudah dihapus setelah sehari; ekspor lagi'
     WHERE expires_at IS NOT NULL AND expires_at < $1 RETURNING id`,
    [now],
  );
  return rows.map((r) => r.id);
}
