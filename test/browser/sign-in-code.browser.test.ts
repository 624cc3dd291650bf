import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildWeb,
  callApi,
  createUserByApi,
  findSeriousA11yViolations,
  launchChromium,
  type RunningServer,
  saveScreenshot,
  signInByApi,
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

describe('signing in with a one-time code', () => {
  it('opens the code path from the sheet address, sets a new password, and refuses the code a second time', async () => {
    const relawan = await createUserByApi(server, {
      username: 'rina.kode',
      role: 'relawan',
      region: '35.10.05.2009',
      displayName: 'Rina Marlina',
    });
    const admin = await signInByApi(server, 'admin', server.adminPassword);
    const made = await callApi<{ code: string }>(
      server,
      admin,
      'POST',
      `/api/users/${relawan.username}/reset-code`,
    );
    expect(made.status).toBe(201);

    await page.goto(`/?kode=1&u=${relawan.username}`);
    expect(await page.getByLabel('Nama pengguna').inputValue()).toBe(relawan.username);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Kode sekali pakai').fill('AAAAA-AAAAA');
    await page.getByLabel('Kata sandi baru').fill('Gunung-Semeru-pelangi-47');
    await page.getByRole('button', { name: 'Atur kata sandi dan masuk' }).click();
    await page.getByText('Kode salah, sudah dipakai, atau sudah kedaluwarsa').waitFor();

    await page.getByLabel('Kode sekali pakai').fill(made.body.code);
    await page.getByRole('button', { name: 'Atur kata sandi dan masuk' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await saveScreenshot(page, 'sign-in-code-done');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('button', { name: 'Masuk dengan kode sekali pakai' }).click();
    await page.getByLabel('Nama pengguna').fill(relawan.username);
    await page.getByLabel('Kode sekali pakai').fill(made.body.code);
    await page.getByLabel('Kata sandi baru').fill('Kali-Brantas-hujan-88');
    await page.getByRole('button', { name: 'Atur kata sandi dan masuk' }).click();
    await page.getByText('Kode salah, sudah dipakai, atau sudah kedaluwarsa').waitFor();

    await page.getByRole('button', { name: 'Masuk dengan kata sandi' }).click();
    await page.getByLabel('Nama pengguna').fill(relawan.username);
    await page.getByLabel('Kata sandi').fill('Gunung-Semeru-pelangi-47');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
  });

  it('lets an operator make accounts for the registry and download the code sheet', async () => {
    const operator = await createUserByApi(server, {
      username: 'op.akun',
      role: 'operator',
      region: '35.10',
    });
    const session = await signInByApi(server, operator.username, operator.password);
    for (const name of ['Joko Susanto', 'Sri Wahyuni']) {
      const made = await callApi(server, session, 'POST', '/api/pillars', {
        pillarType: 'sahabat_tagana',
        name,
        homeRegionCode: '35.10.05.2001',
      });
      expect(made.status).toBe(201);
    }
    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill(operator.username);
    await page.getByLabel('Kata sandi').fill(operator.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await page.goto('/pilar');
    await page.getByRole('heading', { name: 'Akun relawan dan kode sekali pakai' }).waitFor();
    await page.locator('#accounts-type').selectOption('sahabat_tagana');
    await page.getByRole('button', { name: 'Buat akun dan kode' }).click();
    await page.getByText('2 akun dibuat; 0 orang sudah punya akun').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh lembar kode (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kode-masuk.pdf');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });
});
