/**
 * `npx node bench/early-warning-recompute.ts`: the time to recompute the early-warning level of all 666
 * kecamatan (and 38 kab/kota) with 1,000,000 reports on PostgreSQL, then the backtest over the last year.
 *
 * A scratch database sigap_ew_<pid> is created on BENCH_DATABASE_URL's server (by default the local `test`
 * server), migrated, filled with synthetic reports by INSERT … SELECT over three years (a skewed spread:
 * some kecamatan are noisy, most are quiet; 20% incidents, 15% of signals provocative), measured and dropped.
 *
 * Environment: BENCH_DATABASE_URL, BENCH_REPORTS (1,000,000), BENCH_SKIP_BACKTEST=1.
 */

import pg from 'pg';
import { formatBacktest, runBacktest } from '../src/server/modules/levels/backtest.ts';
import { recomputeLevels } from '../src/server/modules/levels/levels-service.ts';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { createUser } from '../src/server/modules/users/users-service.ts';
import { fakeClock } from '../src/server/platform/clock.ts';
import { openServerDatabase } from '../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../src/server/platform/migrate.ts';
import { addDays } from '../src/shared/early-warning/calendar.ts';
import { wibDate } from '../src/shared/time.ts';
import { withoutLinkTrigger } from './seed-reports.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const CHUNK = 100_000;
const YEARS = 3;

function urlFor(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const name = `sigap_ew_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const db = openServerDatabase(urlFor(name), undefined);
  try {
    await bootstrapRoles(db);
    await migrate(db);
    await ensureRegions(db);
    const { user } = await createUser(
      db,
      { id: null, label: 'bench' },
      {
        username: 'bench_relawan',
        role: 'relawan',
        region: '35.09.06.2002',
        password: 'kata-sandi-bench-1',
      },
    );
    const now = new Date();
    const clock = fakeClock(now);

    const seedStarted = performance.now();
    await withoutLinkTrigger(db, async () => {
      for (let done = 0; done < REPORTS; done += CHUNK) {
        const n = Math.min(CHUNK, REPORTS - done);
        // random()^3 skews the pick towards the first kecamatan of a shuffled list: a few noisy, most quiet.
        await db.asSystem((tx) =>
          tx.query(
            `WITH k AS (SELECT array_agg(code ORDER BY md5(code)) AS codes FROM regions WHERE level = 'kecamatan'),
             picked AS (
               SELECT k.codes[1 + floor(power(random(), 3) * array_length(k.codes, 1))::int] AS code,
                      random() AS r1, random() AS r2, random() AS r3, random() AS r4
               FROM k, generate_series(1, $1)
             )
             INSERT INTO reports (id, kind, conflict_type, triggers, region_code, kabkota_code, kecamatan_code, occurred_at,
               description, reporter_id, priority, priority_rank, content_hash, due_acknowledge_at, status, injured,
               created_at)
             SELECT gen_random_uuid(), CASE WHEN r1 < 0.2 THEN 'kejadian' ELSE 'sinyal' END, 'antar_perguruan_silat',
               CASE WHEN r1 >= 0.2 AND r2 < 0.15 THEN ARRAY['informasi_provokatif'] ELSE '{}'::text[] END,
               code, left(code, 5), code, $2::timestamptz - r3 * interval '${YEARS * 365} days',
               'Laporan sintetis untuk bench', $3, 'P3', 3, md5(r4::text), $2::timestamptz,
               CASE WHEN r4 < 0.6 THEN 'terverifikasi' ELSE 'baru' END, CASE WHEN r1 < 0.05 THEN 1 ELSE 0 END, $2::timestamptz
             FROM picked`,
            [n, now, user.id],
          ),
        );
        process.stderr.write(`\r  laporan / reports: ${done + n}`);
      }
    });
    process.stderr.write('\n');
    const seedMs = performance.now() - seedStarted;
    await db.asSystem((tx) => tx.query('ANALYZE reports'));

    const first = await recomputeLevels({ db, clock, config: { geoDir: undefined } });
    const second = await recomputeLevels({ db, clock, config: { geoDir: undefined } });
    const counts = await db.asSystem((tx) =>
      tx.query<{ level: string; n: number }>(
        `SELECT level, count(*)::int AS n FROM region_levels WHERE length(region_code) = 8 GROUP BY level ORDER BY level`,
      ),
    );

    console.log(
      `\nPeringatan dini, PostgreSQL, ${REPORTS.toLocaleString('en')} laporan / reports over ${YEARS} years`,
    );
    console.log(`  isi data / seeding (INSERT … SELECT):        ${seconds(seedMs)}`);
    console.log(
      `  hitung ulang pertama / first recompute:       ${seconds(first.ms)}  (${first.regions} wilayah / regions)`,
    );
    console.log(
      `  hitung ulang kedua / second recompute:        ${seconds(second.ms)}  (${second.changed} berubah / changed)`,
    );
    console.log(`  kecamatan per level: ${counts.map((c) => `${c.level} ${c.n}`).join(', ')}`);

    if (process.env.BENCH_SKIP_BACKTEST !== '1') {
      const to = addDays(wibDate(now), -15);
      const from = addDays(to, -364);
      const started = performance.now();
      const result = await runBacktest(db, { from, to });
      console.log(
        `\n  uji balik / backtest (${seconds(performance.now() - started)}), data sintetis acak / random synthetic data:`,
      );
      for (const line of formatBacktest(result)) console.log(`  ${line}`);
    }
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
