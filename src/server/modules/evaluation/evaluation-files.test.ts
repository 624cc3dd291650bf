import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { AS_OF, QUARTER } from './evaluation-dataset.ts';
import { settleReports } from './evaluation-files-service.ts';
import { EVALUATION_PEOPLE, seedEvaluationData } from './evaluation-test-helpers.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The text of a PDF as pdftotext reads it, with runs of spaces folded. */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the evaluation files (PDF and XLSX)', () => {
  const { t, koordinator, operatorJember, operatorBanyuwangi, relawan, volunteer } = testAppWith(
    {
      ...EVALUATION_PEOPLE,
      koordinator: { ...EVALUATION_PEOPLE.koordinator, displayName: 'Koordinator Bakorwil V' },
    },
    { clock: fakeClock(AS_OF) },
  );
  const q = `from=${QUARTER.from}&to=${QUARTER.to}`;

  beforeAll(() => seedEvaluationData(t, { operatorJember, relawan, volunteer }));
  // before the app closes (testAppWith's own hook, registered first, runs last)
  afterAll(() => settleReports());

  async function makeInBackground(user: TestUser, format: 'pdf' | 'xlsx', scope: string) {
    const started = await t.call(user, 'POST', '/api/evaluations/reports', { scope, ...QUARTER, format });
    expect(started.statusCode).toBe(202);
    const job = started.json();
    expect(job).toMatchObject({ format, scope, from: QUARTER.from, to: QUARTER.to });
    await settleReports();
    const done = (await t.call(user, 'GET', job.link)).json();
    expect(done).toMatchObject({ status: 'selesai', progress: 100 });
    const file = await t.call(user, 'GET', done.fileLink);
    expect(file.statusCode).toBe(200);
    return { job: done, file };
  }

  it('writes a PDF in Indonesian whose text holds the headings and the same figures', async () => {
    const { file } = await makeInBackground(koordinator, 'pdf', 'V');
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('evaluasi-bakorwil-V-2026-07-01-2026-09-30.pdf');
    const text = pdfText(file.rawPayload);
    for (const heading of [
      'Laporan Evaluasi Penanganan Konflik Sosial',
      'Lingkup: Bakorwil V Jember',
      'Periode: Triwulan III 2026',
      'Dibandingkan dengan: Triwulan II 2026',
      'Dibuat: 2026-10-15 10:00:00 WIB',
      'Waktu menerima laporan',
      'Waktu respons lapangan pertama',
      'Waktu penyelesaian kasus',
      'Kelompok rentan didahulukan?',
      'Kasus: tahap, hasil dan kekambuhan',
      'Rujukan kelompok rentan',
      'Kab/kota berdampingan (sinergi)',
      'Grafik: laporan per kab/kota',
      'Definisi',
    ]) {
      expect(text).toContain(heading);
    }
    // acknowledge, all: 6 measured, median 50 min, p90 350 min, 4 of 7 in time; P1: 20 and 36 min, 2 of 3
    expect(text).toMatch(/Semua 6 50 mnt 5 j 50 mnt – 57,1%/);
    expect(text).toMatch(/P1 3 20 mnt 36 mnt 30 mnt 66,7%/);
    // vulnerable first, acknowledge: 15 vs 80 min, faster
    expect(text).toMatch(/Menerima laporan 15 mnt 1 j 20 mnt 100,0% 40,0% Ya/);
    expect(text).toMatch(/Rujukan selesai 2 0/);
    expect(text).toMatch(/Median sampai selesai \(menit\) 1\.620/);
    expect(text).toMatch(/Kasus kambuh 1 0/);
  });

  it('writes an XLSX with a sheet per table and numbers as numbers', async () => {
    const { file } = await makeInBackground(koordinator, 'xlsx', 'V');
    expect(file.headers['content-type']).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Ringkasan',
        'Laporan',
        'menerima laporan',
        'Rujukan',
        'Per kab-kota',
        'Definisi',
      ]),
    );
    const rowOf = (sheet: string, label: string) => {
      let found: unknown[] | undefined;
      workbook.getWorksheet(sheet)!.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        if (values[0] === label) found = values;
      });
      return found;
    };
    const all = rowOf('menerima laporan', 'Semua')!;
    expect(all.slice(0, 4)).toEqual(['Semua', 6, 50, 350]);
    expect(all[5]).toBeCloseTo(4 / 7, 10);
    expect(rowOf('menerima laporan', 'P1')!.slice(0, 5)).toEqual(['P1', 3, 20, 36, 30]);
    expect(rowOf('Laporan', 'Jumlah laporan')).toEqual(['Jumlah laporan', 8, 2]);
    expect(rowOf('Rujukan', 'Median sampai selesai (menit)')).toEqual([
      'Median sampai selesai (menit)',
      1620,
    ]);
    expect(rowOf('Kasus', 'Kasus kambuh')).toEqual(['Kasus kambuh', 1, 0]);
    const jember = rowOf('Per kab-kota', 'Kabupaten Jember') ?? rowOf('Per kab-kota', 'Kab. Jember');
    expect(jember?.slice(1, 4)).toEqual([7, 3, 40]);
  });

  it('answers one kab/kota at once, keeps the file, and lets it be fetched again', async () => {
    const res = await t.call(operatorJember, 'POST', `/api/evaluations/report.pdf?scope=35.09&${q}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const kept = (await t.call(operatorJember, 'GET', '/api/evaluations/reports')).json().items;
    const mine = kept.find(
      (r: { scope: string; format: string }) => r.scope === '35.09' && r.format === 'pdf',
    );
    expect(mine).toMatchObject({ status: 'selesai', from: QUARTER.from, to: QUARTER.to });
    const again = await t.call(operatorJember, 'GET', mine.fileLink);
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it('makes a Bakorwil in the background: 202 with the job link', async () => {
    const res = await t.call(koordinator, 'POST', `/api/evaluations/report.xlsx?scope=V&${q}`);
    expect(res.statusCode).toBe(202);
    expect(res.headers.location).toMatch(/^\/api\/evaluations\/reports\/[0-9a-f-]{36}$/);
    await settleReports();
    const job = (await t.call(koordinator, 'GET', res.headers.location as string)).json();
    expect(job.status).toBe('selesai');
  });

  it('starts no work on a GET: a link on another site cannot queue a province-wide report', async () => {
    const kept = async () =>
      (await t.call(koordinator, 'GET', '/api/evaluations/reports')).json().items.length;
    const before = await kept();
    const res = await t.call(koordinator, 'GET', `/api/evaluations/report.pdf?scope=V&${q}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(await kept()).toBe(before);
  });

  it('shows a kept report to no one outside its area', async () => {
    const { job } = await makeInBackground(operatorJember, 'xlsx', '35.09');
    const other = await t.call(operatorBanyuwangi, 'GET', job.link);
    expect(other.statusCode).toBe(404);
    const file = await t.call(operatorBanyuwangi, 'GET', job.fileLink);
    expect(file.statusCode).toBe(404);
    // The koordinator of Bakorwil V oversees Jember: the same figures, so the same file.
    expect((await t.call(koordinator, 'GET', job.fileLink)).statusCode).toBe(200);
  });
});
