import { describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/server/modules/auth/totp-rules.ts';
import {
  createUserByApi,
  findSeriousA11yViolations,
  saveScreenshot,
  signInByApi,
} from './browser-harness.ts';
import { PHONE, useBrowserFixture } from './fixture.ts';

// provinsi must enrol; the admin the harness creates users with stays without a second factor.
const fx = useBrowserFixture({ env: { TOTP_REQUIRED_ROLES: 'provinsi' }, pagePerTest: { viewport: PHONE } });

async function signInThroughPage(username: string, password: string): Promise<void> {
  await fx.page.goto('/');
  await fx.page.getByLabel('Nama pengguna').fill(username);
  await fx.page.getByLabel('Kata sandi').fill(password);
  await fx.page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

describe('two-step verification', () => {
  it('makes a provinsi user enrol first, shows the recovery codes once, then asks for a code at sign-in', async () => {
    const prov = await createUserByApi(fx.server, { username: 'prov.totp', role: 'provinsi', region: '35' });
    await signInThroughPage(prov.username, prov.password);
    await fx.page.getByRole('heading', { level: 1, name: 'Verifikasi dua langkah' }).waitFor();
    expect(await fx.page.getByText('Peran Anda wajib memakai verifikasi dua langkah').isVisible()).toBe(true);
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);

    await fx.page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
    await fx.page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).waitFor();
    const secret = (await fx.page.locator('.totp-secret').textContent()) as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await fx.page.getByLabel('Kode 6 angka dari aplikasi').fill(currentTotpCode(secret));
    await fx.page.getByRole('button', { name: 'Konfirmasi' }).click();
    await fx.page.getByText('Simpan kode pemulihan ini').waitFor();
    expect(await fx.page.locator('.recovery-codes li').count()).toBe(10);
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await saveScreenshot(fx.page, 'totp-recovery-codes');
    await fx.page.getByRole('button', { name: 'Saya sudah menyimpannya' }).click();
    await fx.page.getByRole('navigation', { name: 'Menu utama' }).waitFor();

    await fx.page.getByRole('button', { name: 'Keluar' }).click();
    await fx.page.getByLabel('Nama pengguna').fill(prov.username);
    await fx.page.getByLabel('Kata sandi').fill(prov.password);
    await fx.page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await fx.page.getByLabel('Kode verifikasi').fill(currentTotpCode(secret, Date.now() + 30_000));
    await fx.page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await fx.page.getByRole('button', { name: 'Keluar' }).waitFor();
  });
});

describe('the sessions page', () => {
  it("lists one's sessions, marks this device, and ends another one", async () => {
    const op = await createUserByApi(fx.server, { username: 'op.sesi', role: 'operator', region: '35.09' });
    const elsewhere = await signInByApi(fx.server, op.username, op.password);
    await signInThroughPage(op.username, op.password);
    await fx.page.getByRole('button', { name: 'Keluar' }).waitFor();
    await fx.page.getByRole('link', { name: 'Ganti kata sandi' }).click();
    await fx.page.getByRole('heading', { level: 2, name: 'Sesi dan token API' }).waitFor();
    const sessions = fx.page.getByRole('list', { name: 'Sesi masuk' }).getByRole('listitem');
    await expect.poll(() => sessions.count()).toBe(2);
    expect(await fx.page.getByText('(perangkat ini)').count()).toBe(1);
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await saveScreenshot(fx.page, 'account-sessions');

    const other = sessions.filter({ hasNotText: 'perangkat ini' });
    await other.getByRole('button').click();
    await fx.page.getByText('Sesi diakhiri.').waitFor();
    expect(await sessions.count()).toBe(1);
    const check = await fetch(`${fx.server.baseUrl}/api/me`, { headers: { cookie: elsewhere.cookie } });
    expect(check.status).toBe(401);
  });
});
