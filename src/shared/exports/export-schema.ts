import { z } from 'zod';
import { CalendarDay } from '../calendar-date.ts';
import { CasePhase } from '../cases/case-rules.ts';
import { ALERT_STATUSES } from '../early-warning/alert-rules.ts';
import { EvaluationQuery } from '../evaluation/evaluation-query.ts';
import { RegionCode } from '../regions.ts';
import { QueryFlag } from '../replies.ts';
import { ReportFilters } from '../reports/report-schema.ts';

/** What can be exported: the office's lists, and the records behind an evaluation figure. */
export const EXPORT_KINDS = ['reports', 'cases', 'alerts', 'pillars', 'evaluation'] as const;
export const ExportKind = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof ExportKind>;

/** The file formats analysts use: Excel (CSV, XLSX), QGIS (GeoJSON), humanitarian tools (HXL-tagged CSV). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'hxl'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** What every export takes besides its list's filters. */
const ExportOptions = z.object({
  format: ExportFormat.default('csv'),
  /** CSV/HXL separator: `,` or `;` (Excel set to Indonesian reads `;`). */
  delimiter: z.enum([',', ';']).default(','),
  /** Names of people: only for handlers, only when asked for (each view access-logged). */
  personal: QueryFlag,
});

/** The filters of the reports list (GET /api/reports), without paging. */
export const ReportsExportQuery = ExportOptions.extend(ReportFilters.shape);

/** The filters of the cases board (GET /api/cases), plus the period it was opened in. */
export const CasesExportQuery = ExportOptions.extend({
  region: RegionCode.optional(),
  phase: CasePhase.optional(),
  open: QueryFlag,
  from: CalendarDay.optional(),
  to: CalendarDay.optional(),
});

/** The filters of the alerts list, plus the period. */
export const AlertsExportQuery = ExportOptions.extend({
  region: RegionCode.optional(),
  status: z.enum(ALERT_STATUSES).optional(),
  open: QueryFlag,
  from: CalendarDay.optional(),
  to: CalendarDay.optional(),
});

/** The pillar registry's filters. */
export const PillarsExportQuery = ExportOptions.extend({
  region: RegionCode.optional(),
  type: z.string().trim().min(1).max(60).optional(),
  status: z.enum(['aktif', 'nonaktif']).optional(),
});

/** The evaluation's records behind one figure: the filters of GET /api/evaluations/records, without paging. */
export const EvaluationExportQuery = ExportOptions.extend(EvaluationQuery.shape).extend({
  set: z.string().min(1).max(100),
});
export type EvaluationExportQuery = z.infer<typeof EvaluationExportQuery>;

export const EXPORT_QUERIES = {
  reports: ReportsExportQuery,
  cases: CasesExportQuery,
  alerts: AlertsExportQuery,
  pillars: PillarsExportQuery,
  evaluation: EvaluationExportQuery,
} as const;

export type ExportQuery = z.infer<(typeof EXPORT_QUERIES)[ExportKind]>;

/** A background export's state, as GET /api/exports/jobs/:id answers. */
export const ExportJob = z.object({
  id: z.string(),
  kind: ExportKind,
  format: ExportFormat,
  status: z.enum(['antre', 'berjalan', 'selesai', 'gagal']),
  rows: z.number(),
  /** Rows the export will hold, counted when it starts; null until then. */
  total: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Until when the file can be downloaded (a day after it is ready). */
  expiresAt: z.string().nullable(),
  /** Where to download the file once ready. */
  downloadUrl: z.string().nullable(),
  error: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;

export const ExportJobStarted = z.object({ jobId: z.string() });
export type ExportJobStarted = z.infer<typeof ExportJobStarted>;

/** The file itself (CSV, XLSX, GeoJSON or HXL), streamed; its type in `content-type`. */
export const ExportFile = z.string().describe('Berkas ekspor / the export file');
