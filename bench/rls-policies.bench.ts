/**
 * `npm run bench:rls`: what row-level security costs today: the same service calls as the actor (every policy
 * checked) against the same calls with the owner's rights, which the policies do not bind (the baseline), in the
 * same run, on the same seeded scratch database. (Until migration 0029 this bench compared the policies before
 * and after migration 0023 on a schema stopped before it; today's services need tables added since, so that
 * comparison cannot run any more: decision 0020 keeps its figures.)
 *
 *   npm run bench:rls -- [--reports 100000] [--db postgres|pglite|both] [--rounds 7]
 *
 * Measured through the services, as the app calls them (one transaction as the actor): the dashboard
 * (/api/stats/overview) of a koordinator (Bakorwil V) and of the province, and an operator's first inbox page.
 * Printed: the median and best of the rounds, with and without row security, and their ratio.
 */
import os from 'node:os';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { listReports } from '../src/server/modules/reports/reports-service.ts';
import { getOverview } from '../src/server/modules/stats/stats-service.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import type { Database } from '../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../src/server/platform/migrate.ts';
import type { Principal } from '../src/server/platform/principal.ts';
import { alignRows, benchEachDatabase, flag, note as printNote, timeRounds } from './bench-args.ts';
import { benchViewers, openFreshPglite, openFreshPostgres } from './scratch-db.ts';
import { seedReports } from './seed-reports.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const reports = Number(flag('reports', '100000'));
const rounds = Number(flag('rounds', '7'));
const which = flag('db', 'both');

const note = (text: string) => printNote(text, false);

type Figure = { name: string; median: number; best: number };

async function time(name: string, call: () => Promise<unknown>): Promise<Figure> {
  const ms = await timeRounds(rounds, call);
  return { name, median: ms[Math.floor(ms.length / 2)] as number, best: ms[0] as number };
}

async function measure(db: Database, people: Record<string, Principal>): Promise<Figure[]> {
  const deps = { db, clock: systemClock };
  const year = { from: toDay(Date.now() - 364 * 86_400_000), to: toDay(Date.now()) };
  return [
    await time('dashboard, koordinator Bakorwil V, 1 year', () =>
      getOverview(deps, people.koordinator as Principal, { scope: '35', bakorwil: 'V', ...year }),
    ),
    await time('dashboard, provinsi, 1 year', () =>
      getOverview(deps, people.provinsi as Principal, { scope: '35', ...year }),
    ),
    await time('dashboard, operator Jember, default period', () =>
      getOverview(deps, people.operator as Principal, { scope: '35.09' }),
    ),
    await time('inbox list, operator Jember, page 1 (50)', () =>
      listReports(deps, people.operator as Principal, { regionCode: '35.09', limit: 50 }),
    ),
  ];
}

function toDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The same database seen with the owner's rights: every transaction "as an actor" runs as the owner, whom the
 * policies do not bind (no table forces row security), so the calls read every row the query asks for.
 */
function withoutRowSecurity(db: Database): Database {
  return { ...db, asActor: (_actor, fn) => db.asSystem(fn) };
}

async function benchOne(kind: 'postgres' | 'pglite'): Promise<string> {
  const { db, dispose } =
    kind === 'postgres'
      ? await openFreshPostgres(`sigap_rls_${process.pid}`, {
          ownerUrl: POSTGRES_URL,
          appPassword: process.env.SIGAP_APP_DB_PASSWORD,
        })
      : await openFreshPglite('sigap-rls-');
  try {
    await bootstrapRoles(db, process.env.SIGAP_APP_DB_PASSWORD);
    await migrate(db);
    await ensureRegions(db);
    const people = await benchViewers(db, 'rls', 'rls-bench-password-1');
    note(`${kind}: seeding ${reports.toLocaleString('en')} reports`);
    const reporter = (
      await db.systemQuery<{ id: string }>("SELECT id FROM users WHERE username = 'rls.operator'")
    )[0]?.id as string;
    await seedReports(db, { from: 0, to: reports }, reporter, kind === 'postgres' ? 200_000 : 50_000);
    note(`${kind}: measuring with the owner's rights (no row security: the baseline)`);
    const owner = await measure(withoutRowSecurity(db), people);
    note(`${kind}: measuring as the actors (row security checked)`);
    const actor = await measure(db, people);
    const rows = [['call', "owner's rights (baseline)", 'as the actor (row security)', 'actor / owner']];
    for (const [i, figure] of owner.entries()) {
      const after = actor[i] as Figure;
      rows.push([
        figure.name,
        `median ${figure.median.toFixed(1)} ms (best ${figure.best.toFixed(1)})`,
        `median ${after.median.toFixed(1)} ms (best ${after.best.toFixed(1)})`,
        `${((after.median / figure.median) * 100).toFixed(0)}%`,
      ]);
    }
    return [
      `── ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${reports.toLocaleString('en')} reports, ${rounds} rounds each, load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} ──`,
      ...alignRows(rows),
      '',
    ].join('\n');
  } finally {
    await dispose();
  }
}

console.log((await benchEachDatabase(which, benchOne)).join('\n'));
process.exit(0);
