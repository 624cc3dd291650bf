/**
 * ODK Collect intake on the embedded database (PGlite, in a temp folder): how long the form takes to build for
 * a kab/kota operator and for the whole province (cold, then reused), how large the form and its desa CSV are,
 * and the median and p95 of an OpenRosa submission (multipart, device token) against the same report posted as
 * JSON to /api/reports, sequentially, in the same run.
 *
 *   npx node bench/odk.bench.ts [submissions]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createApiToken } from '../src/server/modules/auth/auth-service.ts';
import { createDevice } from '../src/server/modules/odk/odk-devices-service.ts';
import {
  encodeMultipart,
  sigapSubmissionXml,
  submissionParts,
} from '../src/server/modules/odk/odk-test-helpers.ts';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { createUser } from '../src/server/modules/users/users-service.ts';
import { openEmbeddedDatabase } from '../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../src/server/platform/migrate.ts';
import { buildBenchApp } from './bench-app.ts';

const SUBMISSIONS = Number(process.argv[2] ?? 60);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-odk-bench-'));
const db = await openEmbeddedDatabase(path.join(dir, 'data'));
try {
  await bootstrapRoles(db);
  await migrate(db);
  await ensureRegions(db);
  const app = await buildBenchApp(db, dir);
  const by = { id: null, label: 'bench' };
  const password = 'kata-sandi-bench';
  await createUser(db, by, { username: 'relawan.jember', role: 'relawan', region: '35.09', password });
  await createUser(db, by, { username: 'provinsi.bench', role: 'provinsi', region: '35', password });
  const jember = (await createDevice(db, by, 'relawan.jember', 'bench')).token;
  const province = (await createDevice(db, by, 'provinsi.bench', 'bench')).token;
  const { token: apiToken } = await createApiToken(db, by, 'relawan.jember');

  for (const [name, token] of [
    ['kab/kota (Jember)', jember],
    ['province', province],
  ] as const) {
    const cold = performance.now();
    const form = await app.inject({ url: `/odk/key/${token}/forms/sigap_laporan.xml` });
    const coldMs = performance.now() - cold;
    const warm = performance.now();
    await app.inject({ url: `/odk/key/${token}/forms/sigap_laporan.xml` });
    const warmMs = performance.now() - warm;
    const csv = await app.inject({ url: `/odk/key/${token}/forms/sigap_laporan/attachments/desa.csv` });
    const desa = csv.body.trimEnd().split('\n').length - 1;
    console.log(
      `form for ${name}: first ${ms(coldMs)}, reused ${ms(warmMs)}; XForm ${(form.rawPayload.length / 1024).toFixed(0)} KB ` +
        `(${(gzipSync(form.rawPayload).length / 1024).toFixed(0)} KB gzip), desa.csv ${desa} desa ` +
        `${(csv.rawPayload.length / 1024).toFixed(0)} KB (${(gzipSync(csv.rawPayload).length / 1024).toFixed(0)} KB gzip)`,
    );
  }

  const odk: number[] = [];
  const json: number[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    const { contentType, bytes } = encodeMultipart(
      submissionParts(sigapSubmissionXml({ instanceId: `uuid:${randomUUID()}`, version: 'bench' })),
    );
    let started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/odk/key/${jember}/submission`,
      headers: { 'content-type': contentType, 'x-openrosa-version': '1.0' },
      payload: bytes,
    });
    odk.push(performance.now() - started);
    if (res.statusCode !== 201) throw new Error(`submission refused: ${res.statusCode} ${res.body}`);
    started = performance.now();
    const web = await app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: { authorization: `Bearer ${apiToken}` },
      payload: {
        id: randomUUID(),
        kind: 'kejadian',
        conflictType: 'antarwarga',
        triggers: ['perbedaan_kepentingan'],
        regionCode: '35.09.01.2001',
        occurredAt: '2026-08-22T21:30:00+07:00',
        description: 'Warga dua dusun berselisih soal saluran irigasi.',
        involved: 20,
        needs: ['mediasi'],
      },
    });
    json.push(performance.now() - started);
    if (web.statusCode !== 201) throw new Error(`report refused: ${web.statusCode} ${web.body}`);
  }
  console.log(
    `OpenRosa submission (${SUBMISSIONS}, sequential): median ${ms(percentile(odk, 50))}, p95 ${ms(percentile(odk, 95))}; ` +
      `the same report as JSON to /api/reports: median ${ms(percentile(json, 50))}, p95 ${ms(percentile(json, 95))}`,
  );
  await app.close();
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
