/**
 * Times a province-wide yearly evaluation summary (with the year before beside it and every kab/kota side by
 * side) at 1,000,000 reports on PostgreSQL. A scratch database is created on BENCH_DATABASE_URL (default the
 * local server's `test` database), filled with INSERT … SELECT, and dropped afterwards. Target: < 2 s.
 *
 *   npx node bench/evaluation.bench.ts [reports]        (BENCH_RUNS=3 timed runs after one warm-up)
 *
 * BENCH_KEEP=1 keeps the scratch database (its name is printed); BENCH_REUSE=<name> times an existing one.
 */
import pg from 'pg';
import { computeSummary, resolveRequest } from '../src/server/modules/evaluation/evaluation-service.ts';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { createUser, principalOf } from '../src/server/modules/users/users-service.ts';
import { findUserById } from '../src/server/modules/users/users-store.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { type Database, openServerDatabase } from '../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../src/server/platform/migrate.ts';
import { bulkLoadReports } from './seed-reports.ts';

const REPORTS = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 2000;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const CHUNK = 100_000;

const started = performance.now();
function note(text: string): void {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);
}

/** Reports spread over 2025 and 2026 (the year and the year before), in every kab/kota, with cases. */
async function seed(url: string, reporterId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TEMP TABLE desa AS SELECT row_number() OVER (ORDER BY code) AS n, code FROM regions WHERE level = 'desa'`,
    );
    const desa = (await client.query('SELECT count(*)::int AS n FROM desa')).rows[0].n as number;
    for (let from = 0; from < REPORTS; from += CHUNK) {
      const to = Math.min(REPORTS, from + CHUNK);
      await client.query(
        `INSERT INTO reports (id, kind, conflict_type, region_code, kabkota_code, kecamatan_code, occurred_at, description,
           reporter_id, priority, priority_rank, priority_reasons, has_vulnerable, content_hash, created_at, updated_at,
           due_acknowledge_at, acknowledged_at, status)
         SELECT gen_random_uuid(), k.kind, (ARRAY['antar_perguruan_silat','antar_suporter','pilkades_pemilu','sengketa_lahan_sda','antarwarga','lainnya'])[(1 + i % 6)::int],
           d.code, left(d.code, 5), left(d.code, 8), t.at, 'laporan uji', $3, p.priority, p.rank, p.reasons, p.rank <= 2 AND i % 3 = 0,
           'x', t.at + interval '5 minutes', t.at + interval '5 minutes', t.at + interval '35 minutes',
           CASE WHEN i % 10 = 0 THEN NULL ELSE t.at + interval '5 minutes' + (i % 600) * interval '1 minute' END,
           CASE WHEN i % 10 = 0 THEN 'baru' ELSE 'terverifikasi' END
         FROM generate_series($1::bigint, $2::bigint - 1) AS i
         JOIN desa d ON d.n = 1 + (i * 7919) % $4
         CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01 00:00+07' + ((i * 104729) % (730 * 1440)) * interval '1 minute' AS at) t
         CROSS JOIN LATERAL (SELECT CASE WHEN i % 3 = 0 THEN 'kejadian' ELSE 'sinyal' END AS kind) k
         CROSS JOIN LATERAL (SELECT CASE i % 10 WHEN 0 THEN 'P1' WHEN 1 THEN 'P2' WHEN 2 THEN 'P2' WHEN 3 THEN 'P3' WHEN 4 THEN 'P3' ELSE 'P4' END AS priority) p0
         CROSS JOIN LATERAL (SELECT p0.priority, substr(p0.priority, 2)::int AS rank,
           CASE WHEN p0.priority = 'P1' AND i % 20 = 0 THEN ARRAY['vulnerable_harmed:anak'] ELSE ARRAY['signal'] END AS reasons) p`,
        [from, to, reporterId, desa],
      );
      note(`${to.toLocaleString('en')} reports`);
    }
    // One case for every 20th incident, half of them closed; a referral and a check-in for some.
    await client.query(
      `WITH picked AS (
         SELECT r.id, r.region_code, r.kabkota_code, r.conflict_type, r.priority, r.has_vulnerable, r.created_at,
           row_number() OVER (ORDER BY r.id) AS n
         FROM reports r WHERE r.kind = 'kejadian' AND (hashtext(r.id::text) % 20) = 0),
       made AS (
         INSERT INTO cases (id, title, region_code, kabkota_code, conflict_type, phase, priority, has_vulnerable, created_by,
           created_at, updated_at, due_response_at, due_resolve_at, first_response_at, closed_at, outcome)
         SELECT gen_random_uuid(), 'Kasus uji', region_code, kabkota_code, conflict_type,
           CASE WHEN n % 2 = 0 THEN 'selesai' ELSE 'penghentian' END, priority, has_vulnerable, $1,
           created_at + interval '20 minutes', created_at + interval '20 minutes', created_at, created_at,
           CASE WHEN n % 4 = 0 THEN NULL ELSE created_at + (30 + n % 600) * interval '1 minute' END,
           CASE WHEN n % 2 = 0 THEN created_at + (n % 30) * interval '1 day' END,
           CASE WHEN n % 2 = 0 THEN 'Damai' END
         FROM picked RETURNING id, created_at, region_code)
       SELECT count(*) FROM made`,
      [reporterId],
    );
    await client.query(
      `UPDATE reports r SET case_id = c.id FROM cases c
       WHERE r.region_code = c.region_code AND r.created_at = c.created_at - interval '20 minutes' AND r.kind = 'kejadian'`,
    );
    await client.query(
      `WITH p AS (
         INSERT INTO vulnerable_people (case_id, full_name, vulnerable_group, guardian_consent, created_by)
         SELECT id, 'Warga uji', 'lansia', false, $1 FROM cases WHERE has_vulnerable RETURNING id, case_id)
       INSERT INTO referrals (person_id, case_id, service, due_at, status, created_by, created_at, completed_at)
       SELECT p.id, p.case_id, 'kesehatan', c.created_at + interval '7 days',
         CASE WHEN hashtext(p.id::text) % 2 = 0 THEN 'selesai' ELSE 'dirujuk' END, $1, c.created_at + interval '1 hour',
         CASE WHEN hashtext(p.id::text) % 2 = 0 THEN c.created_at + interval '3 days' END
       FROM p JOIN cases c ON c.id = p.case_id`,
      [reporterId],
    );
    await client.query(
      `INSERT INTO follow_ups (id, case_id, author_id, kind, action, occurred_at, content_hash)
       SELECT gen_random_uuid(), id, $1, 'check_in', 'uji', created_at + interval '1 hour', 'x' FROM cases`,
      [reporterId],
    );
    const counts = await client.query(
      `SELECT (SELECT count(*) FROM reports)::int AS reports, (SELECT count(*) FROM cases)::int AS cases,
              (SELECT count(*) FROM referrals)::int AS referrals`,
    );
    note(`seeded ${JSON.stringify(counts.rows[0])}`);
  } finally {
    await client.end();
  }
}

/**
 * Times the province-wide summary of 2026 (beside 2025) as a provinsi user on a database that already holds
 * reports: one warm-up, then `runs` timed runs. bench/run.ts can call it after its own seeding.
 */
export async function timeProvinceSummary(
  db: Database,
  provinsiUserId: string,
  runs = 3,
): Promise<{ medianMs: number; bestMs: number; reportsInYear: number; reportsYearBefore: number }> {
  const principal = await db.asSystem(async (tx) =>
    principalOf(tx, (await findUserById(tx, provinsiUserId))!),
  );
  const deps = { db, clock: systemClock };
  const request = await resolveRequest(deps, principal, { scope: '35', ...YEAR });
  const warm = await computeSummary(deps, principal, request);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    await computeSummary(deps, principal, request);
    times.push(performance.now() - t0);
    note(`run ${run + 1}: ${times[run].toFixed(0)} ms`);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)],
    bestMs: times[0],
    reportsInYear: warm.current.reports.total.value,
    reportsYearBefore: warm.previous.reports.total.value,
  };
}

async function main(): Promise<void> {
  const reuse = process.env.BENCH_REUSE;
  const name = reuse ?? `sigap_evalbench_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const db = openServerDatabase(url.toString(), process.env.SIGAP_APP_DB_PASSWORD);
  try {
    note(`PostgreSQL ${version}: migrations and regions`);
    await bootstrapRoles(db, process.env.SIGAP_APP_DB_PASSWORD);
    await migrate(db);
    await ensureRegions(db);
    const by = { id: null, label: 'bench' };
    const existing = reuse
      ? await db.asSystem((tx) =>
          tx.one<{ id: string }>(`SELECT id FROM users WHERE username = 'provinsi.bench'`),
        )
      : undefined;
    const { user } = existing
      ? { user: existing }
      : await createUser(db, by, {
          username: 'provinsi.bench',
          role: 'provinsi',
          region: '35',
          password: 'bench-provinsi-1',
        });
    if (!existing) {
      note(`seeding ${REPORTS.toLocaleString('en')} reports`);
      // Indexes dropped and the links computed in one pass at the end (bench/seed-reports.ts), then the
      // visibility map set, as autovacuum would, for the index-only scans.
      await bulkLoadReports(db, () => seed(url.toString(), user.id));
      const vacuum = new pg.Client({ connectionString: url.toString() });
      await vacuum.connect();
      await vacuum.query('VACUUM ANALYZE');
      await vacuum.end();
      note('indexes built, links computed, vacuumed');
    }
    note('warm-up run, then timed runs');
    const timed = await timeProvinceSummary(db, user.id, RUNS);
    const median = timed.medianMs;
    console.log(
      [
        `evaluation summary, province (35), ${YEAR.from}..${YEAR.to} beside the year before, 38 kab/kota side by side`,
        `database: PostgreSQL ${version.split(' ')[0]}, ${REPORTS.toLocaleString('en')} reports (${timed.reportsInYear.toLocaleString('en')} in the year, ${timed.reportsYearBefore.toLocaleString('en')} the year before)`,
        `time: median ${median.toFixed(0)} ms, best ${timed.bestMs.toFixed(0)} ms over ${RUNS} runs (target < ${TARGET_MS} ms: ${median < TARGET_MS ? 'ok' : 'MISS'})`,
      ].join('\n'),
    );
  } finally {
    await db.close();
    if (process.env.BENCH_KEEP === '1' || reuse) note(`kept database ${name}`);
    else {
      const dropper = new pg.Client({ connectionString: SERVER_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    }
  }
}

if (import.meta.main) await main();
