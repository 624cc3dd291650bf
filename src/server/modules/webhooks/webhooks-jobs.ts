import type { ModuleJobs } from '../../platform/jobs.ts';
import { startWebhookWorker } from './webhooks-service.ts';

/** The webhook delivery worker: signed POSTs with retries (the recompute job sweeps up unqueued deliveries). */
export const webhooksJobs: ModuleJobs = async (jobs, { db, clock, config }) => {
  await startWebhookWorker(db, jobs, { clock, allowPrivate: config.webhookAllowPrivate === true });
};
