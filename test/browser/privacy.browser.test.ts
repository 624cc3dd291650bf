import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWeb,
  findSeriousA11yViolations,
  launchChromium,
  type RunningServer,
  startServer,
  watchPageProblems,
} from './browser-harness.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  buildWeb();
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    baseURL: server.baseUrl,
    acceptDownloads: true,
  });
  page = await context.newPage();
  problems = watchPageProblems(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('the Pelindungan data page', () => {
  it('shows the record of processing in Indonesian and downloads its PDF, without accessibility violations', async () => {
    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('link', { name: 'Pelindungan data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pelindungan data' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kegiatan pemrosesan (6)' }).waitFor();
    await page
      .getByRole('rowheader', { name: /Penanganan kelompok rentan dalam kasus konflik sosial/ })
      .getByText('Data spesifik')
      .waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh catatan pemrosesan (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^catatan-pemrosesan-data-pribadi-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(problems).toEqual([]);
  });
});
