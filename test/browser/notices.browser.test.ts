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

async function signIn(username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

describe('notices outside the app', () => {
  it('lets a user set their number, the notices they want on each channel and quiet hours', async () => {
    const operator = await createUserByApi(server, {
      username: 'op.notices',
      role: 'operator',
      region: '35.09',
    });
    await signIn(operator.username, operator.password);
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
    const sms = await fetch(`${server.baseUrl}/api/channels/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sigap-secret': SMS_SECRET },
      body: JSON.stringify({
        from: '081230009002',
        text: 'Tawuran antar perguruan silat di desa Tanggul Wetan kecamatan Tanggul, ada anak terluka',
        id: 'n-1',
      }),
    });
    expect((await sms.json()).outcomes[0].status).toBe('dilaporkan');
    const operator = await createUserByApi(server, {
      username: 'op.balas',
      role: 'operator',
      region: '35.09',
    });
    await signIn(operator.username, operator.password);
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
