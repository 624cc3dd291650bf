// SQL of merging one provocation item into another: everything it holds moves, and it stays as a pointer.
import type { Tx } from '../../platform/db.ts';

/** The item an item was merged into, following a chain of merges; undefined when it was never merged. */
export async function findMergeTarget(tx: Tx, id: string): Promise<string | undefined> {
  const row = await tx.one<{ target: string | null }>(
    `WITH RECURSIVE chain (id, merged_into, depth) AS (
       SELECT id, merged_into, 0 FROM provocation_items WHERE id = $1
       UNION ALL
       SELECT i.id, i.merged_into, c.depth + 1 FROM provocation_items i JOIN chain c ON i.id = c.merged_into
       WHERE c.depth < 20
     )
     SELECT (SELECT id FROM chain WHERE merged_into IS NULL) AS target
     WHERE EXISTS (SELECT 1 FROM chain WHERE depth = 0 AND merged_into IS NOT NULL)`,
    [id],
  );
  return row?.target ?? undefined;
}

/** Whether an item was merged into another (such an item takes no new work). */
export async function isMerged(tx: Tx, id: string): Promise<boolean> {
  const row = await tx.one<{ merged: boolean }>(
    'SELECT merged_into IS NOT NULL AS merged FROM provocation_items WHERE id = $1',
    [id],
  );
  return row?.merged ?? false;
}

/** Moves the groups and links of item `from` to item `into` (those `into` has already stay once). */
export async function moveGroupsAndLinks(tx: Tx, from: string, into: string): Promise<void> {
  await tx.query(
    `INSERT INTO provocation_item_groups (item_id, group_id) SELECT $2, group_id FROM provocation_item_groups
     WHERE item_id = $1 ON CONFLICT DO NOTHING`,
    [from, into],
  );
  await tx.query(
    `INSERT INTO provocation_item_links (item_id, report_id, case_id) SELECT $2, report_id, case_id
     FROM provocation_item_links WHERE item_id = $1 ON CONFLICT DO NOTHING`,
    [from, into],
  );
  await tx.query('DELETE FROM provocation_item_groups WHERE item_id = $1', [from]);
  await tx.query('DELETE FROM provocation_item_links WHERE item_id = $1', [from]);
}

/**
 * Moves the sightings, groups, links, counter-messages and takedown requests of `from` to `into`, widens `into`
 * with `from`'s regions and times, takes `from`'s assessment when `into` has none, and leaves `from` empty,
 * pointing at `into`. Answers how many sightings moved.
 */
export async function mergeItems(tx: Tx, from: string, into: string, now: Date): Promise<number> {
  const moved = await tx.query<{ id: string }>(
    'UPDATE provocation_sightings SET item_id = $2 WHERE item_id = $1 RETURNING id',
    [from, into],
  );
  await moveGroupsAndLinks(tx, from, into);
  await tx.query('UPDATE provocation_counter_messages SET item_id = $2 WHERE item_id = $1', [from, into]);
  await tx.query('UPDATE provocation_takedowns SET item_id = $2 WHERE item_id = $1', [from, into]);
  await tx.query(
    `UPDATE provocation_items t SET
       region_codes = ARRAY(SELECT DISTINCT unnest(t.region_codes || f.region_codes) ORDER BY 1),
       kabkota_codes = ARRAY(SELECT DISTINCT unnest(t.kabkota_codes || f.kabkota_codes) ORDER BY 1),
       first_seen_at = least(t.first_seen_at, f.first_seen_at), last_seen_at = greatest(t.last_seen_at, f.last_seen_at),
       assessment = coalesce(t.assessment, f.assessment),
       assessment_note = CASE WHEN t.assessment IS NULL THEN f.assessment_note ELSE t.assessment_note END,
       due_at = CASE WHEN t.assessment IS NULL THEN f.due_at ELSE t.due_at END,
       counter_approved_at = least(t.counter_approved_at, f.counter_approved_at),
       taken_down_at = least(t.taken_down_at, f.taken_down_at),
       version = t.version + 1, updated_at = $3
     FROM provocation_items f WHERE t.id = $2 AND f.id = $1`,
    [from, into, now],
  );
  await tx.query(
    `UPDATE provocation_items SET merged_into = $2, merged_at = $3, due_at = NULL, version = version + 1,
       updated_at = $3 WHERE id = $1`,
    [from, into, now],
  );
  return moved.length;
}
