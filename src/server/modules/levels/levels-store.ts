import type { Factor, Level } from '../../../shared/early-warning/level-model.ts';
import type { Tx } from '../../platform/db.ts';

// Reads for the level model run as the system (the job sees every region); the list of levels runs as the actor.

/** The stored settings object (validated by the service; missing keys take the defaults). */
export async function loadSettingsValue(tx: Tx): Promise<unknown> {
  const row = await tx.one<{ value: unknown }>('SELECT value FROM early_warning_settings');
  return row?.value ?? {};
}

export async function saveSettingsValue(
  tx: Tx,
  value: unknown,
  userId: string | null,
  now: Date,
): Promise<void> {
  await tx.query('UPDATE early_warning_settings SET value = $1::jsonb, updated_by = $2, updated_at = $3', [
    JSON.stringify(value),
    userId,
    now,
  ]);
}

export type RegionName = { code: string; name: string; parentCode: string };

/** Every kab/kota, or those listed, in code order. */
export async function listKabkota(tx: Tx, only?: readonly string[]): Promise<RegionName[]> {
  return tx.query<RegionName>(
    `SELECT code, name, parent_code AS "parentCode" FROM regions
     WHERE level = 'kabkota' AND ($1::text[] IS NULL OR code = ANY($1)) ORDER BY code`,
    [only ?? null],
  );
}

/** Waits for, then holds until the transaction ends, the lock of one kab/kota's recompute. */
export async function lockKabkota(tx: Tx, kabkotaCode: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7302, hashtext($1))', [kabkotaCode]);
}

/** The kecamatan of one kab/kota, in code order. */
export async function listKecamatan(tx: Tx, kabkotaCode: string): Promise<RegionName[]> {
  return tx.query<RegionName>(
    `SELECT code, name, parent_code AS "parentCode" FROM regions
     WHERE level = 'kecamatan' AND parent_code = $1 ORDER BY code`,
    [kabkotaCode],
  );
}

/** When the reports start: the baseline cannot use days before the first report. */
export async function findFirstReportAt(tx: Tx): Promise<Date | undefined> {
  // One index probe per kab/kota instead of a scan of the whole table.
  const row = await tx.one<{ first: Date | null }>(
    `SELECT min((SELECT min(r.occurred_at) FROM reports r WHERE r.kabkota_code = k.code)) AS first
     FROM regions k WHERE k.level = 'kabkota'`,
  );
  return row?.first ?? undefined;
}

/** Reports grouped as the model reads them. `age` is whole days before now; -1 marks the history period. */
export type ReportAggregate = {
  kabkotaCode: string;
  kecamatanCode: string | null;
  age: number;
  kind: 'sinyal' | 'kejadian';
  isVerified: boolean;
  isProvocation: boolean;
  harm: 0 | 1 | 2;
  n: number;
};

const CLASS_COLUMNS = `r.kind, r.status = 'terverifikasi' AS "isVerified",
  'informasi_provokatif' = ANY (r.triggers) AS "isProvocation",
  (CASE WHEN r.dead > 0 OR r.violence_ongoing THEN 2
        WHEN r.injured > 0 OR r.displaced > 0 OR r.houses_damaged > 0 THEN 1 ELSE 0 END)::int AS harm`;

/**
 * The reports of some kab/kota between historyStart and now, grouped by kecamatan, class and age: recent ones
 * (after recentStart) by whole days of age, older ones together (age -1). Rejected and duplicate reports
 * do not count. An imported past incident (historical) only ever counts in the history: it never is a recent
 * signal, so an import cannot raise a level (docs/HISTORY-IMPORT.md).
 */
export async function aggregateReports(
  tx: Tx,
  kabkotaCodes: readonly string[],
  range: { now: Date; recentStart: Date; historyStart: Date },
): Promise<ReportAggregate[]> {
  return tx.query<ReportAggregate>(
    `SELECT r.kabkota_code AS "kabkotaCode", r.kecamatan_code AS "kecamatanCode",
       (CASE WHEN r.occurred_at > $3 AND NOT r.historical THEN greatest(0, floor(extract(epoch FROM ($2::timestamptz - r.occurred_at)) / 86400))
             ELSE -1 END)::int AS age,
       ${CLASS_COLUMNS}, count(*)::int AS n
     FROM reports r
     WHERE r.kabkota_code = ANY ($1::text[]) AND r.occurred_at > $4 AND r.occurred_at <= $2
       AND r.status IN ('baru', 'terverifikasi')
     GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    [kabkotaCodes, range.now, range.recentStart, range.historyStart],
  );
}

/** Where each active group has a branch: kab/kota always, kecamatan for a ranting. */
export type Presence = {
  groupId: string;
  kind: string;
  shortName: string;
  kabkotaCode: string;
  kecamatanCode: string | null;
};

export async function listPresence(tx: Tx): Promise<Presence[]> {
  return tx.query<Presence>(
    `SELECT DISTINCT b.group_id AS "groupId", g.kind, g.short_name AS "shortName", b.kabkota_code AS "kabkotaCode",
       b.kecamatan_code AS "kecamatanCode"
     FROM actor_group_branches b JOIN actor_groups g ON g.id = b.group_id
     WHERE b.is_active AND g.is_active`,
  );
}

export type ActiveRivalry = {
  groupA: string;
  groupB: string;
  nameA: string;
  nameB: string;
  intensity: 'rendah' | 'sedang' | 'tinggi';
};

/** Active rivalries between active groups, with the groups' short names. */
export async function listActiveRivalries(tx: Tx): Promise<ActiveRivalry[]> {
  return tx.query<ActiveRivalry>(
    `SELECT v.group_a::text AS "groupA", v.group_b::text AS "groupB", a.short_name AS "nameA", b.short_name AS "nameB",
       v.intensity
     FROM actor_group_rivalries v JOIN actor_groups a ON a.id = v.group_a JOIN actor_groups b ON b.id = v.group_b
     WHERE v.status = 'aktif' AND a.is_active AND b.is_active`,
  );
}

export type StoredLevel = {
  regionCode: string;
  level: Level;
  ownLevel: Level;
  score: number;
  levelSince: Date;
};

/** The current levels of some regions, locked for this computation. */
export async function lockLevels(tx: Tx, codes: readonly string[]): Promise<StoredLevel[]> {
  return tx.query<StoredLevel>(
    `SELECT region_code AS "regionCode", level, own_level AS "ownLevel", score, level_since AS "levelSince"
     FROM region_levels WHERE region_code = ANY ($1::text[]) FOR UPDATE`,
    [codes],
  );
}

export type LevelRow = {
  regionCode: string;
  level: Level;
  ownLevel: Level;
  score: number;
  factors: Factor[];
  computedAt: Date;
  levelSince: Date;
};

export async function saveLevels(tx: Tx, rows: readonly LevelRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO region_levels (region_code, level, own_level, score, factors, computed_at, level_since)
     SELECT x.region_code, x.level, x.own_level, x.score, x.factors, x.computed_at, x.level_since
     FROM jsonb_to_recordset($1::jsonb) AS x(region_code text, level text, own_level text, score numeric, factors jsonb,
       computed_at timestamptz, level_since timestamptz)
     ON CONFLICT (region_code) DO UPDATE SET level = excluded.level, own_level = excluded.own_level,
       score = excluded.score, factors = excluded.factors, computed_at = excluded.computed_at,
       level_since = excluded.level_since`,
    [
      JSON.stringify(
        rows.map((r) => ({
          region_code: r.regionCode,
          level: r.level,
          own_level: r.ownLevel,
          score: r.score,
          factors: r.factors,
          computed_at: r.computedAt.toISOString(),
          level_since: r.levelSince.toISOString(),
        })),
      ),
    ],
  );
}

export async function insertLevelChange(
  tx: Tx,
  change: { regionCode: string; from: Level | null; to: Level; score: number; factors: Factor[]; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO region_level_changes (region_code, from_level, to_level, score, factors, changed_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
    [change.regionCode, change.from, change.to, change.score, JSON.stringify(change.factors), change.at],
  );
}

export type LevelView = {
  regionCode: string;
  regionName: string;
  level: Level;
  score: number;
  factors: Factor[];
  computedAt: Date | null;
  levelSince: Date | null;
};

/** The levels of the children of `parentCode` (Normal with no factors when never computed). */
export async function listChildLevels(tx: Tx, parentCode: string): Promise<LevelView[]> {
  return tx.query<LevelView>(
    `SELECT g.code AS "regionCode", g.name AS "regionName", coalesce(l.level, 'normal') AS level,
       coalesce(l.score, 0) AS score, coalesce(l.factors, '[]') AS factors, l.computed_at AS "computedAt",
       l.level_since AS "levelSince"
     FROM regions g LEFT JOIN region_levels l ON l.region_code = g.code
     WHERE g.parent_code = $1 AND g.level IN ('kabkota', 'kecamatan') ORDER BY g.code`,
    [parentCode],
  );
}

export async function findRegion(
  tx: Tx,
  code: string,
): Promise<{ code: string; name: string; level: string } | undefined> {
  return tx.one('SELECT code, name, level FROM regions WHERE code = $1', [code]);
}

/** The weighted history of the whole province, by report class (the kab/kota baselines start from it). */
export async function aggregateProvinceHistory(
  tx: Tx,
  range: { recentStart: Date; historyStart: Date },
): Promise<Omit<ReportAggregate, 'kabkotaCode' | 'kecamatanCode' | 'age'>[]> {
  return tx.query(
    `SELECT ${CLASS_COLUMNS}, count(*)::int AS n
     FROM reports r
     WHERE r.occurred_at > $2 AND r.occurred_at <= $1 AND r.status IN ('baru', 'terverifikasi')
     GROUP BY 1, 2, 3, 4`,
    [range.recentStart, range.historyStart],
  );
}

/** The latest changes of a region's level, newest first. */
export async function listLevelChanges(
  tx: Tx,
  regionCode: string,
  limit: number,
): Promise<{ fromLevel: Level | null; toLevel: Level; score: number; factors: Factor[]; changedAt: Date }[]> {
  return tx.query(
    `SELECT from_level AS "fromLevel", to_level AS "toLevel", score, factors, changed_at AS "changedAt"
     FROM region_level_changes WHERE region_code = $1 ORDER BY changed_at DESC, id DESC LIMIT $2`,
    [regionCode, limit],
  );
}
