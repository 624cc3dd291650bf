import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { PEOPLE, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { settleExports } from './export-jobs-service.ts';

describe('background exports', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sigap-exports-'));
  const clock = fakeClock(new Date());
  const { t, jember, banyuwangi } = testAppWith(
    {
      jember: PEOPLE.operator,
      banyuwangi: { role: 'operator', region: '35.10' },
    },
    { env: { DATA_DIR: dataDir }, clock },
  );

  beforeAll(async () => {
    for (const description of [
      'Bentrok dua perguruan silat di lapangan desa.',
      'Ajakan konvoi di grup WhatsApp.',
    ]) {
      const res = await t.call(jember, 'POST', '/api/reports', reportPayload({ description }));
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with 202 and a job id, shows progress, offers the file for a day and notifies when ready', async () => {
    const started = await t.call(jember, 'POST', '/api/exports/reports?format=xlsx&region=35.09');
    expect(started.statusCode).toBe(202);
    const { jobId } = started.json();
    expect(started.headers.location).toBe(`/api/exports/jobs/${jobId}`);
    await settleExports();

    const job = await t.call(jember, 'GET', `/api/exports/jobs/${jobId}`);
    expect(job.statusCode).toBe(200);
    expect(job.json()).toMatchObject({
      id: jobId,
      kind: 'reports',
      format: 'xlsx',
      status: 'selesai',
      rows: 2,
      total: 2,
      downloadUrl: `/api/exports/jobs/${jobId}/file`,
      error: null,
    });
    const expires = new Date(job.json().expiresAt).getTime() - new Date(job.json().finishedAt).getTime();
    expect(expires).toBe(24 * 3_600_000);

    const file = await t.call(jember, 'GET', job.json().downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Laporan')?.rowCount).toBe(3);

    const inbox = (await t.call(jember, 'GET', '/api/notifications')).json().items;
    expect(inbox).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'export.ready', title: 'Ekspor siap diunduh' }),
      ]),
    );

    // Someone else's job and file do not exist for them.
    expect((await t.call(banyuwangi, 'GET', `/api/exports/jobs/${jobId}`)).statusCode).toBe(404);
    expect((await t.call(banyuwangi, 'GET', `/api/exports/jobs/${jobId}/file`)).statusCode).toBe(404);

    // A day later the file is gone: refused at once, and deleted when the next export starts.
    clock.advanceMinutes(24 * 60 + 1);
    expect((await t.call(jember, 'GET', `/api/exports/jobs/${jobId}/file`)).statusCode).toBe(404);
    const next = await t.call(jember, 'POST', '/api/exports/reports?format=csv');
    expect(next.statusCode).toBe(202);
    await settleExports();
    const files = readdirSync(path.join(dataDir, 'exports'));
    expect(files).toEqual([`${next.json().jobId}.bin`]);
    expect(existsSync(path.join(dataDir, 'exports', `${jobId}.bin`))).toBe(false);
    const gone = (await t.call(jember, 'GET', `/api/exports/jobs/${jobId}`)).json();
    expect(gone).toMatchObject({ status: 'selesai', downloadUrl: null });
    expect(gone.error).toContain('dihapus');
  });

  it('refuses before keeping anything when the role may not export', async () => {
    const relawan = await t.user({ role: 'relawan', region: '35.09.06.2002' });
    expect((await t.call(relawan, 'POST', '/api/exports/reports')).statusCode).toBe(403);
    expect(
      (await t.call(jember, 'GET', '/api/exports/jobs/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });
});
