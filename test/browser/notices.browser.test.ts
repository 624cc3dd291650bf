// Notices outside the app in Chromium: a user sets their number, the kinds they want on each channel and quiet
// hours; an operator answers the sender of an SMS report with a template from the report.
import { describe, expect, it } from 'vitest';
import { sendSms } from './api-helpers.ts';
import { findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { DESKTOP, useBrowserFixture } from './fixture.ts';

const SMS_SECRET = 'rahasia-gateway-sms-uji';

const fx = useBrowserFixture({
  env: { SMS_GATEWAY_SECRET: SMS_SECRET },
  users: [
    { username: 'op.notices', role: 'operator', region: '35.09' },
    { username: 'op.balas', role: 'operator', region: '35.09' },
  ],
  pagePerTest: { viewport: DESKTOP },
});

describe('notices outside the app', () => {
  it('lets a user set their number, the notices they want on each channel and quiet hours', async () => {
    const page = fx.page;
    await fx.signIn(page, 'op.notices');
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await page.goto('/akun');
    const section = page.getByRole('region', { name: 'Pemberitahuan di luar aplikasi' });
    await section.waitFor();
    await section.getByLabel('Nomor ponsel (WhatsApp/SMS)').fill('0812 3300 0101');
    await section.getByLabel('Laporan P1 baru di wilayah saya: WhatsApp').check();
    // e-mail chosen without an address: refused, naming the field
    await section.getByLabel('Laporan P1 baru di wilayah saya: E-mail').check();
    await section.getByRole('button', { name: 'Simpan pengaturan pemberitahuan' }).click();
    await section
      .getByRole('alert')
      .getByText('Isian belum lengkap atau tidak valid. Periksa kembali.')
      .waitFor();
    await section.getByLabel('Alamat e-mail').fill('op.notices@contoh.go.id');
    await section.getByLabel('Mulai').fill('22:00');
    await section.getByLabel('Sampai').fill('06:00');
    await section.getByRole('button', { name: 'Simpan pengaturan pemberitahuan' }).click();
    await section.getByText('Pengaturan pemberitahuan disimpan.').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'notice-settings');

    await page.reload();
    const again = page.getByRole('region', { name: 'Pemberitahuan di luar aplikasi' });
    await again.getByLabel('Nomor ponsel (WhatsApp/SMS)').waitFor();
    expect(await again.getByLabel('Nomor ponsel (WhatsApp/SMS)').inputValue()).toBe('+6281233000101');
    expect(await again.getByLabel('Laporan P1 baru di wilayah saya: WhatsApp').isChecked()).toBe(true);
    expect(await again.getByLabel('Tugas baru untuk saya: WhatsApp').isChecked()).toBe(false);
    expect(await again.getByLabel('Mulai').inputValue()).toBe('22:00');
  });

  it('lets an operator answer the sender of an SMS report with a template from the report', async () => {
    const sms = await sendSms(fx.baseUrl, SMS_SECRET, {
      from: '081230009002',
      text: 'Tawuran antar perguruan silat di desa Tanggul Wetan kecamatan Tanggul, ada anak terluka',
      id: 'n-1',
    });
    expect(sms.outcomes[0].status).toBe('dilaporkan');
    const page = fx.page;
    await fx.signIn(page, 'op.balas');
    await page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
    const newList = page.getByRole('region', { name: /Laporan baru/ });
    await newList
      .getByRole('button', { name: /Antar-perguruan silat/ })
      .first()
      .click();
    const form = page.getByRole('form', { name: 'Balas pengirim' });
    await form.waitFor();
    await form.getByLabel(/Petugas menuju lokasi/).check();
    await form.getByRole('button', { name: 'Kirim balasan' }).click();
    await form.getByRole('status').getByText('Balasan masuk antrean kirim.').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'reply-to-sender');
  });
});
