import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, findSeriousA11yViolations, ROOT } from './browser-harness.ts';
import { useBrowserFixture } from './fixture.ts';
import { OFFICE, signInAndWait, silatClashReport } from './office.ts';

const DESKTOP = { width: 1280, height: 800 };

const fx = useBrowserFixture({
  users: [
    OFFICE.jemberOperator,
    OFFICE.banyuwangiOperator,
    { username: 'siti', displayName: 'Siti Aminah', role: 'relawan', region: '35.09' },
    OFFICE.provinceStaff,
  ],
  pagePerTest: { viewport: DESKTOP },
});

/** The clash with children hurt and an elderly woman with a disability at risk. */
function report(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return silatClashReport({
    housesDamaged: 2,
    vulnerable: {
      anak: { harmed: 3, displaced: 0, atRisk: 0 },
      disabilitas: { harmed: 0, displaced: 0, atRisk: 1 },
    },
    needs: ['kesehatan', 'psikososial'],
    ...overrides,
  });
}

beforeAll(async () => {
  // The partner agency first: its user belongs to it.
  await fx.api('admin', 'PUT', '/api/agencies/polres-jember', {
    name: 'Polres Jember',
    kabkotaCode: '35.09',
  });
  await fx.createUser({
    username: 'polres.jember',
    displayName: 'Bripka Hadi',
    role: 'mitra',
    region: '35.09',
    agencyId: 'polres-jember',
  });
  // Siti is a Sahabat Tagana with an account: the operator can assign her.
  await fx.api('op.jember', 'POST', '/api/pillars', {
    pillarType: 'tagana',
    name: 'Siti Aminah',
    homeRegionCode: '35.09.06.2002',
    userId: fx.user('siti').id,
  });
  await fx.api('siti', 'POST', '/api/reports', report());
  await fx.api(
    'siti',
    'POST',
    '/api/reports',
    report({
      kind: 'sinyal',
      regionCode: '35.09.06.2001',
      triggers: ['informasi_provokatif'],
      description:
        'Pesan berantai di grup WhatsApp mengajak anggota membalas dendam di balai desa malam ini.',
      injured: 0,
      housesDamaged: 0,
      vulnerable: {},
      needs: [],
    }),
  );
});

const signIn = (username: string, password?: string) => signInAndWait(fx, username, password);

/** A desktop-sized screenshot in test-artifacts/, copied to docs/screenshots/ for the README when named. */
async function screenshot(name: string, docsName?: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await fx.page.screenshot({ path: file });
  if (docsName) {
    const docs = path.join(ROOT, 'docs/screenshots');
    await mkdir(docs, { recursive: true });
    await copyFile(file, path.join(docs, `${docsName}.png`));
  }
}

const mapPaths = () => fx.page.locator('.leaflet-overlay-pane svg path');

let caseUrl = '';

describe('an operator at work', () => {
  it('verifies a report from the inbox, opens a case, assigns a pillar and moves the phase', async () => {
    await signIn('op.jember');
    await fx.page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
    const newList = fx.page.getByRole('region', { name: /Laporan baru/ });
    const incident = newList.getByRole('button', { name: /Kejadian · Antar-perguruan silat/ });
    await incident.waitFor();
    // The P1 incident tops the inbox, ahead of the signal, with its reasons in words.
    expect(await newList.getByRole('button').first().textContent()).toContain('P1');
    expect(await incident.textContent()).toContain('anak terluka');
    await incident.click();

    const detail = fx.page.getByRole('region', { name: /Kejadian: Antar-perguruan silat/ });
    await detail.getByRole('heading', { name: 'Alasan prioritas' }).waitFor();
    expect(await detail.getByRole('list').first().textContent()).toContain('anak terluka');
    await detail.getByRole('heading', { name: 'Kemungkinan duplikat' }).waitFor();
    await screenshot('operator-inbox', 'inbox');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);

    await detail.getByRole('button', { name: 'Terima laporan' }).click();
    await detail.getByRole('status').filter({ hasText: 'Laporan diterima' }).waitFor();
    await detail.getByRole('button', { name: 'Verifikasi' }).click();
    await detail.getByRole('status').filter({ hasText: 'Laporan terverifikasi' }).waitFor();
    await detail.getByRole('button', { name: 'Buka kasus baru' }).click();

    await fx.page.waitForURL(/\/kasus\/[0-9a-f-]{36}$/);
    caseUrl = new URL(fx.page.url()).pathname;
    await fx.page.getByRole('heading', { level: 1, name: /Konflik antar perguruan silat di/ }).waitFor();
    expect(await fx.page.getByRole('link', { name: 'Kasus', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );

    await fx.page.getByLabel('Pilar yang ditugaskan').selectOption(fx.user('siti').id);
    await fx.page
      .getByLabel('Tugas', { exact: true })
      .fill('Cek lokasi di balai desa dan dampingi anak-anak.');
    await fx.page.getByRole('button', { name: 'Tugaskan', exact: true }).click();
    await fx.page.getByRole('status').filter({ hasText: 'Siti Aminah ditugaskan' }).waitFor();
    // The suggestions below the list reload on their own; wait for her card in the list of assignments.
    await fx.page
      .getByRole('region', { name: 'Penugasan' })
      .getByRole('listitem')
      .filter({ hasText: /^Siti Aminah · ditugaskan/ })
      .waitFor();

    await fx.page.getByLabel('Lembaga mitra').selectOption('polres-jember');
    await fx.page
      .getByLabel('Permintaan kepada mitra')
      .fill('Mohon pengamanan balai desa Tanggulwetan malam ini.');
    await fx.page.getByRole('button', { name: 'Kirim disposisi' }).click();
    await fx.page.getByRole('status').filter({ hasText: 'Disposisi terkirim ke Polres Jember' }).waitFor();

    // From pencegahan the shared rule allows penghentian, pemulihan and closing.
    const moves = fx.page.getByRole('group', { name: 'Pindah tahap' });
    expect(await moves.getByRole('button').allTextContents()).toEqual([
      'Pindah ke Penghentian',
      'Pindah ke Pemulihan',
      'Tutup kasus…',
    ]);
    await moves.getByRole('button', { name: 'Pindah ke Pemulihan' }).click();
    await fx.page.getByRole('status').filter({ hasText: 'Kasus pindah ke tahap Pemulihan.' }).waitFor();
    // Going back is refused by the rule, so there is no button for it.
    expect(await fx.page.getByRole('button', { name: /Pencegahan|Penghentian/ }).count()).toBe(0);
    expect(await moves.getByRole('button').allTextContents()).toEqual(['Tutup kasus…']);
    await fx.page.getByRole('list').filter({ hasText: 'Tahap berubah: Pencegahan → Pemulihan' }).waitFor();
    await fx.page.getByRole('button', { name: 'Tandai Rekonsiliasi selesai' }).waitFor();
    await fx.page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await screenshot('operator-case', 'case');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });

  it('sees a new report appear in the inbox without reloading', async () => {
    await signIn('op.jember');
    await fx.page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
    await fx.page.getByText('Pembaruan langsung aktif').waitFor();
    await fx.api(
      'siti',
      'POST',
      '/api/reports',
      report({
        regionCode: '35.09.05.2001',
        conflictType: 'antarwarga',
        description: 'Warga dua dusun saling lempar batu setelah sengketa saluran irigasi sawah.',
      }),
    );
    await fx.page
      .getByRole('region', { name: /Laporan baru/ })
      .getByRole('button', { name: /Kejadian · Antarwarga/ })
      .waitFor({ timeout: 15_000 });
  });

  it('switches the inbox to English', async () => {
    await signIn('op.jember');
    await fx.page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
    await fx.page.getByRole('button', { name: 'English' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await fx.page.getByRole('heading', { name: /New reports/ }).waitFor();
    await fx.page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Cases' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await fx.page
      .getByRole('heading', { name: /Prevention|Pencegahan/ })
      .first()
      .waitFor();
    await fx.page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Kasus' }).waitFor();
  });
});

describe('who may see a case', () => {
  it("reads as not found for another kab/kota's operator, even at its direct address", async () => {
    await signIn('op.banyuwangi');
    await fx.page.goto(caseUrl);
    await fx.page.getByRole('heading', { level: 1, name: 'Kasus tidak ditemukan' }).waitFor();
    await fx.page.getByRole('link', { name: 'Kasus', exact: true }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Kasus' }).waitFor();
    await fx.page.getByText('Tidak ada kasus.').first().waitFor();
    expect(await fx.page.getByText('Konflik antar perguruan silat di').count()).toBe(0);
  });
});

describe('the partner agency', () => {
  it('answers the disposition addressed to it', async () => {
    await signIn('polres.jember');
    await fx.page.getByRole('heading', { level: 1, name: 'Disposisi' }).waitFor();
    await fx.page.getByText('Mohon pengamanan balai desa Tanggulwetan malam ini.').waitFor();
    await fx.page.getByLabel('Selesai').check();
    await fx.page
      .getByLabel('Jawaban atau tindakan yang sudah dilakukan')
      .fill('Dua personel berjaga sampai pagi.');
    await fx.page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await fx.page.getByRole('status').filter({ hasText: 'Jawaban terkirim' }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });
});

// Closed after the partner agency has answered: a closed case takes no more answers (decision 0011).
describe('closing the case', () => {
  it('closes a case only with an outcome summary, after which no phase button is left', async () => {
    await signIn('op.jember');
    await fx.page.goto(caseUrl);
    await fx.page.getByRole('button', { name: 'Tutup kasus…' }).click();
    const confirm = fx.page.getByRole('button', { name: 'Tutup kasus dengan ringkasan ini' });
    expect(await confirm.isDisabled()).toBe(true);
    await fx.page
      .getByLabel('Ringkasan hasil penanganan')
      .fill('Mediasi berhasil; kedua ranting sepakat damai.');
    await confirm.click();
    await fx.page.getByRole('status').filter({ hasText: 'Kasus pindah ke tahap Selesai.' }).waitFor();
    await fx.page.getByText('Mediasi berhasil; kedua ranting sepakat damai.').waitFor();
    expect(await fx.page.getByRole('group', { name: 'Pindah tahap' }).count()).toBe(0);
  });
});

describe('the dashboard', () => {
  it('draws the 38 kab/kota of East Java and drills down to the kecamatan of one', async () => {
    await signIn('dinsos.prov');
    await fx.page.getByRole('heading', { level: 1, name: 'Dasbor' }).waitFor();
    await expect.poll(() => mapPaths().count(), { timeout: 20_000 }).toBe(38);
    await fx.page.getByRole('rowheader', { name: 'Kabupaten Jember' }).waitFor();
    const jember = fx.page.getByRole('row', { name: /Kabupaten Jember/ });
    expect(Number(await jember.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(3);
    await fx.page.getByRole('heading', { name: 'Laporan per minggu' }).waitFor();
    await fx.page.evaluate(() =>
      document.getElementById('dash-area')?.scrollIntoView({ behavior: 'instant' }),
    );
    await screenshot('operator-dashboard', 'dashboard');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);

    await jember.getByRole('button', { name: 'Kecamatan di Kabupaten Jember' }).click();
    await expect.poll(() => mapPaths().count(), { timeout: 20_000 }).toBe(31);
    await fx.page.getByRole('heading', { name: 'Ringkasan Kabupaten Jember' }).waitFor();
    await fx.page
      .getByRole('row', { name: /Tanggul/ })
      .first()
      .waitFor();
    await fx.page.getByRole('button', { name: 'Kembali ke seluruh Jawa Timur' }).click();
    await expect.poll(() => mapPaths().count(), { timeout: 20_000 }).toBe(38);

    await fx.page.getByLabel('Tingkat peringatan dini').check();
    await fx.page.getByText('Keterangan warna: Tingkat peringatan dini').waitFor();

    // The map names the source of its boundaries in the reader's language, again after a switch.
    const attribution = fx.page.locator('.leaflet-control-attribution');
    await expect.poll(() => attribution.textContent()).toContain('Batas wilayah: © Cahya DSN');
    await fx.page.getByRole('button', { name: 'English' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect.poll(() => attribution.textContent()).toContain('Boundaries: © Cahya DSN');
    expect(await attribution.textContent()).not.toContain('Batas wilayah');
    await fx.page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await fx.page.getByRole('heading', { level: 1, name: 'Dasbor' }).waitFor();
  });
});

describe('administration', () => {
  it('lists users, sets deadlines and Bakorwil without accessibility violations', async () => {
    await signIn('admin', fx.server.adminPassword);
    await fx.page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await fx.page.getByRole('rowheader', { name: 'Siti Aminah' }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await fx.page.getByRole('button', { name: 'Atur ulang kata sandi siti' }).click();
    await fx.page.getByRole('status').filter({ hasText: 'Kata sandi untuk siti:' }).waitFor();

    await fx.page.getByRole('link', { name: 'Pengaturan' }).click();
    await fx.page.getByRole('heading', { name: 'Tenggat per prioritas' }).waitFor();
    // Deadlines are entered in minutes, hours or days; 30 minutes show as minutes.
    await fx.page.getByLabel('P1: Menerima laporan', { exact: true }).fill('20');
    expect(await fx.page.getByLabel('P4: Penyelesaian: Satuan').inputValue()).toBe('days');
    await fx.page.getByRole('button', { name: 'Simpan tenggat' }).click();
    await fx.page.getByRole('status').filter({ hasText: 'Pengaturan disimpan.' }).first().waitFor();
    await fx.page.getByRole('row', { name: /Polres Jember/ }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);

    await fx.page.getByRole('link', { name: 'Wilayah & Bakorwil' }).click();
    await fx.page.getByLabel('Bakorwil untuk Kabupaten Jember').waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await screenshot('operator-admin-settings');
  });
});
