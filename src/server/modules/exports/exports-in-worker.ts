// Runs one export of a list from PostgreSQL in a worker thread (exports-worker.ts) and passes its file on: the
// worker's heap is capped, so the garbage of reading a million rows stays in a few megabytes of young space
// there instead of growing this process's heap (decision 0052). Each chunk is written to `out` before the worker
// writes the next, so a slow download slows the worker and nothing piles up between them.
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { ExportKind, ExportQuery } from '../../../shared/exports/export-schema.ts';
import type { ServerConnection } from '../../platform/db.ts';
import type { Principal } from '../../platform/principal.ts';

/** What the worker is given: who exports what, and how to open the same database. */
export type WorkerExport = {
  server: ServerConnection;
  principal: Principal;
  kind: ExportKind;
  query: ExportQuery;
  geoDir: string | undefined;
  pageRows: number | undefined;
  /** Whether the parent follows each page as it is read (before it is written). */
  followPages?: boolean;
};

/** From the worker: a piece of the file, the rows read so far, or the end (with the row count or why it failed). */
export type FromWorker =
  | { type: 'chunk'; data: string | Uint8Array }
  | { type: 'progress'; rows: number }
  | { type: 'page'; rows: number }
  | { type: 'done'; rows: number }
  | { type: 'failed'; message: string };

/** What the caller follows: the rows written so far, and each page as it is read (before it is written). */
export type Follow = { progress?: (rows: number) => void; onPage?: (rowsRead: number) => void };

/** To the worker: write the next chunk, or stop because the download went away. */
export type ToWorker = { type: 'more' } | { type: 'stop' };

/**
 * The worker's heap: a young generation of 12 MB (V8 keeps three semi-spaces, so 4 MB each: garbage is collected
 * every few pages, before it is promoted) and an old generation bounded well above what one page holds.
 */
export const EXPORT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 128 };

const WORKER_FILE = new URL('./exports-worker.ts', import.meta.url);

/**
 * Export workers running at once in this process; a further export waits for one to end. Each holds one
 * database connection outside the app's pool and up to its heap limits, so a burst of exports stays bounded.
 */
export const MAX_EXPORT_WORKERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Writes the export to `out` from a worker thread; resolves with the row count once the file has ended. */
export async function exportInWorker(job: WorkerExport, out: Writable, follow: Follow = {}): Promise<number> {
  if (running >= MAX_EXPORT_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await runWorker(job, out, follow);
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function runWorker(job: WorkerExport, out: Writable, follow: Follow): Promise<number> {
  const workerData: WorkerExport = { ...job, followPages: Boolean(follow.onPage) };
  const worker = new Worker(WORKER_FILE, { workerData, resourceLimits: EXPORT_WORKER_LIMITS });
  const send = (message: ToWorker) => worker.postMessage(message);
  const stop = () => send({ type: 'stop' });
  out.once('close', stop);
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | undefined, rows = 0) => {
      if (settled) return;
      settled = true;
      out.off('close', stop);
      if (error) reject(error);
      else resolve(rows);
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'chunk') {
        if (out.destroyed) return stop();
        const { data } = message;
        out.write(
          typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
        );
        if (out.writableNeedDrain) out.once('drain', () => send({ type: 'more' }));
        else send({ type: 'more' });
      } else if (message.type === 'progress') {
        follow.progress?.(message.rows);
      } else if (message.type === 'page') {
        follow.onPage?.(message.rows);
      } else if (message.type === 'done') {
        out.end();
        settle(undefined, message.rows);
      } else {
        settle(new Error(message.message));
      }
    });
    worker.once('error', (error: Error) => settle(error));
    worker.once('exit', (code) => settle(new Error(`export worker stopped with code ${code}`)));
  });
}
