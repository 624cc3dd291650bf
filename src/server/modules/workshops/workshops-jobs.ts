import type { ModuleJobs } from '../../platform/jobs.ts';
import { runWorkshopReminders } from './workshops-service.ts';

/** The quarterly routine: a Bakorwil without a workshop last quarter is reminded; checked daily at 07:00 WIB. */
export const workshopsJobs: ModuleJobs = async (jobs, { db, clock, log }) => {
  await jobs.work('workshop-reminders', async () => {
    const result = await runWorkshopReminders(db, clock);
    if (result.reminded.length > 0) log.info(result, 'pengingat workshop / workshop reminders');
  });
  await jobs.schedule('workshop-reminders', '0 7 * * *');
};
