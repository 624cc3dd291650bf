// Background exports: POST starts one (202 with its id), the process writes the file under DATA_DIR/exports with
// the same streaming export, records progress, keeps the file a day and puts a note in the requester's inbox.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportJob, ExportKind, ExportQuery } from '../../../shared/exports/export-schema.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { createBackgroundTasks } from '../../platform/background-tasks.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError, foundAs } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import { notifyUsers } from '../notifications/notifications-service.ts';
import * as store from './export-jobs-store.ts';
import { countExport, type ExportDeps, prepareExport } from './exports-service.ts';

export type ExportJobDeps = ExportDeps & { config: { dataDir: string } };

/** How long a finished file is kept. */
export const KEEP_MS = 24 * 3_600_000;
/** Progress is written at most every this many rows. */
const PROGRESS_EVERY = 10_000;
/** A job whose progress has not moved for this long belonged to a process that stopped. */
const STALE_MS = 10 * 60_000;

const running = createBackgroundTasks();

/** Resolves when every background export of this process has finished (tests, shutdown). */
export async function settleExports(): Promise<void> {
  await running.settle();
}

const dirOf = (deps: ExportJobDeps) => path.join(deps.config.dataDir, 'exports');
const pathOf = (deps: ExportJobDeps, id: string) => path.join(dirOf(deps), `${id}.bin`);

function toJob(row: store.ExportJobRow, now: Date): ExportJob {
  const stale =
    (row.status === 'antre' || row.status === 'berjalan') &&
    !running.has(row.id) &&
    now.getTime() - row.updatedAt.getTime() > STALE_MS;
  const ready = row.status === 'selesai' && row.fileName !== null && row.expiresAt !== null;
  return {
    id: row.id,
    kind: row.kind as ExportJob['kind'],
    format: row.format as ExportJob['format'],
    status: stale ? 'gagal' : row.status,
    rows: row.rows,
    total: row.total,
    createdAt: toWibIso(row.createdAt),
    finishedAt: toWibIsoOrNull(row.finishedAt),
    expiresAt: ready && row.expiresAt ? toWibIso(row.expiresAt) : null,
    downloadUrl: ready ? `/api/exports/jobs/${row.id}/file` : null,
    error: stale ? 'Proses terputus; ekspor lagi' : row.error,
  };
}

/** Deletes the files kept longer than a day (every requester's; their rows stay as history). */
async function sweepExpired(db: Database, deps: ExportJobDeps): Promise<void> {
  const ids = await db.asSystem((tx) => store.takeExpired(tx, deps.clock.now()));
  await Promise.all(ids.map((id) => rm(pathOf(deps, id), { force: true })));
}

/**
 * POST /api/exports/<kind>: checks the asker as the streaming export does (403 before anything is kept), keeps
 * the job and writes the file in the background; answers the job's id at once.
 */
export async function startExportJob(
  deps: ExportJobDeps,
  principal: Principal,
  kind: ExportKind,
  query: ExportQuery,
): Promise<string> {
  const prepared = await prepareExport(deps, principal, kind, query);
  await sweepExpired(deps.db, deps);
  const id = await deps.db.asActor(principal.actor, (tx) =>
    store.insertJob(tx, {
      userId: principal.user.id,
      kind,
      format: query.format,
      query: query as Record<string, unknown>,
      now: deps.clock.now(),
    }),
  );
  const fail = (message: string) =>
    deps.db.asActor(principal.actor, (tx) => store.setFailed(tx, id, message, deps.clock.now()));
  running.start(
    id,
    async () => {
      const file = pathOf(deps, id);
      let out: ReturnType<typeof createWriteStream> | undefined;
      try {
        await mkdir(dirOf(deps), { recursive: true, mode: 0o700 });
        const total = await countExport(deps, principal, kind, query);
        await deps.db.asActor(principal.actor, (tx) => store.setStarted(tx, id, total, deps.clock.now()));
        let written = 0;
        const sink = createWriteStream(file, { mode: 0o600 });
        out = sink;
        const closed = new Promise<void>((resolve, reject) => {
          sink.once('close', resolve);
          sink.once('error', reject);
        });
        const rows = await prepared.write(sink, (n) => {
          if (n - written < PROGRESS_EVERY) return;
          written = n;
          void deps.db
            .asActor(principal.actor, (tx) => store.setProgress(tx, id, n, deps.clock.now()))
            .catch(() => undefined);
        });
        await closed;
        const { size } = await stat(file);
        const now = deps.clock.now();
        await deps.db.asActor(principal.actor, async (tx) => {
          await store.setDone(tx, id, {
            rows,
            fileName: prepared.fileName,
            byteSize: size,
            now,
            expiresAt: new Date(now.getTime() + KEEP_MS),
          });
          await notifyUsers(tx, [principal.user.id], {
            kind: 'export.ready',
            subjectType: 'export',
            subjectId: id,
            title: 'Ekspor siap diunduh',
            body: `${prepared.fileName}: ${rows} baris, tersedia 24 jam`,
          });
        });
      } catch (error) {
        out?.destroy();
        await rm(file, { force: true });
        throw error;
      }
    },
    fail,
    'Ekspor gagal; coba lagi',
  );
  return id;
}

/** A job's progress and download link; 404 for anyone but its requester. */
export async function getExportJob(
  deps: ExportJobDeps,
  principal: Principal,
  id: string,
): Promise<ExportJob> {
  const row = await foundAs(deps, principal, (tx) => store.findJob(tx, id), 'Ekspor tidak ditemukan');
  return toJob(row, deps.clock.now());
}

/** The finished file to download; 404 when it is not the asker's, not ready or already deleted. */
export async function openExportFile(
  deps: ExportJobDeps,
  principal: Principal,
  id: string,
): Promise<{ fileName: string; format: string; stream: NodeJS.ReadableStream }> {
  const row = await deps.db.asActor(principal.actor, (tx) => store.findJob(tx, id));
  const now = deps.clock.now();
  if (row?.status !== 'selesai' || !row.fileName || !row.expiresAt || row.expiresAt < now) {
    throw new DomainError('not_found', 'Berkas ekspor tidak ditemukan atau sudah dihapus');
  }
  return { fileName: row.fileName, format: row.format, stream: createReadStream(pathOf(deps, id)) };
}
