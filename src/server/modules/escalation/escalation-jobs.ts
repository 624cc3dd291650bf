import type { ModuleJobs } from '../../platform/jobs.ts';
import { warnNearingDeadlines } from './deadline-warning-service.ts';
import { runEscalation } from './escalation-service.ts';

/**
 * Deadlines about to pass (reports, cases, alerts) are warned of once; missed deadlines of reports and cases climb kab/kota → Bakorwil →
 * province; checked every minute.
 */
export const escalationJobs: ModuleJobs = async (jobs, { db, clock, log }) => {
  await jobs.work('escalation', async () => {
    // a failed warning is logged and tried again next minute; it never holds up the escalation
    const warned = await warnNearingDeadlines(db, clock).catch((error: unknown) => {
      log.error({ error }, 'peringatan tenggat gagal / deadline warnings failed');
      return 0;
    });
    if (warned > 0) log.info({ warned }, 'tenggat hampir lewat / deadlines about to pass');
    const escalated = await runEscalation(db, clock);
    if (escalated.reports + escalated.cases > 0) log.info(escalated, 'eskalasi / escalated');
  });
  await jobs.schedule('escalation', '* * * * *');
};
