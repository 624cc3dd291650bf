import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedLines, SAMPLE_FILE, writeRoster } from '../../../../scripts/make-pillars-sample.ts';
import { people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { DRY_RUNS_PER_WINDOW } from './pillars-routes.ts';
import { PILLARS_ENV } from './pillars-test-helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sample = readFileSync(SAMPLE_FILE);

type RowResult = {
  row: number;
  action: string;
  pillarId: string | null;
  name?: string;
  problems: { code: string }[];
  warnings: { code: string }[];
};

/** What the shipped sample's bad rows are, by spreadsheet row (the data starts on row 4). */
const SAMPLE_SKIPS: Record<number, string> = {
  6: 'nik_length',
  8: 'nik_numeric_cell',
  10: 'desa_unknown',
  11: 'phone_invalid',
  13: 'duplicate_in_file',
  14: 'nik_length',
  16: 'desa_ambiguous',
  19: 'nik_region_unknown',
};

describe('importing a pillar roster', () => {
  const { t, operator, operatorJember, koordinator } = testAppWith(
    {
      operator: { role: 'operator', region: '35.10' },
      ...people('operatorJember', 'koordinator'),
    },
    { env: PILLARS_ENV },
  );

  const upload = (user: TestUser, query: string, body: Buffer | string, contentType = XLSX) =>
    t.call(user, 'POST', `/api/pillars/imports?${query}`, body, { 'content-type': contentType });

  /** Polls an import until it has ended; returns its final state. */
  async function waitForImport(user: TestUser, id: string) {
    for (let attempt = 0; attempt < 600; attempt++) {
      const job = (await t.call(user, 'GET', `/api/pillars/imports/${id}`)).json();
      if (job.status !== 'berjalan') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('import did not finish');
  }

  const countPillars = async () =>
    (await t.db.asSystem((tx) => tx.one<{ n: number }>('SELECT count(*)::int AS n FROM pillars')))?.n;

  it('dry-runs the shipped sample: each row created or skipped, with the reason, and nothing written', async () => {
    const res = await upload(operator, 'dryRun=true&kabkota=35.10&type=tagana', sample);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.totals).toEqual({ rows: 40, create: 32, update: 0, unchanged: 0, skip: 8 });
    const rows: RowResult[] = report.rows;
    expect(rows.map((row) => row.row)).toEqual(Array.from({ length: 40 }, (_, index) => index + 4));
    for (const row of rows) {
      const reason = SAMPLE_SKIPS[row.row];
      expect(row.action, `row ${row.row}`).toBe(reason ? 'skip' : 'create');
      expect(
        row.problems.map((problem) => problem.code),
        `row ${row.row}`,
      ).toEqual(reason ? [reason] : []);
    }
    const byRow = new Map(rows.map((row) => [row.row, row]));
    expect(byRow.get(5)).toMatchObject({ name: 'Siti Aminah', action: 'create' }); // "Ds. Kedungringin"
    expect(byRow.get(9)).toMatchObject({ name: 'Moch. Sholeh', warnings: [{ code: 'phone_numeric_cell' }] });
    expect(byRow.get(13)?.problems[0]).toMatchObject({ message: 'Orang yang sama dengan baris 4' });
    expect(byRow.get(15)?.warnings[0]).toMatchObject({
      code: 'desa_fuzzy',
      message: expect.stringContaining('Wringinputih'),
    });
    expect(await countPillars()).toBe(0);
  });

  it('refuses importers outside the kab/kota, coordinators, and files that are not rosters', async () => {
    expect((await upload(operatorJember, 'dryRun=true&kabkota=35.10&type=tagana', sample)).statusCode).toBe(
      403,
    );
    expect((await upload(koordinator, 'dryRun=true&kabkota=35.10&type=tagana', sample)).statusCode).toBe(403);
    const pdf = await upload(
      operator,
      'dryRun=true&kabkota=35.10',
      Buffer.from('%PDF-1.4'),
      'application/pdf',
    );
    expect(pdf.statusCode).toBe(415);
    const broken = await upload(operator, 'dryRun=true&kabkota=35.10', Buffer.from('bukan xlsx'));
    expect(broken.statusCode).toBe(400);
    const headerless = await upload(operator, 'dryRun=true&kabkota=35.10', 'a,b\n1,2\n', 'text/csv');
    expect(headerless.json().error.message).toMatch(/Nama/);
  });

  it('imports for real in the background, then shows the per-row report without names', async () => {
    const res = await upload(operator, 'dryRun=false&kabkota=35.10&type=tagana', sample);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'berjalan', totals: { rows: 40 } });
    const job = await waitForImport(operator, res.json().id);
    expect(job).toMatchObject({
      status: 'selesai',
      processedRows: 40,
      totals: { rows: 40, create: 32, update: 0, unchanged: 0, skip: 8 },
    });
    expect(job.rows).toHaveLength(40);
    expect(job.rows.every((row: RowResult) => row.name === undefined)).toBe(true);
    expect(
      job.rows.filter((row: RowResult) => row.action === 'create').every((row: RowResult) => row.pillarId),
    ).toBe(true);
    expect(await countPillars()).toBe(32);
    const actions = await t.audit({ subjectId: job.id });
    expect(actions.map((a) => a.action)).toEqual([
      'pillar_import.started',
      'pillar_import.chunk_applied',
      'pillar_import.finished',
    ]);
    // the record reads as the roster said
    const sholeh = (await t.call(operator, 'GET', '/api/pillars?q=sholeh')).json().items[0];
    expect(sholeh).toMatchObject({
      name: 'Moch. Sholeh',
      phone: '+6281234567806',
      pillarType: 'tagana',
      homeRegionCode: '35.10.07.2001',
    });
    const kedungringin = (await t.call(operator, 'GET', '/api/pillars?region=35.10.05.2009')).json();
    expect(kedungringin.items.map((p: { name: string }) => p.name)).toEqual(['Siti Aminah']);
    expect(job.rows.find((row: RowResult) => row.row === 17)?.pillarId).toBeTruthy(); // Tamansari, Licin
  });

  it('refuses a CSV that is not UTF-8 with a 400 saying so, rather than keep names with replaced letters', async () => {
    const csv = Buffer.from(
      'Nama;NIK;No HP;Desa;Kecamatan\r\nSiti Ma\x92rufah;;081334567899;Kedungringin;Muncar\r\n',
      'latin1',
    );
    const res = await upload(operator, 'dryRun=true&kabkota=35.10&type=tagana', csv, 'text/csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/UTF-8/);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await t.db.asSystem((tx) =>
      tx.query('SELECT id, version, updated_at FROM pillars ORDER BY id'),
    );
    const dry = (await upload(operator, 'dryRun=true&kabkota=35.10&type=tagana', sample)).json();
    expect(dry.totals).toEqual({ rows: 40, create: 0, update: 0, unchanged: 32, skip: 8 });
    const res = await upload(operator, 'dryRun=false&kabkota=35.10&type=tagana', sample);
    const job = await waitForImport(operator, res.json().id);
    expect(job.totals).toEqual({ rows: 40, create: 0, update: 0, unchanged: 32, skip: 8 });
    const after = await t.db.asSystem((tx) =>
      tx.query('SELECT id, version, updated_at FROM pillars ORDER BY id'),
    );
    expect(after).toEqual(before);
  });

  it('reads a CSV with semicolons, matches people without a NIK by phone and name, and updates them', async () => {
    const csv = [
      'Nama;NIK;No HP;Desa;Kecamatan;Keahlian;Status',
      'Sugeng Riyanto;;0823-3456-7818;Alasbuluh;Wongsorejo;Mediasi;Aktif', // no NIK in the registry either
      'SITI AMINAH;3510054207900003;081334567802;Kedungringin;Muncar;Dapur Umum;Aktif',
      'Eko Prasetyo;3.51005E+15;081234567805;Jajag;Gambiran;Evakuasi;Aktif',
      'Rahmat Hidayat;3510020601890007;081334567836;Temurejo;Bangorejo;P3K;Aktif',
    ].join('\r\n');
    const dry = (
      await upload(operator, 'dryRun=true&kabkota=35.10&type=tagana', csv, 'text/csv; charset=utf-8')
    ).json();
    expect(dry.rows.map((row: RowResult) => [row.row, row.action, row.problems.map((p) => p.code)])).toEqual([
      [2, 'update', []],
      [3, 'unchanged', []],
      [4, 'skip', ['nik_numeric_cell']],
      [5, 'update', []],
    ]);
    const job = await waitForImport(
      operator,
      (await upload(operator, 'dryRun=false&kabkota=35.10&type=tagana', csv, 'text/csv')).json().id,
    );
    expect(job.totals).toMatchObject({ update: 2, unchanged: 1, skip: 1 });
    const sugeng = (await t.call(operator, 'GET', '/api/pillars?q=sugeng')).json().items[0];
    expect(sugeng.skills).toEqual(['evakuasi', 'komunikasi_radio', 'mediasi']);
    const rahmat = (await t.call(operator, 'GET', '/api/pillars?q=rahmat')).json().items[0];
    expect(rahmat).toMatchObject({ status: 'aktif', version: 2 });
    expect(await countPillars()).toBe(32);
  });

  it('tells an importer nothing about a person registered outside their scope; the province is told instead', async () => {
    const provinsi = await t.user({ role: 'provinsi', region: '35' });
    const created = await t.call(operatorJember, 'POST', '/api/pillars', {
      pillarType: 'tksk',
      name: 'Budi Santoso',
      nik: '3509062304850002',
      homeRegionCode: '35.09.06.2002',
    });
    expect(created.statusCode).toBe(201);
    // A registered NIK and an unknown one answer alike to the Banyuwangi operator.
    const csv =
      'Nama,NIK,Desa,Kecamatan\nBudi Santoso,3509062304850002,Kedungringin,Muncar\nAgus Salim,3509062304850003,Kedungringin,Muncar\n';
    const dry = (await upload(operator, 'dryRun=true&kabkota=35.10&type=tagana', csv, 'text/csv')).json();
    expect(dry.rows.map((row: RowResult) => [row.action, row.problems])).toEqual([
      ['create', []],
      ['create', []],
    ]);
    expect(JSON.stringify(dry)).not.toMatch(/elsewhere|wilayah lain/);
    // Registering the same NIK directly answers as for anyone new, not 409 "wilayah lain".
    const budiHere = {
      pillarType: 'tagana',
      name: 'Budi S',
      nik: '3509062304850002',
      homeRegionCode: '35.10.01.2001',
    };
    const direct = await t.call(operator, 'POST', '/api/pillars', budiHere);
    expect(direct.statusCode).toBe(201);
    const again = await t.call(operator, 'POST', '/api/pillars', budiHere);
    // Registered in their own scope now: that they may be told, with the record.
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      message: 'NIK ini sudah terdaftar',
      details: { pillarId: direct.json().id },
    });
    const inbox = (await t.call(provinsi, 'GET', '/api/notifications')).json().items;
    expect(inbox).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'pillar.registered_elsewhere',
          subjectId: direct.json().id,
          title:
            'NIK pilar baru di Kabupaten Banyuwangi juga terdaftar di kab/kota lain: periksa dan satukan datanya',
        }),
      ]),
    );
    const operatorInbox = (await t.call(operator, 'GET', '/api/notifications')).json();
    expect(JSON.stringify(operatorInbox)).not.toContain('registered_elsewhere');
  });

  it('limits dry runs per user, answering 429 in the error shape', async () => {
    const prober = await t.user({ role: 'operator', region: '35.10' });
    const csv = 'Nama,NIK,Desa,Kecamatan\nAgus Salim,3509062304850003,Kedungringin,Muncar\n';
    for (let i = 0; i < DRY_RUNS_PER_WINDOW; i++) {
      expect(
        (await upload(prober, 'dryRun=true&kabkota=35.10&type=tagana', csv, 'text/csv')).statusCode,
      ).toBe(200);
    }
    const limited = await upload(prober, 'dryRun=true&kabkota=35.10&type=tagana', csv, 'text/csv');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      error: { code: 'too_many_requests', message: expect.any(String) },
    });
    // Another user is not limited by it.
    expect(
      (await upload(operator, 'dryRun=true&kabkota=35.10&type=tagana', csv, 'text/csv')).statusCode,
    ).toBe(200);
  });

  it('keeps answering requests while a large file imports in chunks, and shows progress', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-roster-'));
    const file = path.join(dir, 'besar.xlsx');
    await writeRoster(file, generatedLines(1500, 7), { title: 'Uji' });
    const res = await upload(operator, 'dryRun=false&kabkota=35.10&type=sahabat_tagana', readFileSync(file));
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    const health = await t.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const during = (await t.call(operator, 'GET', `/api/pillars/imports/${id}`)).json();
    expect(during.status).toBe('berjalan');
    expect(during.processedRows).toBeLessThan(1500);
    const job = await waitForImport(operator, id);
    expect(job).toMatchObject({ status: 'selesai', processedRows: 1500, totals: { create: 1500 } });
    expect((await t.call(operatorJember, 'GET', `/api/pillars/imports/${id}`)).statusCode).toBe(404);
  });
});
