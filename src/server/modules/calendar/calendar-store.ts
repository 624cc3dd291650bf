import type { CalendarOverride, RecurringAnchor } from '../../../shared/early-warning/calendar.ts';
import type { EventKind, EventReview } from '../../../shared/early-warning/early-warning-replies.ts';
import type { Level } from '../../../shared/early-warning/level-model.ts';
import type { Tx } from '../../platform/db.ts';

// One-off events and the admin's date overrides. Events are read and written as the actor (row-level
// security: visible where they happen and along their route).

export type EventRecord = {
  id: string;
  kind: EventKind;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date | null;
  regionCode: string;
  regionName: string;
  routeRegionCodes: string[];
  expectedCrowd: number | null;
  status: 'terjadwal' | 'dibatalkan' | 'selesai';
  checklist: Record<string, { isDone: boolean; note: string; by: string; at: string }>;
  review: EventReview | null;
  reviewedAt: Date | null;
  version: number;
  createdAt: Date;
  groups: { id: string; shortName: string }[];
};

const SELECT_EVENT = `
  SELECT e.id, e.kind, e.title, e.description, e.starts_at AS "startsAt", e.ends_at AS "endsAt",
    e.region_code AS "regionCode", r.name AS "regionName", e.route_region_codes AS "routeRegionCodes",
    e.expected_crowd AS "expectedCrowd", e.status, e.checklist, e.review, e.reviewed_at AS "reviewedAt", e.version,
    e.created_at AS "createdAt",
    coalesce((SELECT jsonb_agg(jsonb_build_object('id', g.id, 'shortName', g.short_name) ORDER BY g.short_name)
      FROM calendar_event_groups x JOIN actor_groups g ON g.id = x.group_id WHERE x.event_id = e.id), '[]') AS groups
  FROM calendar_events e JOIN regions r ON r.code = e.region_code`;

export async function insertEvent(
  tx: Tx,
  row: {
    kind: string;
    title: string;
    description: string;
    startsAt: Date;
    endsAt: Date | null;
    regionCode: string;
    routeRegionCodes: string[];
    expectedCrowd: number | null;
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO calendar_events (kind, title, description, starts_at, ends_at, region_code, route_region_codes,
       expected_crowd, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
    [
      row.kind,
      row.title,
      row.description,
      row.startsAt,
      row.endsAt,
      row.regionCode,
      row.routeRegionCodes,
      row.expectedCrowd,
      row.createdBy,
      row.now,
    ],
  );
}

export async function insertEventGroups(tx: Tx, eventId: string, groupIds: readonly string[]): Promise<void> {
  await tx.query(
    `INSERT INTO calendar_event_groups (event_id, group_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [eventId, groupIds],
  );
}

export async function findEvent(tx: Tx, id: string, lock = false): Promise<EventRecord | undefined> {
  return tx.one<EventRecord>(`${SELECT_EVENT} WHERE e.id = $1${lock ? ' FOR UPDATE OF e' : ''}`, [id]);
}

/** Events overlapping [from, to) that the actor may see, optionally only those touching `regionCode`. */
export async function listEvents(
  tx: Tx,
  filter: { from: Date; to: Date; regionCode?: string },
): Promise<EventRecord[]> {
  return tx.query<EventRecord>(
    `${SELECT_EVENT}
     WHERE e.starts_at < $2 AND coalesce(e.ends_at, e.starts_at) >= $1
       AND ($3::text IS NULL OR e.region_code = $3 OR e.region_code LIKE $3 || '.%'
         OR EXISTS (SELECT 1 FROM unnest(e.route_region_codes) c WHERE c = $3 OR c LIKE $3 || '.%'))
     ORDER BY e.starts_at, e.id`,
    [filter.from, filter.to, filter.regionCode ?? null],
  );
}

export async function updateChecklist(
  tx: Tx,
  id: string,
  version: number,
  checklist: EventRecord['checklist'],
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE calendar_events SET checklist = $3::jsonb, version = version + 1, updated_at = $4
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, JSON.stringify(checklist), now],
  );
  return rows.length === 1;
}

export async function saveReview(
  tx: Tx,
  id: string,
  review: Record<string, unknown>,
  by: { userId: string; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE calendar_events SET review = $2::jsonb, reviewed_by = $3, reviewed_at = $4, status = 'selesai',
       version = version + 1, updated_at = $4 WHERE id = $1`,
    [id, JSON.stringify(review), by.userId, by.now],
  );
}

export async function cancelEvent(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE calendar_events SET status = 'dibatalkan', version = version + 1, updated_at = $2 WHERE id = $1`,
    [id, now],
  );
}

/** Per kecamatan: its level, the rival groups present and the reports naming them since `since`. */
export async function routeHistory(
  tx: Tx,
  kecamatanCodes: readonly string[],
  rivalIds: readonly string[],
  since: Date,
): Promise<
  {
    regionCode: string;
    regionName: string;
    level: Level;
    score: number;
    rivalsPresent: string[];
    rivalReports: number;
    lastRivalReportAt: Date | null;
  }[]
> {
  return tx.query(
    `SELECT k.code AS "regionCode", k.name AS "regionName", coalesce(l.level, 'normal') AS level,
       coalesce(l.score, 0) AS score,
       coalesce(array(SELECT DISTINCT g.short_name FROM actor_group_branches b JOIN actor_groups g ON g.id = b.group_id
         WHERE b.kecamatan_code = k.code AND b.is_active AND b.group_id = ANY ($2::uuid[]) ORDER BY 1), '{}') AS "rivalsPresent",
       (SELECT count(DISTINCT r.id)::int FROM reports r JOIN report_actor_groups x ON x.report_id = r.id
         WHERE r.kecamatan_code = k.code AND x.group_id = ANY ($2::uuid[]) AND r.occurred_at >= $3) AS "rivalReports",
       (SELECT max(r.occurred_at) FROM reports r JOIN report_actor_groups x ON x.report_id = r.id
         WHERE r.kecamatan_code = k.code AND x.group_id = ANY ($2::uuid[]) AND r.occurred_at >= $3) AS "lastRivalReportAt"
     FROM regions k LEFT JOIN region_levels l ON l.region_code = k.code
     WHERE k.code = ANY ($1::text[])
     ORDER BY array_position($1::text[], k.code)`,
    [kecamatanCodes, rivalIds, since],
  );
}

/** Ids of the active rivals of any of `groupIds`. */
export async function findRivalIds(tx: Tx, groupIds: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT CASE WHEN group_a = ANY ($1::uuid[]) THEN group_b ELSE group_a END AS id
     FROM actor_group_rivalries WHERE status = 'aktif' AND (group_a = ANY ($1::uuid[]) OR group_b = ANY ($1::uuid[]))`,
    [groupIds],
  );
  return rows.map((r) => r.id);
}

export async function upsertOverride(
  tx: Tx,
  row: { anchor: string; hijriYear: number; day: string; note: string; setBy: string; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO calendar_overrides (anchor, hijri_year, day, note, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (anchor, hijri_year) DO UPDATE SET day = excluded.day, note = excluded.note, set_by = excluded.set_by,
       set_at = excluded.set_at`,
    [row.anchor, row.hijriYear, row.day, row.note, row.setBy, row.now],
  );
}

export async function deleteOverride(tx: Tx, anchor: string, hijriYear: number): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM calendar_overrides WHERE anchor = $1 AND hijri_year = $2 RETURNING anchor',
    [anchor, hijriYear],
  );
  return rows.length === 1;
}

/** One-off calendar events under way or starting before `until`, with their groups. */
export type StoredEvent = {
  id: string;
  kind: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  regionCode: string;
  routeRegionCodes: string[];
  expectedCrowd: number | null;
  groupIds: string[];
};

export async function listActiveEvents(tx: Tx, from: Date, until: Date): Promise<StoredEvent[]> {
  return tx.query<StoredEvent>(
    `SELECT e.id, e.kind, e.title, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.region_code AS "regionCode",
       e.route_region_codes AS "routeRegionCodes", e.expected_crowd AS "expectedCrowd",
       coalesce(array(SELECT g.group_id::text FROM calendar_event_groups g WHERE g.event_id = e.id), '{}') AS "groupIds"
     FROM calendar_events e
     WHERE e.status <> 'dibatalkan' AND e.starts_at <= $2
       AND coalesce(e.ends_at, e.starts_at + interval '1 day') >= $1
     ORDER BY e.starts_at`,
    [from, until],
  );
}

export async function listOverrides(tx: Tx): Promise<CalendarOverride[]> {
  const rows = await tx.query<{ anchor: RecurringAnchor; hijriYear: number; day: string }>(
    `SELECT anchor, hijri_year AS "hijriYear", to_char(day, 'YYYY-MM-DD') AS day FROM calendar_overrides`,
  );
  return rows.map((r) => ({ anchor: r.anchor, hijriYear: r.hijriYear, date: r.day }));
}
