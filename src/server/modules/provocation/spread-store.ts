// SQL of the provocation watch read by the early-warning level model: where items were seen, per kecamatan.
import type { Tx } from '../../platform/db.ts';

/** One item seen in one kecamatan on one WIB day: the latest sighting that day, and what the model needs. */
export type ContentSightingRow = {
  kecamatanCode: string;
  itemId: string;
  day: string;
  lastSeenAt: Date;
  takenDownAt: Date | null;
  /** Short names of the register's groups the item names. */
  groups: string[];
};

/**
 * Sightings between `from` and `to` of items that count as provocative (assessed as a problem or not yet
 * assessed; `bukan_masalah` never counts), grouped per kecamatan, item and WIB day. Runs as the system: the
 * level model sees every region.
 */
export async function listContentSightings(
  tx: Tx,
  range: { from: Date; to: Date; kabkotaCodes: readonly string[] | null },
): Promise<ContentSightingRow[]> {
  return tx.query<ContentSightingRow>(
    `SELECT left(c, 8) AS "kecamatanCode", i.id::text AS "itemId",
       to_char((s.seen_at AT TIME ZONE 'Asia/Jakarta')::date, 'YYYY-MM-DD') AS day,
       max(s.seen_at) AS "lastSeenAt", i.taken_down_at AS "takenDownAt",
       coalesce(array(SELECT g.short_name FROM provocation_item_groups ig JOIN actor_groups g ON g.id = ig.group_id
                      WHERE ig.item_id = i.id ORDER BY g.short_name), '{}') AS groups
     FROM provocation_sightings s
     JOIN provocation_items i ON i.id = s.item_id
     CROSS JOIN LATERAL unnest(s.region_codes) AS c
     WHERE s.seen_at > $1 AND s.seen_at <= $2 AND length(c) >= 8
       AND ($3::text[] IS NULL OR left(c, 5) = ANY ($3::text[]))
       AND (i.assessment IS NULL OR i.assessment <> 'bukan_masalah')
     GROUP BY 1, i.id, 3, i.taken_down_at`,
    [range.from, range.to, range.kabkotaCodes],
  );
}
