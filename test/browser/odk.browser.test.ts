import { describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { PHONE, useBrowserFixture } from './fixture.ts';

const fx = useBrowserFixture({
  users: [{ username: 'tagana.odk', role: 'relawan', region: '35.09' }],
  pagePerTest: { viewport: PHONE },
});

describe('the ODK Collect phones page', () => {
  it('creates a phone token whose QR code and server URL reach the form list, then revokes it', async () => {
    await fx.signIn(fx.page, 'admin');
    await fx.page.getByRole('link', { name: 'Ponsel ODK' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Ponsel ODK' }).waitFor();
    await fx.page.getByText('Belum ada token ponsel.').waitFor();

    await fx.page.getByLabel('Nama pengguna pemilik ponsel').fill('tagana.odk');
    await fx.page.getByLabel('Keterangan ponsel').fill('HP Tagana Sumbersari');
    await fx.page.getByRole('button', { name: 'Buat token ponsel' }).click();
    const qr = fx.page.getByRole('img', {
      name: 'Kode QR pengaturan ODK Collect untuk HP Tagana Sumbersari',
    });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
    const serverUrl = (await fx.page.locator('.op-odk-created code').textContent()) as string;
    expect(serverUrl).toMatch(new RegExp(`^${fx.server.baseUrl}/odk/key/odk_[\\w-]{20,}$`));
    await fx.page
      .getByRole('row', { name: /HP Tagana Sumbersari/ })
      .getByText('aktif')
      .waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await saveScreenshot(fx.page, 'odk-devices-created');

    // The URL is what Collect is given: its form list answers with Sigap's form.
    const list = await fetch(`${serverUrl}/formList`, { headers: { 'x-openrosa-version': '1.0' } });
    expect(list.status).toBe(200);
    expect(list.headers.get('x-openrosa-version')).toBe('1.0');
    expect(await list.text()).toContain('<formID>sigap_laporan</formID>');

    await fx.page.getByRole('button', { name: 'Cabut token HP Tagana Sumbersari' }).click();
    await fx.page.getByRole('status').getByText('Token HP Tagana Sumbersari dicabut').waitFor();
    await fx.page
      .getByRole('row', { name: /HP Tagana Sumbersari/ })
      .getByText(/dicabut/)
      .waitFor();
    expect((await fetch(`${serverUrl}/formList`)).status).toBe(401);
  });
});
