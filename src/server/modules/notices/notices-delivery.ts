// Sending the notices the commits queued, outside any request's transaction: the `notice-delivery` job takes
// one due notice at a time (SKIP LOCKED), holds it back in the recipient's quiet hours unless it is urgent, hands
// WhatsApp and SMS to the channels' outbox and sends e-mail by SMTP, retrying failed attempts with a growing wait.
import nodemailer from 'nodemailer';
import { noticeText } from '../../../shared/notices/notice-texts.ts';
import { quietHoursEnd } from '../../../shared/notices/notices.ts';
import type { Clock } from '../../platform/clock.ts';
import type { NoticesConfig } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { DELIVERY_ATTEMPTS } from '../../platform/delivery-queue.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { kickOutbox, queueOutbound } from '../channels/channels-send.ts';
import * as store from './notices-store.ts';

export const NOTICES_QUEUE = 'notice-delivery';

/** Sends one e-mail; answers the server's message id, throws on failure. */
export type Mailer = { send(to: string, subject: string, text: string): Promise<string | null> };

/** E-mail through the configured SMTP server (nodemailer), or none: e-mail notices then fail as `tanpa smtp`. */
export function smtpMailer(smtp: NoticesConfig['smtp']): Mailer | undefined {
  if (!smtp) return undefined;
  const transport = nodemailer.createTransport(smtp.url, { from: smtp.from });
  return {
    async send(to, subject, text) {
      const info = await transport.sendMail({ to, subject, text });
      return typeof info.messageId === 'string' ? info.messageId : null;
    },
  };
}

export type NoticeDeliveryDeps = {
  db: Database;
  clock: Clock;
  config: NoticesConfig;
  mailer?: Mailer;
  jobs?: Jobs;
};

/** Why an attempt failed, without the address or the text: an SMTP reply code or an error class. */
function reasonOf(error: unknown): string {
  const code = (error as { responseCode?: unknown })?.responseCode;
  if (typeof code === 'number') return `smtp ${code}`;
  return error instanceof Error ? error.name : 'error';
}

/**
 * Sends what is due, a batch at a time; answers how many went out (to the outbox or by e-mail), how many were
 * held back for quiet hours, and how many failed.
 */
export async function deliverNotices(
  deps: NoticeDeliveryDeps,
  limit = 100,
): Promise<{ sent: number; held: number; failed: number }> {
  const mailer = deps.mailer ?? smtpMailer(deps.config.smtp);
  let sent = 0;
  let held = 0;
  let failed = 0;
  let forwarded = false;
  for (let i = 0; i < limit; i++) {
    const now = deps.clock.now();
    const due = await deps.db.asSystem((tx) => store.takeDue(tx, now, DELIVERY_ATTEMPTS));
    if (!due) break;
    const quietEnd =
      due.isUrgent || due.quietFrom === null || due.quietUntil === null
        ? undefined
        : quietHoursEnd(now, due.quietFrom, due.quietUntil);
    if (quietEnd) {
      await deps.db.asSystem((tx) => store.holdUntil(tx, due.id, quietEnd));
      held++;
      continue;
    }
    const text = noticeText(due, due.language, deps.config.baseUrl);
    const address = due.channel === 'email' ? due.email : due.phone;
    if (!address) {
      // The user removed the address since opting in: nothing to send to.
      await deps.db.asSystem((tx) => store.giveUp(tx, due.id, 'tanpa alamat', now));
      failed++;
      continue;
    }
    try {
      if (due.channel === 'email') {
        if (!mailer) throw Object.assign(new Error('tanpa smtp'), { name: 'tanpa smtp' });
        const subject = text.split(/(?<=\.)\s/)[0] ?? text;
        const providerId = await mailer.send(address, subject, text);
        await deps.db.asSystem((tx) => store.markSent(tx, due.id, providerId, deps.clock.now()));
      } else {
        const channel = due.channel;
        await deps.db.asSystem(async (tx) => {
          const outboxId = await queueOutbound(tx, {
            channel,
            recipient: address,
            body: text,
            eventKey: `notice:${due.id}`,
          });
          await store.markForwarded(tx, due.id, outboxId);
        });
        forwarded = true;
      }
      sent++;
    } catch (error) {
      const reason = reasonOf(error);
      await deps.db.asSystem((tx) => store.markFailed(tx, due, reason, deps.clock.now()));
      failed++;
    }
  }
  if (forwarded) kickOutbox(deps.jobs);
  return { sent, held, failed };
}

/** Registers the delivery worker, run every minute (and whenever asked). */
export async function startNoticeJobs(jobs: Jobs, deps: Omit<NoticeDeliveryDeps, 'jobs'>): Promise<void> {
  const mailer = deps.mailer ?? smtpMailer(deps.config.smtp);
  await jobs.work(NOTICES_QUEUE, async () => {
    await deliverNotices({ ...deps, mailer, jobs });
  });
  await jobs.schedule(NOTICES_QUEUE, '* * * * *');
}
