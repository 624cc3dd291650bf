import { describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { PHONE, useBrowserFixture } from './fixture.ts';
import { signInAndWait } from './office.ts';

const fx = useBrowserFixture({
  users: [
    { username: 'rina.kode', role: 'relawan', region: '35.10.05.2009', displayName: 'Rina Marlina' },
    { username: 'op.akun', role: 'operator', region: '35.10' },
  ],
  pagePerTest: { viewport: PHONE },
});

describe('signing in with a one-time code', () => {
  it('opens the code path from the sheet address, sets a new password, and refuses the code a second time', async () => {
    const relawan = fx.user('rina.kode');
    const made = await fx.call<{ code: string }>(
      'admin',
      'POST',
      `/api/users/${relawan.username}/reset-code`,
    );
    expect(made.status).toBe(201);

    await fx.page.goto(`/?kode=1&u=${relawan.username}`);
    expect(await fx.page.getByLabel('Nama pengguna').inputValue()).toBe(relawan.username);
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await fx.page.getByLabel('Kode sekali pakai').fill('AAAAA-AAAAA');
    await fx.page.getByLabel('Kata sandi baru').fill('Gunung-Semeru-pelangi-47');
    await fx.page.getByRole('button', { name: 'Atur kata sandi dan masuk' }).click();
    await fx.page.getByText('Kode salah, sudah dipakai, atau sudah kedaluwarsa').waitFor();

    await fx.page.getByLabel('Kode sekali pakai').fill(made.body.code);
    await fx.page.getByRole('button', { name: 'Atur kata sandi dan masuk' }).click();
    await fx.page.getByRole('button', { name: 'Keluar' }).waitFor();
    await saveScreenshot(fx.page, 'sign-in-code-done');

    await fx.page.getByRole('button', { name: 'Keluar' }).click();
    await fx.page.getByRole('button', { name: 'Masuk dengan kode sekali pakai' }).click();
    await fx.page.getByLabel('Nama pengguna').fill(relawan.username);
    await fx.page.getByLabel('Kode sekali pakai').fill(made.body.code);
    await fx.page.getByLabel('Kata sandi baru').fill('Kali-Brantas-hujan-88');
    await fx.page.getByRole('button', { name: 'Atur kata sandi dan masuk' }).click();
    await fx.page.getByText('Kode salah, sudah dipakai, atau sudah kedaluwarsa').waitFor();

    await fx.page.getByRole('button', { name: 'Masuk dengan kata sandi' }).click();
    await fx.page.getByLabel('Nama pengguna').fill(relawan.username);
    await fx.page.getByLabel('Kata sandi').fill('Gunung-Semeru-pelangi-47');
    await fx.page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await fx.page.getByRole('button', { name: 'Keluar' }).waitFor();
  });

  it('lets an operator make accounts for the registry and download the code sheet', async () => {
    for (const name of ['Joko Susanto', 'Sri Wahyuni']) {
      const made = await fx.call('op.akun', 'POST', '/api/pillars', {
        pillarType: 'sahabat_tagana',
        name,
        homeRegionCode: '35.10.05.2001',
      });
      expect(made.status).toBe(201);
    }
    await signInAndWait(fx, 'op.akun');
    await fx.page.goto('/pilar');
    await fx.page.getByRole('heading', { name: 'Akun relawan dan kode sekali pakai' }).waitFor();
    await fx.page.locator('#accounts-type').selectOption('sahabat_tagana');
    await fx.page.getByRole('button', { name: 'Buat akun dan kode' }).click();
    await fx.page.getByText('2 akun dibuat; 0 orang sudah punya akun').waitFor();
    const [download] = await Promise.all([
      fx.page.waitForEvent('download'),
      fx.page.getByRole('button', { name: 'Unduh lembar kode (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kode-masuk.pdf');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });
});
