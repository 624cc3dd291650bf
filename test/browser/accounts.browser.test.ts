import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/server/modules/auth/totp-rules.ts';
import {
  buildWeb,
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
  // provinsi must enrol; the admin the harness creates users with stays without a second factor.
  server = await startServer({ env: { TOTP_REQUIRED_ROLES: 'provinsi' } });
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

async function signInThroughPage(username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

describe('two-step verification', () => {
  it('makes a provinsi user enrol first, shows the recovery codes once, then asks for a code at sign-in', async () => {
    const prov = await createUserByApi(server, { username: 'prov.totp', role: 'provinsi', region: '35' });
    await signInThroughPage(prov.username, prov.password);
    await page.getByRole('heading', { level: 1, name: 'Verifikasi dua langkah' }).waitFor();
    expect(await page.getByText('Peran Anda wajib memakai verifikasi dua langkah').isVisible()).toBe(true);
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
    await page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).waitFor();
    const secret = (await page.locator('.totp-secret').textContent()) as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Kode 6 angka dari aplikasi').fill(currentTotpCode(secret));
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByText('Simpan kode pemulihan ini').waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'totp-recovery-codes');
    await page.getByRole('button', { name: 'Saya sudah menyimpannya' }).click();
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByLabel('Nama pengguna').fill(prov.username);
    await page.getByLabel('Kata sandi').fill(prov.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByLabel('Kode verifikasi').fill(currentTotpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
  });
});

describe('the sessions page', () => {
  it("lists one's sessions, marks this device, and ends another one", async () => {
    const op = await createUserByApi(server, { username: 'op.sesi', role: 'operator', region: '35.09' });
    const elsewhere = await signInByApi(server, op.username, op.password);
    await signInThroughPage(op.username, op.password);
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await page.getByRole('link', { name: 'Ganti kata sandi' }).click();
    await page.getByRole('heading', { level: 2, name: 'Sesi dan token API' }).waitFor();
    const sessions = page.getByRole('list', { name: 'Sesi masuk' }).getByRole('listitem');
    await expect.poll(() => sessions.count()).toBe(2);
    expect(await page.getByText('(perangkat ini)').count()).toBe(1);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'account-sessions');

    const other = sessions.filter({ hasNotText: 'perangkat ini' });
    await other.getByRole('button').click();
    await page.getByText('Sesi diakhiri.').waitFor();
    expect(await sessions.count()).toBe(1);
    const check = await fetch(`${server.baseUrl}/api/me`, { headers: { cookie: elsewhere.cookie } });
    expect(check.status).toBe(401);
  });
});
