// Over 450 lines on purpose: the import's one pipeline (parse, match, dry run, chunked write, progress) read top to bottom.
import { randomUUID } from 'node:crypto';
import { createDesaIndex } from '../../../shared/pillars/desa-match.ts';
import {
  type DryRunReport,
  findRepeatedRows,
  type ImportJob,
  type ImportRowResult,
  mergeImportRow,
  type ReadingContext,
  type RowCandidate,
  type RowReading,
  readRow,
  type SheetRow,
  totalsOf,
} from '../../../shared/pillars/pillar-import-rules.ts';
import { kabkotaOf } from '../../../shared/region-codes.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { isInViewerScope } from '../../../shared/visibility.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db.ts';
import { DomainError, foundAs } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { managesRegion, noteRegisteredElsewhere, type PillarDeps } from './pillars-service.ts';
import * as store from './pillars-store.ts';

/** Rows per transaction in a real import: small enough that other requests get their turn in between. */
export const IMPORT_CHUNK_ROWS = 500;
/** A running import that has not moved for this long was cut off (the process stopped). */
const STALE_AFTER_MS = 10 * 60_000;
type ImportOptions = { kabkotaCode: string; defaultType?: string };

/** Everything about a file that does not depend on the registry: each row read, and in-file repeats. */
type Plan = { rows: { row: number; reading: RowReading }[]; repeats: Map<number, number> };

async function loadContext(tx: Tx, options: ImportOptions): Promise<ReadingContext> {
  const kecamatan = new Set(await store.listKecamatanCodes(tx));
  const types = (await store.listItems(tx, 'types')).filter((type) => type.isActive);
  if (options.defaultType && !types.some((type) => type.code === options.defaultType)) {
    throw new DomainError('validation_failed', `Jenis pilar tidak dikenal: ${options.defaultType}`);
  }
  return {
    isKecamatan: (code) => kecamatan.has(code),
    desa: createDesaIndex(await store.listDesaOfKabkota(tx, options.kabkotaCode)),
    types,
    skills: (await store.listItems(tx, 'skills')).filter((skill) => skill.isActive),
    defaultType: options.defaultType,
  };
}

function makePlan(sheetRows: readonly SheetRow[], context: ReadingContext): Plan {
  const rows = sheetRows.map((row) => ({ row: row.row, reading: readRow(row, context) }));
  const repeats = findRepeatedRows(
    rows.flatMap(({ row, reading }) => (reading.ok ? [{ row, candidate: reading.candidate }] : [])),
  );
  return { rows, repeats };
}

type Decision = {
  result: ImportRowResult;
  create?: store.PillarWrite & { id: string };
  update?: { record: store.PillarRecord; write: store.PillarWrite; fields: string[] };
  /** The NIK is also registered outside the importer's scope (never shown to them). */
  registeredElsewhere?: boolean;
};

/** A row the import leaves out, with why. */
function skipped(
  row: number,
  name: ImportRowResult['name'],
  problems: ImportRowResult['problems'],
  warnings: ImportRowResult['warnings'],
): Decision {
  return { result: { row, action: 'skip', pillarId: null, name, problems, warnings } };
}

/** Decides what each row of a chunk does against the registry as it is now; writes nothing. */
async function decideChunk(
  tx: Tx,
  deps: PillarDeps,
  principal: Principal,
  plan: Plan,
  chunk: Plan['rows'],
): Promise<Decision[]> {
  const hashOf = new Map<number, string>();
  for (const { row, reading } of chunk) {
    if (reading.ok && reading.candidate.nik) hashOf.set(row, deps.cipher.keyedHash(reading.candidate.nik));
  }
  const phones = chunk.flatMap(({ reading }) =>
    reading.ok && reading.candidate.phone ? [reading.candidate.phone] : [],
  );
  // Only people the importer may see are matched: a person registered outside their scope is treated as
  // new (created, and the province told), so a dry run cannot test where a NIK is registered.
  const found = await store.findCandidates(tx, [...hashOf.values()], phones);
  const candidates = found.filter((c) => isInViewerScope(principal.actor, c.homeRegionCode));
  const hiddenHashes = new Set(
    found.flatMap((c) => (c.nikHash && !candidates.includes(c) ? [c.nikHash] : [])),
  );

  const matches = new Map<number, store.PillarCandidate>();
  const decisions = new Map<number, Decision>();
  for (const { row, reading } of chunk) {
    if (!reading.ok) {
      decisions.set(row, skipped(row, reading.name, reading.problems, reading.warnings));
      continue;
    }
    const { candidate } = reading;
    const repeated = plan.repeats.get(row);
    if (repeated !== undefined) {
      const problem = {
        code: 'duplicate_in_file',
        field: null,
        message: `Orang yang sama dengan baris ${repeated}`,
      };
      decisions.set(row, skipped(row, candidate.name, [problem], reading.warnings));
      continue;
    }
    const hash = hashOf.get(row);
    const byNik = hash ? candidates.find((c) => c.nikHash === hash) : undefined;
    const byPhone = candidate.phone
      ? candidates.find((c) => c.phone === candidate.phone && c.nameKey === candidate.nameKey)
      : undefined;
    if (!byNik && byPhone?.nikHash && hash && byPhone.nikHash !== hash) {
      const problem = {
        code: 'nik_conflict',
        field: 'nik',
        message: 'Nama dan HP sama dengan pilar terdaftar, tetapi NIK berbeda',
      };
      decisions.set(row, skipped(row, candidate.name, [problem], reading.warnings));
      continue;
    }
    const match = byNik ?? byPhone;
    if (match && !managesRegion(principal, match.homeRegionCode)) {
      const problem = {
        code: 'exists_elsewhere',
        field: null,
        message: 'Orang ini sudah terdaftar di wilayah lain',
      };
      decisions.set(row, skipped(row, candidate.name, [problem], reading.warnings));
      continue;
    }
    if (match) matches.set(row, match);
  }

  const existing = new Map(
    (await store.listPillarsByIds(tx, [...new Set([...matches.values()].map((m) => m.id))])).map((r) => [
      r.id,
      r,
    ]),
  );
  const decided: Decision[] = [];
  for (const { row, reading } of chunk) {
    const known = decisions.get(row);
    if (known) {
      decided.push(known);
      continue;
    }
    if (!reading.ok) continue;
    const { candidate, warnings } = reading;
    const match = matches.get(row);
    const record = match ? existing.get(match.id) : undefined;
    if (!record) {
      decided.push({
        result: { row, action: 'create', pillarId: null, name: candidate.name, problems: [], warnings },
        create: newWrite(deps, candidate, hashOf.get(row) ?? null),
        registeredElsewhere: hiddenHashes.has(hashOf.get(row) ?? ''),
      });
      continue;
    }
    const { changes, fields } = mergeImportRow({ ...record, hasNik: record.nikHash !== null }, candidate);
    if (fields.length === 0) {
      decided.push({
        result: {
          row,
          action: 'unchanged',
          pillarId: record.id,
          name: candidate.name,
          problems: [],
          warnings,
        },
      });
      continue;
    }
    const write: store.PillarWrite = {
      ...record,
      ...changes,
      nikEncrypted: changes.nik ? deps.cipher.encrypt(changes.nik) : record.nikEncrypted,
      nikHash: changes.nik ? (hashOf.get(row) ?? null) : record.nikHash,
      phone: changes.phone ?? record.phone,
    };
    decided.push({
      result: { row, action: 'update', pillarId: record.id, name: candidate.name, problems: [], warnings },
      update: { record, write, fields },
    });
  }
  return decided;
}

function newWrite(
  deps: PillarDeps,
  candidate: RowCandidate,
  nikHash: string | null,
): store.PillarWrite & { id: string } {
  return {
    id: randomUUID(),
    pillarType: candidate.pillarType,
    name: candidate.name,
    nameKey: candidate.nameKey,
    nikEncrypted: candidate.nik ? deps.cipher.encrypt(candidate.nik) : null,
    nikHash,
    phone: candidate.phone,
    homeRegionCode: candidate.homeRegionCode,
    skills: candidate.skills,
    trainings: candidate.trainings,
    status: candidate.status,
    availability: 'siaga',
    availabilityUntil: null,
    userId: null,
  };
}

function requireImporter(principal: Principal, kabkotaCode: string): void {
  if (!managesRegion(principal, kabkotaCode)) {
    throw new DomainError('forbidden', 'Hanya pengelola kab/kota ini yang dapat mengimpor data pilar');
  }
}

/** The dry run: what each row would do, and why a row would be skipped. Writes nothing. */
export async function dryRunImport(
  deps: PillarDeps,
  principal: Principal,
  options: ImportOptions,
  sheetRows: readonly SheetRow[],
): Promise<DryRunReport> {
  requireImporter(principal, options.kabkotaCode);
  const rows = await deps.db.asActor(principal.actor, async (tx) => {
    const plan = makePlan(sheetRows, await loadContext(tx, options));
    const results: ImportRowResult[] = [];
    for (let start = 0; start < plan.rows.length; start += IMPORT_CHUNK_ROWS) {
      const decided = await decideChunk(
        tx,
        deps,
        principal,
        plan,
        plan.rows.slice(start, start + IMPORT_CHUNK_ROWS),
      );
      results.push(...decided.map((decision) => decision.result));
    }
    return results;
  });
  return { dryRun: true, kabkotaCode: options.kabkotaCode, totals: totalsOf(rows), rows };
}

/** Runs imports in the background of this process and lets them stop cleanly when the app closes. */
export type ImportRunner = {
  run(jobId: string, work: (isStopping: () => boolean) => Promise<void>): void;
  isRunning(jobId: string): boolean;
  /** Asks running imports to stop after their current chunk and waits for them. */
  stop(): Promise<void>;
  /** Resolves when the import has ended in this process (tests and benchmarks wait on it). */
  settled(jobId: string): Promise<void>;
};

export function createImportRunner(onError: (error: unknown, jobId: string) => void): ImportRunner {
  const running = new Map<string, Promise<void>>();
  let stopping = false;
  return {
    run(jobId, work) {
      const task = (async () => {
        await new Promise((resolve) => setImmediate(resolve)); // after the reply has gone
        await work(() => stopping);
      })()
        .catch((error) => onError(error, jobId))
        .finally(() => running.delete(jobId));
      running.set(jobId, task);
    },
    isRunning: (jobId) => running.has(jobId),
    async stop() {
      stopping = true;
      await Promise.allSettled([...running.values()]);
    },
    settled: async (jobId) => {
      await running.get(jobId);
    },
  };
}

/**
 * The real import: records a job, answers it at once, and works through the rows in chunks, each chunk
 * one transaction as the importing user, yielding to other requests between chunks.
 */
export async function startImport(
  deps: PillarDeps & { runner: ImportRunner },
  principal: Principal,
  options: ImportOptions,
  sheetRows: readonly SheetRow[],
): Promise<ImportJob> {
  requireImporter(principal, options.kabkotaCode);
  const id = randomUUID();
  const plan = await deps.db.asActor(principal.actor, async (tx) => {
    const planned = makePlan(sheetRows, await loadContext(tx, options));
    await store.insertImport(tx, {
      id,
      kabkotaCode: options.kabkotaCode,
      defaultType: options.defaultType ?? null,
      createdBy: principal.user.id,
      totalRows: planned.rows.length,
      now: deps.clock.now(),
    });
    await appendAudit(tx, principal, 'pillar_import.started', id, {
      kabkotaCode: options.kabkotaCode,
      rows: planned.rows.length,
    });
    return planned;
  });
  const job = await getImport(deps, principal, id);
  deps.runner.run(id, async (isStopping) => {
    try {
      await processImport(deps, principal, id, plan, isStopping);
    } catch (error) {
      await failImport(deps, principal, id).catch(() => undefined);
      throw error;
    }
  });
  return job;
}

async function processImport(
  deps: PillarDeps,
  principal: Principal,
  id: string,
  plan: Plan,
  isStopping: () => boolean,
): Promise<void> {
  for (let start = 0; start < plan.rows.length; start += IMPORT_CHUNK_ROWS) {
    if (isStopping()) {
      await deps.db.asActor(principal.actor, (tx) =>
        store.setImportStatus(
          tx,
          id,
          'terputus',
          'Layanan berhenti sebelum impor selesai; unggah ulang berkasnya',
          deps.clock.now(),
        ),
      );
      return;
    }
    const chunk = plan.rows.slice(start, start + IMPORT_CHUNK_ROWS);
    await deps.db.asActor(principal.actor, async (tx) => {
      const now = deps.clock.now();
      const decided = await decideChunk(tx, deps, principal, plan, chunk);
      const creates = decided.flatMap((decision) => (decision.create ? [decision.create] : []));
      await store.insertPillars(tx, creates, principal.user.id, now);
      for (const d of decided) {
        if (d.create && d.registeredElsewhere) {
          await noteRegisteredElsewhere(tx, [d.create.id], kabkotaOf(d.create.homeRegionCode) ?? '35');
        }
      }
      const results = decided.map((decision) =>
        decision.create ? { ...decision.result, pillarId: decision.create.id } : decision.result,
      );
      const updated: string[] = [];
      for (const [index, decision] of decided.entries()) {
        if (!decision.update) continue;
        const { record, write } = decision.update;
        if (await store.updatePillar(tx, record.id, record.version, write, now)) {
          updated.push(record.id);
        } else {
          results[index] = {
            ...results[index],
            action: 'skip',
            problems: [
              {
                code: 'changed_meanwhile',
                field: null,
                message: 'Data pilar berubah saat impor; ulangi impor',
              },
            ],
          };
        }
      }
      if (creates.length > 0 || updated.length > 0) {
        await appendAudit(tx, principal, 'pillar_import.chunk_applied', id, {
          created: creates.map((row) => row.id),
          updated,
        });
      }
      // The stored report keeps row numbers and reasons only: the names stay in the file and the registry.
      await store.addImportProgress(
        tx,
        id,
        results.map(({ name: _, ...rest }) => rest),
        now,
      );
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  await deps.db.asActor(principal.actor, async (tx) => {
    const job = await store.findImport(tx, id);
    await store.setImportStatus(tx, id, 'selesai', null, deps.clock.now());
    await appendAudit(tx, principal, 'pillar_import.finished', id, {
      created: job?.createdCount ?? 0,
      updated: job?.updatedCount ?? 0,
      unchanged: job?.unchangedCount ?? 0,
      skipped: job?.skippedCount ?? 0,
    });
  });
}

/** Marks an import that failed part-way; the chunks before stay applied, and re-importing is safe. */
export async function failImport(deps: PillarDeps, principal: Principal, id: string): Promise<void> {
  await deps.db.asActor(principal.actor, async (tx) => {
    await store.setImportStatus(
      tx,
      id,
      'gagal',
      'Impor gagal di tengah jalan; unggah ulang berkasnya',
      deps.clock.now(),
    );
    await appendAudit(tx, principal, 'pillar_import.failed', id);
  });
}

/** An import's progress and, once done, its per-row report. */
export async function getImport(
  deps: PillarDeps & { runner?: ImportRunner },
  principal: Principal,
  id: string,
): Promise<ImportJob> {
  authorize(principal, 'pillar.manage', 'Hanya pengelola data pilar yang dapat melihat impor');
  const job = await foundAs(deps, principal, (tx) => store.findImport(tx, id), 'Impor tidak ditemukan');
  const isStale =
    job.status === 'berjalan' &&
    !deps.runner?.isRunning(id) &&
    deps.clock.now().getTime() - job.updatedAt.getTime() > STALE_AFTER_MS;
  return {
    id: job.id,
    status: isStale ? 'terputus' : job.status,
    kabkotaCode: job.kabkotaCode,
    totals: {
      rows: job.totalRows,
      create: job.createdCount,
      update: job.updatedCount,
      unchanged: job.unchangedCount,
      skip: job.skippedCount,
    },
    processedRows: job.processedRows,
    error: job.error,
    createdAt: toWibIso(job.createdAt),
    updatedAt: toWibIso(job.updatedAt),
    finishedAt: toWibIsoOrNull(job.finishedAt),
    rows: job.report,
  };
}
