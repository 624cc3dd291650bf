import { describe, expect, it } from 'vitest';
import {
  findSeriousA11yViolations,
  saveScreenshot,
  signInByApi,
  takeCspViolations,
} from './browser-harness.ts';
import { PHONE, useBrowserFixture } from './fixture.ts';
import { signInAndWait } from './office.ts';

/** The violations this file provokes on purpose, taken from the harness so its check passes. */
const cspViolations: string[] = [];

// A cheap phone's screen: the layout is mobile first.
const fx = useBrowserFixture({ pagePerTest: { viewport: PHONE } });
/** The administrator's main menu, the same in both languages. */
const ADMIN_MENU = [
  'Pengguna',
  'Wilayah & Bakorwil',
  'Pengaturan',
  'Cadangan data',
  'Peringatan dini',
  'Impor riwayat',
  'Webhook',
  'Ponsel ODK',
  'Pelindungan data',
];

const signInAsAdmin = () => signInAndWait(fx, 'admin');

async function menuLabels(name: string): Promise<string[]> {
  return fx.page.getByRole('navigation', { name }).getByRole('link').allTextContents();
}

describe('the login page', () => {
  it('is in Indonesian, with labelled fields and a Masuk button', async () => {
    await fx.page.goto('/');
    await fx.page.getByRole('heading', { level: 1, name: 'Masuk ke Sigap' }).waitFor();
    expect(await fx.page.locator('html').getAttribute('lang')).toBe('id');
    expect(await fx.page.getByLabel('Nama pengguna').getAttribute('autocomplete')).toBe('username');
    expect(await fx.page.getByLabel('Kata sandi').getAttribute('type')).toBe('password');
    expect(await fx.page.getByRole('button', { name: 'Masuk', exact: true }).isVisible()).toBe(true);
    expect(await fx.page.getByRole('group', { name: 'Bahasa / Language' }).isVisible()).toBe(true);
    await saveScreenshot(fx.page, 'login-id');
  });

  it('reports a Content-Security-Policy violation to the test (an injected inline script is blocked)', async () => {
    await fx.page.goto('/');
    await fx.page.getByRole('heading', { level: 1, name: 'Masuk ke Sigap' }).waitFor();
    expect(takeCspViolations()).toEqual([]);
    await fx.page.evaluate(() => {
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
      await fx.page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    // The blocked script also logs a console error; it was the point of this test.
    fx.problems.length = 0;
  });

  it('has no serious or critical accessibility violations', async () => {
    await fx.page.goto('/');
    await fx.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    await fx.page.goto('/');
    await fx.page.getByRole('heading', { level: 1 }).waitFor();
    await fx.page.keyboard.press('Tab');
    const focused = fx.page.locator(':focus');
    expect(await focused.textContent()).toBe('Langsung ke isi utama');
    await fx.page.keyboard.press('Enter');
    expect(await fx.page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('says in Indonesian that the username or password is wrong', async () => {
    await fx.signIn(fx.page, 'admin', 'bukan-kata-sandinya');
    const alert = fx.page.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' });
    await alert.waitFor();
    expect(await fx.page.getByLabel('Kata sandi').inputValue()).toBe('');
    await saveScreenshot(fx.page, 'login-wrong-password');
  });

  it('asks for both fields before calling the server', async () => {
    await fx.page.goto('/');
    await fx.page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await fx.page.getByRole('alert').filter({ hasText: 'Isi nama pengguna dan kata sandi.' }).waitFor();
  });
});

describe('the signed-in shell', () => {
  it("shows the administrator's name, role, scope and menu in Indonesian", async () => {
    await signInAsAdmin();
    const header = fx.page.getByRole('banner');
    expect(await header.textContent()).toContain('Administrator');
    expect(await header.textContent()).toContain('Jawa Timur');
    expect(await menuLabels('Menu utama')).toEqual(ADMIN_MENU);
    expect(new URL(fx.page.url()).pathname).toBe('/pengguna');
    await fx.page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    // The administrator lands on the list of users (src/web/operator/admin).
    await fx.page.getByRole('heading', { level: 2, name: 'Semua pengguna' }).waitFor();
    expect(await fx.page.title()).toBe('Pengguna · Sigap');
    await saveScreenshot(fx.page, 'shell-admin-id');
  });

  it('has no serious or critical accessibility violations', async () => {
    await signInAsAdmin();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await fx.page.getByRole('link', { name: 'Ganti kata sandi' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Ganti kata sandi' }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });

  it('gives every button, link and field a touch target of at least 44 px', async () => {
    await signInAsAdmin();
    const small = await fx.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('header button, header a, nav a, main button, main input')]
        .map((element) => ({ text: element.textContent || element.id, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small).toEqual([]);
  });

  it('moves between pages of the menu and back with the browser', async () => {
    await signInAsAdmin();
    await fx.page.getByRole('link', { name: 'Pengaturan' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Pengaturan' }).waitFor();
    expect(await fx.page.getByRole('link', { name: 'Pengaturan' }).getAttribute('aria-current')).toBe('page');
    await fx.page.goBack();
    await fx.page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await fx.page.goto('/kasus'); // not an admin page
    await fx.page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
  });

  it('switches to English and back, and remembers the choice', async () => {
    await signInAsAdmin();
    await fx.page.getByRole('button', { name: 'English' }).click();
    await fx.page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await fx.page.locator('html').getAttribute('lang')).toBe('en');
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
    expect(await fx.page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await saveScreenshot(fx.page, 'shell-admin-en');

    await fx.page.reload();
    await fx.page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

    await fx.page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await fx.page.getByRole('button', { name: 'Keluar' }).waitFor();
    expect(await fx.page.locator('html').getAttribute('lang')).toBe('id');
    expect(await menuLabels('Menu utama')).toEqual(ADMIN_MENU);
  });

  it('shows the login page in English after switching there', async () => {
    await fx.page.goto('/');
    await fx.page.getByRole('button', { name: 'English' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Sign in to Sigap' }).waitFor();
    expect(await fx.page.getByLabel('Username').isVisible()).toBe(true);
    expect(await fx.page.getByLabel('Password').isVisible()).toBe(true);
    await fx.page.getByLabel('Username').fill('admin');
    await fx.page.getByLabel('Password').fill('wrong-password');
    await fx.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await fx.page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    await saveScreenshot(fx.page, 'login-en');
  });

  it('signs out back to the login page, and the session is gone', async () => {
    await signInAsAdmin();
    await fx.page.getByRole('button', { name: 'Keluar' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Masuk ke Sigap' }).waitFor();
    await fx.page.reload();
    await fx.page.getByRole('heading', { level: 1, name: 'Masuk ke Sigap' }).waitFor();
    expect(await fx.page.getByRole('button', { name: 'Keluar' }).count()).toBe(0);
  });

  it("shows a volunteer the volunteer's menu and their kab/kota", async () => {
    const relawan = await fx.createUser({
      username: 'relawan.jember',
      displayName: 'Siti Aminah',
      role: 'relawan',
      region: '35.09',
    });
    await fx.signIn(fx.page, relawan.username);
    await fx.page.getByRole('heading', { level: 1, name: 'Lapor' }).waitFor();
    const header = await fx.page.getByRole('banner').textContent();
    expect(header).toContain('Siti Aminah');
    expect(header).toContain('Relawan');
    expect(header).toContain('Jember');
    expect(await menuLabels('Menu utama')).toEqual(['Lapor', 'Tugas saya', 'Kotak keluar', 'Praktik baik']);
    await saveScreenshot(fx.page, 'shell-relawan-id');
  });
});

describe('changing one own password', () => {
  it('refuses a wrong current password, then changes it and accepts the new one', async () => {
    await signInAsAdmin();
    await fx.page.getByRole('link', { name: 'Ganti kata sandi' }).click();
    await fx.page.getByLabel('Kata sandi saat ini').fill('bukan-kata-sandinya');
    await fx.page.getByLabel('Kata sandi baru').fill('kata-sandi-baru-1');
    await fx.page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await fx.page.getByRole('alert').filter({ hasText: 'Kata sandi saat ini salah.' }).waitFor();

    await fx.page.getByLabel('Kata sandi baru').fill('pendek');
    await fx.page.getByLabel('Kata sandi saat ini').fill(fx.server.adminPassword);
    await fx.page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await fx.page.getByRole('alert').filter({ hasText: 'minimal 10 karakter' }).waitFor();

    await fx.page.getByLabel('Kata sandi baru').fill('kata-sandi-baru-1');
    await fx.page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await fx.page.getByRole('status').filter({ hasText: 'Kata sandi berhasil diganti.' }).waitFor();
    await saveScreenshot(fx.page, 'account-password-changed');

    // Put the original back so the other tests keep signing in.
    await fx.page.getByLabel('Kata sandi saat ini').fill('kata-sandi-baru-1');
    await fx.page.getByLabel('Kata sandi baru').fill(fx.server.adminPassword);
    await fx.page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await fx.page.getByRole('status').filter({ hasText: 'Kata sandi berhasil diganti.' }).waitFor();
    await expect(signInByApi(fx.server, 'admin', fx.server.adminPassword)).resolves.toHaveProperty(
      'csrfToken',
    );
  });
});
