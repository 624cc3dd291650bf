import { describe, expect, it } from 'vitest';
import { reportPayload } from '../fixtures.ts';
import { findSeriousA11yViolations } from './browser-harness.ts';
import { DESKTOP, useBrowserFixture } from './fixture.ts';

const fx = useBrowserFixture({
  pagePerTest: { viewport: DESKTOP, acceptDownloads: true },
  users: [
    { username: 'ppdp.uji', role: 'ppdp', region: '35' },
    { username: 'relawan.uji', role: 'relawan', region: '35.09.06.2002' },
  ],
});

describe('the Pelindungan data page', () => {
  it('shows the record of processing in Indonesian and downloads its PDF, without accessibility violations', async () => {
    const page = fx.page;
    await fx.signIn(page, 'admin');
    await page.getByRole('link', { name: 'Pelindungan data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pelindungan data' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kegiatan pemrosesan (6)' }).waitFor();
    await fx.page
      .getByRole('rowheader', { name: /Penanganan kelompok rentan dalam kasus konflik sosial/ })
      .getByText('Data spesifik')
      .waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh catatan pemrosesan (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^catatan-pemrosesan-data-pribadi-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(fx.problems).toEqual([]);
  });

  it('lets the data protection officer find a person, record requests with their deadline, and answer them', async () => {
    const report = reportPayload({ description: 'Rumah Sumarni Wati rusak terkena lemparan batu.' });
    expect((await fx.call('relawan.uji', 'POST', '/api/reports', report)).status).toBe(201);

    const p = fx.page;
    await fx.signIn(p, 'ppdp.uji');
    await p.getByRole('link', { name: 'Pelindungan data' }).click();
    await p.getByRole('heading', { level: 2, name: 'Permintaan subjek data (0)' }).waitFor();

    await p.getByLabel('Nama', { exact: true }).fill('Sumarni Wati');
    await p.getByRole('button', { name: 'Cari', exact: true }).click();
    await p
      .getByRole('checkbox', { name: /Laporan lapangan yang menyebut nama: Rumah Sumarni Wati/ })
      .check();
    await p.getByRole('button', { name: 'Catat permintaan' }).click();
    await p.getByRole('heading', { level: 2, name: 'Permintaan: Akses dan salinan data' }).waitFor();
    await p.getByText(/UU 27\/2022 Pasal 32 ayat \(2\)/).waitFor();
    expect(await findSeriousA11yViolations(p)).toEqual([]);
    const [file] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('link', { name: 'Unduh berkas data pribadi (PDF)' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^berkas-data-pribadi-\d{4}-\d{2}-\d{2}\.pdf$/);

    await p.getByLabel('Jenis permintaan').selectOption('penghapusan');
    await p.getByRole('button', { name: 'Catat permintaan' }).click();
    await p.getByRole('button', { name: 'Jalankan penghapusan (anonimisasi)' }).click();
    await p.getByText('Data pribadi pada 1 catatan telah dianonimkan; angka statistik tetap.').waitFor();
    await p.getByRole('heading', { level: 2, name: 'Permintaan subjek data (2)' }).waitFor();
    expect(await findSeriousA11yViolations(p)).toEqual([]);
    expect(fx.problems).toEqual([]);
  });

  it('shows the breach deadline, saves the retention settings and lists the retention dry run', async () => {
    const breach = {
      id: crypto.randomUUID(),
      title: 'Laptop operator hilang',
      description: 'Laptop berisi unduhan daftar orang rentan hilang di perjalanan.',
      discoveredAt: '2026-01-10T08:00:00+07:00',
      categories: ['anak'],
      subjectsEstimate: 40,
    };
    expect((await fx.call('ppdp.uji', 'POST', '/api/privacy/breaches', breach)).status).toBe(201);
    const p = fx.page;
    await fx.signIn(p, 'ppdp.uji');
    await p.getByRole('link', { name: 'Pelindungan data' }).click();
    await p.getByRole('rowheader', { name: 'Laptop operator hilang' }).waitFor();
    await p.getByRole('cell', { name: /13 Januari 2026/ }).waitFor();

    await p.getByLabel('Data pelapor warga setelah (bulan)').fill('6');
    await p.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await p.getByText('Pengaturan tersimpan.').waitFor();
    await p.getByRole('button', { name: 'Lihat yang akan dianonimkan' }).click();
    await p.getByText(/^Uji coba retensi per .*: \d+ catatan akan dianonimkan/).waitFor();
    await p.getByRole('rowheader', { name: 'Pilar sosial yang lama tidak aktif' }).waitFor();
    expect(await findSeriousA11yViolations(p)).toEqual([]);
    expect(fx.problems).toEqual([]);
  });
});
