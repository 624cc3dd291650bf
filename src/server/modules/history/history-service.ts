// The history import (docs/HISTORY-IMPORT.md): upload a spreadsheet of past incidents, map its columns, see
// each row as it would be imported (the dry run), then import it in chunks in the background. The same file
// twice finds the first import; rows carry ids made from their cells, so no row is stored twice.
import { createHash } from 'node:crypto';
import { suggestMapping } from '../../../shared/history/history-rules.ts';
import type {
  DryRunReply,
  DryRunRow,
  DryRunState,
  HistoryImport,
  HistoryPlan,
  HistoryUpload,
} from '../../../shared/history/history-schema.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { appendAudit } from '../../platform/audit.ts';
import { createBackgroundTasks } from '../../platform/background-tasks.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError, foundAs } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { importStatistics, insertHistoricalIncidents } from '../reports/reports-history-service.ts';
import { type DecidedRow, decideRows, descriptionOf, readRows } from './history-rows.ts';
import { type HistoryFormat, readHistorySheet } from './history-sheet.ts';
import * as store from './history-store.ts';

export type HistoryDeps = { db: Database; clock: Clock };

/** Rows per transaction of an import: other requests get their turn between chunks. */
export const IMPORT_CHUNK_ROWS = 500;
/** Rows the dry run shows besides every row that needs a look. */
const READY_SHOWN = 50;
/** Rows needing a look the dry run shows at most. */
const PROBLEMS_SHOWN = 1000;
/** A queued or running import that has not moved for this long belonged to a process that stopped. */
const STALE_MS = 10 * 60_000;

const running = createBackgroundTasks();

/** Resolves when every import of this process has finished (tests, shutdown). */
export async function settleHistoryImports(): Promise<void> {
  await running.settle();
}

function toImport(row: store.HistoryImportRow, now: Date): HistoryImport {
  const stale =
    (row.status === 'antre' || row.status === 'berjalan') &&
    !running.has(row.id) &&
    now.getTime() - row.updatedAt.getTime() > STALE_MS;
  return {
    id: row.id,
    fileName: row.fileName,
    fileHash: row.fileHash,
    status: stale ? 'gagal' : row.status,
    headers: row.headers,
    rowCount: row.rowCount,
    doneRows: row.doneRows,
    imported: row.imported,
    skipped: row.skipped,
    firstDay: row.firstDay,
    lastDay: row.lastDay,
    createdAt: toWibIso(row.createdAt),
    finishedAt: toWibIsoOrNull(row.finishedAt),
    error: stale ? 'Proses terputus; mulai impor lagi' : row.error,
  };
}

/**
 * Keeps an uploaded file and answers its headers, a sample and a suggested mapping. The same file again
 * answers the import it already has (`known`); a file another user already brought in is a conflict.
 */
export async function uploadHistory(
  deps: HistoryDeps,
  principal: Principal,
  file: { name: string; format: HistoryFormat; data: Buffer },
): Promise<HistoryUpload> {
  authorize(principal, 'history.import', 'Hanya provinsi dan admin yang dapat mengimpor riwayat kejadian');
  const sheet = await readHistorySheet(file.data, file.format);
  const fileHash = createHash('sha256').update(file.data).digest('hex');
  const now = deps.clock.now();
  const fileName = file.name.replace(/[^\w .()-]/g, '_').slice(0, 200) || `riwayat.${file.format}`;
  const created = await deps.db.asActor(principal.actor, (tx) =>
    store.insertImport(tx, {
      userId: principal.user.id,
      fileName,
      fileHash,
      format: file.format,
      data: file.data,
      headers: sheet.headers,
      rowCount: sheet.rows.length,
      now,
    }),
  );
  let row = created;
  if (!row) {
    const holder = await deps.db.asSystem((tx) => store.findHolderOfHash(tx, fileHash));
    row = holder
      ? await deps.db.asActor(principal.actor, (tx) => store.findImport(tx, holder.id))
      : undefined;
    if (!row) {
      throw new DomainError('conflict', 'Berkas yang sama sudah diunggah oleh pengguna lain', {
        uploadedAt: holder ? toWibIso(holder.createdAt) : null,
      });
    }
  }
  return {
    import: toImport(row, now),
    known: !created,
    sample: sheet.rows.slice(0, 5),
    suggestedMapping: suggestMapping(sheet.headers),
  };
}

/** An import of the asker's; 404 for anyone else. */
export async function getHistoryImport(
  deps: HistoryDeps,
  principal: Principal,
  id: string,
): Promise<HistoryImport> {
  authorize(principal, 'history.import', 'Hanya provinsi dan admin yang dapat mengimpor riwayat kejadian');
  const row = await foundAs(deps, principal, (tx) => store.findImport(tx, id), 'Impor tidak ditemukan');
  return toImport(row, deps.clock.now());
}

async function loadSheet(deps: HistoryDeps, principal: Principal, id: string) {
  authorize(principal, 'history.import', 'Hanya provinsi dan admin yang dapat mengimpor riwayat kejadian');
  const { row, data } = await deps.db.asActor(principal.actor, async (tx) => ({
    row: await store.findImport(tx, id),
    data: await store.loadFile(tx, id),
  }));
  if (!row) throw new DomainError('not_found', 'Impor tidak ditemukan');
  return { row, sheet: data ? await readHistorySheet(data, row.fileFormat) : null };
}

/** Each row as it would be imported: place, type, counts, and whether it repeats a report of Sigap. Writes nothing. */
export async function dryRunHistory(
  deps: HistoryDeps,
  principal: Principal,
  id: string,
  plan: HistoryPlan,
): Promise<DryRunReply> {
  const { row, sheet } = await loadSheet(deps, principal, id);
  if (!sheet) throw new DomainError('conflict', 'Berkas ini sudah diimpor; hasilnya ada di daftar laporan');
  const rows = readRows(sheet, plan, deps.clock.now());
  const decided: DecidedRow[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK_ROWS) {
    const chunk = rows.slice(i, i + IMPORT_CHUNK_ROWS);
    decided.push(...(await deps.db.asActor(principal.actor, (tx) => decideRows(tx, row.id, chunk))));
  }
  const counts = { siap: 0, ambigu: 0, duplikat: 0, sudah: 0, galat: 0 } as Record<DryRunState, number>;
  const types = new Map<string, { rows: number; conflictType: DryRunRow['conflictType'] }>();
  let ready = 0;
  let problems = 0;
  const shown: DryRunRow[] = [];
  for (const { view } of decided) {
    counts[view.state]++;
    const type = types.get(view.sourceType) ?? { rows: 0, conflictType: view.conflictType };
    types.set(view.sourceType, { ...type, rows: type.rows + 1 });
    if (view.state === 'siap' ? ready++ < READY_SHOWN : problems++ < PROBLEMS_SHOWN) shown.push(view);
  }
  const days = decided.flatMap((d) => (d.view.occurredAt ? [d.view.occurredAt.slice(0, 10)] : [])).sort();
  return {
    importId: row.id,
    total: rows.length,
    counts,
    rows: shown,
    typeMap: [...types.entries()]
      .filter(([value]) => value !== '' || plan.mapping.type === undefined)
      .map(([value, t]) => ({
        value,
        rows: t.rows,
        conflictType: t.conflictType ?? 'lainnya',
        chosen: value in plan.typeMap,
      }))
      .sort((a, b) => b.rows - a.rows),
    firstDay: days[0] ?? null,
    lastDay: days[days.length - 1] ?? null,
  };
}

/**
 * Starts the import in the background with the plan the dry run showed; answers at once. Starting an import
 * that is already queued, running or done changes nothing and answers the same id.
 */
export async function startHistoryImport(
  deps: HistoryDeps,
  principal: Principal,
  id: string,
  plan: HistoryPlan,
): Promise<string> {
  const { row, sheet } = await loadSheet(deps, principal, id);
  if (!sheet || running.has(id)) return row.id;
  const queued = await deps.db.asActor(principal.actor, (tx) =>
    store.queueImport(tx, id, plan, deps.clock.now()),
  );
  if (!queued) return row.id;
  running.start(
    id,
    () => runImport(deps, principal, row, readRows(sheet, plan, deps.clock.now()), plan),
    (message) => deps.db.asActor(principal.actor, (tx) => store.setFailed(tx, id, message, deps.clock.now())),
    'Impor gagal; coba lagi',
  );
  return id;
}

async function runImport(
  deps: HistoryDeps,
  principal: Principal,
  row: store.HistoryImportRow,
  rows: ReturnType<typeof readRows>,
  plan: HistoryPlan,
): Promise<void> {
  let imported = 0;
  let skipped = 0;
  let first: string | null = null;
  let last: string | null = null;
  const statistics = importStatistics(deps.db, IMPORT_CHUNK_ROWS);
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK_ROWS) {
    const chunk = rows.slice(i, i + IMPORT_CHUNK_ROWS);
    const stored = await deps.db.asActor(principal.actor, async (tx) => {
      const decided = await decideRows(tx, row.id, chunk);
      const take = decided.filter(
        (d) => d.view.state === 'siap' || (d.view.state === 'duplikat' && plan.importDuplicates),
      );
      const now = deps.clock.now();
      const added = await insertHistoricalIncidents(
        tx,
        principal,
        row.id,
        take.map((d) => ({
          id: d.id,
          regionCode: d.view.place?.code as string,
          conflictType: d.view.conflictType ?? 'lainnya',
          occurredAt: d.view.occurredAt as string,
          description: descriptionOf(d.reading),
          groupsInvolved: d.reading.groups,
          injured: d.view.injured,
          dead: d.view.dead,
          displaced: d.view.displaced,
          source: d.reading.source,
        })),
        now,
      );
      imported += added;
      skipped += chunk.length - added;
      for (const d of take) {
        const day = (d.view.occurredAt as string).slice(0, 10);
        if (!first || day < first) first = day;
        if (!last || day > last) last = day;
      }
      await store.setProgress(tx, row.id, { doneRows: i + chunk.length, imported, skipped, now });
      return added;
    });
    await statistics.added(stored);
  }
  await deps.db.asActor(principal.actor, async (tx) => {
    await store.setDone(tx, row.id, { firstDay: first, lastDay: last, now: deps.clock.now() });
    await appendAudit(
      tx,
      principal,
      'history.imported',
      { type: 'history_import', id: row.id },
      { fileName: row.fileName, fileHash: row.fileHash, rows: rows.length, imported, skipped, first, last },
    );
  });
}
