// SQL of the rights requests and legal holds (owner rights: the service refuses anyone but the privacy office first).
// Table and column names come from the data map and the rules' constants, never from input.
import type { RequestKind, SubjectTable } from '../../../shared/privacy/rights-rules.ts';
import type { RecordRef } from '../../../shared/privacy/rights-schema.ts';
import type { Tx } from '../../platform/db.ts';

export type RequestRecord = {
  id: string;
  kind: RequestKind;
  requestedBy: string;
  receivedAt: Date;
  dueAt: Date;
  records: RecordRef[];
  status: 'diproses' | 'selesai' | 'ditolak';
  answer: string;
  answeredAt: Date | null;
};

const COLUMNS = `id::text AS id, kind, requested_by AS "requestedBy", received_at AS "receivedAt", due_at AS "dueAt",
  records, status, answer, answered_at AS "answeredAt"`;

function toRequest(row: RequestRecord): RequestRecord {
  const records = typeof row.records === 'string' ? JSON.parse(row.records) : row.records;
  return { ...row, records };
}

/** Inserts a request; false when one with this id exists (a retried submission). */
export async function insertRequest(
  tx: Tx,
  r: Omit<RequestRecord, 'status' | 'answer' | 'answeredAt'> & { createdBy: string },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO privacy_requests (id, kind, requested_by, received_at, due_at, records, created_by)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [r.id, r.kind, r.requestedBy, r.receivedAt, r.dueAt, JSON.stringify(r.records), r.createdBy],
  );
  return rows.length > 0;
}

export async function findRequest(tx: Tx, id: string): Promise<RequestRecord | undefined> {
  const rows = await tx.query<RequestRecord>(`SELECT ${COLUMNS} FROM privacy_requests WHERE id = $1`, [id]);
  return rows[0] && toRequest(rows[0]);
}

/** Open requests first (nearest deadline first), then the answered ones, newest first. */
export async function listRequests(tx: Tx): Promise<RequestRecord[]> {
  const rows = await tx.query<RequestRecord>(
    `SELECT ${COLUMNS} FROM privacy_requests
      ORDER BY (status = 'diproses') DESC, CASE WHEN status = 'diproses' THEN due_at END, received_at DESC
      LIMIT 500`,
  );
  return rows.map(toRequest);
}

export async function answerRequest(
  tx: Tx,
  id: string,
  status: 'selesai' | 'ditolak',
  answer: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE privacy_requests SET status = $2, answer = $3, answered_at = $4 WHERE id = $1 AND status = 'diproses'`,
    [id, status, answer, at],
  );
}

/** The case a record belongs to, if the record sits in one. */
export async function findRecordCase(tx: Tx, table: SubjectTable, id: string): Promise<string | null> {
  if (table !== 'vulnerable_people' && table !== 'reports') return null;
  const rows = await tx.query<{ caseId: string | null }>(
    `SELECT case_id::text AS "caseId" FROM ${table} WHERE id = $1`,
    [id],
  );
  return rows[0]?.caseId ?? null;
}

/** Whether a case is still open. */
export async function isCaseOpen(tx: Tx, caseId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM cases WHERE id = $1 AND closed_at IS NULL', [caseId]);
  return rows.length > 0;
}

/** The reason of a legal hold on any of these (table, id) pairs, or null. */
export async function findHoldReason(
  tx: Tx,
  subjects: { table: string; id: string }[],
): Promise<string | null> {
  for (const s of subjects) {
    const rows = await tx.query<{ reason: string }>(
      'SELECT reason FROM privacy_legal_holds WHERE subject_table = $1 AND subject_id = $2',
      [s.table, s.id],
    );
    if (rows[0]) return rows[0].reason;
  }
  return null;
}

export async function setHold(tx: Tx, table: string, id: string, reason: string, by: string): Promise<void> {
  await tx.query(
    `INSERT INTO privacy_legal_holds (subject_table, subject_id, reason, set_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (subject_table, subject_id) DO UPDATE SET reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = now()`,
    [table, id, reason, by],
  );
}

export async function liftHold(tx: Tx, table: string, id: string): Promise<void> {
  await tx.query('DELETE FROM privacy_legal_holds WHERE subject_table = $1 AND subject_id = $2', [table, id]);
}

export type ColumnShape = { nullable: boolean; isArray: boolean; isUnique: boolean };

/** How each column of a table is stored: nullable, an array, covered by a one-column unique index. */
export async function findColumnShapes(tx: Tx, table: string): Promise<Map<string, ColumnShape>> {
  const columns = await tx.query<{ name: string; nullable: string; dataType: string }>(
    `SELECT column_name AS name, is_nullable AS nullable, data_type AS "dataType"
       FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  const unique = await tx.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
      WHERE i.indrelid = $1::regclass AND i.indisunique AND i.indnatts = 1`,
    [table],
  );
  const uniqueNames = new Set(unique.map((u) => u.name));
  return new Map(
    columns.map((c) => [
      c.name,
      { nullable: c.nullable === 'YES', isArray: c.dataType === 'ARRAY', isUnique: uniqueNames.has(c.name) },
    ]),
  );
}

/** Writes new values into declared columns of one record. */
export async function updateColumns(
  tx: Tx,
  table: string,
  id: string,
  values: Record<string, unknown>,
): Promise<void> {
  const columns = Object.keys(values);
  if (columns.length === 0) return;
  const sets = columns.map((c, i) => `"${c}" = $${i + 2}`).join(', ');
  await tx.query(`UPDATE ${table} SET ${sets} WHERE id = $1`, [id, ...columns.map((c) => values[c])]);
}
