import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { runAlertEscalation } from './alerts-service.ts';
import { recomputeLevels } from './levels-service.ts';
import { startWebhookWorker, sweepDeliveries } from './webhooks-service.ts';

type Log = { info(details: object, message: string): void };

/** How often the levels are recomputed in the background (they are also recomputed on demand). */
export const RECOMPUTE_CRON = '*/15 * * * *';

/**
 * Registers the early-warning background work on pg-boss: the level recompute every 15 minutes (which also
 * queues webhook deliveries left unqueued), the escalation of unacknowledged alerts every minute, and the
 * webhook delivery worker.
 */
export async function startEarlyWarningJobs(
  deps: { db: Database; clock: Clock; config: { geoDir: string | undefined; webhookAllowPrivate?: boolean } },
  jobs: Jobs,
  log: Log,
): Promise<void> {
  const { db, clock } = deps;
  await startWebhookWorker(db, jobs, { clock, allowPrivate: deps.config.webhookAllowPrivate === true });
  await jobs.work('early-warning-recompute', async () => {
    const result = await recomputeLevels({ ...deps, jobs: () => jobs });
    const swept = await sweepDeliveries(db, jobs);
    if (result.changed + result.alerts + swept > 0) {
      log.info({ ...result, swept }, 'peringatan dini dihitung ulang / early-warning levels recomputed');
    }
  });
  await jobs.schedule('early-warning-recompute', RECOMPUTE_CRON);
  await jobs.work('alert-escalation', async () => {
    const moved = await runAlertEscalation(db, clock);
    if (moved > 0) log.info({ alerts: moved }, 'eskalasi peringatan / alerts escalated');
  });
  await jobs.schedule('alert-escalation', '* * * * *');
}
