import type { Tx } from '../../platform/db.ts';

// The dashboard's numbers read from the figures kept by migrations 0029 and 0040: the whole weeks of the period
// from the weekly rows (report_weekly_counts, report_weekly_vulnerable), the days of its partial first and last
// weeks from the daily ones, and the open cases (case_open_counts): at most weeks × areas × types rows plus twelve
// days' worth, whatever the number of reports. Row security lets through the areas of the viewer's scope. Only the
// deadlines depend on the clock: the reports still within their acknowledgement deadline (few, by a partial
// index) and the cases in play are read.

/** The period and area a count reads; the caller's row-level security narrows it further. */
export type StatsFilter = {
  /** A region code prefix: '35' or a kab/kota '35.09'. */
  scope: string;
  /** Only these kab/kota (a Bakorwil's members, or those of the viewer's scope), or null for all of `scope`. */
  kabkota: string[] | null;
  /** Counted by child area at this level. */
  areaLevel: 'kabkota' | 'kecamatan';
  /** The level of the kept figures read: kab/kota rows, or kecamatan rows (a kab/kota, or a kecamatan viewer). */
  rollupLevel: 'kabkota' | 'kecamatan';
  /** Reports that occurred in [from, to): the WIB days fromDay … toDay. */
  from: Date;
  to: Date;
  fromDay: string;
  toDay: string;
  /** The whole weeks of the period, Mondays [from, until) (stats-rules.ts wholeWeeksOf). */
  wholeWeeks: { from: string; until: string };
  now: Date;
};

/**
 * The kept rows of the filter, each with its week (a Monday): the weekly rows of the whole weeks, then the daily
 * rows of the other days. Parameters $1 level, $2 scope, $3 fromDay, $4 toDay, $5 kabkota, $6 and $7 the whole
 * weeks [from, until); `columns` are read from both tables.
 */
function keptRows(weekly: string, daily: string, columns: string): string {
  const where = `level = $1 AND (kabkota_code = $2 OR kabkota_code LIKE $2 || '.%')
    AND ($5::text[] IS NULL OR kabkota_code = ANY ($5::text[]))`;
  return `SELECT week, ${columns} FROM ${weekly} WHERE ${where} AND week >= $6::date AND week < $7::date
    UNION ALL
    SELECT day - (extract(isodow FROM day)::int - 1) AS week, ${columns} FROM ${daily}
    WHERE ${where} AND day >= $3::date AND day <= $4::date AND (day < $6::date OR day >= $7::date)`;
}
const rowParams = (f: StatsFilter) => [
  f.rollupLevel,
  f.scope,
  f.fromDay,
  f.toDay,
  f.kabkota,
  f.wholeWeeks.from,
  f.wholeWeeks.until,
];

/** The child area of a kept row: its kab/kota, or its kecamatan (rows of reports placed at kab/kota level have none). */
const AREA = (f: StatsFilter) => (f.areaLevel === 'kabkota' ? 'kabkota_code' : 'area_code');
const HAS_AREA = (f: StatsFilter) => (f.areaLevel === 'kabkota' ? 'true' : 'area_code <> kabkota_code');

type KeptRow = {
  grouped: 'area' | 'type' | 'week' | 'all';
  key: string | null;
  hasArea: boolean | null;
  reports: number;
  incidents: number;
  vulnerable: number;
  p1: number;
  late: number;
  waiting: number;
};

/**
 * The period's kept report figures in ONE pass over the rows (grouping sets): per child area, per conflict type,
 * per week (its Monday), and the whole (with the acknowledgements late and still waiting).
 */
export async function readReportFigures(tx: Tx, f: StatsFilter) {
  const rows = await tx.query<KeptRow>(
    `SELECT CASE WHEN grouping(area) = 0 THEN 'area' WHEN grouping(type) = 0 THEN 'type'
                 WHEN grouping(week) = 0 THEN 'week' ELSE 'all' END AS grouped,
            coalesce(area, type, to_char(week, 'YYYY-MM-DD')) AS key, has_area AS "hasArea",
            sum(reports)::int AS reports, sum(incidents)::int AS incidents, sum(vulnerable)::int AS vulnerable,
            sum(p1)::int AS p1, sum(acknowledged_late)::int AS late, sum(unacknowledged)::int AS waiting
     FROM (SELECT ${AREA(f)} AS area, ${HAS_AREA(f)} AS has_area, conflict_type AS type, week,
                  reports, incidents, vulnerable, p1, acknowledged_late, unacknowledged
           FROM (${keptRows(
             'report_weekly_counts',
             'report_daily_counts',
             'kabkota_code, area_code, conflict_type, reports, incidents, vulnerable, p1, acknowledged_late, unacknowledged',
           )}) kept_rows) kept
     GROUP BY GROUPING SETS ((area, has_area), (type), (week), ())`,
    rowParams(f),
  );
  const of = (grouped: KeptRow['grouped']) => rows.filter((row) => row.grouped === grouped);
  const whole = of('all')[0];
  return {
    areas: of('area')
      .filter((row) => row.hasArea && row.reports !== 0)
      .map((row) => ({
        code: row.key as string,
        reports: row.reports,
        incidents: row.incidents,
        vulnerable: row.vulnerable,
        p1: row.p1,
      })),
    kindsAndTypes: of('type').flatMap((row) =>
      [
        { kind: 'kejadian', type: row.key as string, count: row.incidents },
        { kind: 'sinyal', type: row.key as string, count: row.reports - row.incidents },
      ].filter((entry) => entry.count !== 0),
    ),
    weeks: of('week')
      .filter((row) => row.reports !== 0)
      .map((row) => ({ week: row.key as string, reports: row.reports, incidents: row.incidents })),
    acknowledgements: { late: whole?.late ?? 0, waiting: whole?.waiting ?? 0 },
  };
}

/** Open cases per child area. Areas without any are left out. */
export async function countOpenCasesByArea(tx: Tx, f: StatsFilter) {
  return tx.query<{ code: string; openCases: number }>(
    `SELECT ${AREA(f)} AS code, sum(open)::int AS "openCases"
     FROM case_open_counts
     WHERE level = $1 AND (kabkota_code = $2 OR kabkota_code LIKE $2 || '.%')
       AND ($3::text[] IS NULL OR kabkota_code = ANY ($3::text[])) AND ${HAS_AREA(f)}
     GROUP BY 1 HAVING sum(open) <> 0`,
    [f.rollupLevel, f.scope, f.kabkota],
  );
}

/** Vulnerable people the period's reports name, per group: hurt, displaced, at risk. */
export async function sumVulnerable(tx: Tx, f: StatsFilter) {
  return tx.query<{ group: string; harmed: number; displaced: number; atRisk: number }>(
    `SELECT vulnerable_group AS "group", sum(harmed)::int AS harmed, sum(displaced)::int AS displaced,
            sum(at_risk)::int AS "atRisk"
     FROM (${keptRows('report_weekly_vulnerable', 'report_daily_vulnerable', 'vulnerable_group, harmed, displaced, at_risk')}) kept
     GROUP BY 1`,
    rowParams(f),
  );
}

/** Open cases now, by phase and priority. */
export async function countOpenCases(tx: Tx, f: StatsFilter) {
  return tx.query<{ phase: string; priority: string; count: number }>(
    `SELECT phase, priority, sum(open)::int AS count
     FROM case_open_counts
     WHERE level = $1 AND (kabkota_code = $2 OR kabkota_code LIKE $2 || '.%')
       AND ($3::text[] IS NULL OR kabkota_code = ANY ($3::text[]))
     GROUP BY 1, 2`,
    [f.rollupLevel, f.scope, f.kabkota],
  );
}

/** The viewer's scope, as the kept figures' row security reads it (migration 0023). */
const IN_VIEWERS_AREAS = (column: string) => `${column} LIKE ANY ((SELECT sigap_scope_patterns())::text[])`;

/**
 * Deadlines missed: acknowledgement of the period's reports (kept: acknowledged late, not acknowledged; read:
 * those not acknowledged whose deadline is still ahead), and response and resolution of the cases in play,
 * counted from the cases of the viewer's areas (they depend on the clock).
 */
export async function countMissedDeadlines(tx: Tx, f: StatsFilter, kept: { late: number; waiting: number }) {
  const inTime = await tx.one<{ count: number }>(
    `SELECT count(*)::int AS count FROM reports r
     WHERE r.acknowledged_at IS NULL AND r.due_acknowledge_at >= $5
       AND (r.region_code = $1 OR r.region_code LIKE $1 || '.%') AND r.occurred_at >= $2 AND r.occurred_at < $3
       AND ($4::text[] IS NULL OR r.kabkota_code = ANY ($4::text[])) AND ${IN_VIEWERS_AREAS('r.region_code')}`,
    [f.scope, f.from, f.to, f.kabkota, f.now],
  );
  const cases = await tx.one<{ response: number; resolve: number }>(
    `SELECT count(*) FILTER (WHERE coalesce(c.first_response_at, $4) > c.due_response_at)::int AS response,
            count(*) FILTER (WHERE coalesce(c.closed_at, $4) > c.due_resolve_at)::int AS resolve
     FROM cases c
     WHERE (c.region_code = $1 OR c.region_code LIKE $1 || '.%')
       AND ($5::text[] IS NULL OR c.kabkota_code = ANY ($5::text[])) AND ${IN_VIEWERS_AREAS('c.region_code')}
       AND (c.closed_at IS NULL OR (c.created_at >= $2 AND c.created_at < $3))`,
    [f.scope, f.from, f.to, f.now, f.kabkota],
  );
  return {
    acknowledge: kept.late + kept.waiting - (inTime?.count ?? 0),
    response: cases?.response ?? 0,
    resolve: cases?.resolve ?? 0,
  };
}

/** Everything the dashboard counts, from the kept figures: four statements whatever the number of reports. */
export async function countAll(tx: Tx, f: StatsFilter) {
  const figures = await readReportFigures(tx, f);
  return {
    areas: { reports: figures.areas, cases: await countOpenCasesByArea(tx, f) },
    kindsAndTypes: figures.kindsAndTypes,
    vulnerable: await sumVulnerable(tx, f),
    weeks: figures.weeks,
    openCases: await countOpenCases(tx, f),
    missed: await countMissedDeadlines(tx, f, figures.acknowledgements),
  };
}
