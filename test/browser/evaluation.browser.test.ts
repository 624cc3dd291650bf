import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { quarterOf } from '../../src/shared/evaluation/period.ts';
import { findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { DESKTOP, useBrowserFixture } from './fixture.ts';
import { OFFICE, openCaseFrom, silatClashReport, verifyAndOpenCase } from './office.ts';

const fx = useBrowserFixture({
  users: [OFFICE.bakorwilVCoordinator, { username: 'op.jember', role: 'operator', region: '35.09' }],
  pagePerTest: { viewport: DESKTOP, acceptDownloads: true },
});
// One incident in Jember this quarter, so the figures are not all zero.
const report = silatClashReport({
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  description: 'Bentrok setelah konvoi pengesahan warga di dekat balai desa.',
  injured: 1,
  vulnerable: { anak: { harmed: 1, displaced: 0, atRisk: 2 } },
  needs: ['kesehatan'],
});

beforeAll(async () => {
  await fx.api('op.jember', 'POST', '/api/reports', report);
});

/** Signs in as the Bakorwil V coordinator and opens Evaluasi from the main menu. */
async function openEvaluationAsCoordinator(): Promise<void> {
  await fx.signIn(fx.page, 'koord.v');
  await fx.page
    .getByRole('navigation', { name: 'Menu utama' })
    .getByRole('link', { name: 'Evaluasi' })
    .click();
}

describe('the evaluation page', () => {
  it('shows Bakorwil V to its koordinator with definitions, and downloads the PDF and the XLSX', async () => {
    const page = fx.page;
    await openEvaluationAsCoordinator();
    await page.getByRole('heading', { level: 1, name: 'Evaluasi' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kecepatan penanganan' }).waitFor({ timeout: 30_000 });

    expect(await page.getByLabel('Lingkup').locator('option:checked').textContent()).toBe(
      'Bakorwil V Jember',
    );
    await expect.poll(() => page.getByText('Bakorwil V Jember', { exact: true }).count()).toBeGreaterThan(0);
    const jember = page.getByRole('row', { name: /Kab(upaten|\.) Jember/ });
    expect(await jember.first().isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: 'Definisi' }).isVisible()).toBe(true);
    expect(await page.getByText('Waktu menerima laporan').first().isVisible()).toBe(true);
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(2);
    // Every figure opens the page of the records behind it, in the app.
    const link = await page.locator('a.figure-link').first().getAttribute('href');
    expect(link).toMatch(/^\/evaluasi\/catatan\?scope=V&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&set=/);
    await saveScreenshot(page, 'evaluation-bakorwil-v');

    for (const [format, magic] of [
      ['PDF', '%PDF'],
      ['XLSX', 'PK'],
    ] as const) {
      await page.getByRole('button', { name: `Buat ${format}` }).click();
      const ready = page.getByRole('link', { name: `Unduh ${format}` });
      await ready.waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), ready.click()]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^evaluasi-bakorwil-V-.*\\.${format.toLowerCase()}$`),
      );
      const bytes = await readFile((await download.path()) as string);
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
    }

    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('opens a figure on a page listing its records, with the filters, a download and links to the cases', async () => {
    const caseId = await verifyAndOpenCase(fx, 'op.jember', String(report.id));

    const page = fx.page;
    await openEvaluationAsCoordinator();
    const row = page.getByRole('row', { name: /^Kasus dibuka/ });
    await row.waitFor({ timeout: 30_000 });
    await row.locator('a.figure-link').first().click();

    await page.getByRole('heading', { level: 2, name: 'Catatan di balik angka' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/evaluasi/catatan');
    await page
      .getByText(
        /^Filter: lingkup V, periode \d{4}-\d{2}-\d{2} s\.d\. \d{4}-\d{2}-\d{2}, angka Kasus dibuka$/,
      )
      .waitFor();
    await page.getByRole('status').filter({ hasText: '1 catatan' }).waitFor();
    // The export panel of the office lists: the set as a CSV file from the exports.
    await page.getByText('Ekspor', { exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh sekarang' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^sigap-catatan-evaluasi-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv.slice(1).split('\r\n')[0].split(',')).toContain('Id catatan');
    expect(csv).toContain(caseId);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'evaluation-records');

    await page.getByRole('link', { name: caseId.slice(0, 8) }).click();
    await page.getByRole('heading', { level: 1, name: /Konflik antar perguruan silat di/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/kasus/${caseId}`);
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Catatan di balik angka' }).waitFor();
    await page.getByRole('link', { name: 'Kembali ke evaluasi' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kecepatan penanganan' }).waitFor({ timeout: 30_000 });
  });

  it('opens on the scope and period a link names, as a workshop links its evaluation', async () => {
    const page = fx.page;
    await fx.signIn(page, 'koord.v');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    const year = new Date().getUTCFullYear() - 1;
    await page.goto(`/evaluasi?scope=35.09&from=${year}-01-01&to=${year}-12-31`);
    await page.getByRole('heading', { level: 2, name: 'Kecepatan penanganan' }).waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Lingkup').locator('option:checked').textContent()).toMatch(/Jember/);
    expect(await page.getByLabel('Periode').locator('option:checked').textContent()).toBe(`Tahun ${year}`);
  });

  it('names the records’ kinds, tags and the figure’s group in the page’s language, never by their codes', async () => {
    const caseId = await openCaseFrom(
      fx,
      'op.jember',
      silatClashReport({ description: 'Dua kelompok perguruan saling lempar batu di lapangan desa.' }),
    );
    // A check-in twelve hours and more without a check-out: a safety alert, one record of its figure.
    await fx.api('op.jember', 'POST', `/api/cases/${caseId}/follow-ups`, {
      id: randomUUID(),
      kind: 'check_in',
      action: 'Tiba di lapangan desa bersama Babinsa',
      occurredAt: new Date(Date.now() - 13 * 3_600_000).toISOString(),
    });
    const period = quarterOf(new Date());
    const recordsOf = (set: string) =>
      `/evaluasi/catatan?${new URLSearchParams({ scope: 'V', ...period, set }).toString()}`;
    const snakeCodes = (text: string | null) => (text ?? '').match(/\b[a-z]+(?:_[a-z0-9]+)+\b/g) ?? [];
    const page = fx.page;
    const records = page.locator('section.evaluation');
    await fx.signIn(page, 'koord.v');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();

    await page.goto(recordsOf('reports.type=antar_perguruan_silat'));
    await records.getByRole('status').waitFor();
    await records.getByText(/angka .*: Antar-perguruan silat$/).waitFor();
    await records
      .getByRole('cell', { name: /Kejadian · Antar-perguruan silat · P\d · Terverifikasi/ })
      .first()
      .waitFor();
    expect(snakeCodes(await records.textContent())).toEqual([]);

    await page.goto(recordsOf('safety'));
    await records.getByRole('status').waitFor();
    await records.getByRole('cell', { name: 'Tiba di lokasi', exact: true }).first().waitFor();
    expect(await records.textContent()).not.toMatch(/check.?in/i);
    expect(snakeCodes(await records.textContent())).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await records.getByRole('cell', { name: 'Check in', exact: true }).first().waitFor();
    expect(snakeCodes(await records.textContent())).toEqual([]);
    await page.goto(recordsOf('reports.type=antar_perguruan_silat'));
    await records.getByText(/figure .*: Between martial-arts schools \(perguruan silat\)$/).waitFor();
    await records
      .getByRole('cell', {
        name: /Incident \(kejadian\) · Between martial-arts schools \(perguruan silat\) · P\d · Verified/,
      })
      .first()
      .waitFor();
    expect(snakeCodes(await records.textContent())).toEqual([]);
  });
});
