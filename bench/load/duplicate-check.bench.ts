/**
 * The duplicate check alone (computeDuplicateSuggestions, the statement of the background job), and what the
 * intake insert costs beside it, in a place holding a flood of recent reports:
 *
 *   npx node bench/load/duplicate-check.bench.ts [--db postgres|pglite] [--reports 10000] [--flood 3000]
 *                                                [--batch 40] [--rounds 3] [--database sigap_load_1000000]
 *
 * A database of `--reports` seeded reports (a scratch one, dropped at the end; or, with `--database`, an existing
 * PostgreSQL database such as the load bench's kept one, migrated to the current schema and otherwise left as it
 * was), then, in ONE transaction that is rolled back at the end: `--flood` reports of one kecamatan, one type and the
 * last 48 hours in the load bench's four texts (each with its own suffix, as the load bench sends them), 200
 * single-row inserts into that place (timed: the intake's share of the indexes), and `--rounds` checks of a batch
 * of `--batch` flood reports and of a batch of as many seeded reports elsewhere (each round rolled back to a
 * savepoint, so every round checks the same thing). Printed: ms per batch and per report, with the load average.
 */
import { ensureRegions } from '../../src/server/modules/regions/regions-service.ts';
import { computeDuplicateSuggestions } from '../../src/server/modules/reports/duplicates-store.ts';
import { createUser } from '../../src/server/modules/users/users-service.ts';
import { type Database, openServerDatabase, type Tx } from '../../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../../src/server/platform/migrate.ts';
import { flag, loadAverage as load, note } from '../bench-args.ts';
import { openFreshPglite, openFreshPostgres } from '../scratch-db.ts';
import { seedReports } from '../seed-reports.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const kind = flag('db', 'postgres');
const reports = Number(flag('reports', '10000'));
const flood = Number(flag('flood', '3000'));
const batch = Number(flag('batch', '40'));
const rounds = Number(flag('rounds', '3'));
const existing = flag('database', '');

/** The load bench's texts (load-traffic.ts): a flood of one event in four wordings. */
const TEXTS = [
  'Rencana konvoi pengesahan warga lewat jalan desa malam ini, dekat basecamp perguruan lain.',
  'Beredar broadcast WA ajakan balas dendam, pemuda dua dusun mulai berkumpul di lapangan.',
  'Usai pertandingan suporter saling lempar batu di dekat stadion, dua orang luka ringan.',
  'Bentrok dua kelompok di dekat SD, tiga anak kena lemparan batu, dua rumah rusak.',
];

const FLOOD_SQL = `
  INSERT INTO reports (id, kind, conflict_type, region_code, kabkota_code, kecamatan_code, occurred_at, description,
    reporter_id, priority, priority_rank, content_hash, created_at, updated_at, due_acknowledge_at, dedup_checked_at)
  SELECT gen_random_uuid(), 'sinyal', 'antar_perguruan_silat', $1, left($1, 5), left($1, 8),
    now() - random() * interval '47 hours', ($2::text[])[1 + i % 4] || ' (' || left(md5(random()::text), 8) || ')',
    $3::uuid, 'P4', 4, md5(i::text), now(), now(), now() + interval '1 day', now()
  FROM generate_series(1, $4::int) AS i
  RETURNING id`;

class Rollback extends Error {}

async function open(): Promise<{ db: Database; dispose: () => Promise<void> }> {
  if (kind === 'pglite') return openFreshPglite('sigap-dupcheck-');
  if (existing) {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${existing}`;
    const db = openServerDatabase(url.toString(), process.env.SIGAP_APP_DB_PASSWORD);
    return { db, dispose: () => db.close() };
  }
  return openFreshPostgres(`sigap_dupcheck_${process.pid}`, {
    ownerUrl: POSTGRES_URL,
    appPassword: process.env.SIGAP_APP_DB_PASSWORD,
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

/** Checks `ids` `rounds` times, each rolled back to a savepoint; the times in ms and the pairs found. */
async function checkRounds(tx: Tx, ids: string[]): Promise<{ ms: number[]; pairs: number }> {
  const ms: number[] = [];
  let pairs = 0;
  for (let round = 0; round < rounds; round++) {
    await tx.query('SAVEPOINT round');
    const [found, took] = await timed(() => computeDuplicateSuggestions(tx, ids));
    await tx.query('ROLLBACK TO SAVEPOINT round');
    ms.push(took);
    pairs = found;
  }
  return { ms, pairs };
}

const { db, dispose } = await open();
const lines: string[] = [];
try {
  await bootstrapRoles(db, process.env.SIGAP_APP_DB_PASSWORD);
  await migrate(db);
  await ensureRegions(db);
  let reporter = (await db.systemQuery<{ id: string }>('SELECT id FROM users ORDER BY created_at LIMIT 1'))[0]
    ?.id;
  if (!reporter) {
    const by = { id: null, label: 'bench' };
    const made = await createUser(db, by, {
      username: 'dupcheck.relawan',
      role: 'relawan',
      region: '35.09',
      password: 'dupcheck-bench-pass-1',
    });
    reporter = made.user.id;
  }
  const have = (await db.systemQuery<{ n: number }>('SELECT count(*)::int AS n FROM reports'))[0]?.n ?? 0;
  if (have < reports && !existing) {
    note(`seeding ${reports.toLocaleString('en')} reports`);
    await seedReports(db, { from: have, to: reports }, reporter, 50_000);
  }
  const total = Math.max(have, existing ? have : reports);
  const place = (
    await db.systemQuery<{ code: string }>(
      "SELECT code FROM regions WHERE level = 'desa' AND code LIKE '35.09.%' ORDER BY code LIMIT 1",
    )
  )[0]?.code as string;
  await db
    .asSystem(async (tx) => {
      note(`a flood of ${flood.toLocaleString('en')} reports in ${place}`);
      // Written without the triggers (links, kept figures: a same-place flood in one statement links each row
      // with all before it); the single-row inserts after it run them, as an intake does.
      await tx.query('SET LOCAL session_replication_role = replica');
      const [floodRows, floodMs] = await timed(() =>
        tx.query<{ id: string }>(FLOOD_SQL, [place, TEXTS, reporter, flood]),
      );
      await tx.query('SET LOCAL session_replication_role = origin');
      await tx.query('ANALYZE reports');
      const [, singleMs] = await timed(async () => {
        for (let i = 0; i < 200; i++) await tx.query(FLOOD_SQL, [place, TEXTS, reporter, 1]);
      });
      const floodIds = floodRows.slice(-batch).map((row) => row.id);
      const elsewhere = (
        await tx.query<{ id: string }>(
          `SELECT id FROM reports WHERE kecamatan_code <> left($1, 8) ORDER BY md5(id::text) LIMIT $2`,
          [place, batch],
        )
      ).map((row) => row.id);
      note(`checking a batch of ${batch}, ${rounds} rounds each`);
      const inFlood = await checkRounds(tx, floodIds);
      const outside = await checkRounds(tx, elsewhere);
      const fmt = (r: { ms: number[]; pairs: number }) =>
        `${r.ms.map((ms) => ms.toFixed(0)).join(', ')} ms a batch (best ${(Math.min(...r.ms) / batch).toFixed(2)} ms a report), ${r.pairs} pairs`;
      lines.push(
        `duplicate check, ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ${total.toLocaleString('en')} reports + a flood of ${flood.toLocaleString('en')} in one place (load ${load()})`,
        `  flood insert (one statement, no triggers): ${(floodMs / flood).toFixed(2)} ms a report; 200 single-row inserts there (with triggers): ${(singleMs / 200).toFixed(2)} ms each`,
        `  a batch of ${batch} from the flood: ${fmt(inFlood)}`,
        `  a batch of ${batch} seeded reports elsewhere: ${fmt(outside)}`,
      );
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
} finally {
  await dispose();
}
console.log(lines.join('\n'));
