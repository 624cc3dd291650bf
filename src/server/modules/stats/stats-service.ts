import type { CasePhase } from '../../../shared/cases/case-rules.ts';
import type { ConflictType, Priority, VulnerableGroup } from '../../../shared/reports/report-schema.ts';
import { VULNERABLE_GROUPS } from '../../../shared/reports/report-vocabulary.ts';
import type { AreaStats, StatsOverview } from '../../../shared/stats/stats-schema.ts';
import { startOfWibDay } from '../../../shared/time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { foundOr, invalidField } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import * as regions from '../regions/regions-service.ts';
import { resolvePeriod, viewerAreas, weeksOf, wholeWeeksOf } from './stats-rules.ts';
import * as scan from './stats-scan-store.ts';
import * as store from './stats-store.ts';

export type StatsDeps = { db: Database; clock: Clock };

const PHASES: readonly CasePhase[] = ['pencegahan', 'penghentian', 'pemulihan'];
const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];

/**
 * The dashboard numbers of `scope` (the province '35' or a kab/kota) for a period of WIB days; with `bakorwil`,
 * those of the Bakorwil's kab/kota only (a coordinator's home view), and `scope` answers the Bakorwil's id.
 * Everything is counted inside the viewer's transaction, so row-level security limits it to what they may see.
 */
export async function getOverview(
  deps: StatsDeps,
  principal: Principal,
  query: OverviewQuery,
): Promise<StatsOverview> {
  return overview(deps, principal, query, store);
}

/**
 * The same numbers counted from every visible report and case of the period: the reference the kept figures are
 * checked against (tests and `npm run bench:rls`), never served.
 */
export async function getOverviewByScan(
  deps: StatsDeps,
  principal: Principal,
  query: OverviewQuery,
): Promise<StatsOverview> {
  return overview(deps, principal, query, scan);
}

type OverviewQuery = { scope: string; bakorwil?: string; from?: string; to?: string };
type Counter = { countAll: typeof store.countAll };

async function overview(
  deps: StatsDeps,
  principal: Principal,
  query: OverviewQuery,
  counter: Counter,
): Promise<StatsOverview> {
  authorize(principal, 'stats.view', 'Peran Anda tidak dapat melihat ringkasan wilayah');
  const now = deps.clock.now();
  const period = resolvePeriod(now, query.from, query.to);
  if ('error' in period) {
    throw invalidField('from', period.error);
  }
  const members = query.bakorwil ? await findBakorwilMembers(deps, query.scope, query.bakorwil) : null;
  const areaLevel = query.scope === '35' ? 'kabkota' : 'kecamatan';
  const viewer = viewerAreas(principal.actor.scope);
  const filter: store.StatsFilter = {
    scope: query.scope,
    kabkota:
      viewer.kabkota && members
        ? members.filter((code) => viewer.kabkota?.includes(code))
        : (members ?? viewer.kabkota),
    areaLevel,
    rollupLevel: areaLevel === 'kecamatan' || viewer.belowKabkota ? 'kecamatan' : 'kabkota',
    from: startOfWibDay(period.from),
    to: new Date(startOfWibDay(period.to).getTime() + 86_400_000),
    fromDay: period.from,
    toDay: period.to,
    wholeWeeks: wholeWeeksOf(period.from, period.to),
    now,
  };
  const counted = await deps.db.asActor(principal.actor, (tx) => counter.countAll(tx, filter));

  const byArea = mergeAreas(counted.areas.reports, counted.areas.cases);
  const kinds = sumCounts(counted.kindsAndTypes, 'kind');
  const types = sumCounts(counted.kindsAndTypes, 'type');
  const phases = sumCounts(counted.openCases, 'phase');
  const priorities = sumCounts(counted.openCases, 'priority');
  const weekRows = new Map(counted.weeks.map((row) => [row.week, row]));
  const reports = (kinds.get('sinyal') ?? 0) + (kinds.get('kejadian') ?? 0);

  return {
    scope: query.bakorwil ?? query.scope,
    areaLevel,
    from: period.from,
    to: period.to,
    totals: {
      reports,
      incidents: kinds.get('kejadian') ?? 0,
      signals: kinds.get('sinyal') ?? 0,
      vulnerable: byArea.reduce((sum, area) => sum + area.vulnerable, 0),
      openCases: [...phases.values()].reduce((sum, count) => sum + count, 0),
    },
    byArea,
    byKind: (['sinyal', 'kejadian'] as const).map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
    byType: [...types]
      .map(([type, count]) => ({ type: type as ConflictType, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    byVulnerableGroup: VULNERABLE_GROUPS.map((group: VulnerableGroup) => {
      const row = counted.vulnerable.find((v) => v.group === group);
      return { group, harmed: row?.harmed ?? 0, displaced: row?.displaced ?? 0, atRisk: row?.atRisk ?? 0 };
    }),
    byWeek: weeksOf(period.from, period.to).map((week) => ({
      week,
      reports: weekRows.get(week)?.reports ?? 0,
      incidents: weekRows.get(week)?.incidents ?? 0,
    })),
    openCasesByPhase: PHASES.map((phase) => ({ phase, count: phases.get(phase) ?? 0 })),
    openCasesByPriority: PRIORITIES.map((priority) => ({ priority, count: priorities.get(priority) ?? 0 })),
    missedDeadlines: counted.missed,
  };
}

/** The kab/kota of a Bakorwil, which is counted across the province's kab/kota only. */
async function findBakorwilMembers(deps: StatsDeps, scope: string, id: string): Promise<string[]> {
  if (scope !== '35') {
    throw invalidField('bakorwil', 'Bakorwil dihitung per kabupaten/kota: scope harus 35');
  }
  const found = (await regions.listBakorwil(deps.db)).find((b) => b.id === id);
  return foundOr(found, 'Bakorwil tidak ditemukan').members;
}

/** Sums `count` per value of `key`. */
function sumCounts<K extends string, R extends Record<K, string> & { count: number }>(
  rows: readonly R[],
  key: K,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row[key], (sums.get(row[key]) ?? 0) + row.count);
  return sums;
}

function mergeAreas(
  reports: Omit<AreaStats, 'openCases'>[],
  cases: { code: string; openCases: number }[],
): AreaStats[] {
  const areas = new Map<string, AreaStats>();
  for (const row of reports) areas.set(row.code, { ...row, openCases: 0 });
  for (const row of cases) {
    const area = areas.get(row.code) ?? {
      code: row.code,
      reports: 0,
      incidents: 0,
      vulnerable: 0,
      p1: 0,
      openCases: 0,
    };
    areas.set(row.code, { ...area, openCases: row.openCases });
  }
  return [...areas.values()].sort((a, b) => a.code.localeCompare(b.code));
}
