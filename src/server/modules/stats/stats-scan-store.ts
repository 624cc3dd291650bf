import type { Tx } from '../../platform/db.ts';
import type { StatsFilter } from './stats-store.ts';

// The dashboard's numbers counted from the reports and cases themselves, every visible row of the period per
// request: the reference the maintained figures of stats-store.ts are checked against (tests, npm run bench:rls).

const WITHIN = (column: string) => `(${column} = $1 OR ${column} LIKE $1 || '.%')`;
/** The kab/kota filter, parameter `$n` being `StatsFilter.kabkota` (null lets every kab/kota through). */
const IN_KABKOTA = (column: string, n: number) => `($${n}::text[] IS NULL OR ${column} = ANY($${n}::text[]))`;
/** Reports of the period in the area; parameters $1 scope, $2 from, $3 to, $4 kabkota. */
const REPORTS_WHERE = `${WITHIN('r.region_code')} AND r.occurred_at >= $2 AND r.occurred_at < $3
  AND ${IN_KABKOTA('r.kabkota_code', 4)}`;
const KECAMATAN_OF = (column: string) => `substring(${column} from '^\\d{2}\\.\\d{2}\\.\\d{2}')`;

function areaOfReport(level: StatsFilter['areaLevel']): string {
  return level === 'kabkota' ? 'r.kabkota_code' : 'r.kecamatan_code';
}

function areaOfCase(level: StatsFilter['areaLevel']): string {
  return level === 'kabkota' ? 'c.kabkota_code' : KECAMATAN_OF('c.region_code');
}

/** Reports and open cases per child area. Areas without any are left out. */
export async function countByArea(tx: Tx, f: StatsFilter) {
  const reports = await tx.query<{
    code: string;
    reports: number;
    incidents: number;
    vulnerable: number;
    p1: number;
  }>(
    `SELECT ${areaOfReport(f.areaLevel)} AS code, count(*)::int AS reports,
            count(*) FILTER (WHERE r.kind = 'kejadian')::int AS incidents,
            count(*) FILTER (WHERE r.has_vulnerable)::int AS vulnerable,
            count(*) FILTER (WHERE r.priority = 'P1')::int AS p1
     FROM reports r WHERE ${REPORTS_WHERE} AND ${areaOfReport(f.areaLevel)} IS NOT NULL
     GROUP BY 1`,
    [f.scope, f.from, f.to, f.kabkota],
  );
  const cases = await tx.query<{ code: string; openCases: number }>(
    `SELECT ${areaOfCase(f.areaLevel)} AS code, count(*)::int AS "openCases"
     FROM cases c WHERE ${WITHIN('c.region_code')} AND ${IN_KABKOTA('c.kabkota_code', 2)} AND c.closed_at IS NULL
       AND ${areaOfCase(f.areaLevel)} IS NOT NULL
     GROUP BY 1`,
    [f.scope, f.kabkota],
  );
  return { reports, cases };
}

/** Reports of the period by kind and by conflict type. */
export async function countByKindAndType(tx: Tx, f: StatsFilter) {
  return tx.query<{ kind: string; type: string; count: number }>(
    `SELECT r.kind, r.conflict_type AS type, count(*)::int AS count
     FROM reports r WHERE ${REPORTS_WHERE} GROUP BY 1, 2`,
    [f.scope, f.from, f.to, f.kabkota],
  );
}

/** Vulnerable people the period's reports name, per group: hurt, displaced, at risk. */
export async function sumVulnerable(tx: Tx, f: StatsFilter) {
  return tx.query<{ group: string; harmed: number; displaced: number; atRisk: number }>(
    `SELECT g.key AS "group",
            coalesce(sum((g.value->>'harmed')::int), 0)::int AS harmed,
            coalesce(sum((g.value->>'displaced')::int), 0)::int AS displaced,
            coalesce(sum((g.value->>'atRisk')::int), 0)::int AS "atRisk"
     FROM reports r CROSS JOIN LATERAL jsonb_each(r.vulnerable) g
     WHERE ${REPORTS_WHERE} GROUP BY 1`,
    [f.scope, f.from, f.to, f.kabkota],
  );
}

/** Reports per week (its Monday in WIB, YYYY-MM-DD); weeks without reports are absent. */
export async function countByWeek(tx: Tx, f: StatsFilter) {
  return tx.query<{ week: string; reports: number; incidents: number }>(
    `SELECT to_char(date_trunc('week', r.occurred_at AT TIME ZONE 'Asia/Jakarta'), 'YYYY-MM-DD') AS week,
            count(*)::int AS reports, count(*) FILTER (WHERE r.kind = 'kejadian')::int AS incidents
     FROM reports r WHERE ${REPORTS_WHERE} GROUP BY 1`,
    [f.scope, f.from, f.to, f.kabkota],
  );
}

/** Open cases now, by phase and priority. */
export async function countOpenCases(tx: Tx, f: StatsFilter) {
  return tx.query<{ phase: string; priority: string; count: number }>(
    `SELECT c.phase, c.priority, count(*)::int AS count
     FROM cases c WHERE ${WITHIN('c.region_code')} AND ${IN_KABKOTA('c.kabkota_code', 2)} AND c.closed_at IS NULL
     GROUP BY 1, 2`,
    [f.scope, f.kabkota],
  );
}

/** Deadlines missed: acknowledgement of the period's reports; response and resolution of the cases in play. */
export async function countMissedDeadlines(tx: Tx, f: StatsFilter) {
  const reports = await tx.one<{ acknowledge: number }>(
    `SELECT count(*) FILTER (WHERE coalesce(r.acknowledged_at, $5) > r.due_acknowledge_at)::int AS acknowledge
     FROM reports r WHERE ${REPORTS_WHERE}`,
    [f.scope, f.from, f.to, f.kabkota, f.now],
  );
  const cases = await tx.one<{ response: number; resolve: number }>(
    `SELECT count(*) FILTER (WHERE coalesce(c.first_response_at, $4) > c.due_response_at)::int AS response,
            count(*) FILTER (WHERE coalesce(c.closed_at, $4) > c.due_resolve_at)::int AS resolve
     FROM cases c
     WHERE ${WITHIN('c.region_code')} AND ${IN_KABKOTA('c.kabkota_code', 5)}
       AND (c.closed_at IS NULL OR (c.created_at >= $2 AND c.created_at < $3))`,
    [f.scope, f.from, f.to, f.now, f.kabkota],
  );
  return {
    acknowledge: reports?.acknowledge ?? 0,
    response: cases?.response ?? 0,
    resolve: cases?.resolve ?? 0,
  };
}

/** Everything the dashboard counts, each from the rows themselves. */
export async function countAll(tx: Tx, f: StatsFilter) {
  return {
    areas: await countByArea(tx, f),
    kindsAndTypes: await countByKindAndType(tx, f),
    vulnerable: await sumVulnerable(tx, f),
    weeks: await countByWeek(tx, f),
    openCases: await countOpenCases(tx, f),
    missed: await countMissedDeadlines(tx, f),
  };
}
