import type { Tx } from '../../platform/db.ts';

// The dashboard's numbers read from the figures kept by migration 0029 (report_daily_counts,
// report_daily_vulnerable, case_open_counts): at most days × areas × types rows, whatever the number of reports.
// Row security lets through the areas of the viewer's scope. Only the deadlines depend on the clock: the
// reports still within their acknowledgement deadline (few, by a partial index) and the cases in play are read.

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
  now: Date;
};

/** The kept rows of the filter; parameters $1 level, $2 scope, $3 fromDay, $4 toDay, $5 kabkota. */
const ROWS_WHERE = `level = $1 AND (kabkota_code = $2 OR kabkota_code LIKE $2 || '.%')
  AND ($5::text[] IS NULL OR kabkota_code = ANY ($5::text[])) AND day >= $3::date AND day <= $4::date`;
const rowParams = (f: StatsFilter) => [f.rollupLevel, f.scope, f.fromDay, f.toDay, f.kabkota];

/** The child area of a kept row: its kab/kota, or its kecamatan (rows of reports placed at kab/kota level have none). */
const AREA = (f: StatsFilter) => (f.areaLevel === 'kabkota' ? 'kabkota_code' : 'area_code');
const HAS_AREA = (f: StatsFilter) => (f.areaLevel === 'kabkota' ? 'true' : 'area_code <> kabkota_code');

/** Reports and open cases per child area. Areas without any are left out. */
export async function countByArea(tx: Tx, f: StatsFilter) {
  const reports = await tx.query<{
    code: string;
    reports: number;
    incidents: number;
    vulnerable: number;
    p1: number;
  }>(
    `SELECT ${AREA(f)} AS code, sum(reports)::int AS reports, sum(incidents)::int AS incidents,
            sum(vulnerable)::int AS vulnerable, sum(p1)::int AS p1
     FROM report_daily_counts WHERE ${ROWS_WHERE} AND ${HAS_AREA(f)}
     GROUP BY 1 HAVING sum(reports) <> 0`,
    rowParams(f),
  );
  const cases = await tx.query<{ code: string; openCases: number }>(
    `SELECT ${AREA(f)} AS code, sum(open)::int AS "openCases"
     FROM case_open_counts
     WHERE level = $1 AND (kabkota_code = $2 OR kabkota_code LIKE $2 || '.%')
       AND ($3::text[] IS NULL OR kabkota_code = ANY ($3::text[])) AND ${HAS_AREA(f)}
     GROUP BY 1 HAVING sum(open) <> 0`,
    [f.rollupLevel, f.scope, f.kabkota],
  );
  return { reports, cases };
}

/** Reports of the period by kind and by conflict type. */
export async function countByKindAndType(tx: Tx, f: StatsFilter) {
  return tx.query<{ kind: string; type: string; count: number }>(
    `SELECT k.kind, t.type, k.count FROM (
       SELECT conflict_type AS type, sum(incidents)::int AS incidents, sum(reports - incidents)::int AS signals
       FROM report_daily_counts WHERE ${ROWS_WHERE} GROUP BY 1
     ) t CROSS JOIN LATERAL (VALUES ('kejadian', t.incidents), ('sinyal', t.signals)) AS k (kind, count)
     WHERE k.count <> 0`,
    rowParams(f),
  );
}

/** Vulnerable people the period's reports name, per group: hurt, displaced, at risk. */
export async function sumVulnerable(tx: Tx, f: StatsFilter) {
  return tx.query<{ group: string; harmed: number; displaced: number; atRisk: number }>(
    `SELECT vulnerable_group AS "group", sum(harmed)::int AS harmed, sum(displaced)::int AS displaced,
            sum(at_risk)::int AS "atRisk"
     FROM report_daily_vulnerable WHERE ${ROWS_WHERE} GROUP BY 1`,
    rowParams(f),
  );
}

/** Reports per week (its Monday in WIB, YYYY-MM-DD); weeks without reports are absent. */
export async function countByWeek(tx: Tx, f: StatsFilter) {
  return tx.query<{ week: string; reports: number; incidents: number }>(
    `SELECT to_char(date_trunc('week', day), 'YYYY-MM-DD') AS week,
            sum(reports)::int AS reports, sum(incidents)::int AS incidents
     FROM report_daily_counts WHERE ${ROWS_WHERE} GROUP BY 1 HAVING sum(reports) <> 0`,
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
export async function countMissedDeadlines(tx: Tx, f: StatsFilter) {
  const kept = await tx.one<{ late: number; waiting: number }>(
    `SELECT coalesce(sum(acknowledged_late), 0)::int AS late, coalesce(sum(unacknowledged), 0)::int AS waiting
     FROM report_daily_counts WHERE ${ROWS_WHERE}`,
    rowParams(f),
  );
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
    acknowledge: (kept?.late ?? 0) + (kept?.waiting ?? 0) - (inTime?.count ?? 0),
    response: cases?.response ?? 0,
    resolve: cases?.resolve ?? 0,
  };
}
