import type { ModuleJobs } from '../../platform/jobs.ts';
import { runSafetyCheck } from './safety-service.ts';

/** Field workers who checked in and did not check out in time raise a safety alert: checked every five minutes. */
export const safetyJobs: ModuleJobs = async (jobs, { db, clock, config }) => {
  await jobs.work('field-safety', async () => {
    await runSafetyCheck(db, clock, config.safetyCheckoutHours);
  });
  await jobs.schedule('field-safety', '*/5 * * * *');
};
