import type { ModuleJobs } from '../../platform/jobs.ts';
import { runAlertEscalation } from './alert-escalation.ts';

/** Alerts nobody acknowledged in time climb the escalation ladder: checked every minute. */
export const alertsJobs: ModuleJobs = async (jobs, { db, clock, log }) => {
  await jobs.work('alert-escalation', async () => {
    const moved = await runAlertEscalation(db, clock);
    if (moved > 0) log.info({ alerts: moved }, 'eskalasi peringatan / alerts escalated');
  });
  await jobs.schedule('alert-escalation', '* * * * *');
};
