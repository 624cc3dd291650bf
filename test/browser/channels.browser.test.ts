import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { whatsAppEnvelope } from '../../src/server/modules/channels/whatsapp-envelope.ts';
import { sendSms } from './api-helpers.ts';
import { findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { DESKTOP, useBrowserFixture } from './fixture.ts';

const SMS_SECRET = 'rahasia-gateway-sms-uji';
const WHATSAPP_SECRET = 'rahasia-aplikasi-whatsapp-uji';

const fx = useBrowserFixture({
  env: {
    SMS_GATEWAY_SECRET: SMS_SECRET,
    WHATSAPP_APP_SECRET: WHATSAPP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'token-verifikasi-uji',
  },
  users: [
    { username: 'op.wa', role: 'operator', region: '35.09' },
    { username: 'prov.kanal', role: 'provinsi', region: '35' },
  ],
  pagePerTest: { viewport: DESKTOP },
});

type WhatsAppMessage = { from: string; id: string; timestamp: string; type: string } & Record<
  string,
  unknown
>;

/** A WhatsApp Cloud API delivery of one message, signed with the app secret as Meta signs it. */
async function deliverWhatsApp(message: WhatsAppMessage): Promise<{ outcomes: { status: string }[] }> {
  const body = whatsAppEnvelope({ messages: [message] });
  const signature = `sha256=${createHmac('sha256', WHATSAPP_SECRET).update(body).digest('hex')}`;
  const res = await fetch(`${fx.baseUrl}/api/channels/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body,
  });
  expect(res.status).toBe(200);
  return res.json();
}

describe('a WhatsApp report in the inbox', () => {
  it("lets an operator confirm the reader's suggestions, correct one, verify and open a case", async () => {
    const delivered = await deliverWhatsApp({
      from: '6281230009003',
      id: 'wamid.browser-1',
      timestamp: '1900000000',
      type: 'text',
      text: { body: 'Tawuran perguruan silat di desa Tanggul Wetan kecamatan Tanggul, 2 orang luka' },
    });
    expect(delivered.outcomes[0]?.status).toBe('dilaporkan');
    const page = fx.page;
    await fx.signIn(page, 'op.wa');
    await page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
    await page
      .getByRole('region', { name: /Laporan baru/ })
      .getByRole('button', { name: /Antar-perguruan silat/ })
      .first()
      .click();
    const detail = page.getByRole('region', { name: /Kejadian: Antar-perguruan silat/ });
    const check = detail.getByRole('form', { name: 'Konfirmasi atau koreksi saran' });
    await check.waitFor();
    // each suggestion marked as such, with the words that decided it
    expect(await detail.getByLabel('Saran pembaca teks').textContent()).toContain(
      'Antar-perguruan silat saran',
    );
    await check.getByText('Saran pembaca teks: Antar-perguruan silat, dari kata «perguruan silat»').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await check.getByRole('button', { name: 'Konfirmasi saran' }).click();
    await detail.getByRole('status').filter({ hasText: 'Saran dikonfirmasi' }).waitFor();
    await check.getByLabel('Tipe konflik').selectOption('perguruan_silat_vs_warga');
    await check.getByRole('button', { name: 'Simpan koreksi (1 isian)' }).click();
    await page
      .getByRole('region', { name: /Kejadian: Perguruan silat dengan warga/ })
      .getByRole('status')
      .filter({ hasText: 'Koreksi disimpan (1 isian)' })
      .waitFor();

    const corrected = page.getByRole('region', { name: /Kejadian: Perguruan silat dengan warga/ });
    await corrected.getByRole('button', { name: 'Verifikasi' }).click();
    await corrected.getByRole('status').filter({ hasText: 'Laporan terverifikasi' }).waitFor();
    await corrected.getByRole('button', { name: 'Buka kasus baru' }).click();
    await page.waitForURL(/\/kasus\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /perguruan silat/i }).waitFor();
  }, 180_000);
});

describe('the Belum ditempatkan page', () => {
  /** The province's queue of messages without a place, as its officer opens it. */
  async function openQueue(): Promise<void> {
    await fx.signIn(fx.page, 'prov.kanal');
    await fx.page.getByRole('link', { name: 'Belum ditempatkan' }).click();
  }

  it('shows an SMS without a place to the province, which places it by hand and so files a report', async () => {
    const sms = await sendSms(fx.server.baseUrl, SMS_SECRET, {
      from: '081230009001',
      text: 'Ada keributan warga, tolong cepat datang',
      id: 'b-1',
    });
    expect(sms.outcomes[0].status).toBe('menunggu');

    await openQueue();
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

  it('shows a shared location with the decimal mark of the page’s language', async () => {
    await deliverWhatsApp({
      from: '6281230009007',
      id: 'wa-lokasi-1',
      timestamp: '1900000000',
      type: 'location',
      location: { latitude: -8.16123, longitude: 113.45678 },
    });

    await openQueue();
    const card = fx.page.getByRole('article', { name: /WhatsApp/ });
    await card.getByText('Titik lokasi: -8,16123, 113,45678').waitFor();
    await fx.page.getByRole('button', { name: 'English' }).click();
    await card.getByText('Location pin: -8.16123, 113.45678').waitFor();
  });
});
