// SQL of the privacy module. Subject access reads with owner rights (the data protection officer has no region):
// the service refuses anyone else first and writes every record read to the access log.
import { DATA_MAP } from '../../../shared/privacy/data-map.ts';
import type { Tx } from '../../platform/db.ts';

/** How a person is looked for: the keyed hash of a NIK, a name (folded), a birth year, a phone in +62 form. */
export type SubjectKeys = {
  nikHash?: string;
  name?: string;
  nameKey?: string;
  birthYear?: number;
  phone?: string;
};

/** A row found: its table, id and the declared columns' raw values. */
export type FoundRow = { table: string; id: string; values: Record<string, unknown> };

/** The declared columns of a table, as SQL identifiers (from the data map: constants, never input). */
function declaredColumns(table: string): string[] {
  return DATA_MAP.filter((entry) => entry.table === table).map((entry) => entry.column);
}

async function select(tx: Tx, table: string, where: string, params: unknown[]): Promise<FoundRow[]> {
  const columns = declaredColumns(table);
  const list = columns.map((c) => `"${c}"`).join(', ');
  const rows = await tx.query<Record<string, unknown>>(
    `SELECT id::text AS "__id", ${list} FROM ${table} WHERE ${where} LIMIT 200`,
    params,
  );
  return rows.map(({ __id, ...values }) => ({ table, id: String(__id), values }));
}

const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Every record of the person across the tables that identify people. */
export async function findSubject(tx: Tx, keys: SubjectKeys): Promise<FoundRow[]> {
  const found: FoundRow[] = [];
  if (keys.nikHash) {
    found.push(...(await select(tx, 'vulnerable_people', 'nik_hash = $1', [keys.nikHash])));
    found.push(...(await select(tx, 'pillars', 'nik_hash = $1', [keys.nikHash])));
  }
  if (keys.name) {
    const byYear =
      keys.birthYear === undefined
        ? ''
        : ' AND (age IS NULL OR abs(extract(year FROM created_at)::int - age - $2) <= 1)';
    found.push(
      ...(await select(
        tx,
        'vulnerable_people',
        `lower(full_name) = lower($1)${byYear}`,
        keys.birthYear === undefined ? [keys.name] : [keys.name, keys.birthYear],
      )),
    );
    found.push(...(await select(tx, 'pillars', 'name_key = $1', [keys.nameKey])));
    found.push(...(await select(tx, 'workshop_participants', 'lower(name) = lower($1)', [keys.name])));
    found.push(...(await select(tx, 'actor_group_branches', 'lower(contact_name) = lower($1)', [keys.name])));
    found.push(
      ...(await select(
        tx,
        'reports',
        "description ILIKE $1 ESCAPE '\\' OR groups_involved ILIKE $1 ESCAPE '\\'",
        [likeText(keys.name)],
      )),
    );
  }
  if (keys.phone) {
    found.push(...(await select(tx, 'pillars', 'phone = $1', [keys.phone])));
    found.push(...(await select(tx, 'actor_group_branches', 'contact_phone = $1', [keys.phone])));
  }
  const seen = new Set<string>();
  return found.filter((row) => {
    const key = `${row.table}:${row.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One record of a subject table with its declared columns, or undefined. */
export async function findRecord(tx: Tx, table: string, id: string): Promise<FoundRow | undefined> {
  return (await select(tx, table, 'id = $1', [id]))[0];
}
