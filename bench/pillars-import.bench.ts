/**
 * Times the import of a generated 10,000-row pillar roster (XLSX) on the embedded database (PGlite, in a temp
 * folder) and on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a scratch database
 * is created and dropped). Prints, per database: the dry run, the real import from upload to done, the
 * re-import (nothing changes), and the slowest answer of GET /api/health while the import ran.
 *
 *   npx node bench/pillars-import.bench.ts [rows]        (SKIP_POSTGRES=1 for PGlite only)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { generatedLines, writeRoster } from '../scripts/make-pillars-sample.ts';
import { createApiToken } from '../src/server/modules/auth/auth-service.ts';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { createUser } from '../src/server/modules/users/users-service.ts';
import { type Database, openEmbeddedDatabase, openServerDatabase } from '../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../src/server/platform/migrate.ts';
import { buildBenchApp } from './bench-app.ts';

const ROWS = Number(process.argv[2] ?? 10_000);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Result = {
  database: string;
  dryRun: number;
  importing: number;
  reimport: number;
  slowestHealthMs: number;
};

async function prepare(db: Database): Promise<void> {
  await bootstrapRoles(db);
  await migrate(db);
  await ensureRegions(db);
}

/**
 * Sends GET /api/health every 100 ms on a fixed schedule while work runs; the slowest answer is counted from
 * when the request was due, so time the event loop was held up (parsing, PGlite's in-thread queries) counts.
 */
function startHealthProbe(app: FastifyInstance): () => Promise<number> {
  let stopped = false;
  let worst = 0;
  const begin = performance.now();
  const probing = (async () => {
    for (let tick = 1; !stopped; tick++) {
      const due = begin + tick * 100;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const res = await app.inject({ url: '/api/health' });
      if (res.statusCode !== 200) throw new Error('health failed during import');
      worst = Math.max(worst, performance.now() - due);
    }
  })();
  return async () => {
    stopped = true;
    await probing;
    return worst;
  };
}

async function importOnce(
  app: FastifyInstance,
  token: string,
  file: Buffer,
): Promise<{ seconds: number; slowest: number; job: Record<string, unknown> }> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': XLSX };
  const stopProbe = startHealthProbe(app);
  const started = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/pillars/imports?dryRun=false&kabkota=35.10&type=sahabat_tagana',
    headers,
    payload: file,
  });
  if (res.statusCode !== 202) throw new Error(`import refused: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const id = res.json().id as string;
  for (;;) {
    const job = (
      await app.inject({
        url: `/api/pillars/imports/${id}`,
        headers: { authorization: headers.authorization },
      })
    ).json();
    if (job.status !== 'berjalan') {
      const seconds = (performance.now() - started) / 1000;
      const slowest = await stopProbe();
      if (job.status !== 'selesai') throw new Error(`import ended ${job.status}: ${job.error}`);
      return { seconds, slowest, job };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function measure(database: string, db: Database, file: Buffer, dataDir: string): Promise<Result> {
  await prepare(db);
  const app = await buildBenchApp(db, dataDir);
  try {
    await createUser(
      db,
      { id: null, label: 'bench' },
      { username: 'operator.bwi', role: 'operator', region: '35.10', password: 'kata-sandi-bench' },
    );
    const { token } = await createApiToken(db, { id: null, label: 'bench' }, 'operator.bwi');
    const dryStarted = performance.now();
    const dry = await app.inject({
      method: 'POST',
      url: '/api/pillars/imports?dryRun=true&kabkota=35.10&type=sahabat_tagana',
      headers: { authorization: `Bearer ${token}`, 'content-type': XLSX },
      payload: file,
    });
    const dryRun = (performance.now() - dryStarted) / 1000;
    if (dry.statusCode !== 200 || dry.json().totals.create !== ROWS)
      throw new Error(`dry run: ${dry.body.slice(0, 300)}`);
    const first = await importOnce(app, token, file);
    const again = await importOnce(app, token, file);
    const totals = again.job.totals as { unchanged: number };
    if (totals.unchanged !== ROWS) throw new Error(`re-import changed rows: ${JSON.stringify(totals)}`);
    return {
      database,
      dryRun,
      importing: first.seconds,
      reimport: again.seconds,
      slowestHealthMs: Math.max(first.slowest, again.slowest),
    };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-bench-'));
  const file = path.join(dir, 'tagana-10000.xlsx');
  const writing = performance.now();
  await writeRoster(file, generatedLines(ROWS, 11), { title: 'DAFTAR SAHABAT TAGANA KABUPATEN BANYUWANGI' });
  const roster = readFileSync(file);
  console.log(
    `Roster: ${ROWS} baris, ${(roster.length / 1024).toFixed(0)} KB, dibuat dalam ${((performance.now() - writing) / 1000).toFixed(1)} s`,
  );
  const results: Result[] = [];
  try {
    const embedded = await openEmbeddedDatabase(path.join(dir, 'data'));
    try {
      results.push(await measure('PGlite (berkas / file)', embedded, roster, path.join(dir, 'data')));
    } finally {
      await embedded.close();
    }
    if (!process.env.SKIP_POSTGRES) {
      const ownerUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
      const name = `sigap_bench_${process.pid}`;
      const admin = new pg.Client({ connectionString: ownerUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(ownerUrl);
      url.pathname = `/${name}`;
      const server = openServerDatabase(url.toString(), process.env.SIGAP_APP_DB_PASSWORD);
      try {
        results.push(await measure('PostgreSQL', server, roster, path.join(dir, 'data-pg')));
      } finally {
        await server.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const r of results) {
    console.log(
      `${r.database}: dry run ${r.dryRun.toFixed(1)} s, impor ${r.importing.toFixed(1)} s, impor ulang ${r.reimport.toFixed(1)} s, ` +
        `GET /api/health terlambat ${r.slowestHealthMs.toFixed(0)} ms selama impor`,
    );
  }
}

await main();
