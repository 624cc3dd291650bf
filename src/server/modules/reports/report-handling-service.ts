// The handling of a report once it is in: corrections by its reporter or an operator (with their history),
// acknowledgement and verification.
import { can } from '../../../shared/permissions/index.ts';
import { type Report, ReportFields, type Verification } from '../../../shared/reports/report-schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { contentHash } from '../../platform/canonical.ts';
import type { Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import {
  checkPlace,
  type Fields,
  publishReportEvent,
  type ReportDeps,
  reportRowOf,
  stripCursor,
} from './report-record.ts';
import * as store from './reports-store.ts';

/** Amends a report: only from the version the editor saw; keeps the history; re-triages. */
export async function amendReport(
  deps: ReportDeps,
  principal: Principal,
  id: string,
  version: number,
  changes: Partial<Fields>,
): Promise<Report> {
  const report = await deps.db.asActor(principal.actor, async (tx) => {
    const current = foundOr(await store.findReport(tx, id), 'Laporan tidak ditemukan');
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
    await appendAudit(tx, principal, 'report.amended', id, {
      version: version + 1,
      fields: Object.keys(diff),
      priority: row.priority,
    });
    const updated = stripCursor((await store.findReport(tx, id))!);
    await publishReportEvent(tx, 'report.updated', updated);
    return updated;
  });
  return report;
}

/**
 * Whether a report already says what `changes` would make it say: an amendment resent after it was applied
 * (a phone's retry) changes nothing and is not made again.
 */
export function holdsAlready(report: Report, changes: Partial<Fields>): boolean {
  const before = pickFields(report);
  return contentHash(before) === contentHash(ReportFields.parse({ ...before, ...changes }));
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
    foundOr(await store.findReport(tx, id), 'Laporan tidak ditemukan');
    return store.listAmendments(tx, id);
  });
}

/** An operator takes the report in hand: the acknowledgement deadline is met. */
export async function acknowledgeReport(deps: ReportDeps, principal: Principal, id: string): Promise<Report> {
  const report = await deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireHandler(tx, principal, id);
    if (!current.acknowledgedAt) {
      await store.markAcknowledged(tx, id, principal.user.id, deps.clock.now());
      await appendAudit(tx, principal, 'report.acknowledged', id);
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
    await appendAudit(tx, principal, 'report.verified', id, {
      status: verification.status,
      duplicateOf: verification.duplicateOf ?? null,
    });
    const updated = stripCursor((await store.findReport(tx, id))!);
    await publishReportEvent(tx, 'report.updated', updated);
    return updated;
  });
  return report;
}

async function requireHandler(tx: Tx, principal: Principal, id: string) {
  const current = foundOr(await store.findReport(tx, id), 'Laporan tidak ditemukan');
  authorize(principal, 'report.handle', 'Hanya operator yang dapat menangani laporan');
  return current;
}
