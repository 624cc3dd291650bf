// The privacy module's background jobs: the retention job (daily, 02:30 WIB) and the anomaly signals (every
// 10 minutes). The breach clock runs with the escalation job, on the one ladder.
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { Jobs, JobsLog } from '../../platform/jobs.ts';
import { runAnomalyChecks } from './anomaly-service.ts';
import { runRetention } from './retention-service.ts';

export const RETENTION_QUEUE = 'privacy-retention';
export const ANOMALY_QUEUE = 'privacy-anomalies';

export async function startPrivacyJobs(jobs: Jobs, deps: { db: Database; clock: Clock }, log: JobsLog) {
  await jobs.work(RETENTION_QUEUE, async () => {
    const plan = await runRetention(deps);
    const counts = Object.fromEntries(plan.tables.map((t) => [t.table, t.count]));
    log.info({ anonymised: counts, kept: plan.kept }, 'retensi data pribadi / personal data retention');
  });
  await jobs.schedule(RETENTION_QUEUE, '30 2 * * *');
  await jobs.work(ANOMALY_QUEUE, async () => {
    const opened = await runAnomalyChecks(deps.db, deps.clock);
    if (Object.values(opened).some((n) => n > 0)) {
      log.warn(opened, 'dugaan kebocoran data dibuka / suspected breaches opened');
    }
  });
  await jobs.schedule(ANOMALY_QUEUE, '*/10 * * * *');
}
