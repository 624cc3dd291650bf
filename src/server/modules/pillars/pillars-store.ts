// Over 450 lines on purpose: the pillar tables' SQL in one place (registry, lists, coverage, imports), each statement short.
import type { AreaLevel, CoverageTarget } from '../../../shared/pillars/coverage.ts';
import type { DesaCandidate } from '../../../shared/pillars/desa-match.ts';
import type { ImportRowResult } from '../../../shared/pillars/pillar-import-rules.ts';
import type {
  Availability,
  ListItem,
  PillarStatus,
  Training,
} from '../../../shared/pillars/pillar-schema.ts';
import type { Tx } from '../../platform/db.ts';

/** The columns a service writes. */
export type PillarWrite = {
  pillarType: string;
  name: string;
  nameKey: string;
  nikEncrypted: Buffer | null;
  nikHash: string | null;
  phone: string | null;
  homeRegionCode: string;
  skills: string[];
  trainings: Training[];
  status: PillarStatus;
  availability: Availability;
  availabilityUntil: Date | null;
  userId: string | null;
};

/** A stored pillar as the service reads it: the written columns (NIK still sealed) and what the database adds. */
export type PillarRecord = PillarWrite & {
  id: string;
  homeRegionName: string;
  kecamatanCode: string;
  kabkotaCode: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const SELECT_PILLAR = `
  SELECT p.id, p.pillar_type AS "pillarType", p.name, p.name_key AS "nameKey", p.nik_encrypted AS "nikEncrypted",
    p.nik_hash AS "nikHash", p.phone, p.home_region_code AS "homeRegionCode", g.name AS "homeRegionName",
    p.kecamatan_code AS "kecamatanCode", p.kabkota_code AS "kabkotaCode", p.skills, p.trainings, p.status,
    p.availability, p.availability_until AS "availabilityUntil", p.user_id AS "userId", p.version,
    p.created_at AS "createdAt", p.updated_at AS "updatedAt"
  FROM pillars p JOIN regions g ON g.code = p.home_region_code`;

/** A pillar the actor may see (row-level security decides), or undefined. */
export async function findPillar(tx: Tx, id: string): Promise<PillarRecord | undefined> {
  return tx.one<PillarRecord>(`${SELECT_PILLAR} WHERE p.id = $1`, [id]);
}

/** The pillars among `ids` the actor may see. */
export async function listPillarsByIds(tx: Tx, ids: readonly string[]): Promise<PillarRecord[]> {
  if (ids.length === 0) return [];
  return tx.query<PillarRecord>(`${SELECT_PILLAR} WHERE p.id = ANY($1::uuid[])`, [ids]);
}

export type PillarFilter = {
  pillarType?: string;
  skill?: string;
  regionCode?: string;
  availability?: Availability;
  status?: PillarStatus;
  /** A name in nameKey form. */
  nameKey?: string;
  now: Date;
  limit: number;
  offset: number;
};

/** Lists the pillars the actor may see, best name match first when searching, else by name. */
export async function listPillars(
  tx: Tx,
  filter: PillarFilter,
): Promise<{ rows: PillarRecord[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.pillarType) where.push(`p.pillar_type = ${add(filter.pillarType)}`);
  if (filter.skill) where.push(`${add(filter.skill)} = ANY (p.skills)`);
  if (filter.status) where.push(`p.status = ${add(filter.status)}`);
  if (filter.regionCode) {
    const code = add(filter.regionCode);
    where.push(`(p.home_region_code = ${code} OR p.home_region_code LIKE ${code} || '.%')`);
  }
  if (filter.availability) {
    const now = add(filter.now);
    where.push(`(CASE WHEN p.availability_until IS NOT NULL AND p.availability_until <= ${now}
        THEN (CASE p.availability WHEN 'siaga' THEN 'libur' ELSE 'siaga' END) ELSE p.availability END)
      = ${add(filter.availability)}`);
  }
  let order = 'p.name_key, p.id';
  if (filter.nameKey) {
    const key = add(filter.nameKey);
    const words = filter.nameKey.split(' ').map((word) => `p.name_key LIKE '%' || ${add(word)} || '%'`);
    where.push(`((${words.join(' AND ')}) OR p.name_key % ${key})`);
    order = `similarity(p.name_key, ${key}) DESC, p.name_key, p.id`;
  }
  const rows = await tx.query<PillarRecord & { total: number }>(
    `${SELECT_PILLAR.replace('SELECT p.id', 'SELECT count(*) OVER ()::int AS total, p.id')}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${order} LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
    params,
  );
  return { rows: rows.map(({ total: _, ...row }) => row), total: rows[0]?.total ?? 0 };
}

function writeParams(row: PillarWrite): unknown[] {
  return [
    row.pillarType,
    row.name,
    row.nameKey,
    row.nikEncrypted,
    row.nikHash,
    row.phone,
    row.homeRegionCode,
    row.skills,
    JSON.stringify(row.trainings),
    row.status,
    row.availability,
    row.availabilityUntil,
    row.userId,
  ];
}

/** Inserts one pillar; returns its id. */
export async function insertPillar(
  tx: Tx,
  row: PillarWrite & { createdBy: string; now: Date },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO pillars (pillar_type, name, name_key, nik_encrypted, nik_hash, phone, home_region_code, skills,
       trainings, status, availability, availability_until, user_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15, $15) RETURNING id`,
    [...writeParams(row), row.createdBy, row.now],
  );
}

/** Inserts many pillars in one statement (an import chunk), each with the id the caller chose. */
export async function insertPillars(
  tx: Tx,
  rows: readonly (PillarWrite & { id: string })[],
  createdBy: string,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((row) => ({
    id: row.id,
    pillar_type: row.pillarType,
    name: row.name,
    name_key: row.nameKey,
    nik_encrypted: row.nikEncrypted?.toString('base64') ?? null,
    nik_hash: row.nikHash,
    phone: row.phone,
    home_region_code: row.homeRegionCode,
    skills: row.skills,
    trainings: row.trainings,
    status: row.status,
  }));
  await tx.query(
    `INSERT INTO pillars (id, pillar_type, name, name_key, nik_encrypted, nik_hash, phone, home_region_code,
       skills, trainings, status, created_by, created_at, updated_at)
     SELECT id, pillar_type, name, name_key, decode(nik_encrypted, 'base64'), nik_hash, phone, home_region_code,
       coalesce(skills, '{}'), trainings, status, $2, $3, $3
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, pillar_type text, name text, name_key text,
       nik_encrypted text, nik_hash text, phone text, home_region_code text, skills text[], trainings jsonb,
       status text)`,
    [JSON.stringify(records), createdBy, now],
  );
}

/** Writes a pillar's fields when the stored version is still `version`; false when it moved on. */
export async function updatePillar(
  tx: Tx,
  id: string,
  version: number,
  row: PillarWrite,
  now: Date,
): Promise<boolean> {
  const updated = await tx.query(
    `UPDATE pillars SET pillar_type = $1, name = $2, name_key = $3, nik_encrypted = $4, nik_hash = $5, phone = $6,
       home_region_code = $7, skills = $8, trainings = $9::jsonb, status = $10, availability = $11,
       availability_until = $12, user_id = $13, version = version + 1, updated_at = $16
     WHERE id = $14 AND version = $15 RETURNING id`,
    [...writeParams(row), id, version, now],
  );
  return updated.length === 1;
}

/** Deletes a pillar; false when the actor may not (or it is gone). */
export async function deletePillar(tx: Tx, id: string): Promise<boolean> {
  return (await tx.query('DELETE FROM pillars WHERE id = $1 RETURNING id', [id])).length === 1;
}

export type PillarCandidate = {
  id: string;
  nikHash: string | null;
  phone: string | null;
  nameKey: string;
  homeRegionCode: string;
};

/** People already registered anywhere with one of these NIK hashes or phones (managers only; see migration). */
export async function findCandidates(
  tx: Tx,
  nikHashes: readonly string[],
  phones: readonly string[],
): Promise<PillarCandidate[]> {
  if (nikHashes.length === 0 && phones.length === 0) return [];
  return tx.query<PillarCandidate>(
    `SELECT id, nik_hash AS "nikHash", phone, name_key AS "nameKey", home_region_code AS "homeRegionCode"
     FROM sigap_pillar_candidates($1::text[], $2::text[])`,
    [nikHashes, phones],
  );
}

/** True when a user account with this id exists. */
export async function userExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.one('SELECT 1 FROM users WHERE id = $1', [id])) !== undefined;
}

/** The level of a region code, if it exists. */
export async function findRegionLevel(tx: Tx, code: string): Promise<string | undefined> {
  return (await tx.one<{ level: string }>('SELECT level FROM regions WHERE code = $1', [code]))?.level;
}

/** Every kecamatan code of Jawa Timur, for checking a NIK's first six digits. */
export async function listKecamatanCodes(tx: Tx): Promise<string[]> {
  const rows = await tx.query<{ code: string }>("SELECT code FROM regions WHERE level = 'kecamatan'");
  return rows.map((row) => row.code);
}

/** The desa and kelurahan of a kab/kota with their kecamatan names. */
export async function listDesaOfKabkota(tx: Tx, kabkotaCode: string): Promise<DesaCandidate[]> {
  return tx.query<DesaCandidate>(
    `SELECT d.code, d.name, k.code AS "kecamatanCode", k.name AS "kecamatanName"
     FROM regions k JOIN regions d ON d.parent_code = k.code
     WHERE k.parent_code = $1 AND k.level = 'kecamatan' ORDER BY d.code`,
    [kabkotaCode],
  );
}

// ── Editable lists ────────────────────────────────────────────────────────────────────────────

const LIST_TABLES = { types: 'pillar_types', skills: 'pillar_skills' } as const;
export type ListKind = keyof typeof LIST_TABLES;

export async function listItems(tx: Tx, kind: ListKind): Promise<ListItem[]> {
  return tx.query<ListItem>(
    `SELECT code, label, sort_order AS "sortOrder", is_active AS "isActive" FROM ${LIST_TABLES[kind]}
     ORDER BY sort_order, code`,
  );
}

export async function upsertItem(tx: Tx, kind: ListKind, item: ListItem): Promise<void> {
  await tx.query(
    `INSERT INTO ${LIST_TABLES[kind]} (code, label, sort_order, is_active) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO UPDATE SET label = excluded.label, sort_order = excluded.sort_order,
       is_active = excluded.is_active`,
    [item.code, item.label, item.sortOrder, item.isActive],
  );
}

// ── Coverage ──────────────────────────────────────────────────────────────────────────────────

export async function listTargets(tx: Tx, pillarType?: string): Promise<CoverageTarget[]> {
  return tx.query<CoverageTarget>(
    `SELECT pillar_type AS "pillarType", area_level AS "areaLevel", per_area AS "perArea"
     FROM pillar_coverage_targets WHERE $1::text IS NULL OR pillar_type = $1 ORDER BY pillar_type, area_level`,
    [pillarType ?? null],
  );
}

export async function upsertTarget(tx: Tx, target: CoverageTarget): Promise<void> {
  await tx.query(
    `INSERT INTO pillar_coverage_targets (pillar_type, area_level, per_area) VALUES ($1, $2, $3)
     ON CONFLICT (pillar_type, area_level) DO UPDATE SET per_area = excluded.per_area`,
    [target.pillarType, target.areaLevel, target.perArea],
  );
}

export type AreaRow = { code: string; name: string; level: AreaLevel };

/** The kab/kota of a Bakorwil. */
export async function listBakorwilAreas(tx: Tx, bakorwilId: string): Promise<AreaRow[]> {
  return tx.query<AreaRow>(
    `SELECT r.code, r.name, r.level FROM bakorwil_members m JOIN regions r ON r.code = m.kabkota_code
     WHERE m.bakorwil_id = $1 ORDER BY r.code`,
    [bakorwilId],
  );
}

export async function findBakorwilName(tx: Tx, id: string): Promise<string | undefined> {
  return (await tx.one<{ name: string }>('SELECT name FROM bakorwil WHERE id = $1', [id]))?.name;
}

export async function findArea(
  tx: Tx,
  code: string,
): Promise<{ code: string; name: string; level: string } | undefined> {
  return tx.one('SELECT code, name, level FROM regions WHERE code = $1', [code]);
}

export async function listChildAreas(tx: Tx, parentCode: string): Promise<AreaRow[]> {
  return tx.query<AreaRow>('SELECT code, name, level FROM regions WHERE parent_code = $1 ORDER BY code', [
    parentCode,
  ]);
}

/** How many kecamatan and desa lie inside each of `codes` (all codes of one level). */
export async function countAreasWithin(
  tx: Tx,
  codes: readonly string[],
): Promise<{ code: string; level: AreaLevel; count: number }[]> {
  if (codes.length === 0) return [];
  return tx.query(
    `SELECT left(code, $2) AS code, level, count(*)::int AS count FROM regions
     WHERE level IN ('kecamatan', 'desa') AND left(code, $2) = ANY ($1::text[]) AND length(code) > $2
     GROUP BY 1, 2`,
    [codes, codes[0].length],
  );
}

/** Active pillars of a type the actor sees, per area among `codes` (all of one level). */
export async function countActivePillars(
  tx: Tx,
  pillarType: string,
  codes: readonly string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await tx.query<{ code: string; count: number }>(
    `SELECT left(home_region_code, $3) AS code, count(*)::int AS count FROM pillars
     WHERE pillar_type = $1 AND status = 'aktif' AND left(home_region_code, $3) = ANY ($2::text[])
     GROUP BY 1`,
    [pillarType, codes, codes[0].length],
  );
  return new Map(rows.map((row) => [row.code, row.count]));
}

/** Reports the actor sees since `since` per area among `codes` (all of one level), rejected ones aside. */
export async function countRecentReports(
  tx: Tx,
  level: AreaLevel,
  codes: readonly string[],
  since: Date,
): Promise<Map<string, { count: number; last: Date }>> {
  if (codes.length === 0) return new Map();
  const column = { kabkota: 'kabkota_code', kecamatan: 'kecamatan_code', desa: 'region_code' }[level];
  const rows = await tx.query<{ code: string; count: number; last: Date }>(
    `SELECT ${column} AS code, count(*)::int AS count, max(created_at) AS last FROM reports
     WHERE ${column} = ANY ($1::text[]) AND created_at >= $2 AND status NOT IN ('ditolak', 'duplikat')
     GROUP BY 1`,
    [codes, since],
  );
  return new Map(rows.map((row) => [row.code, { count: row.count, last: row.last }]));
}

// ── Imports ───────────────────────────────────────────────────────────────────────────────────

export type ImportRecord = {
  id: string;
  status: 'berjalan' | 'selesai' | 'gagal' | 'terputus';
  kabkotaCode: string;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  skippedCount: number;
  report: ImportRowResult[];
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
};

export async function insertImport(
  tx: Tx,
  job: {
    id: string;
    kabkotaCode: string;
    defaultType: string | null;
    createdBy: string;
    totalRows: number;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO pillar_imports (id, kabkota_code, default_type, created_by, total_rows, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)`,
    [job.id, job.kabkotaCode, job.defaultType, job.createdBy, job.totalRows, job.now],
  );
}

export async function findImport(tx: Tx, id: string): Promise<ImportRecord | undefined> {
  return tx.one<ImportRecord>(
    `SELECT id, status, kabkota_code AS "kabkotaCode", total_rows AS "totalRows", processed_rows AS "processedRows",
       created_count AS "createdCount", updated_count AS "updatedCount", unchanged_count AS "unchangedCount",
       skipped_count AS "skippedCount", report, error, created_at AS "createdAt", updated_at AS "updatedAt",
       finished_at AS "finishedAt"
     FROM pillar_imports WHERE id = $1`,
    [id],
  );
}

/** Adds one chunk's rows and counts to an import's progress. */
export async function addImportProgress(
  tx: Tx,
  id: string,
  rows: readonly ImportRowResult[],
  now: Date,
): Promise<void> {
  const count = (action: string) => rows.filter((row) => row.action === action).length;
  await tx.query(
    `UPDATE pillar_imports SET processed_rows = processed_rows + $2, created_count = created_count + $3,
       updated_count = updated_count + $4, unchanged_count = unchanged_count + $5, skipped_count = skipped_count + $6,
       report = report || $7::jsonb, updated_at = $8
     WHERE id = $1`,
    [
      id,
      rows.length,
      count('create'),
      count('update'),
      count('unchanged'),
      count('skip'),
      JSON.stringify(rows),
      now,
    ],
  );
}

export async function setImportStatus(
  tx: Tx,
  id: string,
  status: ImportRecord['status'],
  error: string | null,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE pillar_imports SET status = $2::text, error = $3, updated_at = $4::timestamptz,
       finished_at = CASE WHEN $2::text = 'berjalan' THEN NULL ELSE $4::timestamptz END
     WHERE id = $1`,
    [id, status, error, now],
  );
}
