/**
 * Times streaming exports on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a scratch
 * database is created and dropped): XLSX of the first `xlsxRows` reports, then CSV of all `rows` reports, each
 * as rows per second and the process's peak memory above its level before the export, against a baseline read
 * in the same run: the same rows through a server-side cursor with owner rights and no formatting.
 *
 *   npx node bench/exports.bench.ts [rows=1000000] [xlsxRows=100000]
 */
import { Writable } from 'node:stream';
import pg from 'pg';
import { prepareExport } from '../src/server/modules/exports/exports-service.ts';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { createUser, principalFrom } from '../src/server/modules/users/users-service.ts';
import { findUserById } from '../src/server/modules/users/users-store.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { type Database, openServerDatabase } from '../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../src/server/platform/migrate.ts';
import { ReportsExportQuery } from '../src/shared/exports/export-schema.ts';
import { seedReports } from './seed-reports.ts';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const XLSX_ROWS = Math.min(ROWS, Number(process.argv[3] ?? 100_000));
const MB = 1024 * 1024;
/** Prints a figure as soon as it is measured. */
const say = (line: string) => console.log(line);

/** A sink that counts bytes and throws them away. */
function counter(): { sink: Writable; bytes: () => number } {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { sink, bytes: () => bytes };
}

/** Samples the resident set size every 20 ms while `work` runs; answers seconds and peak MB above the start. */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds: (performance.now() - started) / 1000, peakMb: (peak - before) / MB };
  } finally {
    clearInterval(timer);
  }
}

/** The baseline: the same rows, owner rights, a server-side cursor, no formatting. */
async function rawRead(db: Database, limit: number): Promise<number> {
  return db.asSystem(async (tx) => {
    await tx.query(
      `DECLARE raw NO SCROLL CURSOR FOR SELECT * FROM reports ORDER BY created_at, id LIMIT ${Math.trunc(limit)}`,
    );
    let n = 0;
    for (;;) {
      const rows = await tx.query('FETCH FORWARD 1000 FROM raw');
      n += rows.length;
      if (rows.length < 1000) return n;
    }
  });
}

async function main(): Promise<void> {
  const ownerUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `sigap_bench_exports_${process.pid}`;
  const admin = new pg.Client({ connectionString: ownerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ownerUrl);
  url.pathname = `/${name}`;
  const db = openServerDatabase(url.toString(), process.env.SIGAP_APP_DB_PASSWORD);
  try {
    await bootstrapRoles(db);
    await migrate(db);
    await ensureRegions(db);
    const { user } = await createUser(
      db,
      { id: null, label: 'bench' },
      { username: 'provinsi.bench', role: 'provinsi', region: '35', password: 'kata-sandi-bench' },
    );
    const record = await db.asSystem((tx) => findUserById(tx, user.id));
    if (!record) throw new Error('no bench user');
    const principal = principalFrom(record, []);
    const deps = { db, clock: systemClock, config: { geoDir: undefined } };
    const exportAll = async (format: 'csv' | 'xlsx') => {
      const { sink, bytes } = counter();
      const rows = await prepareExport(
        deps,
        principal,
        'reports',
        ReportsExportQuery.parse({ format }),
      ).write(sink);
      return { rows, bytes: bytes() };
    };

    process.stderr.write(`seeding ${XLSX_ROWS} reports…\n`);
    await seedReports(db, { from: 1, to: XLSX_ROWS }, user.id, 200_000);
    const xlsxBase = await measure(() => rawRead(db, XLSX_ROWS));
    const xlsx = await measure(() => exportAll('xlsx'));
    say(
      `XLSX ${xlsx.result.rows} laporan: ${xlsx.seconds.toFixed(1)} s (${Math.round(xlsx.result.rows / xlsx.seconds)} baris/s), ` +
        `${(xlsx.result.bytes / MB).toFixed(0)} MB, memori puncak +${xlsx.peakMb.toFixed(0)} MB | ` +
        `dasar (kursor pemilik tanpa format): ${xlsxBase.seconds.toFixed(1)} s, +${xlsxBase.peakMb.toFixed(0)} MB`,
    );
    if (ROWS > XLSX_ROWS) {
      process.stderr.write(`seeding up to ${ROWS} reports…\n`);
      await seedReports(db, { from: XLSX_ROWS + 1, to: ROWS }, user.id, 200_000);
    }
    const csvBase = await measure(() => rawRead(db, ROWS));
    const csv = await measure(() => exportAll('csv'));
    say(
      `CSV ${csv.result.rows} laporan: ${csv.seconds.toFixed(1)} s (${Math.round(csv.result.rows / csv.seconds)} baris/s), ` +
        `${(csv.result.bytes / MB).toFixed(0)} MB, memori puncak +${csv.peakMb.toFixed(0)} MB (batas 200 MB) | ` +
        `dasar (kursor pemilik tanpa format): ${csvBase.seconds.toFixed(1)} s, +${csvBase.peakMb.toFixed(0)} MB`,
    );
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
