// The reports module's service: the intake of a report, reading and listing reports, their photos and the
// duplicate check; the handling once a report is in (corrections, acknowledgement, verification) is in
// report-handling-service.ts and answers from here too, so callers keep one surface.
import { createHash } from 'node:crypto';
import { type Report, ReportFields, type ReportInput } from '../../../shared/reports/report-schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundAs, foundOr } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { reencodeImage } from '../../platform/uploads.ts';
import { announceUrgentReport } from '../notifications/notifications-service.ts';
import * as suggestions from './duplicates-store.ts';
import { MAX_PHOTO_BYTES } from './photo-rules.ts';
import {
  publishReportEvent,
  type ReportDeps,
  reportRowOf,
  stripCursor,
  unknownPlace,
} from './report-record.ts';
import * as store from './reports-store.ts';

export {
  acknowledgeReport,
  amendReport,
  holdsAlready,
  listAmendments,
  verifyReport,
} from './report-handling-service.ts';
export { type ReportDeps, reportRowOf } from './report-record.ts';

/** The background queue that looks for duplicates of a new report, right after intake (never in it). */
export const DUPLICATES_QUEUE = 'report-duplicates';
/** The periodic catch-up for reports whose duplicate check never ran. */
export const DUPLICATES_SWEEP_QUEUE = 'report-duplicates-sweep';

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
      await appendAudit(tx, principal, 'report.created', id, { priority: row.priority });
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

/** A report the principal may see; throws not_found otherwise. */
export async function getReport(
  deps: Pick<ReportDeps, 'db'>,
  principal: Principal,
  id: string,
): Promise<Report> {
  const report = await foundAs(deps, principal, (tx) => store.findReport(tx, id), 'Laporan tidak ditemukan');
  return stripCursor(report);
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

/** Possible duplicates of a report, as computed by the background job, limited to what the actor sees. */
export async function listDuplicateSuggestions(
  deps: Pick<ReportDeps, 'db'>,
  principal: Principal,
  id: string,
) {
  return deps.db.asActor(principal.actor, async (tx) => {
    foundOr(await store.findReport(tx, id), 'Laporan tidak ditemukan');
    return suggestions.listDuplicateSuggestions(tx, id);
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
  const found = await db.asSystem((tx) => suggestions.computeDuplicateSuggestions(tx, ids));
  let left = await db.asSystem((tx) => suggestions.markDuplicatesChecked(tx, ids));
  for (let attempt = 0; left.length > 0 && attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = await db.asSystem((tx) => suggestions.markDuplicatesChecked(tx, left));
  }
  return found;
}

/** Catches up on reports whose duplicate check never ran (e.g. the process stopped right after intake). */
export async function findDuplicatesForUnchecked(db: Database, limit = DUPLICATES_BATCH): Promise<number> {
  const ids = await db.asSystem((tx) => suggestions.listUncheckedReports(tx, limit));
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
    foundOr(await store.findReport(tx, reportId), 'Laporan tidak ditemukan');
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
    await appendAudit(tx, principal, 'report.photo_added', reportId, { photoId });
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
  return foundAs(deps, principal, (tx) => store.findPhoto(tx, reportId, photoId), 'Foto tidak ditemukan');
}

/** One report the actor may see, inside the caller's transaction (a case attaching it). */
export function findReport(tx: Tx, id: string): Promise<Report | undefined> {
  return store.findReport(tx, id);
}

/** Which of these report ids exist for the actor, inside the caller's transaction. */
export function findKnownReportIds(tx: Tx, ids: readonly string[]): Promise<string[]> {
  return store.listKnownReportIds(tx, ids);
}

/** The needs of a case's reports and whether any names a child, inside the caller's transaction (dispatch). */
export function findCaseReportFacts(
  tx: Tx,
  caseId: string,
): Promise<{ needs: string[]; hasChildren: boolean }> {
  return store.findCaseReportFacts(tx, caseId);
}

/** The reports a case is opened from, most urgent and oldest first, inside the caller's transaction. */
export function findReportsForCase(tx: Tx, ids: readonly string[]): Promise<store.CaseSourceReport[]> {
  return store.listCaseSourceReports(tx, ids);
}
