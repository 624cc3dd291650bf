import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildWeb,
  createUserByApi,
  findSeriousA11yViolations,
  launchChromium,
  type RunningServer,
  saveScreenshot,
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
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: server.baseUrl });
  page = await context.newPage();
  problems = watchPageProblems(page);
});

afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});

describe('the ODK Collect phones page', () => {
  it('creates a phone token whose QR code and server URL reach the form list, then revokes it', async () => {
    const relawan = await createUserByApi(server, {
      username: 'tagana.odk',
      role: 'relawan',
      region: '35.09',
    });
    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('link', { name: 'Ponsel ODK' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ponsel ODK' }).waitFor();
    await page.getByText('Belum ada token ponsel.').waitFor();

    await page.getByLabel('Nama pengguna pemilik ponsel').fill(relawan.username);
    await page.getByLabel('Keterangan ponsel').fill('HP Tagana Sumbersari');
    await page.getByRole('button', { name: 'Buat token ponsel' }).click();
    const qr = page.getByRole('img', { name: 'Kode QR pengaturan ODK Collect untuk HP Tagana Sumbersari' });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
    const serverUrl = (await page.locator('.op-odk-created code').textContent()) as string;
    expect(serverUrl).toMatch(new RegExp(`^${server.baseUrl}/odk/key/odk_[\\w-]{20,}$`));
    await page
      .getByRole('row', { name: /HP Tagana Sumbersari/ })
      .getByText('aktif')
      .waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'odk-devices-created');

    // The URL is what Collect is given: its form list answers with Sigap's form.
    const list = await fetch(`${serverUrl}/formList`, { headers: { 'x-openrosa-version': '1.0' } });
    expect(list.status).toBe(200);
    expect(list.headers.get('x-openrosa-version')).toBe('1.0');
    expect(await list.text()).toContain('<formID>sigap_laporan</formID>');

    await page.getByRole('button', { name: 'Cabut token HP Tagana Sumbersari' }).click();
    await page.getByRole('status').getByText('Token HP Tagana Sumbersari dicabut').waitFor();
    await page
      .getByRole('row', { name: /HP Tagana Sumbersari/ })
      .getByText(/dicabut/)
      .waitFor();
    expect((await fetch(`${serverUrl}/formList`)).status).toBe(401);
  });
});
