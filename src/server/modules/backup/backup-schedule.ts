import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BackupSchedule, BackupStatus } from '../../../shared/backups.ts';
import { backupMaxAgeMonths, monthsBefore } from '../../../shared/privacy/retention-rules.ts';
import { toWibIso } from '../../../shared/time.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { type Acting, authorizeActing } from '../../platform/permissions.ts';
import { notifyUsers } from '../notifications/notifications-service.ts';
import { getPrivacySettings } from '../settings/settings-service.ts';
import { listActiveUserIds } from '../users/users-service.ts';
import { filesOlderThan, filesToDelete } from './backup-rules.ts';
import { backupFileName, createBackup } from './backup-service.ts';
import * as store from './backup-store.ts';

/** The pg-boss queue of the daily backup. */
export const SCHEDULED_BACKUP_QUEUE = 'scheduled-backup';

/** The settings, the last success and the last failure of scheduled backups. */
/** The backup page's view of the schedule and the last runs, for the admin. */
export async function viewBackupStatus(db: Database, principal: Acting): Promise<BackupStatus> {
  authorizeActing(principal, 'backup.manage');
  return getBackupStatus(db);
}

export async function getBackupStatus(db: Database): Promise<BackupStatus> {
  return db.asSystem(async (tx) => {
    const schedule = await store.readSchedule(tx);
    const runs = await store.lastRuns(tx);
    return {
      schedule,
      lastSuccess: runs.success
        ? { at: toWibIso(runs.success.at), fileName: runs.success.fileName, bytes: runs.success.bytes }
        : null,
      lastFailure: runs.failure ? { at: toWibIso(runs.failure.at), error: runs.failure.error } : null,
    };
  });
}

/** Saves the settings; an enabled schedule needs an absolute folder the server can write to. */
export async function updateSchedule(
  db: Database,
  acting: Acting,
  input: BackupSchedule,
): Promise<BackupSchedule> {
  const by = authorizeActing(acting, 'backup.manage');
  if (input.isEnabled || input.folder !== '') {
    if (!path.isAbsolute(input.folder)) {
      throw new DomainError(
        'validation_failed',
        'Folder cadangan harus path lengkap, mis. /srv/sigap/cadangan',
        [{ path: 'folder', message: 'path lengkap / an absolute path' }],
      );
    }
    try {
      mkdirSync(input.folder, { recursive: true });
      accessSync(input.folder, constants.W_OK);
    } catch {
      throw new DomainError('validation_failed', `Server tidak dapat menulis ke folder ${input.folder}`, [
        { path: 'folder', message: 'tidak dapat ditulis / not writable' },
      ]);
    }
  }
  await db.asSystem(async (tx) => {
    await store.writeSchedule(tx, input, by.id);
    await appendAudit(tx, by, 'backup.schedule_changed', { type: 'backup_settings', id: '1' }, { ...input });
  });
  return input;
}

/**
 * The daily job: a backup sealed with the data key into the folder, then only the newest `keep` files kept, and
 * none older than the shortest retention period of personal data.
 * A failure is recorded and put in every admin's inbox, and not retried (the next day's run tries again).
 */
export async function runScheduledBackup(deps: {
  db: Database;
  clock: Clock;
  dataKey: () => Uint8Array;
}): Promise<{ isOk: boolean; fileName?: string; path?: string; error?: string; skipped?: boolean }> {
  const { db } = deps;
  const startedAt = deps.clock.now();
  const schedule = await db.asSystem((tx) => store.readSchedule(tx));
  if (!schedule.isEnabled) return { isOk: true, skipped: true };
  try {
    const dataKey = deps.dataKey();
    const { file, manifest } = await createBackup(db, {
      key: { kind: 'data-key', key: dataKey },
      dataKey,
      actor: SYSTEM_ACTOR,
    });
    mkdirSync(schedule.folder, { recursive: true });
    const fileName = backupFileName(manifest);
    writeFileSync(path.join(schedule.folder, fileName), file, { mode: 0o600 });
    for (const old of filesToDelete(readdirSync(schedule.folder), schedule.keep)) {
      rmSync(path.join(schedule.folder, old), { force: true });
    }
    // Older than the shortest retention period of personal data: deleted whatever `keep` says (docs/PRIVACY.md).
    const retention = await db.asSystem((tx) => getPrivacySettings(tx));
    const cutoff = monthsBefore(startedAt, backupMaxAgeMonths(retention));
    for (const old of filesOlderThan(readdirSync(schedule.folder), cutoff)) {
      if (old !== fileName) rmSync(path.join(schedule.folder, old), { force: true });
    }
    await db.asSystem((tx) =>
      store.insertRun(tx, { startedAt, isOk: true, fileName, bytes: file.length, error: null }),
    );
    return { isOk: true, fileName, path: path.join(schedule.folder, fileName) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.asSystem(async (tx) => {
      await store.insertRun(tx, {
        startedAt,
        isOk: false,
        fileName: null,
        bytes: null,
        error: message.slice(0, 500),
      });
      await notifyUsers(tx, await listActiveUserIds(tx, 'admin'), {
        kind: 'backup_failed',
        subjectType: 'backup',
        subjectId: randomUUID(),
        title: 'Cadangan terjadwal gagal / Scheduled backup failed',
        body: `${toWibIso(startedAt)}: ${message.slice(0, 300)}`,
      });
    });
    return { isOk: false, error: message };
  }
}
