// What the provocation watch tells the early-warning level model: which items spread in which kecamatan.
// Called by the level recompute and the backtest inside their own system transactions.
import type { Tx } from '../../platform/db.ts';
import { type ContentSightingRow, listContentSightings } from './spread-store.ts';

export type { ContentSightingRow };

/**
 * Per kecamatan, per item and per WIB day, the sightings of provocative items (not `bukan_masalah`) between
 * `from` and `to`, in the kab/kota listed (all when null). The caller runs as the system.
 */
export async function listSpreadingContentIn(
  tx: Tx,
  range: { from: Date; to: Date; kabkotaCodes: readonly string[] | null },
): Promise<ContentSightingRow[]> {
  return listContentSightings(tx, range);
}
