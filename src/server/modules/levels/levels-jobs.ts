import type { ModuleJobs } from '../../platform/jobs.ts';
import { sweepDeliveries } from '../webhooks/webhooks-service.ts';
import { recomputeLevels } from './levels-service.ts';

/** How often the levels are recomputed in the background (they are also recomputed on demand). */
export const RECOMPUTE_CRON = '*/15 * * * *';

/**
 * The level recompute every 15 minutes, which also queues webhook deliveries left unqueued (a delivery whose
 * queueing failed after its transaction committed).
 */
export const levelsJobs: ModuleJobs = async (jobs, { db, clock, config, log }) => {
  await jobs.work('early-warning-recompute', async () => {
    const result = await recomputeLevels({ db, clock, config, jobs: () => jobs });
    const swept = await sweepDeliveries(db, jobs);
    if (result.changed + result.alerts + swept > 0) {
      log.info({ ...result, swept }, 'peringatan dini dihitung ulang / early-warning levels recomputed');
    }
  });
  await jobs.schedule('early-warning-recompute', RECOMPUTE_CRON);
};
