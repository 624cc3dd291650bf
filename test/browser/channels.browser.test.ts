import { describe, expect, it } from 'vitest';
import { createUserByApi, findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { DESKTOP, useBrowserFixture } from './fixture.ts';

const SMS_SECRET = 'rahasia-gateway-sms-uji';

const fx = useBrowserFixture({ env: { SMS_GATEWAY_SECRET: SMS_SECRET }, pagePerTest: { viewport: DESKTOP } });

describe('the Belum ditempatkan page', () => {
  it('shows an SMS without a place to the province, which places it by hand and so files a report', async () => {
    const sms = await fetch(`${fx.server.baseUrl}/api/channels/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sigap-secret': SMS_SECRET },
      body: JSON.stringify({
        from: '081230009001',
        text: 'Ada keributan warga, tolong cepat datang',
        id: 'b-1',
      }),
    });
    expect((await sms.json()).outcomes[0].status).toBe('menunggu');
    const provinsi = await createUserByApi(fx.server, {
      username: 'prov.kanal',
      role: 'provinsi',
      region: '35',
    });

    await fx.page.goto('/');
    await fx.page.getByLabel('Nama pengguna').fill(provinsi.username);
    await fx.page.getByLabel('Kata sandi').fill(provinsi.password);
    await fx.page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await fx.page.getByRole('link', { name: 'Belum ditempatkan' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Belum ditempatkan' }).waitFor();
    const card = fx.page.getByRole('article', { name: /SMS/ });
    await card.getByText('Ada keributan warga, tolong cepat datang').waitFor();
    await card.getByText('Warga (tidak dikenal)').waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await saveScreenshot(fx.page, 'channels-queue');

    await card.getByLabel('Kode wilayah kejadian').fill('35.09.06');
    await card.getByRole('button', { name: 'Tempatkan' }).click();
    await fx.page
      .getByRole('status')
      .getByText(/Pesan menjadi laporan [0-9A-F]{8}, prioritas P[1-4]/)
      .waitFor();
    await fx.page.getByText('Tidak ada pesan yang menunggu tempat.').waitFor();
  });
});
