/**
 * `npm run bench:stats`: /api/stats/overview read from the kept figures (migration 0029) against the same
 * numbers counted from every visible report (the scan it replaced), in the same run, on the same data.
 *
 *   npm run bench:stats -- [--reports 1000000] [--cases N] [--db postgres|pglite|both] [--rounds 20] [--keep]
 *
 * `--keep` (PostgreSQL): the reports live in the scratch database `sigap_stats_<reports>`, left in place at the end
 * and reused by the next run (migrations brought up to date, only the missing reports seeded), so a run at a
 * million seeds once. `--cases N` (default one for every 25 reports) opens cases over verified reports, most of
 * them closed, so the open-case figures and the cases' missed deadlines have rows to read (only the missing
 * ones are added to a kept database).
 * Measured through the service, as the route calls it (one transaction as the actor): the province for a year
 * and for the default 12 weeks, a Bakorwil koordinator for a year, a kab/kota operator for the default period.
 * Printed: p50, p95 and best of the rounds for each, the load average beside them (the machine is shared: the
 * figures are upper bounds), and the issue's target (province, PostgreSQL, 1M reports: p95 < 100 ms).
 */
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { getOverview, getOverviewByScan } from '../src/server/modules/stats/stats-service.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import type { Database } from '../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../src/server/platform/migrate.ts';
import type { Principal } from '../src/server/platform/principal.ts';
import { alignRows, benchEachDatabase, flag, loadAverage as load, note, timeRounds } from './bench-args.ts';
import { benchViewers, countReports, openFreshPglite, openFreshPostgres, openScratch } from './scratch-db.ts';
import { seedCases, seedReports } from './seed-reports.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const reports = Number(flag('reports', '1000000'));
const rounds = Number(flag('rounds', '20'));
const scanRounds = Number(flag('scan-rounds', '5'));
const which = flag('db', 'postgres');
const keep = process.argv.includes('--keep');
const cases = Number(flag('cases', String(Math.round(reports / 25))));

type Figure = { p50: number; p95: number; best: number; load: string };

async function time(n: number, call: () => Promise<unknown>): Promise<Figure> {
  const ms = await timeRounds(n, call);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] as number;
  return { p50: at(0.5), p95: at(0.95), best: ms[0] as number, load: load() };
}

function toDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

async function open(
  kind: 'postgres' | 'pglite',
): Promise<{ db: Database; dispose: () => Promise<void>; held: number }> {
  if (kind === 'pglite') return { ...(await openFreshPglite('sigap-stats-')), held: 0 };
  if (keep) {
    const scratch = await openScratch(`sigap_stats_${reports}`, { keep: true, ownerUrl: POSTGRES_URL });
    return { db: scratch.db, dispose: () => scratch.dispose(), held: await countReports(scratch.db) };
  }
  const { db, dispose } = await openFreshPostgres(`sigap_stats_${process.pid}`, {
    ownerUrl: POSTGRES_URL,
    appPassword: process.env.SIGAP_APP_DB_PASSWORD,
  });
  return { db, dispose, held: 0 };
}

async function benchOne(kind: 'postgres' | 'pglite'): Promise<string[]> {
  const { db, dispose, held } = await open(kind);
  try {
    await bootstrapRoles(db, process.env.SIGAP_APP_DB_PASSWORD);
    await migrate(db);
    await ensureRegions(db);
    const people = await benchViewers(db, 'stats', 'stats-bench-pass-1');
    const reporter = (
      await db.systemQuery<{ id: string }>("SELECT id FROM users WHERE username = 'stats.operator'")
    )[0]?.id as string;
    note(
      `${kind}: seeding ${held.toLocaleString('en')} → ${reports.toLocaleString('en')} reports (the figures are kept by the triggers as they go in)`,
    );
    const seeding = performance.now();
    if (held < reports)
      await seedReports(
        db,
        { from: held, to: reports },
        reporter,
        kind === 'postgres' ? 200_000 : 50_000,
        (n) => note(`${kind}: ${n.toLocaleString('en')} written`),
      );
    const heldCases =
      (await db.systemQuery<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]?.n ?? 0;
    if (heldCases < cases) {
      note(`${kind}: opening ${(cases - heldCases).toLocaleString('en')} cases`);
      await seedCases(db, cases - heldCases, reporter);
    }
    const seedSeconds = (performance.now() - seeding) / 1000;
    const caseCounts = (
      await db.systemQuery<{ n: number; open: number }>(
        'SELECT count(*)::int AS n, (count(*) FILTER (WHERE closed_at IS NULL))::int AS open FROM cases',
      )
    )[0];
    const kept = await db.systemQuery<{ level: string; n: number }>(
      'SELECT level, count(*)::int AS n FROM report_daily_counts GROUP BY 1 ORDER BY 1',
    );
    const deps = { db, clock: systemClock };
    const year = { from: toDay(Date.now() - 364 * 86_400_000), to: toDay(Date.now()) };
    const calls: [string, Principal, { scope: string; bakorwil?: string; from?: string; to?: string }][] = [
      ['province, 1 year', people.provinsi as Principal, { scope: '35', ...year }],
      ['province, default 12 weeks', people.provinsi as Principal, { scope: '35' }],
      [
        'koordinator Bakorwil V, 1 year',
        people.koordinator as Principal,
        { scope: '35', bakorwil: 'V', ...year },
      ],
      ['operator Jember, default period', people.operator as Principal, { scope: '35.09' }],
    ];
    const rows = [['call', 'scan (before)', 'kept figures (after)', 'after / before', 'load average']];
    for (const [name, principal, query] of calls) {
      note(`${kind}: ${name}`);
      const same =
        JSON.stringify(await getOverview(deps, principal, query)) ===
        JSON.stringify(await getOverviewByScan(deps, principal, query));
      const before = await time(scanRounds, () => getOverviewByScan(deps, principal, query));
      const after = await time(rounds, () => getOverview(deps, principal, query));
      rows.push([
        `${name}${same ? '' : ' (NUMBERS DIFFER)'}`,
        `p50 ${before.p50.toFixed(1)} p95 ${before.p95.toFixed(1)} ms`,
        `p50 ${after.p50.toFixed(1)} p95 ${after.p95.toFixed(1)} ms (best ${after.best.toFixed(1)})`,
        `${((after.p50 / before.p50) * 100).toFixed(1)}%`,
        `${before.load} / ${after.load}`,
      ]);
    }
    return [
      `── ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${reports.toLocaleString('en')} reports (${held >= reports ? `kept from an earlier run, ${held.toLocaleString('en')} held` : `seeded in ${seedSeconds.toFixed(0)} s`}), ${(caseCounts?.n ?? 0).toLocaleString('en')} cases (${(caseCounts?.open ?? 0).toLocaleString('en')} open), kept rows: ${kept
        .map((k) => `${k.level} ${k.n.toLocaleString('en')}`)
        .join(', ')}; scan ${scanRounds} rounds, kept ${rounds} rounds ──`,
      ...alignRows(rows),
      'target (issue 20): province at 1M reports on PostgreSQL, p95 < 100 ms. Shared machine: upper bounds.',
      '',
    ];
  } finally {
    await dispose();
  }
}

console.log((await benchEachDatabase(which, benchOne)).join('\n'));
process.exit(0);
