// The records behind a figure read whole for an export, in (at, id) order: the list's SELECT
// (evaluation-store.ts listRecords) without its limit, through a server-side cursor (PostgreSQL: one snapshot)
// or in keyset pages (PGlite, whose one connection every request shares).
import { inlineParams, type Tx } from '../../platform/db.ts';
import {
  baseSql,
  type EvalWindow,
  type RecordSet,
  type SchemaParts,
  windowParams,
} from './evaluation-bases.ts';
import { RECORD_TYPE, type StoredRecord } from './evaluation-store.ts';

/** One record as the export reads it: its kind, and `_k`, its time to the microsecond (the keyset). */
export type RecordRow = StoredRecord & { type: string; _k: string };

/** Where a keyset page starts: after this record. */
export type RecordKey = { k: string; id: string };

function recordsQuery(w: EvalWindow, set: RecordSet, parts: SchemaParts, after?: RecordKey) {
  const kind = RECORD_TYPE[set.base];
  const m = set.measure;
  const params = [...windowParams(w), ...(set.param === undefined ? [] : [set.param])];
  let keyset = '';
  if (after) {
    params.push(after.k, after.id);
    const [k, id] = [params.length - 1, params.length];
    keyset = ` AND (at, id::text COLLATE "C") > (($${k})::timestamp AT TIME ZONE 'UTC', $${id}::text COLLATE "C")`;
  }
  return {
    text: `WITH b AS (${baseSql(set.base, parts)})
      SELECT '${kind.type}' AS type, id::text AS id, region_code AS "regionCode", at, ${kind.tags} AS tags,
        ${m ? `${m}_taken` : 'NULL::float8'} AS minutes, ${m ? `${m}_deadline` : 'NULL::int'} AS deadline,
        to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "_k"
      FROM b WHERE (${set.where})${keyset}
      ORDER BY at, id::text COLLATE "C"`,
    params,
  };
}

/** One keyset page: at most `limit` records after `after`. */
export async function readRecordPage(
  tx: Tx,
  w: EvalWindow,
  set: RecordSet,
  parts: SchemaParts,
  after: RecordKey | undefined,
  limit: number,
): Promise<RecordRow[]> {
  const query = recordsQuery(w, set, parts, after);
  return tx.query<RecordRow>(`${query.text} LIMIT ${Math.trunc(limit)}`, query.params);
}

/** The types of the bases' parameters ($1 kab/kota codes, $2–$4 instants, $5 the set's value). */
const PARAM_TYPES = ['text[]', 'timestamptz', 'timestamptz', 'timestamptz', 'text'];

/**
 * Opens a server-side cursor over every record of the set in this transaction. A cursor takes no bound
 * values: each is written in as a literal of its parameter's type, as the bases' arithmetic on them needs.
 */
export async function openRecordCursor(
  tx: Tx,
  w: EvalWindow,
  set: RecordSet,
  parts: SchemaParts,
  name: string,
): Promise<void> {
  const query = recordsQuery(w, set, parts);
  const text = query.text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    return `(${inlineParams('$1', [query.params[index]])})::${PARAM_TYPES[index]}`;
  });
  await tx.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${text}`);
}

/** The cursor's next records; fewer than `count` at the end. */
export async function fetchRecords(tx: Tx, name: string, count: number): Promise<RecordRow[]> {
  return tx.query<RecordRow>(`FETCH FORWARD ${Math.trunc(count)} FROM ${name}`);
}
