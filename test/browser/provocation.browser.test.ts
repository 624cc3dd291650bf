// The provocation watch in Chromium on the real server: the Jember operator records the content of a report
// that names provocative information (the report's offer), a second forward of it joins the same item, the
// list shows it, the item page shows its spread and takes a counter-message, and the Bakorwil V coordinator
// approves it. Axe on the list, the item and the report's offer.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../src/shared/evaluation/period.ts';
import { wibDate } from '../../src/shared/time.ts';
import { findSeriousA11yViolations } from './browser-harness.ts';
import { DESKTOP, useBrowserFixture } from './fixture.ts';
import { OFFICE, signInAndWait } from './office.ts';

const MESSAGE =
  'AWAS malam ini warga perguruan sebelah akan menyerang Desa Tanggul Kulon, siapkan diri dan balas dendam untuk saudara kita';

const fx = useBrowserFixture({
  users: [
    OFFICE.jemberOperator,
    OFFICE.bakorwilVCoordinator,
    { username: 'prov.jatim', displayName: 'Staf Provinsi', role: 'provinsi', region: '35' },
  ],
  pagePerTest: { viewport: DESKTOP },
});

beforeAll(async () => {
  await fx.api('admin', 'PUT', '/api/agencies/siber-polda', { name: 'Siber Polda Jatim', kabkotaCode: null });
  await fx.api('op.jember', 'POST', '/api/reports', {
    id: randomUUID(),
    kind: 'sinyal',
    conflictType: 'antar_perguruan_silat',
    triggers: ['informasi_provokatif'],
    regionCode: '35.09.06.2002',
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    description: `Beredar pesan berantai di grup WA warga: ${MESSAGE}`,
  });
});

const signIn = (username: string) => signInAndWait(fx, username);

const status = (text: string | RegExp) => fx.page.getByRole('status').filter({ hasText: text });

describe('the provocation watch', () => {
  it('records a report’s content from the offer, merges a forward, and reviews a counter-message', async () => {
    await signIn('op.jember');
    await fx.page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
    await fx.page
      .getByRole('region', { name: /Laporan baru/ })
      .getByRole('button', { name: /Sinyal · Antar-perguruan silat/ })
      .click();
    const offer = fx.page.getByRole('region', { name: 'Konten provokatif' });
    await offer.getByLabel('Beredar lewat').selectOption('whatsapp');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await offer.getByRole('button', { name: 'Catat sebagai konten provokatif' }).click();
    await status('Konten baru tercatat.').waitFor();
    await offer.getByRole('link').first().waitFor();

    // The same message forwarded again, with a header and emoji, joins the item.
    const joined = await fx.api<{ merged: boolean }>('op.jember', 'POST', '/api/provocation/sightings', {
      id: randomUUID(),
      platform: 'whatsapp',
      text: `Diteruskan\n🔥 ${MESSAGE} 🔥`,
      seenAt: new Date().toISOString(),
      regionCodes: ['35.09.07'],
      posterAccount: '@penyebar',
    });
    expect(joined.merged).toBe(true);

    await fx.page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Konten provokatif' })
      .click();
    await fx.page.getByRole('heading', { level: 1, name: 'Konten provokatif' }).waitFor();
    const row = fx.page.getByRole('row').filter({ hasText: '2 penampakan · 2 kecamatan' });
    await row.waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await row.getByRole('link').click();

    await fx.page.getByRole('heading', { level: 2, name: 'Sebaran' }).waitFor();
    await fx.page.getByText(/2 penampakan di 2 kecamatan/).waitFor();
    await fx.page.getByText('@penyebar').waitFor();
    await fx.page
      .getByRole('region', { name: 'Penilaian' })
      .locator('select')
      .first()
      .selectOption('provokasi');
    await fx.page.getByRole('button', { name: 'Simpan penilaian' }).click();
    await status('Penilaian disimpan.').waitFor();
    await fx.page
      .getByLabel('Isi kontra-narasi atau klarifikasi')
      .fill('Kabar penyerangan malam ini tidak benar. Pengurus kedua perguruan dan Polres sudah bertemu.');
    await fx.page.getByLabel('Dibawakan oleh').selectOption('pengurus_perguruan');
    await fx.page.getByRole('button', { name: 'Simpan draf kontra-narasi' }).click();
    await status('Draf kontra-narasi disimpan.').waitFor();
    await fx.page.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await status('Kontra-narasi diperbarui.').waitFor();
    expect(await fx.page.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    const itemUrl = new URL(fx.page.url()).pathname;

    await fx.page.getByRole('button', { name: 'Keluar' }).click();
    await signIn('koord.v');
    await fx.page.goto(itemUrl);
    await fx.page.getByRole('heading', { level: 2, name: 'Kontra-narasi' }).waitFor();
    // A coordinator sees the poster's account masked.
    await fx.page.getByText('@•••r').waitFor();
    await fx.page.getByRole('button', { name: 'Setujui' }).click();
    await status('Kontra-narasi diperbarui.').waitFor();
    await fx.page.getByText('Sudah ditanggapi').waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  }, 180_000);

  it('sends a takedown request, uploads a screenshot, merges two items, and shows the evaluation', async () => {
    const sight = (text: string, regionCode: string) =>
      fx.api<{ itemId: string }>('op.jember', 'POST', '/api/provocation/sightings', {
        id: randomUUID(),
        platform: 'facebook',
        text,
        seenAt: new Date(Date.now() - 600_000).toISOString(),
        regionCodes: [regionCode],
      });
    const HOAX =
      'Jembatan Tanggul ditutup warga perguruan sejak sore, semua kendaraan dilarang lewat sampai besok pagi';
    const OLD =
      'Video lama bentrokan tahun lalu diunggah ulang dengan keterangan kejadian hari Minggu kemarin';
    const keep = (await sight(HOAX, '35.09.06.2002')).itemId;
    await sight(`Diteruskan\n${HOAX}`, '35.09.06.2001');
    const other = (await sight(OLD, '35.09.07.2001')).itemId;
    await sight(`${OLD} !!`, '35.09.02.2001');
    // A linked case: the takedown request is a disposition on it.
    const reportId = randomUUID();
    await fx.api('op.jember', 'POST', '/api/reports', {
      id: reportId,
      kind: 'kejadian',
      conflictType: 'antar_perguruan_silat',
      triggers: ['informasi_provokatif'],
      regionCode: '35.09.06.2002',
      occurredAt: new Date(Date.now() - 1_800_000).toISOString(),
      description: 'Warga berkumpul di jembatan setelah pesan berantai tentang penutupan jalan beredar.',
    });
    await fx.api('op.jember', 'POST', `/api/reports/${reportId}/verification`, { status: 'terverifikasi' });
    const caseId = (
      await fx.api<{ id: string }>('op.jember', 'POST', '/api/cases', { reportIds: [reportId] })
    ).id;
    await fx.api('op.jember', 'POST', `/api/provocation/items/${keep}/links`, { caseId });

    const page = fx.page;
    await signIn('op.jember');
    await page.goto(`/konten-provokatif/${keep}`);
    await page.getByRole('heading', { level: 2, name: 'Minta penurunan atau penyelidikan' }).waitFor();
    await page.getByLabel('Jenis permintaan').selectOption('takedown');
    await page.getByLabel('Lembaga mitra').selectOption('siber-polda');
    await page
      .getByLabel('Uraian permintaan (minimal 10 karakter)')
      .fill('Mohon turunkan unggahan hoaks penutupan jembatan ini.');
    await page.getByRole('button', { name: 'Kirim ke lembaga mitra' }).click();
    await status('Permintaan terkirim sebagai disposisi').waitFor();
    await page.getByText('Penurunan ke Siber Polda Jatim').waitFor();

    const shot = await sharp({ create: { width: 60, height: 90, channels: 3, background: '#446688' } })
      .png()
      .toBuffer();
    await page
      .getByLabel(/Berkas gambar/)
      .setInputFiles({ name: 'tangkapan.png', mimeType: 'image/png', buffer: shot });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    await status('Tangkapan layar tersimpan.').waitFor();
    await page.locator('img.prov-shot').first().waitFor({ state: 'attached' });
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    // Merge the other item (two sightings) into this one (two sightings): four sightings, and its address leads here.
    await page.goto(`/konten-provokatif/${other}`);
    await page.getByRole('heading', { level: 2, name: 'Gabungkan ke konten lain' }).waitFor();
    await page.getByLabel('Konten tujuan').selectOption(keep);
    await page.getByLabel('Saya yakin keduanya konten yang sama').check();
    await page.getByRole('button', { name: 'Gabungkan', exact: true }).click();
    await status('Konten digabungkan').waitFor();
    await page.waitForURL(`**/konten-provokatif/${keep}`);
    await page.getByText(/4 penampakan di 3 kecamatan/).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await page.goto(`/konten-provokatif/${other}`);
    await page.waitForURL(`**/konten-provokatif/${keep}`);
    await page.getByRole('heading', { level: 2, name: 'Sebaran' }).waitFor();

    await page.getByRole('button', { name: 'Keluar' }).click();
    await signIn('prov.jatim');
    await page.goto('/konten-provokatif');
    await page.getByRole('button', { name: 'Evaluasi pantauan konten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evaluasi pantauan konten provokatif' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Konten per platform' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Facebook' }).getByText('1').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  }, 240_000);

  it('names the item’s handling level in the page’s language, not by its code', async () => {
    const { itemId } = await fx.api<{ itemId: string }>('op.jember', 'POST', '/api/provocation/sightings', {
      id: randomUUID(),
      platform: 'tiktok',
      text: 'Katanya besok ada penyerangan ke Desa Tanggulwetan, bawa senjata dan kumpul di lapangan jam tujuh',
      seenAt: new Date(Date.now() - 600_000).toISOString(),
      regionCodes: ['35.09.06.2002'],
    });
    const page = fx.page;
    await signIn('op.jember');
    await page.goto(`/konten-provokatif/${itemId}`);
    const facts = page.locator('dl.op-facts');
    await facts.getByText('Tingkat penanganan: kabupaten/kota').waitFor();
    expect(await facts.textContent()).not.toMatch(/\bkabkota\b/);
    await page.getByRole('button', { name: 'English' }).click();
    await facts.getByText('Handling level: regency/city').waitFor();
    expect(await facts.textContent()).not.toMatch(/\bkabkota\b/);
  }, 120_000);

  it('writes the days of the sightings’ timeline as the page’s language writes a date', async () => {
    const seenAt = new Date(Date.now() - 600_000);
    const { itemId } = await fx.api<{ itemId: string }>('op.jember', 'POST', '/api/provocation/sightings', {
      id: randomUUID(),
      platform: 'instagram',
      text: 'Siapkan diri, malam Minggu kita datangi markas perguruan sebelah di Desa Tanggulwetan',
      seenAt: seenAt.toISOString(),
      regionCodes: ['35.09.06.2002'],
    });
    const day = wibDate(seenAt);
    const page = fx.page;
    await signIn('op.jember');
    await page.goto(`/konten-provokatif/${itemId}`);
    const timeline = page.locator('ol.prov-timeline');
    await timeline.getByText(`${formatDay(day, 'id')}: 1 penampakan`).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await timeline.getByText(`${formatDay(day, 'en')}: 1 sightings`).waitFor();
    expect(await timeline.textContent()).not.toContain(day);
  }, 120_000);
});
