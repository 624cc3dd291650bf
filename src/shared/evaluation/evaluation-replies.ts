// What the evaluation API sends back: the summary's figures, the records behind them, the figures' definitions
// and the kept reports. The zod-free types of evaluation-schema.ts are inferred from these (`import type`).
import { z } from 'zod';
import { DayPeriod } from '../calendar-date.ts';
import { RegionCodeName } from '../regions.ts';
import { TaskProgress } from '../replies.ts';
import { FIGURE_IDS } from './definitions.ts';
import { MEASURES, TIMING_GROUPS } from './evaluation-schema.ts';

const InTwoLanguages = z.object({ id: z.string(), en: z.string() });

/** What one figure means, in Bahasa Indonesia and English. */
export const FigureDefinitionView = z.object({
  id: z.enum(FIGURE_IDS),
  title: InTwoLanguages,
  text: InTwoLanguages,
});

/** A kept evaluation report: its parameters, progress, and where to fetch it. */
export const ReportJob = z.object({
  id: z.string(),
  format: z.enum(['pdf', 'xlsx']),
  scope: z.string(),
  ...DayPeriod.shape,
  status: z.enum(['antri', 'berjalan', 'selesai', 'gagal']),
  progress: z.number(),
  step: z.string(),
  fileName: z.string().nullable(),
  byteSize: z.number().nullable(),
  ...TaskProgress.shape,
  link: z.string().describe('GET: kemajuan / progress'),
  fileLink: z.string().nullable().describe('GET: berkasnya, setelah selesai / the file, once done'),
});
export type ReportJob = z.infer<typeof ReportJob>;

/** A number and the filtered list of the records behind it. */
export const FigureReply = z.object({ value: z.number(), link: z.string() });

/** Times (minutes) of one group of records against their deadlines. */
export const TimingStatReply = z.object({
  measured: z.number().describe('Catatan yang punya waktu / records with a time'),
  known: z
    .number()
    .describe('Yang terukur ditambah yang lewat tenggat tanpa waktu / the share’s denominator'),
  within: z.number().describe('Selesai dalam tenggat prioritasnya / done within its own deadline'),
  share: z.number().nullable(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  deadline: z
    .number()
    .nullable()
    .describe('Tenggat (menit) bila satu prioritas / the deadline of a one-priority group'),
  link: z.string(),
});

/** Are records with vulnerable people harmed or displaced handled faster than the rest? */
export const VulnerableFirstReply = z.object({
  harmedMedian: z.number().nullable(),
  othersMedian: z.number().nullable(),
  harmedShare: z.number().nullable(),
  othersShare: z.number().nullable(),
  isFaster: z.boolean().nullable(),
});

export const KeyedReply = z.object({ key: z.string(), label: z.string(), count: FigureReply });

export const CoverageRowReply = z.object({
  pillarType: z.string(),
  label: z.string(),
  areaLevel: z.string(),
  perArea: z.number(),
  areas: z.number(),
  areasMet: z.number(),
  shortfall: z.number(),
  active: z.number(),
  link: z.string(),
});

export const AlertFiguresReply = z.discriminatedUnion('available', [
  z.object({ available: z.literal(false), reason: z.string() }),
  z.object({
    available: z.literal(true),
    raised: FigureReply,
    acknowledgedInTime: FigureReply.nullable(),
    followedByIncident: FigureReply.nullable(),
    answered: FigureReply.nullable(),
  }),
]);

export const PillarFiguresReply = z.object({
  registry: z.boolean().describe('false bila registri pilar tidak ada / without the pillar registry'),
  coverage: z.array(CoverageRowReply),
  assignments: z.array(KeyedReply),
  safetyAlerts: FigureReply,
});

const TimingsByGroup = z.record(z.enum(TIMING_GROUPS), TimingStatReply);

/** Every figure of one period. */
export const PeriodFiguresReply = z.object({
  period: z.object({ ...DayPeriod.shape, label: z.string() }),
  reports: z.object({
    total: FigureReply,
    byKind: z.array(KeyedReply),
    byType: z.array(KeyedReply),
    byPriority: z.array(KeyedReply),
    byKabkota: z.array(KeyedReply),
    incidents: FigureReply,
    incidentsWithPriorSignal: FigureReply,
    priorSignals: FigureReply,
  }),
  timings: z.record(z.enum(MEASURES), TimingsByGroup),
  vulnerableFirst: z.record(z.enum(MEASURES), VulnerableFirstReply),
  cases: z.object({
    opened: FigureReply,
    byPhase: z.array(KeyedReply),
    byOutcome: z.array(KeyedReply),
    closed: FigureReply,
    recurred: FigureReply,
    closedWithOpenReferrals: FigureReply,
  }),
  referrals: z.object({
    made: FigureReply,
    completed: FigureReply,
    overdue: FigureReply,
    medianCompletionMinutes: z.number().nullable(),
  }),
  alerts: AlertFiguresReply,
  pillars: PillarFiguresReply,
});

/** One kab/kota's main figures, for the side-by-side view. */
export const KabkotaRowReply = z.object({
  ...RegionCodeName.shape,
  reports: FigureReply,
  p1: FigureReply,
  acknowledge: TimingStatReply,
  response: TimingStatReply,
  resolve: TimingStatReply,
  recurred: FigureReply,
  referralsOverdue: FigureReply,
  coverageShortfall: z.number().nullable(),
});

/** The answer of GET /api/evaluations/summary. */
export const EvaluationSummaryReply = z.object({
  scope: z.object({
    code: z.string(),
    kind: z.enum(['provinsi', 'bakorwil', 'kabkota']),
    name: z.string(),
    kabkota: z.array(z.string()),
  }),
  generatedAt: z.string(),
  current: PeriodFiguresReply,
  previous: PeriodFiguresReply,
  byKabkota: z.array(KabkotaRowReply),
});

/** One record behind a figure. */
export const FigureRecordReply = z.object({
  type: z.string(),
  id: z.string(),
  regionCode: z.string(),
  at: z.string(),
  tags: z.array(z.string()),
  minutes: z.number().nullable(),
  deadline: z.number().nullable(),
  isWithin: z.boolean().nullable(),
  link: z.string().nullable(),
});
export type FigureRecord = z.infer<typeof FigureRecordReply>;

/** The answer of GET /api/evaluations/records: the first `limit` records of a set, and how many in all. */
export const FigureRecordsReply = z.object({
  set: z.string(),
  total: z.number(),
  items: z.array(FigureRecordReply),
});
