import type { ModuleJobs } from '../../platform/jobs.ts';
import {
  DUPLICATES_BATCH,
  DUPLICATES_QUEUE,
  DUPLICATES_SWEEP_QUEUE,
  findDuplicates,
  findDuplicatesForUnchecked,
} from './reports-service.ts';

/**
 * The duplicate check of new reports: a flood is checked DUPLICATES_BATCH at a time, in one statement per round
 * (issue 20), and a sweep every five minutes catches reports whose check was never queued.
 */
export const duplicatesJobs: ModuleJobs = async (jobs, { db }) => {
  await jobs.workBatch<{ reportId: string }>(
    DUPLICATES_QUEUE,
    { batchSize: DUPLICATES_BATCH },
    async (items) => {
      await findDuplicates(
        db,
        items.map((item) => item.reportId),
      );
    },
  );
  await jobs.work(DUPLICATES_SWEEP_QUEUE, async () => {
    await findDuplicatesForUnchecked(db);
  });
  await jobs.schedule(DUPLICATES_SWEEP_QUEUE, '*/5 * * * *');
};
