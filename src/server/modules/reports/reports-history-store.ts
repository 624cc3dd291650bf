// Past incidents brought in by the history import: inserted as historical reports, and matched against what the
// report table already holds (a dry run's look-up).
import type { Tx } from '../../platform/db.ts';
import type { ReportRow } from './reports-store.ts';

/** A past incident to import (history import): a report marked historical, acknowledged and verified at once. */
export type HistoricalRow = ReportRow & { source: string; importId: string };

/**
 * Inserts imported past incidents; an id already present is left alone (the same rows imported again).
 * Historical reports are verified by the importer and count as acknowledged when they happened (created_at and
 * acknowledged_at are the incident's time, so no deadline runs and no response time is measured on them), and
 * are marked checked for duplicates: no escalation and no duplicate job reacts to them.
 */
export async function insertHistoricalReports(
  tx: Tx,
  rows: readonly HistoricalRow[],
  importer: { userId: string; now: Date },
): Promise<number> {
  if (rows.length === 0) return 0;
  const json = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    conflict_type: r.conflictType,
    groups_involved: r.groupsInvolved,
    region_code: r.regionCode,
    kabkota_code: r.kabkotaCode,
    kecamatan_code: r.kecamatanCode,
    occurred_at: r.occurredAt,
    description: r.description,
    injured: r.injured,
    dead: r.dead,
    displaced: r.displaced,
    priority: r.priority,
    priority_rank: r.priorityRank,
    priority_reasons: r.priorityReasons,
    content_hash: r.contentHash,
    source: r.source || null,
    import_id: r.importId,
  }));
  const inserted = await tx.query(
    `INSERT INTO reports (id, kind, conflict_type, groups_involved, region_code, kabkota_code, kecamatan_code,
       occurred_at, description, injured, dead, displaced, channel, reporter_id, status, priority, priority_rank,
       priority_reasons, content_hash, created_at, updated_at, acknowledged_at, acknowledged_by, verified_at,
       verified_by, due_acknowledge_at, dedup_checked_at, historical, source, import_id)
     SELECT id, kind, conflict_type, groups_involved, region_code, kabkota_code, kecamatan_code, occurred_at,
       description, injured, dead, displaced, 'import', $2, 'terverifikasi', priority, priority_rank,
       priority_reasons, content_hash, occurred_at, $3, occurred_at, $2, $3, $2, occurred_at, $3, true, source,
       import_id
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, kind text, conflict_type text, groups_involved text,
       region_code text, kabkota_code text, kecamatan_code text, occurred_at timestamptz, description text,
       injured int, dead int, displaced int, priority text, priority_rank smallint, priority_reasons text[],
       content_hash text, source text, import_id uuid)
     ON CONFLICT (id) DO NOTHING RETURNING 1`,
    [JSON.stringify(json), importer.userId, importer.now],
  );
  return inserted.length;
}

const DAY_MS = 24 * 3_600_000;

/** A row of an import compared with the reports already kept. */
export type HistoryProbe = {
  key: string;
  id: string;
  place: string;
  conflictType: string;
  occurredAt: string;
};

/**
 * For each probe: whether its id is already a report (imported before), and a report of the same kecamatan (or
 * region) and type within a day of it, outside this import (the incident is already in Sigap). The day's bounds
 * come computed: row security lets an index serve only conditions without arithmetic (`timestamptz - interval`
 * is not leakproof), and without them each probe read every report.
 */
export async function matchHistoryProbes(
  tx: Tx,
  probes: readonly HistoryProbe[],
  importId: string,
): Promise<{ key: string; existing: boolean; duplicateOf: string | null }[]> {
  if (probes.length === 0) return [];
  return tx.query(
    `SELECT p.key, EXISTS (SELECT 1 FROM reports x WHERE x.id = p.id) AS existing,
       (SELECT o.id FROM reports o
         WHERE coalesce(o.kecamatan_code, o.region_code) = p.place AND o.conflict_type = p.conflict_type
           AND o.occurred_at BETWEEN p.earliest AND p.latest
           AND o.status IN ('baru', 'terverifikasi') AND o.id <> p.id AND o.import_id IS DISTINCT FROM $2::uuid
         ORDER BY abs(extract(epoch FROM o.occurred_at - p.occurred_at)) LIMIT 1)::text AS "duplicateOf"
     FROM jsonb_to_recordset($1::jsonb)
       AS p(key text, id uuid, place text, conflict_type text, occurred_at timestamptz, earliest timestamptz,
            latest timestamptz)`,
    [
      JSON.stringify(
        probes.map((p) => ({
          key: p.key,
          id: p.id,
          place: p.place,
          conflict_type: p.conflictType,
          occurred_at: p.occurredAt,
          earliest: new Date(Date.parse(p.occurredAt) - DAY_MS).toISOString(),
          latest: new Date(Date.parse(p.occurredAt) + DAY_MS).toISOString(),
        })),
      ),
      importId,
    ],
  );
}

/** How many reports the planner's statistics say the table holds (0 when never analysed). */
export async function reportsInStatistics(tx: Tx): Promise<number> {
  const row = await tx.one<{ n: number }>(
    `SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'reports'::regclass`,
  );
  return row?.n ?? 0;
}

/** Refreshes the report table's planner statistics (the table's owner: a system transaction). */
export async function analyzeReports(tx: Tx): Promise<void> {
  await tx.query('ANALYZE reports');
}
