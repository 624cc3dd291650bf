import { z } from 'zod';
import { DayPeriod } from '../calendar-date.ts';
import { CasePhase } from '../cases/case-rules.ts';
import { ConflictType, Priority, ReportKind, VulnerableGroup } from '../reports/report-schema.ts';

/** Reports counted, and the incidents among them. */
export const ReportCounts = z.object({ reports: z.number(), incidents: z.number() });

/** Counts of one child area (a kab/kota of the province, or a kecamatan of a kab/kota). */
export const AreaStats = z.object({
  code: z.string(),
  ...ReportCounts.shape,
  /** Reports that name vulnerable people in any way. */
  vulnerable: z.number(),
  p1: z.number(),
  openCases: z.number(),
});
export type AreaStats = z.infer<typeof AreaStats>;

/**
 * The dashboard's numbers for an area and a period (WIB days, `to` included): reports by where, what, who and
 * when; the open cases now; and the deadlines missed. Counted under the viewer's row-level security, so
 * everyone sees the numbers of what they may see.
 */
export const StatsOverview = z.object({
  scope: z.string(),
  /** The level of `byArea`: kab/kota for the province, kecamatan for a kab/kota. */
  areaLevel: z.enum(['kabkota', 'kecamatan']),
  ...DayPeriod.shape,
  totals: z.object({
    ...ReportCounts.shape,
    signals: z.number(),
    vulnerable: z.number(),
    openCases: z.number(),
  }),
  byArea: z.array(AreaStats),
  byKind: z.array(z.object({ kind: ReportKind, count: z.number() })),
  byType: z.array(z.object({ type: ConflictType, count: z.number() })),
  byVulnerableGroup: z.array(
    z.object({ group: VulnerableGroup, harmed: z.number(), displaced: z.number(), atRisk: z.number() }),
  ),
  /** One entry per week (Monday, WIB) of the period, including weeks without reports. */
  byWeek: z.array(z.object({ week: z.string(), ...ReportCounts.shape })),
  openCasesByPhase: z.array(z.object({ phase: CasePhase, count: z.number() })),
  openCasesByPriority: z.array(z.object({ priority: Priority, count: z.number() })),
  missedDeadlines: z.object({
    /** Reports of the period acknowledged late, or still waiting past their deadline. */
    acknowledge: z.number(),
    /** Cases (open, or opened in the period) whose first field response came late or is overdue. */
    response: z.number(),
    /** Cases (open, or opened in the period) closed late or still open past their deadline. */
    resolve: z.number(),
  }),
});
export type StatsOverview = z.infer<typeof StatsOverview>;
