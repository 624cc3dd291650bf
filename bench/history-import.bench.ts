/**
 * Times the history import on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a scratch
 * database is created and dropped): a CSV of `rows` invented past incidents in real kecamatan (the shipped
 * boundaries) uploaded, dry-run and imported by the service as the province would, against a baseline measured
 * in the same run: `COPY` of the very rows the import stored (same columns, same table, indexes and triggers).
 * The server must read the scratch file it COPYs from: run it on the database's machine.
 *
 *   npx node bench/history-import.bench.ts [rows=50000]
 */
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  dryRunHistory,
  settleHistoryImports,
  startHistoryImport,
  uploadHistory,
} from '../src/server/modules/history/history-service.ts';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { createUser, principalFrom } from '../src/server/modules/users/users-service.ts';
import { findUserById } from '../src/server/modules/users/users-store.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { openServerDatabase } from '../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../src/server/platform/migrate.ts';
import { HistoryPlan } from '../src/shared/history/history-schema.ts';

const ROWS = Number(process.argv[2] ?? 50_000);
const COLUMNS = `id, kind, conflict_type, groups_involved, region_code, kabkota_code, kecamatan_code, occurred_at,
  description, injured, dead, displaced, channel, reporter_id, status, priority, priority_rank, priority_reasons,
  content_hash, created_at, updated_at, acknowledged_at, acknowledged_by, verified_at, verified_by,
  due_acknowledge_at, dedup_checked_at, historical, source, import_id`;

/** A file of `rows` incidents: real kecamatan with their kab/kota, dates 2015–2024, the source's type words. */
function makeFile(rows: number): Buffer {
  const geo = (file: string) =>
    (
      JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../assets/geo', file), 'utf8')) as {
        features: { properties: { code: string; name: string } }[];
      }
    ).features.map((f) => f.properties);
  const kabkota = new Map(geo('jatim-kabkota.geojson').map((k) => [k.code, k.name]));
  const kecamatan = geo('jatim-kecamatan.geojson');
  const types = [
    'Bentrok PSHT',
    'Tawuran suporter',
    'Sengketa tanah',
    'Ricuh pilkades',
    'Konflik batas desa',
  ];
  const lines = ['Tanggal;Kecamatan;Kabupaten/Kota;Jenis;Uraian;Luka;Meninggal;Mengungsi;Sumber'];
  for (let i = 0; i < rows; i++) {
    const kec = kecamatan[(i * 7919) % kecamatan.length] as { code: string; name: string };
    const day = new Date(Date.UTC(2015, 0, 1) + ((i * 104_729) % 3650) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    lines.push(
      `${day};${kec.name};${kabkota.get(kec.code.slice(0, 5))};${types[i % types.length]};Kejadian arsip nomor ${i} di ${kec.name};${i % 4};${i % 50 === 0 ? 1 : 0};0;Arsip bench`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

async function main(): Promise<void> {
  const ownerUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `sigap_bench_history_${process.pid}`;
  const admin = new pg.Client({ connectionString: ownerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ownerUrl);
  url.pathname = `/${name}`;
  const db = openServerDatabase(url.toString(), process.env.SIGAP_APP_DB_PASSWORD);
  const scratch = path.join(os.tmpdir(), `sigap-history-${process.pid}.csv`);
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
    const deps = { db, clock: systemClock };
    const file = makeFile(ROWS);

    const started = performance.now();
    const upload = await uploadHistory(deps, principal, { name: 'bench.csv', format: 'csv', data: file });
    const plan = HistoryPlan.parse({
      mapping: {
        date: 'Tanggal',
        place: ['Kecamatan', 'Kabupaten/Kota'],
        type: 'Jenis',
        description: 'Uraian',
        injured: 'Luka',
        dead: 'Meninggal',
        displaced: 'Mengungsi',
        source: 'Sumber',
      },
    });
    const dry = await dryRunHistory(deps, principal, upload.import.id, plan);
    const dryAt = performance.now();
    await startHistoryImport(deps, principal, upload.import.id, plan);
    await settleHistoryImports();
    const done = performance.now();
    const stored = await db.asSystem((tx) => tx.one<{ n: number }>('SELECT count(*)::int AS n FROM reports'));

    // The baseline: the same stored rows, out to a file and COPYed back into the emptied table.
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    await owner.query(`COPY (SELECT ${COLUMNS} FROM reports WHERE historical) TO '${scratch}' CSV`);
    await owner.query('DELETE FROM reports WHERE historical');
    const copyStarted = performance.now();
    await owner.query(`COPY reports (${COLUMNS}) FROM '${scratch}' CSV`);
    const copySeconds = (performance.now() - copyStarted) / 1000;
    await owner.end();

    const importSeconds = (done - dryAt) / 1000;
    console.log(
      `Impor riwayat ${ROWS} baris (${stored?.n ?? 0} tersimpan; uji coba ${Object.entries(dry.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}): unggah + uji coba ${((dryAt - started) / 1000).toFixed(1)} s, impor ${importSeconds.toFixed(1)} s ` +
        `(${Math.round(ROWS / importSeconds)} baris/s) | dasar COPY baris yang sama: ${copySeconds.toFixed(1)} s ` +
        `(${Math.round(ROWS / copySeconds)} baris/s), impor ${(importSeconds / copySeconds).toFixed(1)}× COPY`,
    );
  } finally {
    rmSync(scratch, { force: true });
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
