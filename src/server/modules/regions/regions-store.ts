import type { Bakorwil, Region } from '../../../shared/regions.ts';
import type { Tx } from '../../platform/db.ts';
import { principalsChanged } from '../../platform/principals.ts';
import type { RegionRow } from './regions-data.ts';

const REGION_COLUMNS = `code, name, level, parent_code AS "parentCode"`;

export type { Bakorwil };

/** Counts regions per level. */
export async function countRegionsByLevel(tx: Tx): Promise<Record<string, number>> {
  const rows = await tx.query<{ level: string; count: number }>(
    'SELECT level, count(*)::int AS count FROM regions GROUP BY level',
  );
  return Object.fromEntries(rows.map((row) => [row.level, row.count]));
}

/** Inserts regions that are not there yet (by code). */
export async function insertRegions(
  tx: Tx,
  rows: readonly (RegionRow & { searchKey: string })[],
): Promise<void> {
  await tx.query(
    `INSERT INTO regions (code, name, level, parent_code, search_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (code) DO NOTHING`,
    [
      rows.map((row) => row.code),
      rows.map((row) => row.name),
      rows.map((row) => row.level),
      rows.map((row) => row.parentCode),
      rows.map((row) => row.searchKey),
    ],
  );
}

export async function findRegion(tx: Tx, code: string): Promise<Region | undefined> {
  return tx.one<Region>(`SELECT ${REGION_COLUMNS} FROM regions WHERE code = $1`, [code]);
}

export async function listRegionsByCodes(tx: Tx, codes: readonly string[]): Promise<Region[]> {
  return tx.query<Region>(
    `SELECT ${REGION_COLUMNS} FROM regions WHERE code = ANY($1::text[]) ORDER BY code`,
    [codes],
  );
}

export async function listChildRegions(tx: Tx, parentCode: string): Promise<Region[]> {
  return tx.query<Region>(`SELECT ${REGION_COLUMNS} FROM regions WHERE parent_code = $1 ORDER BY code`, [
    parentCode,
  ]);
}

/** Regions whose name contains the key, best matches first: exact, then prefix, then larger areas. */
export async function searchRegions(tx: Tx, key: string, limit: number): Promise<Region[]> {
  return tx.query<Region>(
    `SELECT ${REGION_COLUMNS} FROM regions
     WHERE search_key LIKE '%' || $1 || '%'
     ORDER BY (search_key = $1) DESC, (search_key LIKE $1 || '%') DESC,
              array_position(ARRAY['provinsi','kabkota','kecamatan','desa'], level), name, code
     LIMIT $2`,
    [key, limit],
  );
}

export async function listBakorwil(tx: Tx): Promise<Bakorwil[]> {
  return tx.query<Bakorwil>(
    `SELECT b.id, b.name, b.seat,
            coalesce(array_agg(m.kabkota_code ORDER BY m.kabkota_code) FILTER (WHERE m.kabkota_code IS NOT NULL), '{}') AS members
     FROM bakorwil b LEFT JOIN bakorwil_members m ON m.bakorwil_id = b.id
     GROUP BY b.id ORDER BY b.id`,
  );
}

export async function findBakorwil(tx: Tx, id: string): Promise<{ id: string; name: string } | undefined> {
  return tx.one('SELECT id, name FROM bakorwil WHERE id = $1', [id]);
}

export async function findBakorwilOfKabkota(
  tx: Tx,
  kabkotaCode: string,
): Promise<{ id: string; name: string } | undefined> {
  return tx.one(
    `SELECT b.id, b.name FROM bakorwil_members m JOIN bakorwil b ON b.id = m.bakorwil_id WHERE m.kabkota_code = $1`,
    [kabkotaCode],
  );
}

export async function upsertBakorwil(
  tx: Tx,
  bakorwil: { id: string; name: string; seat: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO bakorwil (id, name, seat) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, seat = excluded.seat`,
    [bakorwil.id, bakorwil.name, bakorwil.seat],
  );
}

/** Makes `members` exactly the kab/kota of the Bakorwil (a kab/kota moves out of any other Bakorwil). */
export async function setBakorwilMembers(tx: Tx, id: string, members: readonly string[]): Promise<void> {
  principalsChanged(tx); // a koordinator's scope is their Bakorwil's members
  await tx.query(
    'DELETE FROM bakorwil_members WHERE bakorwil_id = $1 AND NOT (kabkota_code = ANY($2::text[]))',
    [id, members],
  );
  await tx.query(
    `INSERT INTO bakorwil_members (kabkota_code, bakorwil_id) SELECT unnest($2::text[]), $1
     ON CONFLICT (kabkota_code) DO UPDATE SET bakorwil_id = excluded.bakorwil_id`,
    [id, members],
  );
}

export async function countBakorwil(tx: Tx): Promise<number> {
  return (await tx.one<{ count: number }>('SELECT count(*)::int AS count FROM bakorwil'))!.count;
}
