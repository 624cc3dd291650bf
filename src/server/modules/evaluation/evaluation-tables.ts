// The evaluation as tables: the one layout the PDF and the XLSX both print, so both files hold the same
// numbers. Pure: no I/O. Values stay raw (minutes, fractions); each writer formats them its own way.
import { DEFINITIONS, type FigureId, labelOf } from '../../../shared/evaluation/definitions.ts';
import {
  type EvaluationSummary,
  MEASURES,
  type Measure,
  type PeriodFigures,
  type TimingGroup,
} from '../../../shared/evaluation/evaluation-schema.ts';

/** How a column's values read: counts, minutes, a 0..1 share, or text. */
export type ColumnKind = 'count' | 'minutes' | 'share' | 'text';
export type Cell = string | number | null;

/** One table of the report: a sheet in the XLSX, a table in the PDF. */
export type ReportTable = {
  id: string;
  /** Sheet name: at most 31 characters, no []:*?/\ */
  sheet: string;
  title: string;
  columns: { title: string; kind: ColumnKind }[];
  rows: Cell[][];
  /** Definitions shown under the table. */
  notes: FigureId[];
};

const MEASURE_TITLES: Record<Measure, string> = {
  acknowledge: 'Waktu menerima laporan',
  response: 'Waktu respons lapangan pertama',
  resolve: 'Waktu penyelesaian kasus',
};
const TIMING_ROWS: TimingGroup[] = ['all', 'P1', 'P2', 'P3', 'P4', 'vulnerable', 'harmed', 'others'];

function yesNo(value: boolean | null): string {
  return value === null ? '–' : value ? 'Ya' : 'Tidak';
}

function currentPrevious(
  summary: EvaluationSummary,
  pick: (p: PeriodFigures) => Array<[string, number | null]>,
): Cell[][] {
  const now = pick(summary.current);
  const before = new Map(pick(summary.previous));
  return now.map(([label, value]) => [label, value, before.get(label) ?? null]);
}

/** Builds every table of the report from a summary. */
export function buildReportTables(summary: EvaluationSummary): ReportTable[] {
  const cur = summary.current.period.label;
  const prev = summary.previous.period.label;
  const cpColumns = (first: string): ReportTable['columns'] => [
    { title: first, kind: 'text' },
    { title: cur, kind: 'count' },
    { title: prev, kind: 'count' },
  ];
  const tables: ReportTable[] = [];

  tables.push({
    id: 'reports',
    sheet: 'Laporan',
    title: 'Laporan',
    columns: cpColumns('Angka'),
    rows: currentPrevious(summary, (p) => [
      ['Jumlah laporan', p.reports.total.value],
      ...p.reports.byKind.map((k): [string, number] => [k.label, k.count.value]),
      ...(['P1', 'P2', 'P3', 'P4'] as const).map((key): [string, number] => [
        `Prioritas ${key}`,
        p.reports.byPriority.find((k) => k.key === key)?.count.value ?? 0,
      ]),
      ['Kejadian didahului sinyal', p.reports.incidentsWithPriorSignal.value],
      ['Sinyal sebelum kejadian', p.reports.priorSignals.value],
    ]),
    notes: [
      'reports.total',
      'reports.byKind',
      'reports.byPriority',
      'reports.incidentsWithPriorSignal',
      'reports.priorSignals',
    ],
  });

  const typeLabels = new Map<string, string>();
  for (const p of [summary.current, summary.previous]) {
    for (const k of p.reports.byType) typeLabels.set(k.key, k.label);
  }
  tables.push({
    id: 'types',
    sheet: 'Jenis konflik',
    title: 'Laporan menurut jenis konflik',
    columns: cpColumns('Jenis konflik'),
    rows: [...typeLabels].map(([key, label]) => [
      label,
      summary.current.reports.byType.find((k) => k.key === key)?.count.value ?? 0,
      summary.previous.reports.byType.find((k) => k.key === key)?.count.value ?? 0,
    ]),
    notes: ['reports.byType'],
  });

  for (const measure of MEASURES) {
    tables.push({
      id: `timing-${measure}`,
      sheet: MEASURE_TITLES[measure].replace('Waktu ', '').slice(0, 31),
      title: MEASURE_TITLES[measure],
      columns: [
        { title: 'Kelompok', kind: 'text' },
        { title: 'Terukur', kind: 'count' },
        { title: 'Median', kind: 'minutes' },
        { title: 'Persentil 90', kind: 'minutes' },
        { title: 'Batas waktu', kind: 'minutes' },
        { title: 'Tepat waktu', kind: 'share' },
        { title: `Median ${prev}`, kind: 'minutes' },
        { title: `Tepat waktu ${prev}`, kind: 'share' },
      ],
      rows: TIMING_ROWS.map((g) => {
        const s = summary.current.timings[measure][g];
        const b = summary.previous.timings[measure][g];
        return [labelOf(g), s.measured, s.median, s.p90, s.deadline, s.share, b.median, b.share];
      }),
      notes: [
        `timing.${measure}` as FigureId,
        'timing.median',
        'timing.p90',
        'timing.share',
        'group.vulnerable',
        'group.harmed',
      ],
    });
  }

  tables.push({
    id: 'vulnerable-first',
    sheet: 'Rentan didahulukan',
    title: 'Kelompok rentan didahulukan?',
    columns: [
      { title: 'Tahap', kind: 'text' },
      { title: 'Median rentan terluka/mengungsi', kind: 'minutes' },
      { title: 'Median lainnya', kind: 'minutes' },
      { title: 'Tepat waktu rentan', kind: 'share' },
      { title: 'Tepat waktu lainnya', kind: 'share' },
      { title: 'Lebih cepat?', kind: 'text' },
      { title: `Lebih cepat? ${prev}`, kind: 'text' },
    ],
    rows: MEASURES.map((m) => {
      const v = summary.current.vulnerableFirst[m];
      return [
        labelOf(m),
        v.harmedMedian,
        v.othersMedian,
        v.harmedShare,
        v.othersShare,
        yesNo(v.isFaster),
        yesNo(summary.previous.vulnerableFirst[m].isFaster),
      ];
    }),
    notes: ['vulnerableFirst', 'group.harmed', 'group.others'],
  });

  tables.push({
    id: 'cases',
    sheet: 'Kasus',
    title: 'Kasus: tahap, hasil dan kekambuhan',
    columns: cpColumns('Angka'),
    rows: currentPrevious(summary, (p) => [
      ['Kasus dibuka', p.cases.opened.value],
      ...p.cases.byPhase.map((k): [string, number] => [`Tahap ${k.label.toLowerCase()}`, k.count.value]),
      ...p.cases.byOutcome.map((k): [string, number] => [k.label, k.count.value]),
      ['Kasus ditutup', p.cases.closed.value],
      ['Kasus kambuh', p.cases.recurred.value],
      ['Ditutup dengan rujukan terbuka', p.cases.closedWithOpenReferrals.value],
    ]),
    notes: [
      'cases.opened',
      'cases.byPhase',
      'cases.byOutcome',
      'cases.recurrence',
      'cases.closedWithOpenReferrals',
    ],
  });

  tables.push({
    id: 'referrals',
    sheet: 'Rujukan',
    title: 'Rujukan kelompok rentan',
    columns: [
      { title: 'Angka', kind: 'text' },
      { title: cur, kind: 'count' },
      { title: prev, kind: 'count' },
    ],
    rows: currentPrevious(summary, (p) => [
      ['Rujukan dibuat', p.referrals.made.value],
      ['Rujukan selesai', p.referrals.completed.value],
      ['Terbuka lewat tenggat', p.referrals.overdue.value],
      ['Median sampai selesai (menit)', p.referrals.medianCompletionMinutes],
    ]),
    notes: ['referrals.made', 'referrals.completed', 'referrals.overdue', 'referrals.medianCompletion'],
  });

  const alertRows = (p: PeriodFigures): Array<[string, number | null]> =>
    p.alerts.available
      ? [
          ['Peringatan diterbitkan', p.alerts.raised.value],
          ['Dikonfirmasi tepat waktu', p.alerts.acknowledgedInTime?.value ?? null],
          ['Disusul kejadian', p.alerts.followedByIncident?.value ?? null],
          ['Dijawab dengan respons', p.alerts.answered?.value ?? null],
        ]
      : [['Tidak tersedia', null]];
  tables.push({
    id: 'alerts',
    sheet: 'Peringatan dini',
    title: summary.current.alerts.available
      ? 'Peringatan dini dan responsnya'
      : 'Peringatan dini dan responsnya (tidak tersedia)',
    columns: cpColumns('Angka'),
    rows: currentPrevious(summary, alertRows),
    notes: ['alerts.raised', 'alerts.acknowledgedInTime', 'alerts.followedByIncident', 'alerts.answered'],
  });

  tables.push({
    id: 'coverage',
    sheet: 'Cakupan pilar',
    title: `Cakupan pilar sosial pada akhir periode${summary.current.pillars.registry ? '' : ' (registri pilar tidak tersedia)'}`,
    columns: [
      { title: 'Jenis pilar', kind: 'text' },
      { title: 'Per wilayah', kind: 'text' },
      { title: 'Wilayah', kind: 'count' },
      { title: 'Memenuhi target', kind: 'count' },
      { title: 'Kekurangan pilar', kind: 'count' },
      { title: 'Pilar aktif', kind: 'count' },
    ],
    rows: summary.current.pillars.coverage.map((c) => [
      c.label,
      `${c.perArea} per ${labelOf(c.areaLevel)}`,
      c.areas,
      c.areasMet,
      c.shortfall,
      c.active,
    ]),
    notes: ['pillars.coverage'],
  });

  tables.push({
    id: 'assignments',
    sheet: 'Penugasan',
    title: 'Penugasan per jenis pilar dan peringatan keselamatan',
    columns: cpColumns('Angka'),
    rows: currentPrevious(summary, (p) => [
      ...p.pillars.assignments.map((a): [string, number] => [`Penugasan ${a.label}`, a.count.value]),
      ['Peringatan keselamatan', p.pillars.safetyAlerts.value],
    ]),
    notes: ['pillars.assignments', 'pillars.safetyAlerts'],
  });

  tables.push({
    id: 'kabkota',
    sheet: 'Per kab-kota',
    title: 'Kab/kota berdampingan (sinergi)',
    columns: [
      { title: 'Kab/kota', kind: 'text' },
      { title: 'Laporan', kind: 'count' },
      { title: 'P1', kind: 'count' },
      { title: 'Median terima', kind: 'minutes' },
      { title: 'Terima tepat waktu', kind: 'share' },
      { title: 'Median respons', kind: 'minutes' },
      { title: 'Respons tepat waktu', kind: 'share' },
      { title: 'Selesai tepat waktu', kind: 'share' },
      { title: 'Kambuh', kind: 'count' },
      { title: 'Rujukan lewat tenggat', kind: 'count' },
      { title: 'Kekurangan pilar', kind: 'count' },
    ],
    rows: summary.byKabkota.map((k) => [
      k.name,
      k.reports.value,
      k.p1.value,
      k.acknowledge.median,
      k.acknowledge.share,
      k.response.median,
      k.response.share,
      k.resolve.share,
      k.recurred.value,
      k.referralsOverdue.value,
      k.coverageShortfall,
    ]),
    notes: ['compare.kabkota'],
  });

  return tables;
}

/** Every definition as rows: figure, definition (Indonesian), definition (English). */
export function definitionRows(): [string, string, string][] {
  return Object.values(DEFINITIONS).map((d) => [d.title.id, d.text.id, d.text.en]);
}
