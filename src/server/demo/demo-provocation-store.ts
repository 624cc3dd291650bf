// SQL of the demo's provocation items (run as the system while the demo loads).
import type { Tx } from '../platform/db.ts';

export async function insertProvocationItem(
  tx: Tx,
  item: {
    title: string;
    platform: string;
    assessment: string | null;
    groupIds: string[];
    dueAt: Date | null;
    createdBy: string;
    sightings: {
      id: string;
      seenAt: Date;
      regionCode: string;
      text: string;
      platform: string;
      links: string[];
      linkKeys: string[];
      textKey: string;
    }[];
    now: Date;
  },
): Promise<void> {
  const codes = [...new Set(item.sightings.map((s) => s.regionCode))].sort();
  const times = item.sightings.map((s) => s.seenAt.getTime());
  const itemId = await tx.insertReturningId(
    `INSERT INTO provocation_items (title, platform, assessment, region_codes, kabkota_codes, first_seen_at,
       last_seen_at, due_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, ARRAY(SELECT DISTINCT left(c, 5) FROM unnest($4::text[]) c), $5, $6, $7, $8, $9, $9)
     RETURNING id`,
    [
      item.title,
      item.platform,
      item.assessment,
      codes,
      new Date(Math.min(...times)),
      new Date(Math.max(...times)),
      item.dueAt,
      item.createdBy,
      item.now,
    ],
  );
  for (const [n, s] of item.sightings.entries()) {
    await tx.query(
      `INSERT INTO provocation_sightings (id, item_id, platform, links, link_keys, text_seen, text_key, seen_at,
         region_codes, kabkota_codes, request_hash, merged, reported_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ARRAY[$9], ARRAY[left($9, 5)], 'demo', $10, $11, $12)`,
      [
        s.id,
        itemId,
        s.platform,
        s.links,
        s.linkKeys,
        s.text,
        s.textKey,
        s.seenAt,
        s.regionCode,
        n > 0,
        item.createdBy,
        item.now,
      ],
    );
  }
  if (item.groupIds.length > 0) {
    await tx.query('INSERT INTO provocation_item_groups (item_id, group_id) SELECT $1, unnest($2::uuid[])', [
      itemId,
      item.groupIds,
    ]);
  }
}
