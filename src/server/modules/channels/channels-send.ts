// What other modules hand to the channels to send: a text to a phone on WhatsApp or SMS, through the outbox
// (sent after the commit by the `channel-outbox` job, with its retries and delivery log).
import type { MessageChannel } from '../../../shared/channels/channel-schema.ts';
import type { Tx } from '../../platform/db.ts';
import * as store from './channels-store.ts';

export { kickOutbox } from './channels-outbox.ts';

/**
 * Queues `body` to `recipient` in the transaction `tx` (owner rights), once per `eventKey`; answers the outbox
 * row's id.
 */
export function queueOutbound(
  tx: Tx,
  item: { channel: MessageChannel; recipient: string; body: string; eventKey: string },
): Promise<string> {
  return store.enqueueOnce(tx, item);
}
