import type { Tx } from '../platform/db.ts';

/** How one bulk insert fills the columns its records do not carry, and what follows its SELECT. */
export interface RecordsetOptions {
  /** Columns filled by an SQL expression instead of a record's field: `$2`, `created_at`, `'case'`. */
  computed?: Readonly<Record<string, string>>;
  /** What follows the SELECT: `ORDER BY …`, `ON CONFLICT …`. */
  tail?: string;
  /** The statement's parameters after the rows, from $2 on. */
  params?: readonly unknown[];
  /** The records are keyed by the column's own name rather than by its camelCase form. */
  byColumn?: boolean;
}

const camelCase = (column: string) =>
  column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * One INSERT … SELECT FROM jsonb_to_recordset of many records, system rights only, so a chunk of hundreds of rows
 * is one round trip. `columns` is the recordset's definition (`id uuid, case_id uuid, due_at timestamptz`); each
 * column takes the record's field of its camelCase name (`caseId`, `dueAt`), and only those fields are sent.
 */
export async function insertRecordset(
  tx: Tx,
  table: string,
  columns: string,
  records: readonly object[],
  options: RecordsetOptions = {},
): Promise<void> {
  const names = columns.split(',').map((definition) => definition.trim().split(/\s+/)[0]!);
  const key = options.byColumn ? (column: string) => column : camelCase;
  const picked = records.map((record) =>
    Object.fromEntries(names.map((name) => [name, (record as Record<string, unknown>)[key(name)]])),
  );
  const computed = Object.entries(options.computed ?? {});
  await tx.query(
    `INSERT INTO ${table} (${[...names, ...computed.map(([column]) => column)].join(', ')})
     SELECT ${[...names, ...computed.map(([, expression]) => expression)].join(', ')}
     FROM jsonb_to_recordset($1::jsonb) AS r(${columns})${options.tail ? `\n     ${options.tail}` : ''}`,
    [JSON.stringify(picked), ...(options.params ?? [])],
  );
}
