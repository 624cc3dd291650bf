// What the report intake and the report's handling share: the stored row of a report's fields, the place check,
// the change event for live subscribers and the reply without its paging key.
import { kabkotaOf, kecamatanOf } from '../../../shared/regions.ts';
import type { Report, ReportFields } from '../../../shared/reports/report-schema.ts';
import { hasVulnerable, PRIORITY_RANK, triage } from '../../../shared/reports/triage.ts';
import { contentHash } from '../../platform/canonical.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { type DomainError, invalidField } from '../../platform/errors.ts';
import { publishEvent } from '../../platform/events.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { findRegion } from '../regions/regions-service.ts';
import type * as store from './reports-store.ts';

export type ReportDeps = { db: Database; clock: Clock; jobs?: () => Jobs | undefined };

export type Fields = ReturnType<typeof ReportFields.parse>;

/** The stored row of a report's fields: derived codes, triage and content hash (no I/O). */
export function reportRowOf(id: string, fields: Fields): store.ReportRow {
  const { priority, reasons } = triage(fields);
  return {
    id,
    ...fields,
    latitude: fields.latitude ?? null,
    longitude: fields.longitude ?? null,
    kabkotaCode: kabkotaOf(fields.regionCode) as string,
    kecamatanCode: kecamatanOf(fields.regionCode) ?? null,
    hasVulnerable: hasVulnerable(fields.vulnerable),
    priority,
    priorityRank: PRIORITY_RANK[priority],
    priorityReasons: reasons,
    contentHash: contentHash(fields),
  };
}

/** The validation error for a place that is not a known kab/kota, kecamatan or desa. */
export function unknownPlace(regionCode: string): DomainError {
  const message =
    regionCode === '35'
      ? 'pilih kab/kota, kecamatan atau desa tempat kejadian'
      : `kode wilayah ${regionCode} tidak dikenal`;
  return invalidField('regionCode', message);
}

/** Refuses a place that is not a known kab/kota, kecamatan or desa. */
export async function checkPlace(tx: Tx, row: store.ReportRow): Promise<void> {
  if (!(await findRegion(tx, row.regionCode))) throw unknownPlace(row.regionCode);
}

/** Tells live subscribers a report changed; delivered when the transaction commits. */
export async function publishReportEvent(
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

/** The reply of a report: its row without the key the list pages by. */
export function stripCursor(report: Report & { cursorKey?: string }): Report {
  const { cursorKey: _, ...rest } = report;
  return rest;
}
