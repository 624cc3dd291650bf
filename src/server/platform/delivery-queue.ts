// The end of a delivery queue row's life, one statement each for the queues that send something out: channels'
// outbox (channel_outbox) and the notices to users (notices). A row waits as antre; it ends terkirim with the
// provider's id, or after a failed attempt waits again until its next attempt, or is given up as gagal; the last
// error is kept. Each table's owning store calls these for its own table (docs/ARCHITECTURE.md, table owners).
import type { Tx } from './db.ts';

/** The attempts a delivery gets: tried again 1, 2, 4, 8 and 16 minutes after each failure, given up after the sixth. */
export const DELIVERY_ATTEMPTS = 6;

export type DeliveryQueueTable = 'channel_outbox' | 'notices';

export type DeliveryQueue = {
  /** Records a row as sent (terkirim) at `at`, with the provider's id when it gave one. */
  markSent(tx: Tx, id: string, providerId: string | null, at: Date): Promise<void>;
  /**
   * Records the failed attempt of a row taken with its `attempts` (this one counted), at `now`: tried again
   * 1, 2, 4, 8 or 16 minutes later, or given up (gagal) after the last of DELIVERY_ATTEMPTS.
   */
  markFailed(tx: Tx, row: { id: string; attempts: number }, error: string, now: Date): Promise<void>;
  /** Gives a row up (gagal) at `now` without another attempt: there is nothing to try again. */
  giveUp(tx: Tx, id: string, error: string, now: Date): Promise<void>;
};

export function deliveryQueue(table: DeliveryQueueTable): DeliveryQueue {
  const sent = `UPDATE ${table} SET status = 'terkirim', provider_id = $2, sent_at = $3, last_error = NULL WHERE id = $1`;
  const failed = `UPDATE ${table} SET last_error = $2, next_attempt_at = $3,
       status = CASE WHEN $4::boolean THEN 'gagal' ELSE 'antre' END WHERE id = $1`;
  return {
    async markSent(tx, id, providerId, at) {
      await tx.query(sent, [id, providerId, at]);
    },
    async markFailed(tx, row, error, now) {
      const retryAt = new Date(now.getTime() + 60_000 * 2 ** (row.attempts - 1));
      await tx.query(failed, [row.id, error, retryAt, row.attempts >= DELIVERY_ATTEMPTS]);
    },
    async giveUp(tx, id, error, now) {
      await tx.query(failed, [id, error, now, true]);
    },
  };
}
