import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildWeb,
  createUserByApi,
  findSeriousA11yViolations,
  launchChromium,
  type RunningServer,
  saveScreenshot,
  signInByApi,
  startServer,
  takeCspViolations,
  watchPageProblems,
} from './browser-harness.ts';

/** The violations this file provokes on purpose, taken from the harness so its check passes. */
const cspViolations: string[] = [];

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
  // A cheap phone's screen: the layout is mobile first.
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: server.baseUrl });
  page = await context.newPage();
  problems = watchPageProblems(page);
});

afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});

async function signInThroughPage(username: string, password: string): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

async function signInAsAdmin(): Promise<void> {
  await page.goto('/');
  await signInThroughPage('admin', server.adminPassword);
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

async function menuLabels(name: string): Promise<string[]> {
  return page.getByRole('navigation', { name }).getByRole('link').allTextContents();
}

describe('the login page', () => {
  it('is in Indonesian, with labelled fields and a Masuk button', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Sigap' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await page.getByLabel('Nama pengguna').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Kata sandi').getAttribute('type')).toBe('password');
    expect(await page.getByRole('button', { name: 'Masuk', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Bahasa / Language' }).isVisible()).toBe(true);
    await saveScreenshot(page, 'login-id');
  });

  it('reports a Content-Security-Policy violation to the test (an injected inline script is blocked)', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Sigap' }).waitFor();
    expect(takeCspViolations()).toEqual([]);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    });
    await expect
      .poll(() => {
        cspViolations.push(...takeCspViolations());
        return cspViolations.length;
      })
      .toBeGreaterThan(0);
    expect(cspViolations.join(' ')).toMatch(/script-src/);
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    // The blocked script also logs a console error; it was the point of this test.
    problems.length = 0;
  });

  it('has no serious or critical accessibility violations', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Langsung ke isi utama');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('says in Indonesian that the username or password is wrong', async () => {
    await page.goto('/');
    await signInThroughPage('admin', 'bukan-kata-sandinya');
    const alert = page.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' });
    await alert.waitFor();
    expect(await page.getByLabel('Kata sandi').inputValue()).toBe('');
    await saveScreenshot(page, 'login-wrong-password');
  });

  it('asks for both fields before calling the server', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Isi nama pengguna dan kata sandi.' }).waitFor();
  });
});

describe('the signed-in shell', () => {
  it("shows the administrator's name, role, scope and menu in Indonesian", async () => {
    await signInAsAdmin();
    const header = page.getByRole('banner');
    expect(await header.textContent()).toContain('Administrator');
    expect(await header.textContent()).toContain('Jawa Timur');
    expect(await menuLabels('Menu utama')).toEqual([
      'Pengguna',
      'Wilayah & Bakorwil',
      'Pengaturan',
      'Cadangan data',
      'Peringatan dini',
      'Impor riwayat',
      'Webhook',
      'Ponsel ODK',
      'Pelindungan data',
    ]);
    expect(new URL(page.url()).pathname).toBe('/pengguna');
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    // The administrator lands on the list of users (src/web/operator/admin).
    await page.getByRole('heading', { level: 2, name: 'Semua pengguna' }).waitFor();
    expect(await page.title()).toBe('Pengguna · Sigap');
    await saveScreenshot(page, 'shell-admin-id');
  });

  it('has no serious or critical accessibility violations', async () => {
    await signInAsAdmin();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Ganti kata sandi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ganti kata sandi' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('gives every button, link and field a touch target of at least 44 px', async () => {
    await signInAsAdmin();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('header button, header a, nav a, main button, main input')]
        .map((element) => ({ text: element.textContent || element.id, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small).toEqual([]);
  });

  it('moves between pages of the menu and back with the browser', async () => {
    await signInAsAdmin();
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengaturan' }).waitFor();
    expect(await page.getByRole('link', { name: 'Pengaturan' }).getAttribute('aria-current')).toBe('page');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await page.goto('/kasus'); // not an admin page
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
  });

  it('switches to English and back, and remembers the choice', async () => {
    await signInAsAdmin();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await menuLabels('Main menu')).toEqual([
      'Users',
      'Regions & Bakorwil',
      'Settings',
      'Backups',
      'Early warning',
      'History import',
      'Webhooks',
      'ODK phones',
      'Data protection',
    ]);
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await saveScreenshot(page, 'shell-admin-en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await menuLabels('Menu utama')).toEqual([
      'Pengguna',
      'Wilayah & Bakorwil',
      'Pengaturan',
      'Cadangan data',
      'Peringatan dini',
      'Impor riwayat',
      'Webhook',
      'Ponsel ODK',
      'Pelindungan data',
    ]);
  });

  it('shows the login page in English after switching there', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Sigap' }).waitFor();
    expect(await page.getByLabel('Username').isVisible()).toBe(true);
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    await saveScreenshot(page, 'login-en');
  });

  it('signs out back to the login page, and the session is gone', async () => {
    await signInAsAdmin();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Sigap' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Sigap' }).waitFor();
    expect(await page.getByRole('button', { name: 'Keluar' }).count()).toBe(0);
  });

  it("shows a volunteer the volunteer's menu and their kab/kota", async () => {
    const relawan = await createUserByApi(server, {
      username: 'relawan.jember',
      displayName: 'Siti Aminah',
      role: 'relawan',
      region: '35.09',
    });
    await page.goto('/');
    await signInThroughPage(relawan.username, relawan.password);
    await page.getByRole('heading', { level: 1, name: 'Lapor' }).waitFor();
    const header = await page.getByRole('banner').textContent();
    expect(header).toContain('Siti Aminah');
    expect(header).toContain('Relawan');
    expect(header).toContain('Jember');
    expect(await menuLabels('Menu utama')).toEqual(['Lapor', 'Tugas saya', 'Kotak keluar', 'Praktik baik']);
    await saveScreenshot(page, 'shell-relawan-id');
  });
});

describe('changing one own password', () => {
  it('refuses a wrong current password, then changes it and accepts the new one', async () => {
    await signInAsAdmin();
    await page.getByRole('link', { name: 'Ganti kata sandi' }).click();
    await page.getByLabel('Kata sandi saat ini').fill('bukan-kata-sandinya');
    await page.getByLabel('Kata sandi baru').fill('kata-sandi-baru-1');
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByRole('alert').filter({ hasText: 'Kata sandi saat ini salah.' }).waitFor();

    await page.getByLabel('Kata sandi baru').fill('pendek');
    await page.getByLabel('Kata sandi saat ini').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByRole('alert').filter({ hasText: 'minimal 10 karakter' }).waitFor();

    await page.getByLabel('Kata sandi baru').fill('kata-sandi-baru-1');
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByRole('status').filter({ hasText: 'Kata sandi berhasil diganti.' }).waitFor();
    await saveScreenshot(page, 'account-password-changed');

    // Put the original back so the other tests keep signing in.
    await page.getByLabel('Kata sandi saat ini').fill('kata-sandi-baru-1');
    await page.getByLabel('Kata sandi baru').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByRole('status').filter({ hasText: 'Kata sandi berhasil diganti.' }).waitFor();
    await expect(signInByApi(server, 'admin', server.adminPassword)).resolves.toHaveProperty('csrfToken');
  });
});
