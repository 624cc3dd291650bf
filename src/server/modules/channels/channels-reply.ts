// Answering the sender of a WhatsApp or SMS report from the report page: through the outbox (sent after the
// commit, with retries and a delivery log), audited without the number or the text.
import type { ReplyInput, ReplyResult } from '../../../shared/channels/reply-schema.ts';
import { REPLY_TEMPLATES } from '../../../shared/channels/reply-templates.ts';
import { appendAudit } from '../../platform/audit.ts';
import { foundAs } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { kickOutbox } from './channels-outbox.ts';
import type { ChannelDeps } from './channels-service.ts';
import * as store from './channels-store.ts';

/**
 * Queues a reply to the sender of report `reportId` on the channel it came from. Only roles that handle reports
 * may; a report the principal cannot see, or one that did not come from a channel, is not found.
 */
export async function replyToSender(
  deps: ChannelDeps,
  principal: Principal,
  reportId: string,
  input: ReplyInput,
): Promise<ReplyResult> {
  authorize(principal, 'channel.reply', 'Peran Anda tidak dapat membalas pengirim');
  const lead = await foundAs(
    deps,
    principal,
    async (tx) => (await store.listOfReport(tx, reportId))[0],
    'Laporan ini tidak berasal dari WhatsApp atau SMS',
  );
  const text = input.template ? REPLY_TEMPLATES[input.template] : (input.text as string);
  const isNew = await deps.db.asSystem(async (tx) => {
    const queued = await store.enqueue(tx, {
      channel: lead.channel,
      recipient: lead.sender,
      body: text,
      eventKey: `reply:${input.requestId}`,
      messageId: lead.id,
    });
    if (queued) {
      await appendAudit(
        tx,
        principal,
        'channel.replied',
        { type: 'report', id: reportId },
        { messageId: lead.id, channel: lead.channel, template: input.template ?? null, length: text.length },
      );
    }
    return queued;
  });
  kickOutbox(deps.jobs?.());
  return { channel: lead.channel, text, isNew };
}
