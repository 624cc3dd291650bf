// SQL of the kept evaluation files (generated_reports): parameters, progress and the file itself.
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';

/** A kept report without its bytes. */
export type GeneratedReport = {
  id: string;
  format: 'pdf' | 'xlsx';
  scope: string;
  from: string;
  to: string;
  status: 'antri' | 'berjalan' | 'selesai' | 'gagal';
  progress: number;
  step: string;
  fileName: string | null;
  byteSize: number | null;
  error: string | null;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

const SELECT = `
  SELECT id, format, scope, to_char(period_from, 'YYYY-MM-DD') AS "from", to_char(period_to, 'YYYY-MM-DD') AS "to",
    status, progress, step, file_name AS "fileName", byte_size AS "byteSize", error, requested_by AS "requestedBy",
    created_at AS "createdAt", updated_at AS "updatedAt", finished_at AS "finishedAt"
  FROM generated_reports`;

function toReport(row: Record<string, unknown>): GeneratedReport {
  return {
    ...(row as GeneratedReport),
    createdAt: toWibIso(row.createdAt as Date),
    updatedAt: toWibIso(row.updatedAt as Date),
    finishedAt: toWibIsoOrNull(row.finishedAt as Date),
  };
}

export async function insertReport(
  tx: Tx,
  r: {
    format: string;
    scope: string;
    kabkota: readonly string[];
    from: string;
    to: string;
    requestedBy: string;
    now: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO generated_reports (format, scope, scope_kabkota, period_from, period_to, requested_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [r.format, r.scope, r.kabkota, r.from, r.to, r.requestedBy, r.now],
  );
}

export async function findReport(tx: Tx, id: string): Promise<GeneratedReport | undefined> {
  const row = await tx.one(`${SELECT} WHERE id = $1`, [id]);
  return row ? toReport(row) : undefined;
}

export async function listReports(tx: Tx, limit: number): Promise<GeneratedReport[]> {
  const rows = await tx.query(`${SELECT} ORDER BY created_at DESC LIMIT $1`, [limit]);
  return rows.map(toReport);
}

export async function updateProgress(
  tx: Tx,
  id: string,
  p: { status: 'berjalan'; progress: number; step: string; now: Date },
): Promise<void> {
  await tx.query(
    'UPDATE generated_reports SET status = $2, progress = $3, step = $4, updated_at = $5 WHERE id = $1',
    [id, p.status, p.progress, p.step, p.now],
  );
}

export async function storeFile(
  tx: Tx,
  id: string,
  f: { fileName: string; contentType: string; bytes: Buffer; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE generated_reports SET status = 'selesai', progress = 100, step = 'selesai', file_name = $2,
       content_type = $3, bytes = $4, byte_size = $5, updated_at = $6, finished_at = $6 WHERE id = $1`,
    [id, f.fileName, f.contentType, f.bytes, f.bytes.length, f.now],
  );
}

export async function markFailed(tx: Tx, id: string, error: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE generated_reports SET status = 'gagal', error = $2, updated_at = $3, finished_at = $3 WHERE id = $1`,
    [id, error, now],
  );
}

export async function findFile(
  tx: Tx,
  id: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer } | undefined> {
  return tx.one(
    `SELECT file_name AS "fileName", content_type AS "contentType", bytes FROM generated_reports
     WHERE id = $1 AND status = 'selesai'`,
    [id],
  );
}
