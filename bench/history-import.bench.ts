/**
 * Times the history import on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a scratch
 * database is created and dropped, bench/scratch-db.ts): a CSV of `rows` invented past incidents in real kecamatan
 * (the shipped boundaries) uploaded, dry-run and imported by the service as the province would, against a
 * baseline measured in the same run: `COPY` of the very rows the import stored (same columns, same table,
 * indexes and triggers), in the import's chunks with the statistics fresh (decision 0038). The server must read
 * the scratch files it COPYs from: run it on the database's machine.
 *
 *   npx node bench/history-import.bench.ts [rows=50000]
 */
import fs, { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  dryRunHistory,
  IMPORT_CHUNK_ROWS,
  settleHistoryImports,
  startHistoryImport,
  uploadHistory,
} from '../src/server/modules/history/history-service.ts';
import { ARCHIVE_MAPPING } from '../src/server/modules/history/history-test-helpers.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { HistoryPlan } from '../src/shared/history/history-schema.ts';
import { openScratch } from './scratch-db.ts';

const COLUMNS = `id, kind, conflict_type, groups_involved, region_code, kabkota_code, kecamatan_code, occurred_at,
  description, injured, dead, displaced, channel, reporter_id, status, priority, priority_rank, priority_reasons,
  content_hash, created_at, updated_at, acknowledged_at, acknowledged_by, verified_at, verified_by,
  due_acknowledge_at, dedup_checked_at, historical, source, import_id`;

/** A file of `rows` incidents: real kecamatan with their kab/kota, dates 2015–2024, the source's type words. */
export function makeFile(rows: number): Buffer {
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

export type ImportFigure = {
  rows: number;
  stored: number;
  dryRun: Record<string, number>;
  uploadAndDrySeconds: number;
  importSeconds: number;
  copySeconds: number;
};

/** Uploads, dry-runs and imports `rows` incidents as the province, then COPYs the same stored rows back in. */
export async function measureHistoryImport(
  rows: number,
  note: (text: string) => void,
  ownerUrl?: string,
): Promise<ImportFigure> {
  const scratch = await openScratch(`sigap_bench_history_${process.pid}`, { ownerUrl });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-history-'));
  fs.chmodSync(tmp, 0o777); // written and read by the database server
  const chunkFile = (at: number) => path.join(tmp, `${at}.csv`);
  try {
    const deps = { db: scratch.db, clock: systemClock };
    const file = makeFile(rows);
    note(`history import of ${rows.toLocaleString('en')} rows`);
    const started = performance.now();
    const upload = await uploadHistory(deps, scratch.principal, {
      name: 'bench.csv',
      format: 'csv',
      data: file,
    });
    const plan = HistoryPlan.parse({ mapping: ARCHIVE_MAPPING });
    const dry = await dryRunHistory(deps, scratch.principal, upload.import.id, plan);
    const dryAt = performance.now();
    await startHistoryImport(deps, scratch.principal, upload.import.id, plan);
    await settleHistoryImports();
    const done = performance.now();
    const stored = await scratch.db.asSystem((tx) =>
      tx.one<{ n: number }>('SELECT count(*)::int AS n FROM reports'),
    );

    // The baseline: the same stored rows, out to files of one import chunk each and COPYed back into the
    // emptied table, one statement and transaction per chunk as the import writes them, the table's statistics
    // refreshed between chunks (untimed) as autovacuum refreshes them while the import runs (decision 0038).
    note('COPY of the same rows');
    const owner = new pg.Client({ connectionString: scratch.url });
    owner.on('error', () => undefined); // ended by the drop in `finally` when the bench stops midway
    await owner.connect();
    const n = stored?.n ?? 0;
    for (let at = 0; at < n; at += IMPORT_CHUNK_ROWS) {
      await owner.query(
        `COPY (SELECT ${COLUMNS} FROM reports WHERE historical ORDER BY id LIMIT ${IMPORT_CHUNK_ROWS} OFFSET ${at})
         TO '${chunkFile(at)}' CSV`,
      );
    }
    // Emptied as the import found it (the scratch database holds only these rows): TRUNCATE, as a row-by-row
    // DELETE checks every reference to each report (the table's own `duplicate_of` has no index).
    await owner.query('TRUNCATE reports CASCADE');
    await owner.query('ANALYZE reports');
    let copySeconds = 0;
    for (let at = 0; at < n; at += IMPORT_CHUNK_ROWS) {
      const copyStarted = performance.now();
      await owner.query(`COPY reports (${COLUMNS}) FROM '${chunkFile(at)}' CSV`);
      copySeconds += (performance.now() - copyStarted) / 1000;
      await owner.query('ANALYZE reports');
    }
    await owner.end();
    return {
      rows,
      stored: stored?.n ?? 0,
      dryRun: dry.counts,
      uploadAndDrySeconds: (dryAt - started) / 1000,
      importSeconds: (done - dryAt) / 1000,
      copySeconds,
    };
  } finally {
    rmSync(tmp, { force: true, recursive: true });
    await scratch.dispose();
  }
}

/** One line of figures, as printed by this bench and `npm run bench -- --at-size`. */
export function describeImport(f: ImportFigure): string {
  return (
    `Impor riwayat ${f.rows.toLocaleString('en')} baris (${f.stored.toLocaleString('en')} tersimpan; uji coba ` +
    `${Object.entries(f.dryRun)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}): unggah + uji coba ${f.uploadAndDrySeconds.toFixed(1)} s, impor ${f.importSeconds.toFixed(1)} s ` +
    `(${Math.round(f.rows / f.importSeconds)} baris/s) | dasar COPY baris yang sama: ${f.copySeconds.toFixed(1)} s ` +
    `(${Math.round(f.rows / f.copySeconds)} baris/s), impor ${(f.importSeconds / f.copySeconds).toFixed(1)}× COPY`
  );
}

if (import.meta.main) {
  const rows = Number(process.argv[2] ?? 50_000);
  const note = (text: string) => process.stderr.write(`${text}\n`);
  console.log(describeImport(await measureHistoryImport(rows, note)));
}
