import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** PGlite does not lock its folder; two processes on one folder would corrupt it. This lock prevents that. */
export type DataLock = { readonly file: string; release(): void };

/** The embedded data folder is held by another running Sigap process. */
export class DataLockedError extends Error {
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      `Folder data ${dataDir} sedang dipakai proses lain (PID ${pid}): hentikan server dulu. / ` +
        `The data folder is in use by another process (PID ${pid}): stop the server first.`,
    );
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock file in dataDir, taking over one left by a process that no longer runs. */
export function acquireDataLock(dataDir: string): DataLock {
  const file = path.join(dataDir, 'sigap.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataLockedError(dataDir, holder);
      }
      // A stale lock from a killed process (or an unreadable one): take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Tidak dapat mengambil kunci ${file} / could not take the lock`);
}

/** Where the newest backup of an embedded folder was written, kept beside the data for the day it cannot be opened. */
export const LAST_BACKUP_FILE = 'last-backup.json';

/** Notes the newest backup of the embedded folder `dataDir` (its absolute path and WIB time). */
export function recordLastBackup(dataDir: string, file: string, at: string): void {
  writeFileSync(path.join(dataDir, LAST_BACKUP_FILE), JSON.stringify({ file: path.resolve(file), at }));
}

/** The embedded data folder exists but cannot be opened: Sigap stops rather than create an empty database there. */
export class DataFolderDamagedError extends Error {
  constructor(folder: string, dataDir: string, cause: string) {
    let last: { file?: string; at?: string } = {};
    try {
      last = JSON.parse(readFileSync(path.join(dataDir, LAST_BACKUP_FILE), 'utf8'));
    } catch {
      // no backup noted
    }
    const backupId = last.file
      ? `Cadangan terakhir: ${last.file} (${last.at}). Pulihkan ke folder data BARU: ` +
        `DATA_DIR=<folder-baru> npm run sigap -- restore --input ${last.file}`
      : 'Tidak ada catatan cadangan di folder ini; cari berkas sigap-cadangan-*.sigapbak terakhir dan pulihkan ke folder data BARU dengan `npm run sigap -- restore --input FILE`.';
    const backupEn = last.file
      ? `Last backup: ${last.file} (${last.at}). Restore into a NEW data folder: ` +
        `DATA_DIR=<new-folder> npm run sigap -- restore --input ${last.file}`
      : 'No backup is noted in this folder; find the newest sigap-cadangan-*.sigapbak file and restore it into a NEW data folder with `npm run sigap -- restore --input FILE`.';
    super(
      `Folder data ${folder} tidak dapat dibuka (rusak?): ${cause}. Sigap tidak membuat basis data kosong di ` +
        `atasnya; jangan hapus folder itu. ${backupId}\n` +
        `The data folder ${folder} cannot be opened (damaged?): ${cause}. Sigap does not create an empty database ` +
        `over it; do not delete that folder. ${backupEn}`,
    );
  }
}
