// The worker thread of one export from PostgreSQL (started by exports-in-worker.ts, decision 0052): its own
// connection as the same actor, the same `writeExport` as the main thread, each chunk handed to the parent and
// the next written only once the parent has taken it.
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '../../platform/clock.ts';
import { openServerDatabase } from '../../platform/db.ts';
import type { FromWorker, ToWorker, WorkerExport } from './exports-in-worker.ts';
import { writeExport } from './exports-service.ts';

const port = parentPort;
if (!port) throw new Error('exports-worker.ts runs only as a worker thread');
const post = (message: FromWorker) => port.postMessage(message);

const job = workerData as WorkerExport;
let taken: ((error?: Error | null) => void) | undefined;

/**
 * The file as the parent receives it: one chunk in flight at a time. A high-water mark of one makes every chunk
 * ask for a drain, which comes when the parent has written it, so the paced export reads no page ahead.
 */
const out = new Writable({
  decodeStrings: false,
  highWaterMark: 1,
  write(chunk: string | Buffer, _encoding, done) {
    taken = done;
    post({ type: 'chunk', data: chunk });
  },
});

port.on('message', (message: ToWorker) => {
  if (message.type === 'more') {
    const done = taken;
    taken = undefined;
    done?.();
  } else {
    // The download went away: the export stops and is audited as incomplete.
    out.destroy();
  }
});

const db = openServerDatabase(job.server.ownerUrl, job.server.appPassword, {
  appPoolSize: 1,
  appUser: job.server.appUser,
});
try {
  const deps = { db, clock: systemClock, config: { geoDir: job.geoDir } };
  const progress = (rows: number) => post({ type: 'progress', rows });
  const onPage = job.followPages ? (rows: number) => post({ type: 'page', rows }) : undefined;
  const rows = await writeExport(deps, job.principal, job.kind, job.query, out, progress, {
    pageRows: job.pageRows,
    onPage,
    paced: true,
  });
  await finished(out);
  post({ type: 'done', rows });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
} finally {
  await db.close();
  port.close();
}
