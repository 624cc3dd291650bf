import { createHmac, randomBytes } from 'node:crypto';
import type { CreatedWebhook, Webhook } from '../../../shared/early-warning/early-warning-replies.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { postGuarded, requirePublicTarget } from '../../platform/outbound.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import * as store from './webhooks-store.ts';

/** The pg-boss queue that carries webhook deliveries. */
export const WEBHOOK_QUEUE = 'webhook-delivery';

/** The header that carries `sha256=<hex HMAC-SHA256 of the raw body under the webhook's secret>`. */
export const SIGNATURE_HEADER = 'x-sigap-signature';

/** How a failed delivery is retried: after base, 2×base, 4×base … seconds, at most maxAttempts in all. */
export type WebhookRetry = { baseSeconds: number; maxAttempts: number };

/** Retries after 30 s, 1, 2, 4, 8, 16 and 32 min: eight attempts over about an hour. */
export const DEFAULT_RETRY: WebhookRetry = { baseSeconds: 30, maxAttempts: 8 };

/** How long one attempt may take before it counts as failed. */
const ATTEMPT_TIMEOUT_MS = 10_000;

/** The signature of a body under a secret, as the header carries it. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Seconds to wait before attempt `next` (2, 3, …): base × 2^(next − 2). */
export function retryDelaySeconds(next: number, retry: WebhookRetry): number {
  return retry.baseSeconds * 2 ** Math.max(0, next - 2);
}

function toView(w: store.WebhookRecord): Webhook {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    regionCodes: w.regionCodes,
    isActive: w.isActive,
    secretHint: `…${w.secret.slice(-4)}`,
    createdAt: toWibIso(w.createdAt),
    updatedAt: toWibIso(w.updatedAt),
  };
}

export type WebhookDeps = {
  db: Database;
  clock: Clock;
  /** WEBHOOK_ALLOW_PRIVATE: targets on loopback, private and link-local addresses are allowed. */
  allowPrivateTargets?: boolean;
};

export async function listWebhooks(deps: WebhookDeps, principal: Principal): Promise<Webhook[]> {
  authorize(principal, 'webhook.manage');
  return (await deps.db.asSystem((tx) => store.listWebhooks(tx))).map(toView);
}

/** Adds a webhook (admin). Without a secret one is generated and returned this once. */
export async function createWebhook(
  deps: WebhookDeps,
  principal: Principal,
  input: { url: string; secret?: string; description: string; regionCodes: string[]; isActive: boolean },
): Promise<CreatedWebhook> {
  authorize(principal, 'webhook.manage');
  await requirePublicTarget(input.url, { allowPrivate: deps.allowPrivateTargets === true });
  const generated = input.secret ? undefined : randomBytes(24).toString('base64url');
  const secret = input.secret ?? (generated as string);
  const now = deps.clock.now();
  const view = await deps.db.asSystem(async (tx) => {
    const id = await store.insertWebhook(tx, { ...input, secret, createdBy: principal.user.id, now });
    await appendAudit(tx, principal, 'webhook.created', id, { isActive: input.isActive });
    return toView((await store.findWebhook(tx, id))!);
  });
  return generated ? { ...view, secret: generated } : view;
}

/** Changes a webhook (admin): address, secret, regions, on/off. */
export async function updateWebhook(
  deps: WebhookDeps,
  principal: Principal,
  id: string,
  change: { url?: string; secret?: string; description?: string; regionCodes?: string[]; isActive?: boolean },
): Promise<Webhook> {
  authorize(principal, 'webhook.manage');
  if (change.url) await requirePublicTarget(change.url, { allowPrivate: deps.allowPrivateTargets === true });
  const now = deps.clock.now();
  return deps.db.asSystem(async (tx) => {
    if (!(await store.updateWebhook(tx, id, { ...change, now })))
      throw new DomainError('not_found', 'Webhook tidak ditemukan');
    await appendAudit(tx, principal, 'webhook.updated', id, {
      fields: Object.keys(change).filter((key) => key !== 'secret' || change.secret !== undefined),
    });
    return toView((await store.findWebhook(tx, id))!);
  });
}

/** A webhook's delivery log, newest first (admin). */
export async function listDeliveries(deps: WebhookDeps, principal: Principal, id: string, limit: number) {
  authorize(principal, 'webhook.manage');
  return deps.db.asSystem(async (tx) => {
    foundOr(await store.findWebhook(tx, id), 'Webhook tidak ditemukan');
    const rows = await store.listDeliveries(tx, id, limit);
    return rows.map((d) => ({
      ...d,
      createdAt: toWibIso(d.createdAt),
      deliveredAt: toWibIsoOrNull(d.deliveredAt),
      log: d.log.map((entry) => ({ ...entry, at: toWibIso(new Date(entry.at)) })),
    }));
  });
}

/**
 * Records one delivery per matching active webhook for an alert event, in the caller's transaction. The body
 * is fixed now, so every retry sends (and signs) the same bytes. Returns the delivery ids to queue after commit.
 */
export async function recordDeliveries(
  tx: Tx,
  alert: { id: string },
  event: string,
  body: string,
  now: Date,
): Promise<string[]> {
  return store.insertDeliveries(tx, { alertId: alert.id, event, body, now });
}

/**
 * Queues recorded deliveries on pg-boss. Call after the transaction that recorded them has committed.
 * Without jobs (SIGAP_JOBS=false) they wait; sweepDeliveries queues them when jobs run again.
 */
export async function queueDeliveries(
  db: Database,
  jobs: Jobs | undefined,
  ids: readonly string[],
): Promise<void> {
  if (!jobs) return;
  for (const id of ids) {
    const jobId = await jobs.send(WEBHOOK_QUEUE, { deliveryId: id, attempt: 1 });
    await db.asSystem((tx) => store.markQueued(tx, id, jobId));
  }
}

/** Queues deliveries that were recorded but never queued; returns how many. */
export async function sweepDeliveries(db: Database, jobs: Jobs): Promise<number> {
  const ids = await db.asSystem((tx) => store.listUnqueuedDeliveryIds(tx, 500));
  await queueDeliveries(db, jobs, ids);
  return ids.length;
}

export type DeliveryJob = { deliveryId: string; attempt: number };

/**
 * Makes one attempt at a delivery: POSTs the body with its signature and records the outcome in the delivery
 * log. On failure it queues the next attempt with a doubling delay, up to retry.maxAttempts, then marks the
 * delivery failed. A delivery already sent (a job run twice) is left alone.
 */
export async function attemptDelivery(
  db: Database,
  jobs: Jobs,
  job: DeliveryJob,
  options: { clock: Clock; retry: WebhookRetry; allowPrivate?: boolean },
): Promise<'terkirim' | 'menunggu' | 'gagal' | 'skipped'> {
  const delivery = await db.asSystem((tx) => store.lockDelivery(tx, job.deliveryId));
  if (delivery?.status !== 'menunggu' || delivery.attempts >= job.attempt) return 'skipped';
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  if (!delivery.isActive) {
    error = 'webhook dinonaktifkan';
  } else {
    try {
      // Checked again on the address connected to: the name may resolve elsewhere now (DNS rebinding).
      // Redirects are not followed.
      statusCode = await postGuarded(delivery.url, {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [SIGNATURE_HEADER]: signBody(delivery.secret, delivery.body),
          'x-sigap-event': delivery.event,
          'x-sigap-delivery': delivery.id,
          'user-agent': 'Sigap-Webhook/1',
        },
        body: delivery.body,
        timeoutMs: ATTEMPT_TIMEOUT_MS,
        allowPrivate: options.allowPrivate === true,
      });
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (failure) {
      error = failure instanceof Error ? failure.message.slice(0, 300) : String(failure);
    }
  }
  const isLast = job.attempt >= options.retry.maxAttempts || !delivery.isActive;
  const outcome = error === null ? 'terkirim' : isLast ? 'gagal' : 'menunggu';
  await db.asSystem((tx) =>
    store.recordAttempt(tx, {
      deliveryId: delivery.id,
      attempt: job.attempt,
      statusCode,
      error,
      durationMs: Math.round(performance.now() - started),
      now: options.clock.now(),
      outcome,
    }),
  );
  if (outcome === 'menunggu') {
    const next = job.attempt + 1;
    await jobs.send(
      WEBHOOK_QUEUE,
      { deliveryId: delivery.id, attempt: next },
      { startAfter: retryDelaySeconds(next, options.retry), singletonKey: `${delivery.id}:${next}` },
    );
  }
  return outcome;
}

/** Registers the delivery worker on `jobs`. main.ts uses the default retry; tests pass a fast one. */
export async function startWebhookWorker(
  db: Database,
  jobs: Jobs,
  options: { clock: Clock; retry?: WebhookRetry; allowPrivate?: boolean },
): Promise<void> {
  const retry = options.retry ?? DEFAULT_RETRY;
  await jobs.work<DeliveryJob>(WEBHOOK_QUEUE, async (data) => {
    await attemptDelivery(db, jobs, data, { ...options, retry });
  });
}
