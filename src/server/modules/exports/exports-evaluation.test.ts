import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { AS_OF, type Dataset, QUARTER } from '../evaluation/evaluation-dataset.ts';
import { EVALUATION_PEOPLE, seedEvaluationData } from '../evaluation/evaluation-test-helpers.ts';
import { settleExports } from './export-jobs-service.ts';

// The records behind an evaluation figure as a file, on the hand-made quarter of evaluation-dataset.ts:
// acknowledge.P1 holds R1 (10 min), R2 (20) and R3 (40; its deadline is 30), all in Jember.
describe('exports of the evaluation records', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sigap-eval-exports-'));
  // registered before testAppWith's hooks, so it runs after the app has closed
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const {
    t,
    koordinator,
    operatorJember: jember,
    operatorBanyuwangi: banyuwangi,
    relawan,
    volunteer,
  } = testAppWith(EVALUATION_PEOPLE, { env: { DATA_DIR: dataDir }, clock: fakeClock(AS_OF) });
  let data: Dataset;
  const period = `from=${QUARTER.from}&to=${QUARTER.to}`;

  const get = (user: TestUser, query: string) => t.call(user, 'GET', `/api/exports/evaluation?${query}`);
  const csv = (body: string, delimiter = ',') => {
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(body.slice(1), { delimiter, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return parsed.data;
  };
  const column = (rows: string[][], name: string) => rows.slice(1).map((row) => row[rows[0].indexOf(name)]);

  beforeAll(async () => {
    data = await seedEvaluationData(t, { operatorJember: jember, relawan, volunteer });
  });

  it('writes a figure’s records as CSV with a BOM, Indonesian headers and the `;` option', async () => {
    const res = await get(koordinator, `format=csv&delimiter=;&scope=V&${period}&set=acknowledge.P1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/sigap-catatan-evaluasi-\d{4}-\d\d-\d\d\.csv/);
    const rows = csv(res.body, ';');
    expect(rows[0]).toEqual(expect.arrayContaining(['Jenis catatan', 'Waktu (WIB)', 'Kode kab/kota']));
    expect(column(rows, 'Id catatan')).toEqual([data.reports.R1, data.reports.R2, data.reports.R3]);
    expect(column(rows, 'Jenis catatan')).toEqual(['laporan', 'laporan', 'laporan']);
    expect(column(rows, 'Waktu tempuh (menit)')).toEqual(['10', '20', '40']);
    expect(column(rows, 'Dalam batas waktu')).toEqual(['ya', 'ya', 'tidak']);
    expect(column(rows, 'Kab/kota')).toEqual(['Kabupaten Jember', 'Kabupaten Jember', 'Kabupaten Jember']);
    expect(column(rows, 'Himpunan data')).toEqual(['acknowledge.P1', 'acknowledge.P1', 'acknowledge.P1']);
  });

  it('writes XLSX with typed cells, a frozen header and the column sheet', async () => {
    const res = await get(koordinator, `format=xlsx&scope=V&${period}&set=acknowledge.P1`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Catatan evaluasi');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(sheet.rowCount).toBe(4);
    expect(cell(2, 'Waktu tempuh (menit)')).toBe(10);
    expect(cell(2, 'Batas waktu (menit)')).toBe(30);
    expect(cell(4, 'Dalam batas waktu')).toBe(false);
    expect(cell(2, 'Waktu (WIB)')).toBeInstanceOf(Date);
    expect(workbook.getWorksheet('Kolom')?.rowCount).toBe(header.length + 1);
  });

  it('writes GeoJSON at the region centroids with their precision, and HXL tags on the second row', async () => {
    const geo = await get(koordinator, `format=geojson&scope=V&${period}&set=reports.priority=P1`);
    expect(geo.statusCode).toBe(200);
    const collection = JSON.parse(geo.body);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(3);
    for (const feature of collection.features) {
      expect(feature.geometry.type).toBe('Point');
      expect(feature.properties.geo_precision).toBe('kecamatan');
      expect(feature.properties.adm2Code).toBe('35.09');
    }
    const hxl = await get(koordinator, `format=hxl&scope=V&${period}&set=reports.priority=P1`);
    const rows = Papa.parse<string[]>(hxl.body, { skipEmptyLines: true }).data;
    expect(rows[1]).toEqual(
      expect.arrayContaining(['#meta+type', '#date', '#adm2+code', '#indicator+ontime']),
    );
    expect(rows).toHaveLength(2 + 3);
  });

  it('keeps to the asker’s region: an operator of 35.10 gets nothing of 35.09', async () => {
    expect((await get(banyuwangi, `scope=35.09&${period}&set=reports`)).statusCode).toBe(403);
    expect((await get(banyuwangi, `scope=V&${period}&set=reports`)).statusCode).toBe(403);
    const own = csv((await get(banyuwangi, `scope=35.10&${period}&set=reports`)).body);
    expect(own).toHaveLength(1);
    const jemberRows = csv((await get(jember, `scope=35.09&${period}&set=reports`)).body);
    expect(jemberRows).toHaveLength(1 + 7);
    expect(new Set(column(jemberRows, 'Kode kab/kota'))).toEqual(new Set(['35.09']));
    // The Bakorwil's coordinator sees Lumajang's report too.
    expect(csv((await get(koordinator, `scope=V&${period}&set=reports`)).body)).toHaveLength(1 + 8);
  });

  it('holds no personal data, refuses the field volunteer and unknown sets, and audits each export', async () => {
    const res = await get(jember, `scope=35.09&${period}&set=cases&personal=true`);
    expect(res.statusCode).toBe(200);
    expect(csv(res.body)[0]).not.toContain('Nama');
    expect((await get(relawan, `scope=35.09&${period}&set=reports`)).statusCode).toBe(403);
    expect((await get(koordinator, `scope=V&${period}&set=nothing`)).statusCode).toBe(400);

    await get(koordinator, `format=xlsx&scope=V&${period}&set=acknowledge.P1`);
    const entries = await t.audit({ action: 'export.create' });
    const last = entries[entries.length - 1];
    expect(last.actorId).toBe(koordinator.id);
    expect(JSON.parse(last.details)).toMatchObject({
      kind: 'evaluation',
      format: 'xlsx',
      filters: { scope: 'V', from: QUARTER.from, to: QUARTER.to, set: 'acknowledge.P1' },
      rows: 3,
      complete: true,
    });
  });

  it('runs in the background too, counting the records first', async () => {
    const started = await t.call(
      koordinator,
      'POST',
      `/api/exports/evaluation?format=csv&scope=V&${period}&set=reports`,
    );
    expect(started.statusCode).toBe(202);
    await settleExports();
    const job = await t.call(koordinator, 'GET', `/api/exports/jobs/${started.json().jobId}`);
    expect(job.json()).toMatchObject({ kind: 'evaluation', status: 'selesai', rows: 8, total: 8 });
    const file = await t.call(koordinator, 'GET', job.json().downloadUrl);
    expect(csv(file.body)).toHaveLength(1 + 8);
  });
});
