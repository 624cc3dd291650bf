import type { Tx } from './db.ts';

/**
 * One keyset page of ids: the ids of `from` (a table, with an alias if `where` uses one) that meet `where`,
 * after `afterId` (null for the first page), at most `limit`, in id order. `where` reads its values as
 * $1, $2… from `params`; the cursor and the limit take the next two places.
 *
 *   listIdsAfter(tx, { from: 'alerts', where: "status = 'aktif' AND due_acknowledge_at < $1", params: [now] }, …)
 */
export async function listIdsAfter(
  tx: Tx,
  page: { from: string; where: string; params: readonly unknown[] },
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const after = `$${page.params.length + 1}`;
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM ${page.from}
      WHERE ${page.where} AND (${after}::uuid IS NULL OR id > ${after}::uuid)
      ORDER BY id LIMIT $${page.params.length + 2}`,
    [...page.params, afterId, limit],
  );
  return rows.map((row) => row.id);
}

/**
 * The keyset pages of the ids of `from` that are due by `where` at the moment asked about (its $1), in the
 * shape the escalation walk lists them: `listDueIds('alerts', DUE)(tx, now, afterId, limit)`.
 */
export function listDueIds(
  from: string,
  where: string,
): (tx: Tx, now: Date, afterId: string | null, limit: number) => Promise<string[]> {
  return (tx, now, afterId, limit) => listIdsAfter(tx, { from, where, params: [now] }, afterId, limit);
}
