import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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
