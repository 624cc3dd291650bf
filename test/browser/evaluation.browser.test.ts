import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createUserByApi,
  findSeriousA11yViolations,
  saveScreenshot,
  signInByApi,
  watchPageProblems,
} from './browser-harness.ts';
import { useBrowserFixture } from './fixture.ts';

const fx = useBrowserFixture();
let context: BrowserContext;
let page: Page;
let problems: string[];
let reportId = '';

beforeAll(async () => {
  await createUserByApi(fx.server, {
    username: 'koord.v',
    role: 'koordinator',
    region: 'V',
    displayName: 'Koordinator V',
  });
  await createUserByApi(fx.server, { username: 'op.jember', role: 'operator', region: '35.09' });
  // One incident in Jember this quarter, so the figures are not all zero.
  const operator = await signInByApi(fx.server, 'op.jember', 'kata-sandi-uji-1');
  reportId = crypto.randomUUID();
  const response = await fetch(`${fx.server.baseUrl}/api/reports`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: operator.cookie,
      'x-csrf-token': operator.csrfToken,
    },
    body: JSON.stringify({
      id: reportId,
      kind: 'kejadian',
      conflictType: 'antar_perguruan_silat',
      triggers: ['informasi_provokatif'],
      regionCode: '35.09.06.2002',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      violenceOngoing: false,
      description: 'Bentrok setelah konvoi pengesahan warga di dekat balai desa.',
      injured: 1,
      dead: 0,
      displaced: 0,
      vulnerable: { anak: { harmed: 1, displaced: 0, atRisk: 2 } },
      needs: ['kesehatan'],
    }),
  });
  expect(response.status).toBe(201);
});

describe('the evaluation page', () => {
  it('shows Bakorwil V to its koordinator with definitions, and downloads the PDF and the XLSX', async () => {
    context = await fx.browser.newContext({
      viewport: { width: 1280, height: 900 },
      baseURL: fx.server.baseUrl,
      acceptDownloads: true,
    });
    page = await context.newPage();
    problems = watchPageProblems(page);
    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill('koord.v');
    await page.getByLabel('Kata sandi').fill('kata-sandi-uji-1');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Evaluasi' })
      .click();
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
    await context.close();
    expect(problems).toEqual([]);
  });

  it('opens a figure on a page listing its records, with the filters, a download and links to the cases', async () => {
    const operator = await signInByApi(fx.server, 'op.jember', 'kata-sandi-uji-1');
    const asOperator = (url: string, body: unknown) =>
      fetch(`${fx.server.baseUrl}${url}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: operator.cookie,
          'x-csrf-token': operator.csrfToken,
        },
        body: JSON.stringify(body),
      });
    expect(
      (await asOperator(`/api/reports/${reportId}/verification`, { status: 'terverifikasi' })).status,
    ).toBe(200);
    const opened = await asOperator('/api/cases', { reportIds: [reportId] });
    expect(opened.status).toBe(201);
    const caseId = ((await opened.json()) as { id: string }).id;

    context = await fx.browser.newContext({
      viewport: { width: 1280, height: 900 },
      baseURL: fx.server.baseUrl,
      acceptDownloads: true,
    });
    page = await context.newPage();
    problems = watchPageProblems(page);
    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill('koord.v');
    await page.getByLabel('Kata sandi').fill('kata-sandi-uji-1');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Evaluasi' })
      .click();
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
    await context.close();
    expect(problems).toEqual([]);
  });

  it('opens on the scope and period a link names, as a workshop links its evaluation', async () => {
    context = await fx.browser.newContext({
      viewport: { width: 1280, height: 900 },
      baseURL: fx.server.baseUrl,
    });
    page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill('koord.v');
    await page.getByLabel('Kata sandi').fill('kata-sandi-uji-1');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    const year = new Date().getUTCFullYear() - 1;
    await page.goto(`/evaluasi?scope=35.09&from=${year}-01-01&to=${year}-12-31`);
    await page.getByRole('heading', { level: 2, name: 'Kecepatan penanganan' }).waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Lingkup').locator('option:checked').textContent()).toMatch(/Jember/);
    expect(await page.getByLabel('Periode').locator('option:checked').textContent()).toBe(`Tahun ${year}`);
    await context.close();
  });
});
