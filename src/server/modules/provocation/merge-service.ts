// Merging two items of the provocation watch: staff join an item the matching missed into the one it repeats.
import type { ItemDetail } from '../../../shared/provocation/provocation-schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import * as merges from './merge-store.ts';
import { auditItem, itemView, type ProvocationDeps, requireItem } from './provocation-service.ts';

/**
 * Merges item `fromId` into `intoId`: its sightings (whoever recorded them), groups, links, counter-messages and
 * takedown requests move, the item it joins widens to its regions and times (and takes its assessment when it
 * had none), and `fromId` stays as a pointer so its address leads to `intoId`. Both must be visible to the asker
 * (404 otherwise). Repeating a merge already done answers the joined item again; merging an item already
 * merged elsewhere is a conflict.
 */
export async function mergeItem(
  deps: ProvocationDeps,
  principal: Principal,
  fromId: string,
  intoId: string,
): Promise<ItemDetail> {
  authorize(principal, 'provocation.merge', 'Peran Anda tidak menggabungkan konten');
  if (fromId === intoId) {
    throw new DomainError('validation_failed', 'Konten tidak dapat digabungkan ke dirinya sendiri');
  }
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    // Lock both in one order, so two merges of the same pair cannot wait on each other.
    for (const id of [fromId, intoId].sort()) await requireItem(tx, id, true);
    const done = await merges.findMergeTarget(tx, fromId);
    if (done === intoId) return itemView(tx, principal, await requireItem(tx, intoId));
    if (done) throw new DomainError('conflict', 'Konten ini sudah digabungkan ke konten lain');
    if (await merges.isMerged(tx, intoId)) {
      throw new DomainError(
        'conflict',
        'Konten tujuan sudah digabungkan ke konten lain; pilih konten tujuannya',
      );
    }
    const moved = await merges.mergeItems(tx, fromId, intoId, now);
    await auditItem(tx, principal, 'provocation.items_merged', intoId, {
      from: fromId,
      sightingsMoved: moved,
    });
    return itemView(tx, principal, await requireItem(tx, intoId));
  });
}
