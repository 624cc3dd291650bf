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

const SMS_SECRET = 'rahasia-gateway-sms-uji';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  buildWeb();
  server = await startServer({ env: { SMS_GATEWAY_SECRET: SMS_SECRET } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.baseUrl });
  page = await context.newPage();
  problems = watchPageProblems(page);
});

afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});

describe('the Belum ditempatkan page', () => {
  it('shows an SMS without a place to the province, which places it by hand and so files a report', async () => {
    const sms = await fetch(`${server.baseUrl}/api/channels/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sigap-secret': SMS_SECRET },
      body: JSON.stringify({
        from: '081230009001',
        text: 'Ada keributan warga, tolong cepat datang',
        id: 'b-1',
      }),
    });
    expect((await sms.json()).outcomes[0].status).toBe('menunggu');
    const provinsi = await createUserByApi(server, {
      username: 'prov.kanal',
      role: 'provinsi',
      region: '35',
    });

    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill(provinsi.username);
    await page.getByLabel('Kata sandi').fill(provinsi.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('link', { name: 'Belum ditempatkan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Belum ditempatkan' }).waitFor();
    const card = page.getByRole('article', { name: /SMS/ });
    await card.getByText('Ada keributan warga, tolong cepat datang').waitFor();
    await card.getByText('Warga (tidak dikenal)').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'channels-queue');

    await card.getByLabel('Kode wilayah kejadian').fill('35.09.06');
    await card.getByRole('button', { name: 'Tempatkan' }).click();
    await page
      .getByRole('status')
      .getByText(/Pesan menjadi laporan [0-9A-F]{8}, prioritas P[1-4]/)
      .waitFor();
    await page.getByText('Tidak ada pesan yang menunggu tempat.').waitFor();
  });
});
