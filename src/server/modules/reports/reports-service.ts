import { createHash } from 'node:crypto';
import { can } from '../../../shared/permissions/index.ts';
import { kabkotaOf, levelOfCode } from '../../../shared/regions.ts';
import {
  type Report,
  ReportFields,
  type ReportInput,
  type Verification,
} from '../../../shared/reports/report-schema.ts';
import { hasVulnerable, PRIORITY_RANK, triage } from '../../../shared/reports/triage.ts';
import { appendAudit } from '../../platform/audit.ts';
import { contentHash } from '../../platform/canonical.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { publishEvent } from '../../platform/events.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { reencodeImage } from '../../platform/uploads.ts';
import { announceUrgentReport } from '../notifications/notifications-service.ts';
import { findRegion } from '../regions/regions-service.ts';
import { MAX_PHOTO_BYTES } from './photo-rules.ts';
import * as store from './reports-store.ts';

export type ReportDeps = { db: Database; clock: Clock; jobs?: () => Jobs | undefined };

/** The background queue that looks for duplicates of a new report, right after intake (never in it). */
export const DUPLICATES_QUEUE = 'report-duplicates';
/** The periodic catch-up for reports whose duplicate check never ran. */
export const DUPLICATES_SWEEP_QUEUE = 'report-duplicates-sweep';

type Fields = ReturnType<typeof ReportFields.parse>;

/** The stored row of a report's fields: derived codes, triage and content hash (no I/O). */
export function reportRowOf(id: string, fields: Fields): store.ReportRow {
  const { priority, reasons } = triage(fields);
  const level = levelOfCode(fields.regionCode);
  return {
    id,
    ...fields,
    latitude: fields.latitude ?? null,
    longitude: fields.longitude ?? null,
    kabkotaCode: kabkotaOf(fields.regionCode) as string,
    kecamatanCode:
      level === 'kecamatan' || level === 'desa' ? fields.regionCode.split('.').slice(0, 3).join('.') : null,
    hasVulnerable: hasVulnerable(fields.vulnerable),
    priority,
    priorityRank: PRIORITY_RANK[priority],
    priorityReasons: reasons,
    contentHash: contentHash(fields),
  };
}

/** The validation error for a place that is not a known kab/kota, kecamatan or desa. */
function unknownPlace(regionCode: string): DomainError {
  const message =
    regionCode === '35'
      ? 'pilih kab/kota, kecamatan atau desa tempat kejadian'
      : `kode wilayah ${regionCode} tidak dikenal`;
  return new DomainError('validation_failed', 'Isian tidak valid', {
    fields: [{ path: 'regionCode', message }],
  });
}

/** Refuses a place that is not a known kab/kota, kecamatan or desa. */
async function checkPlace(tx: Tx, row: store.ReportRow): Promise<void> {
  if (!(await findRegion(tx, row.regionCode))) throw unknownPlace(row.regionCode);
}

/**
 * A write the caller's module queues with the new report's COMMIT (`tx.atCommit`), in the intake's transaction and
 * as its reporter: called only when the report is created, never for a retry that finds it stored.
 */
export type AtIntakeCommit = (tx: Tx, report: Report) => void;

/**
 * Takes in a report. The client's id makes it idempotent: the same id and content answers the stored
 * report (created: false); the same id with other content is a conflict.
 */
export async function submitReport(
  deps: ReportDeps,
  principal: Principal,
  input: ReportInput,
  atCommit?: AtIntakeCommit,
): Promise<{ report: Report; created: boolean }> {
  authorize(principal, 'report.submit', 'Peran Anda tidak dapat mengirim laporan');
  const { id, ...rest } = input;
  const fields = ReportFields.parse(rest);
  const now = deps.clock.now();
  const row = reportRowOf(id, fields);
  // Three round trips: BEGIN with the actor, the insert (which checks the place through the regions key and
  // sets the deadline from the priority's setting), and COMMIT carrying the audit entry, inbox items and event.
  const result = await deps.db
    .asActor(principal.actor, async (tx) => {
      const inserted = await store.insertReport(tx, {
        ...row,
        reporterId: principal.user.id,
        createdAt: now,
      });
      if (!inserted) return { created: false };
      const report = stripCursor(inserted);
      await appendAudit(
        tx,
        principal.audit,
        'report.created',
        { type: 'report', id },
        { priority: row.priority },
      );
      await announceUrgentReport(tx, report);
      await publishReportEvent(tx, 'report.created', report);
      atCommit?.(tx, report);
      return { created: true, report };
    })
    .catch((error: unknown) => {
      throw store.isUnknownRegion(error) ? unknownPlace(row.regionCode) : error;
    });
  if (result.created && result.report) {
    // After commit, and not awaited: the reporter's answer does not wait for the queue; the sweep catches a miss.
    deps
      .jobs?.()
      ?.send(DUPLICATES_QUEUE, { reportId: id })
      .catch(() => undefined);
    return { report: result.report, created: true };
  }
  // The id exists: a retry from the same reporter with the same content, or a clash.
  const existing = await deps.db.asSystem((tx) => store.findReportFingerprint(tx, id));
  if (existing && existing.reporterId === principal.user.id && existing.contentHash === row.contentHash) {
    return { report: await getReport(deps, principal, id), created: false };
  }
  throw new DomainError('conflict', 'Laporan dengan id ini sudah ada dengan isi berbeda', { id });
}

/** Tells live subscribers a report changed; delivered when the transaction commits. */
async function publishReportEvent(
  tx: Tx,
  type: 'report.created' | 'report.updated',
  report: Report,
): Promise<void> {
  await publishEvent(tx, {
    type,
    subject: { type: 'report', id: report.id },
    visibility: { regionCode: report.regionCode, createdBy: report.reporterId },
    summary: {
      priority: report.priority,
      status: report.status,
      regionCode: report.regionCode,
      kind: report.kind,
    },
  });
}

/** A report the principal may see; throws not_found otherwise. */
export async function getReport(
  deps: Pick<ReportDeps, 'db'>,
  principal: Principal,
  id: string,
): Promise<Report> {
  const report = await deps.db.asActor(principal.actor, (tx) => store.findReport(tx, id));
  if (!report) throw new DomainError('not_found', 'Laporan tidak ditemukan');
  return stripCursor(report);
}

function stripCursor(report: Report & { cursorKey?: string }): Report {
  const { cursorKey: _, ...rest } = report;
  return rest;
}

export type ListQuery = Omit<store.ReportFilter, 'cursor' | 'reporterId'> & {
  cursor?: string;
  mine?: boolean;
};

/** Lists the reports the principal may see, sorted by priority then time, with a cursor to the next page. */
export async function listReports(
  deps: Pick<ReportDeps, 'db'>,
  principal: Principal,
  query: ListQuery,
): Promise<{ items: Report[]; nextCursor: string | null }> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await deps.db.asActor(principal.actor, (tx) =>
    store.listReports(tx, {
      ...query,
      cursor,
      reporterId: query.mine ? principal.user.id : undefined,
      limit: query.limit + 1,
    }),
  );
  const page = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? encodeCursor(page[page.length - 1].cursorKey) : null;
  return { items: page.map(stripCursor), nextCursor };
}

function encodeCursor(key: string): string {
  return Buffer.from(key).toString('base64url');
}

function decodeCursor(cursor: string): store.ReportFilter['cursor'] {
  const [rank, createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    !/^[1-4]$/.test(rank) ||
    !/^\d{4}-\d\d-\d\dT[\d:.]+$/.test(createdAt ?? '') ||
    !/^[0-9a-f-]{36}$/.test(id ?? '')
  ) {
    throw new DomainError('validation_failed', 'Kursor halaman tidak valid');
  }
  return { rank: Number(rank), createdAt, id };
}

/** Amends a report: only from the version the editor saw; keeps the history; re-triages. */
export async function amendReport(
  deps: ReportDeps,
  principal: Principal,
  id: string,
  version: number,
  changes: Partial<Fields>,
): Promise<Report> {
  const report = await deps.db.asActor(principal.actor, async (tx) => {
    const current = await store.findReport(tx, id);
    if (!current) throw new DomainError('not_found', 'Laporan tidak ditemukan');
    const isReporter = current.reporterId === principal.user.id;
    if (!isReporter && !can(principal.user.role, 'report.handle')) {
      throw new DomainError(
        'forbidden',
        'Hanya pelapor atau operator wilayahnya yang dapat mengubah laporan',
      );
    }
    if (current.version !== version) {
      throw new DomainError('version_conflict', 'Laporan sudah diubah orang lain; muat ulang lalu ulangi', {
        currentVersion: current.version,
      });
    }
    const before = pickFields(current);
    const after = ReportFields.parse({ ...before, ...changes });
    const row = reportRowOf(id, after);
    await checkPlace(tx, row);
    if (!(await store.updateReportFields(tx, version, row, deps.clock.now()))) {
      throw new DomainError('version_conflict', 'Laporan sudah diubah orang lain; muat ulang lalu ulangi');
    }
    const diff = Object.fromEntries(
      Object.keys(changes)
        .filter(
          (key) => JSON.stringify(before[key as keyof Fields]) !== JSON.stringify(after[key as keyof Fields]),
        )
        .map((key) => [key, { before: before[key as keyof Fields], after: after[key as keyof Fields] }]),
    );
    await store.insertAmendment(tx, {
      reportId: id,
      version: version + 1,
      changedBy: principal.user.id,
      changes: diff,
    });
    await appendAudit(
      tx,
      principal.audit,
      'report.amended',
      { type: 'report', id },
      {
        version: version + 1,
        fields: Object.keys(diff),
        priority: row.priority,
      },
    );
    const updated = stripCursor((await store.findReport(tx, id))!);
    await publishReportEvent(tx, 'report.updated', updated);
    return updated;
  });
  return report;
}

function pickFields(report: Report): Fields {
  const { kind, conflictType, triggers, groupsInvolved, regionCode, latitude, longitude, occurredAt } =
    report;
  const { violenceOngoing, description, involved, injured, dead, displaced, housesDamaged, vulnerable } =
    report;
  return ReportFields.parse({
    kind,
    conflictType,
    triggers,
    groupsInvolved,
    regionCode,
    latitude,
    longitude,
    occurredAt,
    violenceOngoing,
    description,
    involved,
    injured,
    dead,
    displaced,
    housesDamaged,
    vulnerable,
    needs: report.needs,
    channel: report.channel,
  });
}

export async function listAmendments(deps: Pick<ReportDeps, 'db'>, principal: Principal, id: string) {
  return deps.db.asActor(principal.actor, async (tx) => {
    if (!(await store.findReport(tx, id))) throw new DomainError('not_found', 'Laporan tidak ditemukan');
    return store.listAmendments(tx, id);
  });
}

/** An operator takes the report in hand: the acknowledgement deadline is met. */
export async function acknowledgeReport(deps: ReportDeps, principal: Principal, id: string): Promise<Report> {
  const report = await deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireHandler(tx, principal, id);
    if (!current.acknowledgedAt) {
      await store.markAcknowledged(tx, id, principal.user.id, deps.clock.now());
      await appendAudit(tx, principal.audit, 'report.acknowledged', { type: 'report', id });
    }
    const updated = stripCursor((await store.findReport(tx, id))!);
    await publishReportEvent(tx, 'report.updated', updated);
    return updated;
  });
  return report;
}

/** Verifies, rejects (with a reason) or marks a report as a duplicate of another one. */
export async function verifyReport(
  deps: ReportDeps,
  principal: Principal,
  id: string,
  verification: Verification,
): Promise<Report> {
  const report = await deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireHandler(tx, principal, id);
    if (current.status !== 'baru') {
      throw new DomainError('invalid_transition', `Laporan sudah berstatus ${current.status}`);
    }
    if (verification.status === 'duplikat') {
      if (verification.duplicateOf === id)
        throw new DomainError('validation_failed', 'Laporan tidak bisa duplikat dirinya');
      if (!(await store.findReport(tx, verification.duplicateOf as string))) {
        throw new DomainError('validation_failed', 'Laporan asli tidak ditemukan');
      }
    }
    await store.setVerification(tx, id, {
      status: verification.status,
      reason: verification.reason ?? null,
      duplicateOf: verification.status === 'duplikat' ? (verification.duplicateOf ?? null) : null,
      userId: principal.user.id,
      now: deps.clock.now(),
    });
    await appendAudit(
      tx,
      principal.audit,
      'report.verified',
      { type: 'report', id },
      {
        status: verification.status,
        duplicateOf: verification.duplicateOf ?? null,
      },
    );
    const updated = stripCursor((await store.findReport(tx, id))!);
    await publishReportEvent(tx, 'report.updated', updated);
    return updated;
  });
  return report;
}

async function requireHandler(tx: Tx, principal: Principal, id: string) {
  const current = await store.findReport(tx, id);
  if (!current) throw new DomainError('not_found', 'Laporan tidak ditemukan');
  authorize(principal, 'report.handle', 'Hanya operator yang dapat menangani laporan');
  return current;
}

/** Possible duplicates of a report, as computed by the background job, limited to what the actor sees. */
export async function listDuplicateSuggestions(
  deps: Pick<ReportDeps, 'db'>,
  principal: Principal,
  id: string,
) {
  return deps.db.asActor(principal.actor, async (tx) => {
    if (!(await store.findReport(tx, id))) throw new DomainError('not_found', 'Laporan tidak ditemukan');
    return store.listDuplicateSuggestions(tx, id);
  });
}

/** How many queued reports one round of the duplicate check takes (one statement, one transaction). */
export const DUPLICATES_BATCH = 500;

/**
 * The background job's work: records duplicate suggestions for a batch of new reports in one statement, then marks
 * them checked without waiting on rows an intake holds (a few retries; the sweep checks any left again).
 */
export async function findDuplicates(db: Database, reportIds: readonly string[]): Promise<number> {
  const ids = [...new Set(reportIds)];
  const found = await db.asSystem((tx) => store.computeDuplicateSuggestions(tx, ids));
  let left = await db.asSystem((tx) => store.markDuplicatesChecked(tx, ids));
  for (let attempt = 0; left.length > 0 && attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = await db.asSystem((tx) => store.markDuplicatesChecked(tx, left));
  }
  return found;
}

/** Catches up on reports whose duplicate check never ran (e.g. the process stopped right after intake). */
export async function findDuplicatesForUnchecked(db: Database, limit = DUPLICATES_BATCH): Promise<number> {
  const ids = await db.asSystem((tx) => store.listUncheckedReports(tx, limit));
  await findDuplicates(db, ids);
  return ids.length;
}

/**
 * Stores a photo of a report, idempotently by its client id within the report: decoded and encoded again, so
 * no location metadata and nothing appended to the image survives.
 */
export async function addPhoto(
  deps: ReportDeps,
  principal: Principal,
  reportId: string,
  photoId: string,
  body: Buffer,
): Promise<{ id: string; contentType: string; byteSize: number; created: boolean }> {
  if (body.length > MAX_PHOTO_BYTES) throw new DomainError('payload_too_large', 'Foto maksimal 5 MB');
  // The same upload encodes to the same bytes, so a retried upload is recognised by its hash.
  const { contentType: type, bytes: clean } = await reencodeImage(body);
  const sha256 = createHash('sha256').update(clean).digest('hex');
  return deps.db.asActor(principal.actor, async (tx) => {
    if (!(await store.findReport(tx, reportId)))
      throw new DomainError('not_found', 'Laporan tidak ditemukan');
    const inserted = await store.insertPhoto(tx, {
      id: photoId,
      reportId,
      contentType: type,
      bytes: clean,
      sha256,
      uploadedBy: principal.user.id,
    });
    if (!inserted) {
      if ((await store.findPhotoHash(tx, reportId, photoId)) === sha256) {
        return { id: photoId, contentType: type, byteSize: clean.length, created: false };
      }
      throw new DomainError('conflict', 'Foto dengan id ini sudah ada dengan isi berbeda');
    }
    await appendAudit(
      tx,
      principal.audit,
      'report.photo_added',
      { type: 'report', id: reportId },
      { photoId },
    );
    return { id: photoId, contentType: type, byteSize: clean.length, created: true };
  });
}

/** A photo, only for someone who may see its report. */
export async function getPhoto(
  deps: Pick<ReportDeps, 'db'>,
  principal: Principal,
  reportId: string,
  photoId: string,
): Promise<{ contentType: string; bytes: Buffer }> {
  const photo = await deps.db.asActor(principal.actor, (tx) =>
    tx.one<{ contentType: string; bytes: Buffer }>(
      'SELECT content_type AS "contentType", bytes FROM report_photos WHERE id = $1 AND report_id = $2',
      [photoId, reportId],
    ),
  );
  if (!photo) throw new DomainError('not_found', 'Foto tidak ditemukan');
  return photo;
}
