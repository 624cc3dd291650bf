/** Worker thread: reads one roster and posts its rows back (see readRosterOffThread). */
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../platform/errors.ts';
import { type RosterFormat, readRoster } from './pillars-roster.ts';

const { file, format } = workerData as { file: Uint8Array; format: RosterFormat };
try {
  parentPort?.postMessage({ rows: await readRoster(Buffer.from(file), format) });
} catch (error) {
  parentPort?.postMessage({
    error: error instanceof DomainError ? { code: error.code, message: error.message } : null,
  });
}
