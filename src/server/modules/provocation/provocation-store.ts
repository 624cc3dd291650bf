// SQL of the provocation watch: items, sightings, their matching, links, groups, spread and the response.
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';
import { moveGroupsAndLinks } from './merge-store.ts';

export type ItemRow = {
  id: string;
  title: string;
  platform: string;
  assessment: string | null;
  assessmentNote: string;
  outcome: string;
  regionCodes: string[];
  kabkotaCodes: string[];
  firstSeenAt: Date;
  lastSeenAt: Date;
  dueAt: Date | null;
  handlingLevel: string;
  counterApprovedAt: Date | null;
  takenDownAt: Date | null;
  version: number;
  sightingCount: number;
  kecamatanCount: number;
  groups: { id: string; shortName: string }[];
  pendingReview: number;
};

const ITEM_SELECT = `
  SELECT i.id, i.title, i.platform, i.assessment, i.assessment_note AS "assessmentNote", i.outcome,
    i.region_codes AS "regionCodes", i.kabkota_codes AS "kabkotaCodes", i.first_seen_at AS "firstSeenAt",
    i.last_seen_at AS "lastSeenAt", i.due_at AS "dueAt", i.handling_level AS "handlingLevel",
    i.counter_approved_at AS "counterApprovedAt", i.taken_down_at AS "takenDownAt", i.version,
    (SELECT count(*)::int FROM provocation_sightings s WHERE s.item_id = i.id) AS "sightingCount",
    (SELECT count(DISTINCT left(c, 8))::int FROM provocation_sightings s, unnest(s.region_codes) c
      WHERE s.item_id = i.id AND length(c) >= 8) AS "kecamatanCount",
    (SELECT count(*)::int FROM provocation_counter_messages m WHERE m.item_id = i.id AND m.status = 'diajukan') AS "pendingReview",
    coalesce((SELECT json_agg(json_build_object('id', g.id, 'shortName', g.short_name) ORDER BY g.short_name)
      FROM provocation_item_groups ig JOIN actor_groups g ON g.id = ig.group_id WHERE ig.item_id = i.id), '[]') AS groups
  FROM provocation_items i`;

export function summary(row: ItemRow) {
  return {
    id: row.id,
    title: row.title,
    platform: row.platform,
    assessment: row.assessment,
    outcome: row.outcome,
    firstSeenAt: toWibIso(row.firstSeenAt),
    lastSeenAt: toWibIso(row.lastSeenAt),
    sightingCount: row.sightingCount,
    kecamatanCount: row.kecamatanCount,
    regionCodes: row.regionCodes,
    groups: row.groups,
    dueAt: toWibIsoOrNull(row.dueAt),
    handlingLevel: row.handlingLevel,
    answered: row.counterApprovedAt !== null || row.takenDownAt !== null || row.outcome !== 'beredar',
    pendingReview: row.pendingReview,
  };
}

export async function findItem(tx: Tx, id: string, lock = false): Promise<ItemRow | undefined> {
  return tx.one<ItemRow>(`${ITEM_SELECT} WHERE i.id = $1${lock ? ' FOR UPDATE OF i' : ''}`, [id]);
}

export type ItemFilter = { assessment?: string; outcome?: string; kabkota?: string; limit: number };

export async function listItems(tx: Tx, filter: ItemFilter): Promise<ItemRow[]> {
  return tx.query<ItemRow>(
    `${ITEM_SELECT}
     WHERE i.merged_into IS NULL AND ($1::text IS NULL OR i.assessment = $1) AND ($2::text IS NULL OR i.outcome = $2)
       AND ($3::text IS NULL OR $3 = ANY (i.kabkota_codes))
     ORDER BY i.last_seen_at DESC, i.id LIMIT $4`,
    [filter.assessment ?? null, filter.outcome ?? null, filter.kabkota ?? null, filter.limit],
  );
}

export async function insertItem(
  tx: Tx,
  row: {
    title: string;
    platform: string;
    regionCodes: string[];
    kabkotaCodes: string[];
    seenAt: Date;
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO provocation_items (title, platform, region_codes, kabkota_codes, first_seen_at, last_seen_at,
       created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $7) RETURNING id`,
    [row.title, row.platform, row.regionCodes, row.kabkotaCodes, row.seenAt, row.createdBy, row.now],
  );
}

/** What a stored sighting's request did: the item it joined, its content hash, whether it merged. */
export type SightingRequest = { itemId: string; requestHash: string; merged: boolean };

/** Widens an item with a sighting's regions and time. */
export async function spreadItem(
  tx: Tx,
  id: string,
  row: { regionCodes: string[]; kabkotaCodes: string[]; seenAt: Date; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE provocation_items SET
       region_codes = ARRAY(SELECT DISTINCT unnest(region_codes || $2::text[]) ORDER BY 1),
       kabkota_codes = ARRAY(SELECT DISTINCT unnest(kabkota_codes || $3::text[]) ORDER BY 1),
       first_seen_at = least(first_seen_at, $4), last_seen_at = greatest(last_seen_at, $4),
       updated_at = $5
     WHERE id = $1`,
    [id, row.regionCodes, row.kabkotaCodes, row.seenAt, row.now],
  );
}

export async function findSightingRequest(tx: Tx, id: string): Promise<SightingRequest | undefined> {
  return tx.one(
    `SELECT item_id AS "itemId", request_hash AS "requestHash", merged
     FROM provocation_sightings WHERE id = $1`,
    [id],
  );
}

/** The visible item that already has one of these normalised links. */
export async function findItemByLink(tx: Tx, keys: string[]): Promise<string | undefined> {
  if (keys.length === 0) return undefined;
  const row = await tx.one<{ itemId: string }>(
    `SELECT s.item_id AS "itemId" FROM provocation_sightings s
     WHERE s.link_keys && $1::text[] ORDER BY s.seen_at LIMIT 1`,
    [keys],
  );
  return row?.itemId;
}

/** The visible item whose sightings' normalised text is most like this one, at or above `threshold`. */
export async function findItemByText(tx: Tx, key: string, threshold: number): Promise<string | undefined> {
  const row = await tx.one<{ itemId: string }>(
    `SELECT s.item_id AS "itemId" FROM provocation_sightings s
     WHERE s.text_key <> '' AND s.text_key % $1 AND similarity(s.text_key, $1) >= $2
     ORDER BY similarity(s.text_key, $1) DESC, s.seen_at LIMIT 1`,
    [key, threshold],
  );
  return row?.itemId;
}

/** The image hashes of visible screenshots, with their items (the caller compares Hamming distances). */
export async function listImageHashes(
  tx: Tx,
  exceptItem: string,
): Promise<{ itemId: string; hash: string }[]> {
  return tx.query(
    `SELECT item_id AS "itemId", image_hash AS hash FROM provocation_sightings
     WHERE image_hash IS NOT NULL AND item_id <> $1 ORDER BY seen_at DESC LIMIT 5000`,
    [exceptItem],
  );
}

export async function insertSighting(
  tx: Tx,
  row: {
    id: string;
    itemId: string;
    platform: string;
    links: string[];
    linkKeys: string[];
    text: string | null;
    textKey: string;
    seenAt: Date;
    regionCodes: string[];
    kabkotaCodes: string[];
    posterAccount: string | null;
    reportId: string | null;
    requestHash: string;
    merged: boolean;
    reportedBy: string;
    now: Date;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO provocation_sightings (id, item_id, platform, links, link_keys, text_seen, text_key, seen_at,
       region_codes, kabkota_codes, poster_account, report_id, request_hash, reported_by, created_at, merged)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      row.id,
      row.itemId,
      row.platform,
      row.links,
      row.linkKeys,
      row.text,
      row.textKey,
      row.seenAt,
      row.regionCodes,
      row.kabkotaCodes,
      row.posterAccount,
      row.reportId,
      row.requestHash,
      row.reportedBy,
      row.now,
      row.merged,
    ],
  );
  return rows.length === 1;
}

export type SightingRow = {
  id: string;
  itemId: string;
  seenAt: Date;
  platform: string;
  links: string[];
  text: string | null;
  regionCodes: string[];
  hasScreenshot: boolean;
  posterAccount: string | null;
  reportId: string | null;
  reportedBy: string;
  screenshotSha256: string | null;
};

export async function listSightings(tx: Tx, itemId: string): Promise<SightingRow[]> {
  return tx.query<SightingRow>(
    `SELECT s.id, s.item_id AS "itemId", s.seen_at AS "seenAt", s.platform, s.links, s.text_seen AS text,
       s.region_codes AS "regionCodes", s.screenshot IS NOT NULL AS "hasScreenshot",
       s.poster_account AS "posterAccount", s.report_id AS "reportId", u.display_name AS "reportedBy",
       s.screenshot_sha256 AS "screenshotSha256"
     FROM provocation_sightings s JOIN users u ON u.id = s.reported_by
     WHERE s.item_id = $1 ORDER BY s.seen_at, s.id`,
    [itemId],
  );
}

export async function findSighting(tx: Tx, id: string): Promise<SightingRow | undefined> {
  return tx.one<SightingRow>(
    `SELECT s.id, s.item_id AS "itemId", s.seen_at AS "seenAt", s.platform, s.links, s.text_seen AS text,
       s.region_codes AS "regionCodes", s.screenshot IS NOT NULL AS "hasScreenshot",
       s.poster_account AS "posterAccount", s.report_id AS "reportId", '' AS "reportedBy",
       s.screenshot_sha256 AS "screenshotSha256"
     FROM provocation_sightings s WHERE s.id = $1`,
    [id],
  );
}

export async function setScreenshot(
  tx: Tx,
  id: string,
  shot: { bytes: Buffer; contentType: string; sha256: string; hash: string },
): Promise<void> {
  await tx.query(
    `UPDATE provocation_sightings SET screenshot = $2, screenshot_type = $3, screenshot_sha256 = $4, image_hash = $5
     WHERE id = $1`,
    [id, shot.bytes, shot.contentType, shot.sha256, shot.hash],
  );
}

export async function getScreenshot(
  tx: Tx,
  id: string,
): Promise<{ bytes: Buffer; contentType: string } | undefined> {
  return tx.one(
    `SELECT screenshot AS bytes, screenshot_type AS "contentType" FROM provocation_sightings
     WHERE id = $1 AND screenshot IS NOT NULL`,
    [id],
  );
}

export async function markMerged(tx: Tx, sightingId: string): Promise<void> {
  await tx.query('UPDATE provocation_sightings SET merged = true WHERE id = $1', [sightingId]);
}

/** Moves a sighting to another item, and every link and group of the item it leaves, then removes that item. */
export async function moveSighting(tx: Tx, sightingId: string, from: string, to: string): Promise<void> {
  await tx.query('UPDATE provocation_sightings SET item_id = $3 WHERE id = $1 AND item_id = $2', [
    sightingId,
    from,
    to,
  ]);
  await moveGroupsAndLinks(tx, from, to);
  await tx.query('DELETE FROM provocation_items WHERE id = $1', [from]);
}

export async function countSightings(tx: Tx, itemId: string): Promise<number> {
  const row = await tx.one<{ n: number }>(
    'SELECT count(*)::int AS n FROM provocation_sightings WHERE item_id = $1',
    [itemId],
  );
  return row?.n ?? 0;
}

/** Adds groups (ignoring those already named); answers the ids that are not in the register. */
export async function addGroups(tx: Tx, itemId: string, groupIds: readonly string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const known = await tx.query<{ id: string }>('SELECT id FROM actor_groups WHERE id = ANY ($1::uuid[])', [
    groupIds,
  ]);
  const ids = new Set(known.map((g) => g.id));
  const missing = groupIds.filter((id) => !ids.has(id));
  if (missing.length > 0) return missing;
  await tx.query(
    `INSERT INTO provocation_item_groups (item_id, group_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [itemId, groupIds],
  );
  return [];
}

export async function linkReport(tx: Tx, itemId: string, reportId: string): Promise<void> {
  await tx.query(
    `INSERT INTO provocation_item_links (item_id, report_id) VALUES ($1, $2)
     ON CONFLICT (item_id, report_id) WHERE report_id IS NOT NULL DO NOTHING`,
    [itemId, reportId],
  );
}

export async function linkCase(tx: Tx, itemId: string, caseId: string): Promise<void> {
  await tx.query(
    `INSERT INTO provocation_item_links (item_id, case_id) VALUES ($1, $2)
     ON CONFLICT (item_id, case_id) WHERE case_id IS NOT NULL DO NOTHING`,
    [itemId, caseId],
  );
}

export async function listLinkedReports(tx: Tx, itemId: string) {
  const rows = await tx.query<{ id: string; kind: string; regionCode: string; createdAt: Date }>(
    `SELECT r.id, r.kind, r.region_code AS "regionCode", r.created_at AS "createdAt"
     FROM provocation_item_links l JOIN reports r ON r.id = l.report_id WHERE l.item_id = $1 ORDER BY r.created_at`,
    [itemId],
  );
  return rows.map((r) => ({ ...r, createdAt: toWibIso(r.createdAt) }));
}

export async function listLinkedCases(tx: Tx, itemId: string): Promise<{ id: string; title: string }[]> {
  return tx.query(
    `SELECT c.id, c.title FROM provocation_item_links l JOIN cases c ON c.id = l.case_id
     WHERE l.item_id = $1 ORDER BY c.created_at`,
    [itemId],
  );
}

/** Items a report is linked to (those the actor sees). */
export async function listItemsOfReport(tx: Tx, reportId: string): Promise<ItemRow[]> {
  return tx.query<ItemRow>(
    `${ITEM_SELECT} WHERE i.id IN (SELECT item_id FROM provocation_item_links WHERE report_id = $1)
     ORDER BY i.last_seen_at DESC`,
    [reportId],
  );
}

/** Kecamatan with their names and a point (the centre of their desa, when the geo table has one). */
export async function regionNames(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx.query<{ code: string; name: string }>(
    'SELECT code, name FROM regions WHERE code = ANY ($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function setAssessment(
  tx: Tx,
  id: string,
  row: { assessment: string; note: string; outcome: string; dueAt: Date | null; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE provocation_items SET assessment = $2, assessment_note = $3, outcome = $4, due_at = $5,
       taken_down_at = CASE WHEN $4 = 'diturunkan' THEN coalesce(taken_down_at, $6) ELSE taken_down_at END,
       version = version + 1, updated_at = $6
     WHERE id = $1`,
    [id, row.assessment, row.note, row.outcome, row.dueAt, row.now],
  );
}

/** Whether a group named by the item has an active rivalry, and whether a calendar event is near its regions. */
export async function deadlineContext(
  tx: Tx,
  groupIds: readonly string[],
  kabkotaCodes: readonly string[],
  now: Date,
  days: number,
): Promise<{ activeRivalry: boolean; eventNear: boolean }> {
  const row = await tx.one<{ activeRivalry: boolean; eventNear: boolean }>(
    `SELECT
       EXISTS (SELECT 1 FROM actor_group_rivalries r WHERE r.status = 'aktif'
         AND (r.group_a = ANY ($1::uuid[]) OR r.group_b = ANY ($1::uuid[]))) AS "activeRivalry",
       EXISTS (SELECT 1 FROM calendar_events e WHERE e.status = 'terjadwal'
         AND e.starts_at BETWEEN $3::timestamptz - interval '1 day' AND $3::timestamptz + make_interval(days => $4)
         AND (e.kabkota_code = ANY ($2::text[])
           OR EXISTS (SELECT 1 FROM unnest(e.route_region_codes) c WHERE left(c, 5) = ANY ($2::text[])))) AS "eventNear"`,
    [groupIds, kabkotaCodes, now, days],
  );
  return row ?? { activeRivalry: false, eventNear: false };
}

export async function reportVisible(tx: Tx, id: string): Promise<boolean> {
  return Boolean(await tx.one('SELECT id FROM reports WHERE id = $1', [id]));
}

export async function caseVisible(tx: Tx, id: string): Promise<boolean> {
  return Boolean(await tx.one('SELECT id FROM cases WHERE id = $1', [id]));
}
