import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { childPayload } from '../../../../test/fixtures.ts';
import { PEOPLE, people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { ReportsExportQuery } from '../../../shared/exports/export-schema.ts';
import { systemClock } from '../../platform/clock.ts';
import { principalFrom } from '../users/users-service.ts';
import { findUserById } from '../users/users-store.ts';
import { prepareExport } from './exports-service.ts';

describe('exports', () => {
  const { t, relawan, jember, banyuwangi, provinsi, polres } = testAppWith({
    ...people('relawan'),
    jember: PEOPLE.operator,
    banyuwangi: { role: 'operator', region: '35.10' },
    ...people('provinsi'),
    polres: { partner: 'polres-jember', agencyName: 'Polres Jember', region: '35.09' },
  });
  let caseId: string;
  let otherCaseId: string;

  const csv = (body: string, delimiter = ',') => {
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(body.slice(1), { delimiter, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return parsed.data;
  };

  const verified = (user: TestUser, overrides: Record<string, unknown>) =>
    t.verifiedReport(relawan, user, overrides);

  const audits = () => t.audit({ action: 'export.create' });

  beforeAll(async () => {
    // Jember: a desa report with no GPS (placed at its kecamatan), a kecamatan-level one with GPS and a quote.
    const first = await verified(jember, {
      description: 'Bentrok di balai desa; warga "Dusun Krajan" mengungsi.',
    });
    await verified(jember, {
      regionCode: '35.09.06',
      latitude: -8.16,
      longitude: 113.45,
      kind: 'sinyal',
      description: '=HYPERLINK("x") ajakan konvoi di grup WhatsApp',
    });
    // Banyuwangi: one report, not Jember's to see.
    const other = await verified(banyuwangi, { regionCode: '35.10.01.2001' });
    const opened = await t.call(jember, 'POST', '/api/cases', { reportIds: [first] });
    expect(opened.statusCode).toBe(201);
    caseId = opened.json().id;
    const person = await t.call(jember, 'POST', `/api/cases/${caseId}/people`, childPayload({ needs: [] }));
    expect(person.statusCode).toBe(201);
    const disposed = await t.call(jember, 'POST', `/api/cases/${caseId}/dispositions`, {
      agencyId: 'polres-jember',
      instruction: 'Amankan lokasi',
      dueAt: '2026-08-24T12:00:00+07:00',
    });
    expect(disposed.statusCode).toBe(201);
    const otherCase = await t.call(jember, 'POST', '/api/cases', {
      reportIds: [await verified(jember, { description: 'Perusakan warung oleh suporter setelah laga.' })],
    });
    otherCaseId = otherCase.json().id;
    expect((await t.call(banyuwangi, 'POST', '/api/cases', { reportIds: [other] })).statusCode).toBe(201);
  });

  it('exports reports as CSV with a BOM, Indonesian headers, the list filters and the `;` option', async () => {
    const res = await t.call(jember, 'GET', '/api/exports/reports?format=csv&delimiter=;&region=35.09');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="sigap-laporan-\d{4}-\d\d-\d\d\.csv"/,
    );
    const rows = csv(res.body, ';');
    const header = rows[0];
    expect(header).toContain('Waktu kejadian (WIB)');
    expect(header).toContain('Kode kab/kota');
    expect(rows).toHaveLength(4);
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.slice(1).map((r) => at(r, 'Kode kab/kota'))).toEqual(['35.09', '35.09', '35.09']);
    const quoted = rows.find((r) => at(r, 'Uraian').includes('Dusun Krajan'));
    expect(at(quoted ?? [], 'Uraian')).toBe('Bentrok di balai desa; warga "Dusun Krajan" mengungsi.');
    expect(at(quoted ?? [], 'Waktu kejadian (WIB)')).toBe('2026-08-22T21:30:00+07:00');
    expect(at(quoted ?? [], 'Anak terdampak')).toBe('3');
    expect(at(quoted ?? [], 'Desa/kelurahan')).toBe('Tanggulwetan');
    // A field a spreadsheet would run as a formula is written as text.
    expect(rows.some((r) => at(r, 'Uraian').startsWith("'=HYPERLINK"))).toBe(true);

    const signals = csv((await t.call(jember, 'GET', '/api/exports/reports?kind=sinyal')).body);
    expect(signals).toHaveLength(2);
  });

  it('writes HXL tags on the second row', async () => {
    const res = await t.call(provinsi, 'GET', '/api/exports/reports?format=hxl');
    expect(res.statusCode).toBe(200);
    const rows = Papa.parse<string[]>(res.body, { skipEmptyLines: true }).data;
    expect(rows[1]).toEqual(
      expect.arrayContaining(['#date+occurred', '#adm1+code', '#adm2+code', '#adm3+code']),
    );
    expect(rows[1]).toEqual(
      expect.arrayContaining(['#event+type', '#affected+injured', '#affected+killed', '#affected+displaced']),
    );
    expect(rows[1]).toContain('#affected+children');
    expect(rows).toHaveLength(2 + 4);
  });

  it('writes valid GeoJSON: GPS points where known, otherwise the region centroid and its precision', async () => {
    const res = await t.call(jember, 'GET', '/api/exports/reports?format=geojson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const collection = JSON.parse(res.body);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(3);
    for (const f of collection.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(110.8);
      expect(lon).toBeLessThan(116.3);
      expect(lat).toBeGreaterThan(-8.9);
      expect(lat).toBeLessThan(-5);
    }
    const gps = collection.features.find(
      (f: { properties: { kind: string } }) => f.properties.kind === 'sinyal',
    );
    expect(gps.properties.geo_precision).toBe('gps');
    expect(gps.geometry.coordinates).toEqual([113.45, -8.16]);
    const desa = collection.features.filter(
      (f: { properties: { geo_precision: string } }) => f.properties.geo_precision !== 'gps',
    );
    expect(desa.map((f: { properties: { geo_precision: string } }) => f.properties.geo_precision)).toEqual([
      'kecamatan',
      'kecamatan',
    ]);
    expect(desa[0].properties.occurredAt).toBe('2026-08-22T21:30:00+07:00');
  });

  it('writes XLSX with typed cells, a frozen header and a sheet describing each column', async () => {
    const res = await t.call(jember, 'GET', '/api/exports/cases?format=xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Kasus');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Jumlah laporan');
    expect(sheet.rowCount).toBe(3);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = sheet.getRow(2);
    expect(typeof row.getCell(col('Jumlah laporan')).value).toBe('number');
    expect(row.getCell(col('Dibuka (WIB)')).value).toBeInstanceOf(Date);
    expect(typeof row.getCell(col('Ada kelompok rentan')).value).toBe('boolean');
    expect(header).not.toContain('Orang rentan (nama, kelompok)');
    const about = workbook.getWorksheet('Kolom');
    expect(about?.getRow(1).values).toEqual([
      undefined,
      'Kolom',
      'Column (English)',
      'Jenis isi',
      'Tag HXL',
      'Keterangan',
    ]);
    expect(about?.rowCount).toBe(header.length + 1);
  });

  it('keeps to the asker’s scope: an operator of 35.10 exports nothing of 35.09', async () => {
    const res = await t.call(banyuwangi, 'GET', '/api/exports/reports?region=35.09');
    expect(res.statusCode).toBe(200);
    expect(csv(res.body)).toHaveLength(1);
    const own = csv((await t.call(banyuwangi, 'GET', '/api/exports/reports')).body);
    expect(own).toHaveLength(2);
    expect(own[1][own[0].indexOf('Kode kab/kota')]).toBe('35.10');
    const cases = csv((await t.call(banyuwangi, 'GET', '/api/exports/cases')).body);
    expect(cases.slice(1).every((r) => r[cases[0].indexOf('Kode kab/kota')] === '35.10')).toBe(true);
  });

  it('lets a partner agency export only the cases disposed to it, without names', async () => {
    const rows = csv((await t.call(polres, 'GET', '/api/exports/cases')).body);
    expect(rows.slice(1).map((r) => r[0])).toEqual([caseId]);
    expect(rows[0]).not.toContain('Orang rentan (nama, kelompok)');
    expect(rows.flat().join(' ')).not.toContain('Dimas');
    const names = await t.call(polres, 'GET', '/api/exports/cases?personal=true');
    expect(names.statusCode).toBe(403);
    expect((await t.call(polres, 'GET', '/api/exports/reports')).statusCode).toBe(403);
  });

  it('gives names only to handlers who ask, access-logs them, and audits every export with filters and rows', async () => {
    const plain = csv((await t.call(jember, 'GET', '/api/exports/cases')).body);
    expect(plain.flat().join(' ')).not.toContain('Dimas');
    // The province is not a handler of a case still at the kab/kota: the column stays empty.
    const province = csv((await t.call(provinsi, 'GET', '/api/exports/cases?personal=true')).body);
    expect(province[0]).toContain('Orang rentan (nama, kelompok)');
    expect(province.flat().join(' ')).not.toContain('Dimas');

    const withNames = csv(
      (await t.call(jember, 'GET', '/api/exports/cases?personal=true&region=35.09')).body,
    );
    const names = withNames[0].indexOf('Orang rentan (nama, kelompok)');
    const byId = new Map(withNames.slice(1).map((r) => [r[0], r[names]]));
    expect(byId.get(caseId)).toBe('Dimas Pratama (anak)');
    expect(byId.get(otherCaseId)).toBe('');
    const logged = await t.accessLog({ userId: jember.id, purpose: 'ekspor' });
    expect(logged.map((l) => l.subjectId)).toEqual([caseId]);

    const entries = await audits();
    const last = entries[entries.length - 1];
    expect(last.actorId).toBe(jember.id);
    expect(JSON.parse(last.details)).toMatchObject({
      kind: 'cases',
      format: 'csv',
      filters: { region: '35.09' },
      rows: 2,
      personal: true,
      complete: true,
    });
    expect(last.details).not.toContain('Dimas');
  });

  it('stops reading when the download goes away midway, and audits what left as incomplete', async () => {
    const user = await t.db.asSystem((tx) => findUserById(tx, provinsi.id));
    if (!user) throw new Error('no user');
    let chunks = 0;
    // The client goes away after the header and the first page.
    const sink = new Writable({
      write(_chunk, _enc, done) {
        chunks += 1;
        done();
        if (chunks === 2) sink.destroy();
      },
    });
    const prepared = await prepareExport(
      { db: t.db, clock: systemClock, config: t.config },
      principalFrom(user, []),
      'reports',
      ReportsExportQuery.parse({ format: 'csv' }),
      { pageRows: 1 },
    );
    await expect(prepared.write(sink)).rejects.toThrow('export stream closed');
    const entries = await audits();
    const details = JSON.parse(entries[entries.length - 1].details);
    expect(details).toMatchObject({ kind: 'reports', format: 'csv', complete: false });
    expect(details.rows).toBeLessThan(4);
  });

  it('streams: the file is written page by page while the rows are still being read', async () => {
    const user = await t.db.asSystem((tx) => findUserById(tx, provinsi.id));
    if (!user) throw new Error('no user');
    const actor = principalFrom(user, []);
    let rowsRead = 0;
    const seenAtWrite: number[] = [];
    const sink = new Writable({
      write(_chunk, _enc, done) {
        seenAtWrite.push(rowsRead);
        done();
      },
    });
    const prepared = await prepareExport(
      { db: t.db, clock: systemClock, config: t.config },
      actor,
      'reports',
      ReportsExportQuery.parse({ format: 'csv' }),
      { pageRows: 1, onPage: (n) => (rowsRead = n) },
    );
    const total = await prepared.write(sink);
    expect(total).toBe(4);
    // The header went out before any row was read, and each page went out before the next was read.
    expect(seenAtWrite[0]).toBe(0);
    expect(seenAtWrite.slice(1)).toEqual([1, 2, 3, 4]);
  });

  it('refuses the field volunteer and validates the format', async () => {
    expect((await t.call(relawan, 'GET', '/api/exports/reports')).statusCode).toBe(403);
    const bad = await t.call(jember, 'GET', '/api/exports/reports?format=pdf');
    expect(bad.statusCode).toBe(400);
  });
});
