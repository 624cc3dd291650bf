// Sending what the outbox holds: replies (and later notices) on WhatsApp or SMS, outside any request's
// transaction, by the `channel-outbox` job after the commit that queued them. A failed attempt stays queued
// and is tried again on the next run, up to DELIVERY_ATTEMPTS. Providers sit behind one small interface.
import type { MessageChannel } from '../../../shared/channels/channel-schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ChannelsConfig } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { DELIVERY_ATTEMPTS } from '../../platform/delivery-queue.ts';
import type { Jobs } from '../../platform/jobs.ts';
import * as store from './channels-store.ts';

export const OUTBOX_QUEUE = 'channel-outbox';
const SEND_TIMEOUT_MS = 10_000;

/** Sends one text to one phone; answers the provider's message id, throws on failure (no personal data). */
export type Provider = { send(to: string, text: string): Promise<string | null> };

export class SendFailed extends Error {}

/** WhatsApp Cloud API: POST <base>/<phone-number-id>/messages with the access token. */
export function whatsAppProvider(
  send: NonNullable<NonNullable<ChannelsConfig['whatsapp']>['send']>,
): Provider {
  return {
    async send(to, text) {
      const response = await post(`${send.baseUrl}/${send.phoneNumberId}/messages`, {
        headers: { authorization: `Bearer ${send.accessToken}` },
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: to.replace(/^\+/, ''),
          type: 'text',
          text: { preview_url: false, body: text },
        },
      });
      const id = (response as { messages?: { id?: unknown }[] } | undefined)?.messages?.[0]?.id;
      return typeof id === 'string' ? id : null;
    },
  };
}

/** The generic SMS gateway: POST <SMS_SEND_URL> {to, text} with the shared secret in x-sigap-secret. */
export function smsProvider(sendUrl: string, secret: string): Provider {
  return {
    async send(to, text) {
      const response = await post(sendUrl, { headers: { 'x-sigap-secret': secret }, body: { to, text } });
      const id = (response as { id?: unknown } | undefined)?.id;
      return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
    },
  };
}

/** Development without a provider: the send is only recorded in the outbox (status terkirim, id `log:`). */
export const logProvider: Provider = {
  async send() {
    return `log:${Date.now().toString(36)}`;
  },
};

async function post(
  url: string,
  input: { headers: Record<string, string>; body: unknown },
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...input.headers },
      body: JSON.stringify(input.body),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SendFailed(error instanceof Error ? error.name : 'network');
  }
  if (!response.ok) throw new SendFailed(`http ${response.status}`);
  return response.json().catch(() => undefined);
}

/** The provider of each channel under this configuration. */
export function providersFor(config: ChannelsConfig): Record<MessageChannel, Provider> {
  return {
    whatsapp: config.whatsapp?.send ? whatsAppProvider(config.whatsapp.send) : logProvider,
    sms: config.sms?.sendUrl ? smsProvider(config.sms.sendUrl, config.sms.secret) : logProvider,
  };
}

export type OutboxDeps = { db: Database; clock: Clock; config: ChannelsConfig };

/**
 * Sends what is queued, a batch at a time; answers how many were sent and how many failed this run. Rows are
 * taken with SKIP LOCKED, so several instances never send the same one.
 */
export async function drainOutbox(deps: OutboxDeps, limit = 50): Promise<{ sent: number; failed: number }> {
  const providers = providersFor(deps.config);
  let sent = 0;
  let failed = 0;
  // The send happens between two short transactions, never inside one: a slow provider holds no connection.
  for (let i = 0; i < limit; i++) {
    const now = deps.clock.now();
    const row = await deps.db.asSystem((tx) => store.takeDue(tx, now, DELIVERY_ATTEMPTS));
    if (!row) break;
    try {
      const providerId = await providers[row.channel].send(row.recipient, row.body);
      await deps.db.asSystem((tx) => store.markSent(tx, row.id, providerId, deps.clock.now()));
      sent++;
    } catch (error) {
      const reason = error instanceof SendFailed ? error.message : 'error';
      await deps.db.asSystem((tx) => store.markFailed(tx, row, reason, deps.clock.now()));
      failed++;
    }
  }
  return { sent, failed };
}

/** Asks the job runner to drain the outbox soon; without jobs (tests, SIGAP_JOBS=false) nothing is sent. */
export function kickOutbox(jobs: Jobs | undefined): void {
  jobs?.send(OUTBOX_QUEUE, {}, { singletonKey: OUTBOX_QUEUE, singletonSeconds: 2 }).catch(() => undefined);
}

/** Registers the outbox worker and a minute-by-minute catch-up (failed attempts are retried there). */
export async function startOutboxJobs(jobs: Jobs, deps: OutboxDeps): Promise<void> {
  await jobs.work(OUTBOX_QUEUE, async () => {
    await drainOutbox(deps);
  });
  await jobs.schedule(OUTBOX_QUEUE, '* * * * *');
}

/** Fetches a WhatsApp photo: GET <base>/<media-id> names its URL, which is then read with the same token. */
export function whatsAppMediaFetcher(
  send: NonNullable<NonNullable<ChannelsConfig['whatsapp']>['send']>,
): (mediaId: string) => Promise<Buffer> {
  const headers = { authorization: `Bearer ${send.accessToken}` };
  return async (mediaId) => {
    const meta = await fetch(`${send.baseUrl}/${encodeURIComponent(mediaId)}`, {
      headers,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (!meta.ok) throw new SendFailed(`media http ${meta.status}`);
    const { url } = (await meta.json()) as { url?: unknown };
    if (typeof url !== 'string') throw new SendFailed('media without url');
    const file = await fetch(url, { headers, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
    if (!file.ok) throw new SendFailed(`media http ${file.status}`);
    return Buffer.from(await file.arrayBuffer());
  };
}
