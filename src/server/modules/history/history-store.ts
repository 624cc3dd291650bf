import type { Tx } from '../../platform/db.ts';

/** A history import as stored (without its file). */
export type HistoryImportRow = {
  id: string;
  userId: string;
  fileName: string;
  fileHash: string;
  fileFormat: 'csv' | 'xlsx';
  headers: string[];
  rowCount: number;
  status: 'draf' | 'antre' | 'berjalan' | 'selesai' | 'gagal';
  doneRows: number;
  imported: number;
  skipped: number;
  firstDay: string | null;
  lastDay: string | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
};

const SELECT_IMPORT = `SELECT id, user_id AS "userId", file_name AS "fileName", file_hash AS "fileHash",
  file_format AS "fileFormat", headers, row_count AS "rowCount", status, done_rows AS "doneRows", imported, skipped,
  to_char(first_day, 'YYYY-MM-DD') AS "firstDay", to_char(last_day, 'YYYY-MM-DD') AS "lastDay", error,
  created_at AS "createdAt", updated_at AS "updatedAt", finished_at AS "finishedAt"
  FROM history_imports`;

/** Keeps an uploaded file; undefined when a file with this hash is already kept (by anyone). */
export async function insertImport(
  tx: Tx,
  upload: {
    userId: string;
    fileName: string;
    fileHash: string;
    format: string;
    data: Buffer;
    headers: string[];
    rowCount: number;
    now: Date;
  },
): Promise<HistoryImportRow | undefined> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO history_imports (user_id, file_name, file_hash, file_format, file_data, headers, row_count,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (file_hash) DO NOTHING RETURNING id`,
    [
      upload.userId,
      upload.fileName,
      upload.fileHash,
      upload.format,
      upload.data,
      upload.headers,
      upload.rowCount,
      upload.now,
    ],
  );
  return rows[0] ? findImport(tx, rows[0].id) : undefined;
}

/** Who holds a file with this hash and when it was uploaded (system use: the holder may be another user). */
export async function findHolderOfHash(
  tx: Tx,
  fileHash: string,
): Promise<{ id: string; userId: string; createdAt: Date } | undefined> {
  return tx.one(
    'SELECT id, user_id AS "userId", created_at AS "createdAt" FROM history_imports WHERE file_hash = $1',
    [fileHash],
  );
}

/** An import the actor may see (their own), or undefined. */
export async function findImport(tx: Tx, id: string): Promise<HistoryImportRow | undefined> {
  return tx.one<HistoryImportRow>(`${SELECT_IMPORT} WHERE id = $1`, [id]);
}

/** The kept file of an import; null once it was imported. */
export async function loadFile(tx: Tx, id: string): Promise<Buffer | null> {
  const row = await tx.one<{ data: Uint8Array | null }>(
    'SELECT file_data AS data FROM history_imports WHERE id = $1',
    [id],
  );
  return row?.data ? Buffer.from(row.data) : null;
}

/** Queues an import with its plan; false when it was already queued, running or done. */
export async function queueImport(tx: Tx, id: string, plan: unknown, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE history_imports SET status = 'antre', mapping = $2::jsonb, error = NULL, done_rows = 0, imported = 0,
       skipped = 0, updated_at = $3 WHERE id = $1 AND status IN ('draf', 'gagal') RETURNING 1`,
    [id, JSON.stringify(plan), now],
  );
  return rows.length > 0;
}

export async function setProgress(
  tx: Tx,
  id: string,
  progress: { doneRows: number; imported: number; skipped: number; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE history_imports SET status = 'berjalan', done_rows = $2, imported = $3, skipped = $4, updated_at = $5
     WHERE id = $1`,
    [id, progress.doneRows, progress.imported, progress.skipped, progress.now],
  );
}

/** Marks the import done and lets its file go (the hash stays: the same file again finds this import). */
export async function setDone(
  tx: Tx,
  id: string,
  done: { firstDay: string | null; lastDay: string | null; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE history_imports SET status = 'selesai', file_data = NULL, first_day = $2::date, last_day = $3::date,
       updated_at = $4, finished_at = $4 WHERE id = $1`,
    [id, done.firstDay, done.lastDay, done.now],
  );
}

export async function setFailed(tx: Tx, id: string, error: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE history_imports SET status = 'gagal', error = $2, updated_at = $3, finished_at = $3 WHERE id = $1`,
    [id, error, now],
  );
}
