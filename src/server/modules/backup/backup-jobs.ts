import { toWibIso } from '../../../shared/time.ts';
import { resolveDataKey } from '../../platform/crypto.ts';
import { recordLastBackup } from '../../platform/data-lock.ts';
import type { ModuleJobs } from '../../platform/jobs.ts';
import { dailyCron } from './backup-rules.ts';
import { getBackupStatus, runScheduledBackup, SCHEDULED_BACKUP_QUEUE } from './backup-schedule.ts';

/** The daily backup at the admin's time of day (WIB); the job itself skips when backups are turned off. */
export const backupJobs: ModuleJobs = async (jobs, { db, clock, config, log }) => {
  const dataKey = () =>
    resolveDataKey({ configured: config.dataKey, dataDir: config.dataDir, databaseKind: db.kind });
  await jobs.work(SCHEDULED_BACKUP_QUEUE, async () => {
    const result = await runScheduledBackup({ db, clock, dataKey });
    if (!result.isOk) {
      log.error({ error: result.error }, 'cadangan terjadwal gagal / scheduled backup failed');
    } else if (!result.skipped) {
      log.info({ file: result.fileName }, 'cadangan terjadwal / scheduled backup');
      // Noted beside the embedded data, for the day the folder cannot be opened (DataFolderDamagedError).
      if (db.kind === 'pglite' && result.path)
        recordLastBackup(config.dataDir, result.path, toWibIso(new Date()));
    }
  });
  const { schedule } = await getBackupStatus(db);
  await jobs.schedule(SCHEDULED_BACKUP_QUEUE, dailyCron(schedule.timeOfDay));
};
