import type { Tx } from '../../platform/db.ts';

/**
 * Tables a backup leaves out: the migrations' own record (the manifest carries the schema), and the keys that
 * sign actor tickets, which belong to the running processes of one database and must survive a restore.
 */
const NOT_BACKED_UP = ['schema_migrations', 'sigap_actor_keys'];

/** Makes the rest of the transaction read one snapshot of every table, and write nothing (its first statement). */
export async function readOneSnapshot(tx: Tx): Promise<void> {
  await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
}

/** The tables a backup carries: every table of the public schema but those left out, in name order. */
export async function listTables(tx: Tx): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
     WHERE schemaname = 'public' AND tablename <> ALL($1::text[]) ORDER BY tablename`,
    [NOT_BACKED_UP],
  );
  return rows.map((r) => r.name);
}

/** The applied migrations by name, in order: the schema a backup belongs to. */
export async function listMigrations(tx: Tx): Promise<string[]> {
  const exists = await tx.one<{ exists: boolean }>(
    `SELECT to_regclass('public.schema_migrations') IS NOT NULL AS exists`,
  );
  if (!exists?.exists) return [];
  return (await tx.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map(
    (r) => r.name,
  );
}

/** Row counts of `tables`. */
export async function countRows(tx: Tx, tables: readonly string[]): Promise<Record<string, number>> {
  if (tables.length === 0) return {};
  const row = await tx.one<Record<string, number>>(
    `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM public.${quoteIdent(t)}) AS ${quoteIdent(t)}`).join(', ')}`,
  );
  return row ?? {};
}

/** The columns of a table a restore may write (generated columns are computed by the target). */
export async function listWritableColumns(tx: Tx, table: string): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.name);
}

/** Opens a cursor over a table's rows as JSON text; read it with `fetchRows`. */
export async function openRowCursor(tx: Tx, cursor: string, table: string): Promise<void> {
  await tx.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM public.${quoteIdent(table)} t`,
  );
}

/** The next `count` rows of a cursor, as JSON text; fewer at the end. */
export async function fetchRows(tx: Tx, cursor: string, count: number): Promise<string[]> {
  return (await tx.query<{ j: string }>(`FETCH ${count} FROM ${cursor}`)).map((r) => r.j);
}

export async function closeCursor(tx: Tx, cursor: string): Promise<void> {
  await tx.query(`CLOSE ${cursor}`);
}

/** Users and reports in the target: a restore goes only where both are zero. */
export async function countPeopleAndReports(tx: Tx): Promise<{ users: number; reports: number }> {
  return (await tx.one<{ users: number; reports: number }>(
    'SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM reports) AS reports',
  ))!;
}

/**
 * Lets the restore write rows as they were: no triggers (the audit chain and the report links are copied, not
 * recomputed) and no foreign-key order. Needs a superuser, as pg_restore --disable-triggers does.
 */
export async function disableTriggers(tx: Tx): Promise<void> {
  await tx.query('SET LOCAL session_replication_role = replica');
}

/** Empties the tables the backup fills (rows a migrated target already holds, such as the regions). */
export async function truncateTables(tx: Tx, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await tx.query(`TRUNCATE ${tables.map((t) => `public.${quoteIdent(t)}`).join(', ')}`);
}

/** Inserts rows given as JSON objects into the named columns. */
export async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: readonly string[]) {
  const list = columns.map(quoteIdent).join(', ');
  await tx.query(
    `INSERT INTO public.${quoteIdent(table)} (${list}) OVERRIDING SYSTEM VALUE
     SELECT ${list} FROM json_populate_recordset(NULL::public.${quoteIdent(table)}, $1::json)`,
    [`[${rows.join(',')}]`],
  );
}

/** Moves every serial sequence past the highest restored value, so new rows do not collide. */
export async function resetSequences(tx: Tx): Promise<void> {
  const serials = await tx.query<{ tableName: string; columnName: string }>(
    `SELECT table_name AS "tableName", column_name AS "columnName" FROM information_schema.columns
     WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
  );
  for (const { tableName, columnName } of serials) {
    await tx.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quoteIdent(columnName)}), 0) + 1, false)
       FROM public.${quoteIdent(tableName)}`,
      [`public.${tableName}`, columnName],
    );
  }
}

/** The newest audit entry, read inside the caller's transaction. */
export async function readAuditHead(tx: Tx): Promise<{ seq: number; hash: string } | null> {
  return (
    (await tx.one<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    )) ?? null
  );
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The scheduled-backup settings row. */
export async function readSchedule(
  tx: Tx,
): Promise<{ isEnabled: boolean; timeOfDay: string; folder: string; keep: number }> {
  return (await tx.one<{ isEnabled: boolean; timeOfDay: string; folder: string; keep: number }>(
    `SELECT is_enabled AS "isEnabled", time_of_day AS "timeOfDay", folder, keep_count AS keep
     FROM backup_settings WHERE id = 1`,
  ))!;
}

export async function writeSchedule(
  tx: Tx,
  input: { isEnabled: boolean; timeOfDay: string; folder: string; keep: number },
  by: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE backup_settings SET is_enabled = $1, time_of_day = $2, folder = $3, keep_count = $4,
       updated_at = now(), updated_by = $5 WHERE id = 1`,
    [input.isEnabled, input.timeOfDay, input.folder, input.keep, by],
  );
}

/** Records one scheduled run. */
export async function insertRun(
  tx: Tx,
  run: {
    startedAt: Date;
    isOk: boolean;
    fileName: string | null;
    bytes: number | null;
    error: string | null;
  },
): Promise<void> {
  await tx.query(
    'INSERT INTO backup_runs (started_at, is_ok, file_name, bytes, error) VALUES ($1, $2, $3, $4, $5)',
    [run.startedAt, run.isOk, run.fileName, run.bytes, run.error],
  );
}

/** The newest successful and failed runs. */
export async function lastRuns(tx: Tx): Promise<{
  success: { at: Date; fileName: string; bytes: number } | undefined;
  failure: { at: Date; error: string } | undefined;
}> {
  const success = await tx.one<{ at: Date; fileName: string; bytes: number }>(
    `SELECT finished_at AS at, file_name AS "fileName", bytes::float8 AS bytes FROM backup_runs
     WHERE is_ok ORDER BY finished_at DESC LIMIT 1`,
  );
  const failure = await tx.one<{ at: Date; error: string }>(
    `SELECT finished_at AS at, coalesce(error, '') AS error FROM backup_runs
     WHERE NOT is_ok ORDER BY finished_at DESC LIMIT 1`,
  );
  return { success, failure };
}
