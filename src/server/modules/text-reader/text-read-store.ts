import type { Vulnerable, VulnerableGroup } from '../../../shared/reports/report-schema.ts';
import { VULNERABLE_GROUPS } from '../../../shared/reports/report-vocabulary.ts';
import type { Tx } from '../../platform/db.ts';
import type { ChosenFields } from './text-read-rules.ts';

type ReportRow = {
  kind: ChosenFields['kind'];
  conflictType: ChosenFields['conflictType'];
  regionCode: string;
  kabkotaCode: string;
  injured: number;
  dead: number;
  displaced: number;
  vulnerable: Vulnerable;
  violenceOngoing: boolean;
};

/** The fields of a report the reader suggests, as filed; undefined when the actor may not see the report. */
export async function findChosen(tx: Tx, reportId: string): Promise<ChosenFields | undefined> {
  const row = await tx.one<ReportRow>(
    `SELECT kind, conflict_type AS "conflictType", region_code AS "regionCode", kabkota_code AS "kabkotaCode",
            injured, dead, displaced, vulnerable, violence_ongoing AS "violenceOngoing"
       FROM reports WHERE id = $1`,
    [reportId],
  );
  if (!row) return undefined;
  const vulnerableGroups: VulnerableGroup[] = VULNERABLE_GROUPS.filter((g) => {
    const c = row.vulnerable[g];
    return (c?.harmed ?? 0) + (c?.displaced ?? 0) + (c?.atRisk ?? 0) > 0;
  });
  const { vulnerable: _, ...fields } = row;
  return { ...fields, vulnerableGroups };
}

/** Keeps one suggestion per report: a retried submission changes nothing. Returns false when one was kept. */
export async function insertFeedback(
  tx: Tx,
  row: {
    reportId: string;
    suggested: unknown;
    chosen: unknown;
    agreed: string[];
    recordedBy: string;
    at: Date;
  },
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO text_read_feedback (report_id, suggested, chosen, agreed, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (report_id) DO NOTHING RETURNING report_id`,
    [
      row.reportId,
      JSON.stringify(row.suggested),
      JSON.stringify(row.chosen),
      row.agreed,
      row.recordedBy,
      row.at,
    ],
  );
  return inserted.length > 0;
}

/** How many readings were filed between two instants, and for each field how many the person kept. */
export async function agreement(
  tx: Tx,
  from: Date,
  to: Date,
): Promise<{ reports: number; agreed: Map<string, number> }> {
  const total = await tx.one<{ n: number }>(
    'SELECT count(*)::int AS n FROM text_read_feedback WHERE created_at >= $1 AND created_at < $2',
    [from, to],
  );
  const rows = await tx.query<{ field: string; n: number }>(
    `SELECT field, count(*)::int AS n FROM text_read_feedback, unnest(agreed) AS field
      WHERE created_at >= $1 AND created_at < $2 GROUP BY field`,
    [from, to],
  );
  return { reports: total?.n ?? 0, agreed: new Map(rows.map((r) => [r.field, r.n])) };
}
