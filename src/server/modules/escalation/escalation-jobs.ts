import type { ModuleJobs } from '../../platform/jobs.ts';
import { runEscalation } from './escalation-service.ts';

/** Missed deadlines of reports and cases climb kab/kota → Bakorwil → province; checked every minute. */
export const escalationJobs: ModuleJobs = async (jobs, { db, clock, log }) => {
  await jobs.work('escalation', async () => {
    const escalated = await runEscalation(db, clock);
    if (escalated.reports + escalated.cases > 0) log.info(escalated, 'eskalasi / escalated');
  });
  await jobs.schedule('escalation', '* * * * *');
};
