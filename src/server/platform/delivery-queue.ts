// The end of a delivery queue row's life, one statement each for the queues that send something out: channels'
// outbox (channel_outbox) and the notices to users (notices). A row waits as antre; it ends terkirim with the
// provider's id, or after a failed attempt waits again until its next attempt, or is given up as gagal; the last
// error is kept. Each table's owning store calls these for its own table (docs/ARCHITECTURE.md, table owners).
import type { Tx } from './db.ts';

export type DeliveryQueueTable = 'channel_outbox' | 'notices';

export type DeliveryQueue = {
  /** Records a row as sent (terkirim) at `at`, with the provider's id when it gave one. */
  markSent(tx: Tx, id: string, providerId: string | null, at: Date): Promise<void>;
  /** Records a failed attempt: tried again after `retryAt`, or given up (gagal) when `giveUp`. */
  markFailed(tx: Tx, id: string, error: string, retryAt: Date, giveUp: boolean): Promise<void>;
};

export function deliveryQueue(table: DeliveryQueueTable): DeliveryQueue {
  const sent = `UPDATE ${table} SET status = 'terkirim', provider_id = $2, sent_at = $3, last_error = NULL WHERE id = $1`;
  const failed = `UPDATE ${table} SET last_error = $2, next_attempt_at = $3,
       status = CASE WHEN $4::boolean THEN 'gagal' ELSE 'antre' END WHERE id = $1`;
  return {
    async markSent(tx, id, providerId, at) {
      await tx.query(sent, [id, providerId, at]);
    },
    async markFailed(tx, id, error, retryAt, giveUp) {
      await tx.query(failed, [id, error, retryAt, giveUp]);
    },
  };
}
