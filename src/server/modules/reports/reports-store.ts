import { levelOfCode } from '../../../shared/region-codes.ts';
import type { Priority, Report, ReportStatus, Vulnerable } from '../../../shared/reports/report-schema.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';
import { sqlWhere } from '../../platform/sql-where.ts';
import { addReportFacets, type ReportFacets } from './report-filter-rules.ts';

/** The stored columns a service writes on intake or amendment. */
export type ReportRow = {
  id: string;
  kind: string;
  conflictType: string;
  triggers: string[];
  groupsInvolved: string;
  regionCode: string;
  kabkotaCode: string;
  kecamatanCode: string | null;
  latitude: number | null;
  longitude: number | null;
  occurredAt: string;
  violenceOngoing: boolean;
  description: string;
  involved: number;
  injured: number;
  dead: number;
  displaced: number;
  housesDamaged: number;
  vulnerable: Vulnerable;
  hasVulnerable: boolean;
  needs: string[];
  channel: string;
  priority: Priority;
  priorityRank: number;
  priorityReasons: string[];
  contentHash: string;
};

const SELECT_REPORT = `
  SELECT r.id, r.kind, r.conflict_type AS "conflictType", r.triggers, r.groups_involved AS "groupsInvolved",
    r.region_code AS "regionCode", g.name AS "regionName", r.kabkota_code AS "kabkotaCode",
    r.latitude, r.longitude, r.occurred_at AS "occurredAt", r.violence_ongoing AS "violenceOngoing",
    r.description, r.involved, r.injured, r.dead, r.displaced, r.houses_damaged AS "housesDamaged",
    r.vulnerable, r.needs, r.channel, r.reporter_id AS "reporterId", r.status, r.status_reason AS "statusReason",
    r.duplicate_of AS "duplicateOf", r.priority, r.priority_reasons AS "priorityReasons", r.version,
    r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.acknowledged_at AS "acknowledgedAt",
    r.verified_at AS "verifiedAt", r.due_acknowledge_at AS "dueAcknowledgeAt", r.handling_level AS "handlingLevel",
    r.escalated_at AS "escalatedAt", r.case_id AS "caseId",
    r.priority_rank || '|' || to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' || r.id
      AS "cursorKey"
  FROM reports r JOIN regions g ON g.code = r.region_code`;

type RawReport = Omit<
  Report,
  | 'occurredAt'
  | 'createdAt'
  | 'updatedAt'
  | 'acknowledgedAt'
  | 'verifiedAt'
  | 'dueAcknowledgeAt'
  | 'escalatedAt'
> & {
  occurredAt: Date;
  createdAt: Date;
  updatedAt: Date;
  acknowledgedAt: Date | null;
  verifiedAt: Date | null;
  dueAcknowledgeAt: Date;
  escalatedAt: Date | null;
  cursorKey: string;
};

/** One stored row as the API's Report, times in WIB. */
function toReport(row: RawReport): Report & { cursorKey: string } {
  return {
    ...row,
    occurredAt: toWibIso(row.occurredAt),
    createdAt: toWibIso(row.createdAt),
    updatedAt: toWibIso(row.updatedAt),
    acknowledgedAt: toWibIsoOrNull(row.acknowledgedAt),
    verifiedAt: toWibIsoOrNull(row.verifiedAt),
    dueAcknowledgeAt: toWibIso(row.dueAcknowledgeAt),
    escalatedAt: toWibIsoOrNull(row.escalatedAt),
  };
}

/** What the reporter said, in the column order of the insert and the amendment (kind … needs). */
function reportFacts(row: ReportRow): unknown[] {
  return [
    row.kind,
    row.conflictType,
    row.triggers,
    row.groupsInvolved,
    row.regionCode,
    row.kabkotaCode,
    row.kecamatanCode,
    row.latitude,
    row.longitude,
    row.occurredAt,
    row.violenceOngoing,
    row.description,
    row.involved,
    row.injured,
    row.dead,
    row.displaced,
    row.housesDamaged,
    JSON.stringify(row.vulnerable),
    row.hasVulnerable,
    row.needs,
  ];
}

/**
 * Inserts a new report, its acknowledgement deadline from the priority's current setting, and returns it;
 * undefined when the id already exists (a retry or a clash). An unknown region code fails the insert on
 * the regions foreign key (see isUnknownRegion).
 */
export async function insertReport(
  tx: Tx,
  row: ReportRow & { reporterId: string; createdAt: Date },
): Promise<(Report & { cursorKey: string }) | undefined> {
  const inserted = await tx.one<RawReport>(
    `WITH inserted AS (INSERT INTO reports (id, kind, conflict_type, triggers, groups_involved, region_code, kabkota_code, kecamatan_code,
       latitude, longitude, occurred_at, violence_ongoing, description, involved, injured, dead, displaced,
       houses_damaged, vulnerable, has_vulnerable, needs, channel, reporter_id, priority, priority_rank,
       priority_reasons, content_hash, created_at, updated_at, due_acknowledge_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$28,
       $28::timestamptz + (SELECT acknowledge_minutes FROM sla_settings WHERE priority = $24) * interval '1 minute')
     ON CONFLICT (id) DO NOTHING RETURNING *)
     ${SELECT_REPORT.replace('FROM reports r', 'FROM inserted r')}`,
    [
      row.id,
      ...reportFacts(row),
      row.channel,
      row.reporterId,
      row.priority,
      row.priorityRank,
      row.priorityReasons,
      row.contentHash,
      row.createdAt,
    ],
  );
  return inserted ? toReport(inserted) : undefined;
}

/** Whether `error` is an insert refused because its region code is not in the regions table. */
export function isUnknownRegion(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23503' && e.constraint === 'reports_region_code_fkey';
}

/** A report the actor may see (row-level security decides), or undefined. */
export async function findReport(tx: Tx, id: string): Promise<(Report & { cursorKey: string }) | undefined> {
  const row = await tx.one<RawReport>(`${SELECT_REPORT} WHERE r.id = $1`, [id]);
  return row ? toReport(row) : undefined;
}

/** Which of these report ids exist and are visible to the actor. */
export async function listKnownReportIds(tx: Tx, ids: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>('SELECT id FROM reports WHERE id = ANY ($1::uuid[])', [ids]);
  return rows.map((row) => row.id);
}

export type CaseSourceReport = {
  id: string;
  status: string;
  caseId: string | null;
  regionCode: string;
  regionName: string;
  kabkotaCode: string;
  conflictType: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  hasVulnerable: boolean;
  createdAt: Date;
};

/** The reports a case would be opened from, most urgent and oldest first, with their place's name. */
export function listCaseSourceReports(tx: Tx, ids: readonly string[]): Promise<CaseSourceReport[]> {
  return tx.query<CaseSourceReport>(
    `SELECT r.id, r.status, r.case_id AS "caseId", r.region_code AS "regionCode", g.name AS "regionName",
            r.kabkota_code AS "kabkotaCode", r.conflict_type AS "conflictType", r.priority,
            r.has_vulnerable AS "hasVulnerable", r.created_at AS "createdAt"
     FROM reports r JOIN regions g ON g.code = r.region_code WHERE r.id = ANY($1::uuid[])
     ORDER BY r.priority_rank, r.created_at`,
    [ids],
  );
}

/** What a case's reports ask for: their needs, and whether any names a child harmed, displaced or at risk. */
export async function findCaseReportFacts(
  tx: Tx,
  caseId: string,
): Promise<{ needs: string[]; hasChildren: boolean }> {
  const facts = await tx.one<{ needs: string[]; hasChildren: boolean }>(
    `SELECT coalesce(array_agg(DISTINCT n) FILTER (WHERE n IS NOT NULL), '{}') AS needs,
            coalesce(bool_or(coalesce((r.vulnerable -> 'anak' ->> 'harmed')::int, 0)
              + coalesce((r.vulnerable -> 'anak' ->> 'displaced')::int, 0)
              + coalesce((r.vulnerable -> 'anak' ->> 'atRisk')::int, 0) > 0), false) AS "hasChildren"
     FROM reports r LEFT JOIN LATERAL unnest(r.needs) AS n ON true WHERE r.case_id = $1`,
    [caseId],
  );
  return facts ?? { needs: [], hasChildren: false };
}

/** Who submitted a report id and with what content; for telling a retry from a clash. System use only. */
export async function findReportFingerprint(
  tx: Tx,
  id: string,
): Promise<{ reporterId: string; contentHash: string } | undefined> {
  return tx.one(
    `SELECT reporter_id AS "reporterId", content_hash AS "contentHash" FROM reports WHERE id = $1`,
    [id],
  );
}

export type ReportFilter = ReportFacets & {
  regionCode?: string;
  reporterId?: string;
  cursor?: { rank: number; createdAt: string; id: string };
  limit: number;
};

/** Lists reports the actor may see, by priority then newest, one page after the cursor. */
export async function listReports(tx: Tx, filter: ReportFilter): Promise<(Report & { cursorKey: string })[]> {
  const where = sqlWhere();
  const { add, params } = where;
  if (filter.regionCode) {
    const level = levelOfCode(filter.regionCode);
    if (level === 'kabkota') add((p) => `r.kabkota_code = ${p}`, filter.regionCode);
    else if (level === 'kecamatan') add((p) => `r.kecamatan_code = ${p}`, filter.regionCode);
    else if (level === 'desa') add((p) => `r.region_code = ${p}`, filter.regionCode);
  }
  if (filter.reporterId) add((p) => `r.reporter_id = ${p}`, filter.reporterId);
  addReportFacets(where, filter);
  if (filter.cursor) {
    params.push(filter.cursor.rank, filter.cursor.createdAt, filter.cursor.id);
    const [r, t, i] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
    where.conditions.push(
      `(r.priority_rank > ${r} OR (r.priority_rank = ${r} AND (r.created_at < (${t}::timestamp AT TIME ZONE 'UTC')
        OR (r.created_at = (${t}::timestamp AT TIME ZONE 'UTC') AND r.id > ${i}::uuid))))`,
    );
  }
  params.push(filter.limit);
  const rows = await tx.query<RawReport>(
    `${SELECT_REPORT} ${where.text()}
     ORDER BY r.priority_rank, r.created_at DESC, r.id LIMIT $${params.length}`,
    params,
  );
  return rows.map(toReport);
}

/** Writes amended fields when the stored version is still `version`; returns false when it moved on. */
export async function updateReportFields(
  tx: Tx,
  version: number,
  row: ReportRow,
  now: Date,
): Promise<boolean> {
  const updated = await tx.query(
    `UPDATE reports SET kind = $3, conflict_type = $4, triggers = $5, groups_involved = $6, region_code = $7,
       kabkota_code = $8, kecamatan_code = $9, latitude = $10, longitude = $11, occurred_at = $12,
       violence_ongoing = $13, description = $14, involved = $15, injured = $16, dead = $17, displaced = $18,
       houses_damaged = $19, vulnerable = $20, has_vulnerable = $21, needs = $22, priority = $23,
       priority_rank = $24, priority_reasons = $25, content_hash = $26, version = version + 1, updated_at = $27
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      row.id,
      version,
      ...reportFacts(row),
      row.priority,
      row.priorityRank,
      row.priorityReasons,
      row.contentHash,
      now,
    ],
  );
  return updated.length === 1;
}

export async function insertAmendment(
  tx: Tx,
  amendment: { reportId: string; version: number; changedBy: string; changes: Record<string, unknown> },
): Promise<void> {
  await tx.query(
    'INSERT INTO report_amendments (report_id, version, changed_by, changes) VALUES ($1, $2, $3, $4)',
    [amendment.reportId, amendment.version, amendment.changedBy, JSON.stringify(amendment.changes)],
  );
}

export async function listAmendments(
  tx: Tx,
  reportId: string,
): Promise<{ version: number; changedBy: string; changedAt: string; changes: Record<string, unknown> }[]> {
  const rows = await tx.query<{
    version: number;
    changedBy: string;
    changedAt: Date;
    changes: Record<string, unknown>;
  }>(
    `SELECT version, changed_by AS "changedBy", changed_at AS "changedAt", changes
     FROM report_amendments WHERE report_id = $1 ORDER BY version`,
    [reportId],
  );
  return rows.map((row) => ({ ...row, changedAt: toWibIso(row.changedAt) }));
}

/** Marks the report acknowledged (first time only). */
export async function markAcknowledged(tx: Tx, id: string, userId: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE reports SET acknowledged_at = coalesce(acknowledged_at, $3), acknowledged_by = coalesce(acknowledged_by, $2),
       updated_at = $3 WHERE id = $1`,
    [id, userId, now],
  );
}

export async function setVerification(
  tx: Tx,
  id: string,
  v: { status: ReportStatus; reason: string | null; duplicateOf: string | null; userId: string; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE reports SET status = $2, status_reason = $3, duplicate_of = $4, verified_at = $6, verified_by = $5,
       acknowledged_at = coalesce(acknowledged_at, $6), acknowledged_by = coalesce(acknowledged_by, $5),
       version = version + 1, updated_at = $6
     WHERE id = $1`,
    [id, v.status, v.reason, v.duplicateOf, v.userId, v.now],
  );
}

/** Stores a photo unless the report already has one with this id; true when it was stored. */
export async function insertPhoto(
  tx: Tx,
  photo: {
    id: string;
    reportId: string;
    contentType: string;
    bytes: Buffer;
    sha256: string;
    uploadedBy: string;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO report_photos (id, report_id, content_type, bytes, byte_size, sha256, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (report_id, id) DO NOTHING RETURNING 1`,
    [
      photo.id,
      photo.reportId,
      photo.contentType,
      photo.bytes,
      photo.bytes.length,
      photo.sha256,
      photo.uploadedBy,
    ],
  );
  return rows.length > 0;
}

/** The content hash of a report's photo, if the report has one with this id. */
export async function findPhoto(
  tx: Tx,
  reportId: string,
  photoId: string,
): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  return tx.one<{ contentType: string; bytes: Buffer }>(
    'SELECT content_type AS "contentType", bytes FROM report_photos WHERE id = $1 AND report_id = $2',
    [photoId, reportId],
  );
}

export async function findPhotoHash(tx: Tx, reportId: string, photoId: string): Promise<string | undefined> {
  const row = await tx.one<{ sha256: string }>(
    'SELECT sha256 FROM report_photos WHERE report_id = $1 AND id = $2',
    [reportId, photoId],
  );
  return row?.sha256;
}
