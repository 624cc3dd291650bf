// SQL of a new WhatsApp or SMS text kept with the report it files, in that report's transaction (decision 0046):
// whether its number allows it, and the call that keeps it with the COMMIT.
import type { MessageChannel } from '../../../shared/channels/channel-schema.ts';
import type { Tx } from '../../platform/db.ts';

/** A new text's place in the hour and the half hour of its number: when the caller may take it in at once. */
export type TakeInWindow = { joinSince: Date; hourAgo: Date; perHour: number };

/**
 * True when a message may be kept with the report it files, in one transaction (`messageReportedAtCommit`): its
 * number is nobody's (no active user or pillar has it), under its hourly limit, with no open draft, and its provider
 * id is new. One read, no lock (run it through `singleStatements`): the function the commit calls checks it again.
 */
export async function isFreshNumber(
  tx: Tx,
  channel: MessageChannel,
  sender: string,
  providerId: string,
  window: TakeInWindow,
): Promise<boolean> {
  const row = await tx.one<{ fresh: boolean }>(
    `SELECT NOT (
       EXISTS (SELECT 1 FROM users u WHERE u.phone = $2 AND u.is_active)
       OR EXISTS (SELECT 1 FROM pillars p WHERE p.phone = $2 AND p.status = 'aktif')
       OR EXISTS (SELECT 1 FROM channel_messages WHERE channel = $1 AND provider_id = $3)
       OR EXISTS (SELECT 1 FROM channel_messages WHERE channel = $1 AND sender = $2 AND received_at >= $4
                    AND lead_id IS NULL AND status IN ('menunggu', 'dilaporkan'))
       OR (SELECT count(*) FROM channel_messages WHERE channel = $1 AND sender = $2 AND received_at >= $5) >= $6::int
     ) AS fresh`,
    [channel, sender, providerId, window.joinSince, window.hourAgo, window.perHour],
  );
  return row?.fresh === true;
}

/** A new text kept with its report: the message's own id (its report's id derives from it) and what it said. */
export type ReportedMessage = {
  id: string;
  channel: MessageChannel;
  providerId: string;
  sender: string;
  body: string;
  receivedAt: Date;
  reportId: string;
  reading: unknown;
};

/**
 * Keeps a new text as reported, with its audit entry and its receipt, with the COMMIT of the transaction that filed
 * its report as the channel's own reporter (migrations/0038: the function checks that this transaction inserted
 * that message's report as that reporter, that the number is nobody's, under its limit and without an open draft,
 * and raises otherwise, rolling the report back with it).
 */
export function messageReportedAtCommit(
  tx: Tx,
  message: ReportedMessage,
  window: TakeInWindow,
  receipt: string,
): void {
  tx.atCommit(
    'SELECT sigap_channel_message_reported($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)',
    [
      message.id,
      message.channel,
      message.providerId,
      message.sender,
      message.body,
      message.receivedAt,
      window.joinSince,
      window.hourAgo,
      window.perHour,
      message.reportId,
      JSON.stringify(message.reading),
      receipt,
    ],
  );
}
