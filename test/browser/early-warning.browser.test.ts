// The early-warning pages in Chromium on the real server: the admin registers a webhook; the province raises an
// alert for Kecamatan Tanggul by hand; the Jember operator acknowledges it and records a response while the
// Banyuwangi operator never sees it; the CAP link answers XML; the register, the calendar and the levels; the
// admin's correction of 1 Suro and the model's settings, which an operator only reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays, recurringEventsBetween } from '../../src/shared/early-warning/calendar.ts';
import { fillWibDate, findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { useBrowserFixture } from './fixture.ts';
import { OFFICE, signInAndWait } from './office.ts';

const DESKTOP = { width: 1280, height: 900 };
const HEADLINE = 'Ajakan balas dendam menjelang pengesahan warga';
/** Nothing listens here: deliveries fail fast and show in the log with their error. */
// A documentation address (TEST-NET-3): public, so a webhook may target it, and never answered.
const HOOK_URL = 'http://203.0.113.10/polres-jember/sigap';
/** A 1×1 PNG: the photo of a signed agreement, as small as it gets. */
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const fx = useBrowserFixture({
  users: [OFFICE.provinceStaff, OFFICE.jemberOperator, OFFICE.banyuwangiOperator],
  pagePerTest: { viewport: DESKTOP, acceptDownloads: true },
});

const signIn = (username: string) => signInAndWait(fx, username);

async function openEarlyWarning(tab: string): Promise<void> {
  await fx.page.getByRole('link', { name: 'Peringatan dini', exact: true }).click();
  await fx.page.getByRole('heading', { level: 1, name: 'Peringatan dini' }).waitFor();
  await fx.page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
}

async function screenshot(name: string): Promise<void> {
  await saveScreenshot(fx.page, name);
}

describe('webhooks', () => {
  it('lets the admin add a webhook, shows its generated secret once and lists it', async () => {
    await signIn('admin');
    await fx.page.getByRole('link', { name: 'Webhook', exact: true }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Webhook' }).waitFor();
    await fx.page.getByText('Belum ada webhook.').waitFor();
    await fx.page.getByLabel('Alamat (URL) penerima').fill(HOOK_URL);
    await fx.page.getByLabel('Keterangan').fill('Sistem piket Polres Jember');
    await fx.page.getByText(/Batasi ke kabupaten\/kota tertentu/).click();
    await fx.page.getByLabel('Kabupaten Jember', { exact: true }).check();
    await fx.page.getByRole('button', { name: 'Tambah webhook', exact: true }).click();

    const secret = fx.page.getByRole('status').filter({ hasText: `Secret untuk ${HOOK_URL}:` });
    await secret.waitFor();
    expect(((await secret.locator('code').textContent()) ?? '').length).toBeGreaterThanOrEqual(16);
    const row = fx.page
      .getByRole('table', { name: 'Webhook terdaftar' })
      .getByRole('row', { name: /Polres Jember/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Kabupaten Jember');
    expect(await row.textContent()).toContain('Aktif');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await screenshot('early-warning-webhooks');
  });
});

describe('an alert raised by hand', () => {
  it('is raised by the province for Kecamatan Tanggul with its deadline', async () => {
    await signIn('dinsos.prov');
    await openEarlyWarning('Status wilayah');
    await fx.page.getByRole('heading', { name: 'Tingkat kerawanan per kabupaten/kota' }).waitFor();
    await fx.page.getByRole('rowheader', { name: 'Kabupaten Jember' }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await fx.page.getByRole('button', { name: 'Hitung ulang sekarang' }).click();
    await fx.page
      .getByRole('status')
      .filter({ hasText: /Selesai: .* wilayah dihitung/ })
      .waitFor({ timeout: 60_000 });
    await fx.page.getByRole('button', { name: 'Lihat kecamatan Kabupaten Jember' }).click();
    await fx.page
      .getByRole('heading', { name: 'Tingkat kerawanan per kecamatan di Kabupaten Jember' })
      .waitFor();
    await fx.page.getByRole('rowheader', { name: 'Tanggul', exact: true }).waitFor();
    await fx.page.getByRole('heading', { name: 'Riwayat tingkat Kabupaten Jember' }).waitFor();
    await screenshot('early-warning-levels');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);

    // The tabs work from the keyboard: arrows move between them, the address keeps the open one.
    await fx.page.getByRole('tab', { name: 'Status wilayah' }).focus();
    await fx.page.keyboard.press('ArrowRight');
    await fx.page.getByRole('tab', { name: /^Peringatan/, selected: true }).waitFor();
    expect(new URL(fx.page.url()).hash).toBe('#peringatan');
    await fx.page.getByText('Tidak ada peringatan.').waitFor();
    await fx.page.getByRole('button', { name: 'Terbitkan peringatan' }).click();
    const form = fx.page.getByRole('region', { name: 'Terbitkan peringatan manual' });
    await form.getByLabel('Kabupaten/kota', { exact: true }).selectOption({ label: 'Kabupaten Jember' });
    await form.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Tanggul' });
    await form.getByLabel('Siaga').check();
    await form.getByLabel('Judul peringatan').fill(HEADLINE);
    await form
      .getByLabel('Keterangan')
      .fill('Pesan berantai mengajak anggota berkumpul di balai desa Tanggulwetan.');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await form.getByRole('button', { name: 'Terbitkan', exact: true }).click();

    const detail = fx.page.getByRole('region', { name: HEADLINE });
    await detail.getByText('Menunggu diterima').waitFor();
    await detail.getByText('Kecamatan Tanggul, Kabupaten Jember').waitFor();
    await detail.getByText('Dewi Operator').waitFor();
    await fx.page.getByRole('heading', { name: 'Peringatan terbuka (1)' }).waitFor();
    await fx.page.getByRole('tab', { name: 'Peringatan (1 terbuka)' }).waitFor();

    // The open alerts as a file, from the export panel under the list.
    await fx.page.getByText('Ekspor', { exact: true }).click();
    const downloading = fx.page.waitForEvent('download');
    await fx.page.getByRole('link', { name: 'Unduh sekarang' }).click();
    const csv = readFileSync(await (await downloading).path(), 'utf8');
    expect(csv.slice(1).split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv).toContain(HEADLINE);
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });

  it('is seen, acknowledged and answered by the Jember operator, with its CAP document', async () => {
    await signIn('op.jember');
    await openEarlyWarning('Peringatan');
    await fx.page.getByText('Pembaruan langsung aktif').waitFor();
    const item = fx.page.getByRole('button', { name: new RegExp(HEADLINE) });
    await item.waitFor();
    expect(await item.textContent()).toContain('Siaga');
    expect(await item.textContent()).toContain('WIB');
    await item.click();

    const detail = fx.page.getByRole('region', { name: HEADLINE });
    await detail.getByRole('button', { name: 'Terima peringatan' }).click();
    await detail.getByRole('status').filter({ hasText: 'Peringatan diterima.' }).waitFor();
    await detail.getByText(/Diterima oleh Dewi Operator/).waitFor();
    expect(await detail.getByRole('button', { name: 'Terima peringatan' }).count()).toBe(0);

    await detail.getByLabel('Tindakan', { exact: true }).fill('Pengurus ranting kedua perguruan dihubungi.');
    await detail.getByRole('button', { name: 'Catat tindakan' }).click();
    await detail.getByRole('status').filter({ hasText: 'Tindakan dicatat.' }).waitFor();
    await detail.getByText('Tindakan: Pengurus ranting kedua perguruan dihubungi.').waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await screenshot('early-warning-alert');

    const capHref = await detail
      .getByRole('link', { name: 'Dokumen CAP 1.2 (terbatas)' })
      .getAttribute('href');
    const cap = await fx.page.request.get(capHref as string);
    expect(cap.status()).toBe(200);
    expect(cap.headers()['content-type']).toContain('xml');
    const xml = await cap.text();
    expect(xml).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"');
    expect(xml).toContain('<severity>Severe</severity>');
    const feed = await fx.page.request.get(
      (await fx.page
        .getByRole('link', { name: 'Umpan Atom peringatan terbuka' })
        .getAttribute('href')) as string,
    );
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(HEADLINE);

    await fx.page.getByRole('button', { name: 'English' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Early warning' }).waitFor();
    await fx.page.getByRole('tab', { name: 'Alerts (1 open)', selected: true }).waitFor();
    await fx.page.getByRole('region', { name: HEADLINE }).getByText('Acknowledged, being answered').waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await fx.page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Peringatan dini' }).waitFor();
  });

  it('does not exist for the operator of another kab/kota', async () => {
    await signIn('op.banyuwangi');
    await openEarlyWarning('Peringatan');
    await fx.page.getByText('Tidak ada peringatan.').waitFor();
    await fx.page.getByLabel('Semua, terbuka dulu').check();
    await fx.page.getByRole('heading', { name: 'Semua peringatan (0)' }).waitFor();
    expect(await fx.page.getByText(HEADLINE).count()).toBe(0);
    const feed = await fx.page.request.get('/api/alerts/feed.xml');
    expect(await feed.text()).not.toContain(HEADLINE);
  });

  it('gets an approved public text and is closed with a note', async () => {
    await signIn('op.jember');
    await openEarlyWarning('Peringatan');
    await fx.page.getByRole('button', { name: new RegExp(HEADLINE) }).click();
    const detail = fx.page.getByRole('region', { name: HEADLINE });
    await detail.getByText('Setujui teks untuk CAP publik').click();
    const publicText = detail.getByRole('form', { name: 'Setujui teks untuk CAP publik' });
    await publicText.getByLabel('Judul publik').fill('Waspada keramaian di Kecamatan Tanggul');
    await publicText
      .getByLabel('Keterangan publik')
      .fill('Hindari kerumunan di sekitar balai desa malam ini.');
    await publicText.getByRole('button', { name: 'Setujui teks publik' }).click();
    await detail.getByRole('status').filter({ hasText: 'Teks publik disetujui' }).waitFor();
    const publicHref = await detail
      .getByRole('link', { name: 'Dokumen CAP 1.2 publik' })
      .getAttribute('href');
    // The public variant needs no sign-in and carries only the approved text.
    const publicCap = await fetch(`${fx.server.baseUrl}${publicHref}`);
    expect(publicCap.status).toBe(200);
    const publicXml = await publicCap.text();
    expect(publicXml).toContain('<scope>Public</scope>');
    expect(publicXml).toContain('Waspada keramaian di Kecamatan Tanggul');
    expect(publicXml).not.toContain(HEADLINE);

    const close = detail.getByRole('form', { name: 'Tutup peringatan' });
    await close
      .getByLabel('Catatan penutupan: bagaimana peringatan ditanggapi')
      .fill('Mediasi pengurus ranting berhasil; malam berlalu aman.');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await close.getByRole('button', { name: 'Tutup peringatan' }).click();
    await detail.getByRole('status').filter({ hasText: 'Peringatan ditutup.' }).waitFor();
    await detail.getByText('Ditutup: Mediasi pengurus ranting berhasil; malam berlalu aman.').waitFor();
    await fx.page.getByRole('heading', { name: 'Peringatan terbuka (0)' }).waitFor();
    await fx.page.getByLabel('Semua, terbuka dulu').check();
    await fx.page.getByRole('button', { name: new RegExp(`${HEADLINE}.*Ditutup`) }).waitFor();
  });

  it("appears in the webhook's delivery log", async () => {
    await signIn('admin');
    await fx.page.getByRole('link', { name: 'Webhook', exact: true }).click();
    await fx.page.getByRole('button', { name: `Log pengiriman ${HOOK_URL}` }).click();
    const log = fx.page.getByRole('table', { name: `Log pengiriman ${HOOK_URL}` });
    await log.getByRole('row', { name: /Peringatan diterbitkan/ }).waitFor();
    await log.getByRole('row', { name: /Peringatan ditutup/ }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });
});

describe('the register of actor groups', () => {
  it('adds two perguruan silat, records their rivalry and shows it', async () => {
    await signIn('dinsos.prov');
    await openEarlyWarning('Kelompok');
    await fx.page.getByText('Tidak ada kelompok yang cocok.').waitFor();
    for (const [name, shortName] of [
      ['Persaudaraan Setia Hati Terate', 'PSHT'],
      ['Pagar Nusa', 'PN'],
    ]) {
      await fx.page.getByRole('button', { name: 'Daftarkan kelompok' }).click();
      const form = fx.page.getByRole('region', { name: 'Daftarkan kelompok baru' });
      await form.getByLabel('Nama lengkap').fill(name);
      await form.getByLabel('Singkatan').fill(shortName);
      await form.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await fx.page.getByRole('heading', { level: 2, name: `${shortName} — ${name}` }).waitFor();
    }
    await fx.page.getByRole('button', { name: /^PSHT — / }).click();
    const detail = fx.page.getByRole('region', { name: 'PSHT — Persaudaraan Setia Hati Terate' });
    await detail.getByText('Catat atau ubah rivalitas').click();
    const rivalry = detail.getByRole('form', { name: 'Catat atau ubah rivalitas' });
    await rivalry.getByLabel('Kelompok rival').selectOption({ label: 'PN — Pagar Nusa' });
    await rivalry.getByLabel('Intensitas').selectOption('tinggi');
    await rivalry.getByLabel('Catatan').fill('Bentrok berulang tiap bulan Suro.');
    await rivalry.getByRole('button', { name: 'Simpan rivalitas' }).click();
    await detail.getByRole('status').filter({ hasText: 'Rivalitas disimpan.' }).waitFor();
    await detail
      .getByRole('listitem')
      .filter({ hasText: /^PN Tinggi Aktif/ })
      .waitFor();
    const overview = fx.page.getByRole('table', { name: 'Rivalitas antarkelompok' });
    await overview.getByRole('row', { name: /(PSHT – PN|PN – PSHT) Tinggi Aktif/ }).waitFor();
    await fx.page.getByRole('button', { name: /PSHT — .* rival: PN/ }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await screenshot('early-warning-groups');

    // A peace agreement between the two, with a photo of the signed paper.
    await detail.getByText('Catat kesepakatan damai').click();
    const agreement = detail.getByRole('form', { name: 'Catat kesepakatan damai' });
    await agreement.getByLabel('Judul kesepakatan').fill('Ikrar damai PSHT dan Pagar Nusa Tanggul');
    await agreement.getByLabel('Kabupaten/kota', { exact: true }).selectOption({ label: 'Kabupaten Jember' });
    await agreement.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Tanggul' });
    await agreement.getByLabel('Tempat penandatanganan').fill('Pendopo Kecamatan Tanggul');
    await agreement.getByLabel('PN', { exact: true }).check();
    await agreement
      .getByLabel('Isi kesepakatan')
      .fill('Kedua pihak sepakat tidak menggelar konvoi malam hari.');
    await agreement.getByRole('button', { name: 'Catat kesepakatan' }).click();
    const card = detail.getByRole('listitem').filter({ hasText: 'Ikrar damai PSHT dan Pagar Nusa Tanggul' });
    await card.getByText('Pihak: PN, PSHT').waitFor();
    await card.getByLabel('Unggah dokumen bertanda tangan (PDF, JPEG, PNG)').setInputFiles({
      name: 'ikrar.png',
      mimeType: 'image/png',
      buffer: Buffer.from(ONE_PIXEL_PNG, 'base64'),
    });
    await card
      .getByRole('link', { name: 'Dokumen bertanda tangan: Ikrar damai PSHT dan Pagar Nusa Tanggul' })
      .waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });

  it('lets the Jember operator add a ranting whose contact person is masked until asked for', async () => {
    await signIn('op.jember');
    await openEarlyWarning('Kelompok');
    await fx.page.getByRole('button', { name: /^PSHT — / }).click();
    const detail = fx.page.getByRole('region', { name: 'PSHT — Persaudaraan Setia Hati Terate' });
    await detail.getByText('Tambah cabang atau ranting').click();
    const form = detail.getByRole('form', { name: 'Tambah cabang atau ranting' });
    await form.getByLabel('ranting, kecamatan').check();
    await form.getByLabel('Kabupaten/kota', { exact: true }).selectOption({ label: 'Kabupaten Jember' });
    await form.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Tanggul' });
    await form.getByLabel('Nama cabang/ranting').fill('Ranting Tanggul');
    await form.getByLabel('Nama pengurus (opsional)').fill('Ahmad Fauzi');
    await form.getByLabel('Telepon pengurus (opsional)').fill('+6281234567890');
    await form.getByRole('button', { name: 'Tambah', exact: true }).click();
    await detail.getByRole('status').filter({ hasText: 'Cabang/ranting ditambahkan.' }).waitFor();
    const row = detail.getByRole('row', { name: /Ranting Tanggul/ });
    await row.getByText('A**** F****').waitFor();
    await row.getByRole('button', { name: 'Tampilkan kontak Ranting Tanggul' }).click();
    await row.getByText('Ahmad Fauzi · +6281234567890').waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });
});

describe('the calendar', () => {
  it('takes a convoy with its route and its pre-event checklist', async () => {
    await signIn('op.jember');
    await openEarlyWarning('Kalender');
    await fx.page.getByRole('heading', { name: 'Tanggal rawan berulang' }).waitFor();
    await fx.page.getByRole('button', { name: 'Catat acara' }).click();
    const form = fx.page.getByRole('region', { name: 'Catat acara berisiko' });
    await form.getByLabel('Jenis acara').selectOption('pengesahan_warga');
    await form.getByLabel('Nama acara').fill('Pengesahan warga baru PSHT Cabang Jember');
    await form.getByLabel('Perkiraan massa (orang)').fill('3000');
    await form.getByLabel('Kabupaten/kota', { exact: true }).selectOption({ label: 'Kabupaten Jember' });
    await form.getByLabel('Bangsalsari').check();
    await form.getByLabel('Tanggul').check();
    await form.getByLabel('Kencong').check();
    await form.getByLabel('PSHT').check();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await form.getByRole('button', { name: 'Catat acara' }).click();

    const detail = fx.page.getByRole('region', { name: 'Pengesahan warga baru PSHT Cabang Jember' });
    const route = detail.getByRole('table', { name: 'Kecamatan di rute' });
    await route.getByRole('row', { name: /Tanggul/ }).waitFor();
    expect(await route.getByRole('row').count()).toBe(4);
    await detail.getByLabel('Koordinasi dengan Polres/Kodim dan Kesbangpol').check();
    await detail.getByLabel('Pengurus cabang/ranting kelompok sudah dihubungi').check();
    await detail.getByRole('button', { name: 'Simpan daftar periksa' }).click();
    await detail.getByRole('status').filter({ hasText: 'Daftar periksa disimpan.' }).waitFor();
    await detail.getByText('Daftar periksa risiko sebelum acara (2/8)').waitFor();
    await fx.page
      .getByRole('button', { name: /Pengesahan warga baru PSHT .* daftar periksa 2\/8/ })
      .waitFor();
    await detail.getByText('Evaluasi diisi setelah acara dimulai.').waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await screenshot('early-warning-calendar');
  });

  it('takes the review of an event that has started', async () => {
    await signIn('op.jember');
    await openEarlyWarning('Kalender');
    await fx.page.getByRole('button', { name: 'Catat acara' }).click();
    const form = fx.page.getByRole('region', { name: 'Catat acara berisiko' });
    await form.getByLabel('Jenis acara').selectOption('pertandingan');
    await form.getByLabel('Nama acara').fill('Laga Persid Jember melawan tim tamu');
    // Two hours ago, as a WIB datetime-local value.
    const started = new Date(Date.now() - 2 * 3_600_000 + 7 * 3_600_000).toISOString().slice(0, 16);
    await fillWibDate(form.getByLabel('Mulai (WIB)'), started);
    await form.getByLabel('Kabupaten/kota', { exact: true }).selectOption({ label: 'Kabupaten Jember' });
    await form.getByRole('button', { name: 'Catat acara' }).click();

    const detail = fx.page.getByRole('region', { name: 'Laga Persid Jember melawan tim tamu' });
    await detail.getByLabel('Ringkasan jalannya acara').fill('Pertandingan selesai tanpa bentrokan.');
    await detail.getByLabel('Jumlah massa sebenarnya').fill('4500');
    await detail.getByRole('button', { name: 'Simpan evaluasi' }).click();
    await detail.getByRole('status').filter({ hasText: 'Evaluasi disimpan' }).waitFor();
    await detail.getByText('Selesai', { exact: true }).waitFor();
    await detail.getByText('Pertandingan selesai tanpa bentrokan.', { exact: true }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });
});

/** A day as the pages write it in Indonesian: '2027-06-06' → '6 Juni 2027'. */
function idDay(day: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe("the admin's corrections and the model's settings", () => {
  it('moves 1 Suro of one Hijri year by a day, shows it in the calendar, and removes the correction', async () => {
    // The 1 Suro in the calendar's first range (today to a year ahead, WIB) and the day after it.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const suro = recurringEventsBetween(today, addDays(today, 365)).find((e) => e.key === 'satu_suro');
    if (!suro) throw new Error('no 1 Suro within a year');
    const corrected = addDays(suro.startDay, 1);
    const entry = (text: string) =>
      fx.page.getByRole('listitem').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });

    await signIn('admin');
    await openEarlyWarning('Kalender');
    await entry(`${suro.title} — ${idDay(suro.startDay)}`).waitFor();
    const table = fx.page.getByRole('table', {
      name: 'Tanggal 1 Suro dan Idul Fitri: hitungan dan yang berlaku',
    });
    const row = table.getByRole('row', { name: new RegExp(`^${escapeRegExp(suro.title)} `) });
    await row.getByRole('button', { name: `Koreksi ${suro.title}` }).click();
    const form = fx.page.getByRole('region', { name: `Koreksi tanggal ${suro.title}` });
    await fillWibDate(form.getByLabel('Tanggal penetapan pemerintah (WIB)'), corrected);
    // The reason is required: the form names what is missing before anything is sent.
    await form.getByRole('button', { name: 'Simpan koreksi' }).click();
    await form.getByRole('alert').filter({ hasText: 'Tulis dasar penetapan, minimal 3 huruf.' }).waitFor();
    await form.getByLabel('Dasar penetapan').fill('Hasil sidang isbat Kementerian Agama');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await form.getByRole('button', { name: 'Simpan koreksi' }).click();

    await fx.page
      .getByRole('status')
      .filter({ hasText: `Koreksi disimpan: ${suro.title} berlaku ${idDay(corrected)}.` })
      .waitFor();
    await entry(
      `${suro.title} — ${idDay(corrected)} (ditetapkan pemerintah; hitungan: ${idDay(suro.startDay)})`,
    ).waitFor();
    // Malam 1 Suro follows: the evening before the corrected day.
    await fx.page
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^Malam ${escapeRegExp(suro.title)} — ${idDay(suro.startDay)} `) })
      .waitFor();
    await row.getByText('dikoreksi').waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await screenshot('early-warning-calendar-correction');

    await row.getByRole('button', { name: `Hapus koreksi ${suro.title}` }).click();
    await fx.page
      .getByRole('status')
      .filter({ hasText: `Koreksi dihapus: ${suro.title} kembali ke hitungan, ${idDay(suro.startDay)}.` })
      .waitFor();
    await entry(`${suro.title} — ${idDay(suro.startDay)}`).waitFor();
    await row.getByText('sesuai hitungan').waitFor();
    expect(await row.getByRole('button', { name: `Hapus koreksi ${suro.title}` }).count()).toBe(0);
  });

  it('changes a model setting, which is there after a reload', async () => {
    await signIn('admin');
    await openEarlyWarning('Pengaturan model');
    const windowDays = fx.page.getByLabel('Jendela aktivitas (hari)');
    expect(await windowDays.inputValue()).toBe('14');
    // A fall threshold above its rise threshold is named before sending, beside its fieldset.
    const fall = fx.page.getByRole('group', { name: 'Ambang turun (skor)' });
    await fall.getByLabel('Waspada').fill('2');
    await windowDays.fill('21');
    await fx.page.getByRole('button', { name: 'Simpan pengaturan model' }).click();
    await fx.page
      .getByRole('alert')
      .filter({ hasText: 'Ambang turun tiap tingkat harus di bawah ambang naiknya.' })
      .waitFor();
    await fall.getByLabel('Waspada').fill('1');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await fx.page.getByRole('button', { name: 'Simpan pengaturan model' }).click();
    await fx.page.getByRole('status').filter({ hasText: 'Pengaturan model disimpan' }).waitFor();
    await screenshot('early-warning-model-settings');

    await fx.page.reload();
    await fx.page.getByRole('tab', { name: 'Pengaturan model', selected: true }).waitFor();
    expect(await fx.page.getByLabel('Jendela aktivitas (hari)').inputValue()).toBe('21');
    await fx.page.getByRole('button', { name: 'English' }).click();
    expect(await fx.page.getByLabel('Activity window (days)').inputValue()).toBe('21');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await fx.page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await fx.page.getByRole('tab', { name: 'Pengaturan model', selected: true }).waitFor();
  });

  it('shows an operator the settings to read and no controls to change them or the calendar', async () => {
    await signIn('op.jember');
    await openEarlyWarning('Kalender');
    await fx.page.getByRole('heading', { name: 'Tanggal rawan berulang' }).waitFor();
    await fx.page.getByRole('button', { name: 'Catat acara' }).waitFor();
    expect(
      await fx.page.getByRole('heading', { name: 'Koreksi tanggal 1 Suro dan Idul Fitri' }).count(),
    ).toBe(0);
    expect(await fx.page.getByRole('button', { name: /^(Koreksi|Hapus koreksi) / }).count()).toBe(0);

    await fx.page.getByRole('tab', { name: 'Pengaturan model' }).click();
    const panel = fx.page.getByRole('tabpanel');
    await panel.getByText('Hanya admin yang dapat mengubah pengaturan ini.').waitFor();
    await panel.getByRole('heading', { name: 'Ambang naik (skor)' }).waitFor();
    await panel.getByText('Jendela aktivitas (hari)').waitFor();
    expect(await panel.getByRole('textbox').count()).toBe(0);
    expect(await panel.getByRole('button').count()).toBe(0);
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });
});
