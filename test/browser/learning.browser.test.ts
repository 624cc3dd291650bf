// Workshop and Praktik baik in Chromium on the real server (scenario 3, recovery and learning): the Bakorwil V
// coordinator plans the quarterly workshop, invites, records attendance, attaches a material, tracks an action
// item until done; the Jember operator writes a lesson, sees the personal-data warning and fixes it; the
// coordinator publishes it; a volunteer in Situbondo finds it by a stemmed word. Axe on every page.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillWibDate, findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { DESKTOP, useBrowserFixture } from './fixture.ts';
import { OFFICE, signInAndWait } from './office.ts';

const TOPIC = 'Workshop Pencegahan Konflik Sosial bagi Kelompok Rentan';
const LESSON_TITLE = 'Broadcast WA sebagai pemicu: hubungi pengurus ranting sebelum malam pengesahan';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const fx = useBrowserFixture({
  users: [
    OFFICE.bakorwilVCoordinator,
    OFFICE.jemberOperator,
    { username: 'op.lumajang', displayName: 'Rudi Operator', role: 'operator', region: '35.08' },
    { username: 'relawan.situbondo', displayName: 'Wati Relawan', role: 'relawan', region: '35.12' },
  ],
  pagePerTest: { viewport: DESKTOP },
});
let lessonPath = '';

/** Today's date in WIB ("2026-05-14"): a workshop on it falls in the current quarter. */
function todayWib(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  // The case the lesson is learned from: a verified incident in Jember, opened as a case.
  const operator = 'op.jember';
  const reportId = randomUUID();
  await fx.api(operator, 'POST', '/api/reports', {
    id: reportId,
    kind: 'kejadian',
    conflictType: 'antar_perguruan_silat',
    triggers: ['informasi_provokatif'],
    regionCode: '35.09.06.2002',
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    description: 'Bentrok setelah konvoi pengesahan warga di dekat balai desa.',
    injured: 1,
    vulnerable: { anak: { harmed: 1, displaced: 0, atRisk: 2 } },
    needs: ['kesehatan'],
  });
  await fx.api(operator, 'POST', `/api/reports/${reportId}/acknowledgement`);
  await fx.api(operator, 'POST', `/api/reports/${reportId}/verification`, { status: 'terverifikasi' });
  await fx.api(operator, 'POST', '/api/cases', {
    reportIds: [reportId],
    title: 'Bentrok pengesahan Tanggul',
  });
});

const signIn = (username: string) => signInAndWait(fx, username);

async function openMenu(name: string): Promise<void> {
  await fx.page
    .getByRole('navigation', { name: 'Menu utama' })
    .getByRole('link', { name, exact: true })
    .click();
  await fx.page.getByRole('heading', { level: 1, name }).waitFor();
}

const status = (text: string | RegExp) => fx.page.getByRole('status').filter({ hasText: text });

describe('the quarterly workshop', () => {
  it('lets the Bakorwil V coordinator plan it, invite, record attendance, and track an action until done', async () => {
    await signIn('koord.v');
    await openMenu('Workshop');
    // No workshop yet this quarter: the routine says so, with a way to plan one.
    await fx.page.getByText(/Bakorwil V Jember: belum ada workshop evaluasi (Triwulan|Quarter)/).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await saveScreenshot(fx.page, 'learning-workshops-empty');

    await fx.page.getByRole('button', { name: 'Rencanakan workshop', exact: true }).click();
    await fx.page.getByLabel('Topik').fill(TOPIC);
    await fillWibDate(fx.page.getByLabel('Mulai (WIB)'), `${todayWib()}T09:00`);
    await fx.page.getByLabel('Tempat').fill('Aula Bakorwil V Jember');
    expect(await fx.page.getByLabel('Penyelenggara').locator('option:checked').textContent()).toBe(
      'Bakorwil V Jember',
    );
    await fx.page.getByLabel('Fasilitator').fill('Kepala Bakorwil V\nBidang Penanganan Bencana Dinsos Jatim');
    await fx.page.getByRole('button', { name: 'Simpan rencana' }).click();

    await fx.page.waitForURL(/\/lokakarya\/[0-9a-f-]{36}$/);
    await fx.page.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
    const evaluation = fx.page.getByRole('link', { name: /Buka evaluasi Bakorwil V Jember/ });
    expect(await evaluation.getAttribute('href')).toMatch(
      /^\/evaluasi\?scope=V&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/,
    );

    // Invite every operator of the Bakorwil: Jember and Lumajang.
    await fx.page.getByLabel('Peran', { exact: true }).selectOption('operator');
    await fx.page.getByRole('button', { name: 'Undang pengguna' }).click();
    await status('2 peserta baru diundang').waitFor();
    await fx.page.getByRole('row', { name: /Dewi Operator/ }).waitFor();
    await fx.page.getByLabel('Kehadiran Dewi Operator').selectOption('hadir');
    await fx.page.getByText('2 diundang, 1 hadir, 0 tidak hadir.').waitFor();

    // A material, downloaded again unchanged.
    await fx.page.getByLabel('Berkas materi').setInputFiles({
      name: 'Optimalisasi Sinergitas.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await fx.page.getByRole('button', { name: 'Unggah materi' }).click();
    const download = fx.page.getByRole('link', { name: 'Unduh Optimalisasi Sinergitas.pdf' });
    await download.waitFor();
    const file = await fx.page.request.get((await download.getAttribute('href')) as string);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);

    // An outcome with an owner and a due date, tracked until done.
    await fx.page
      .getByLabel('Apa yang dikerjakan')
      .fill('Petakan kecamatan tanpa TKSK dan usulkan penambahan');
    await fx.page.getByLabel('Penanggung jawab', { exact: true }).selectOption({ label: 'Dewi Operator' });
    await fx.page.getByRole('button', { name: 'Catat tindak lanjut' }).click();
    await status('Tindak lanjut dicatat').waitFor();
    const item = fx.page.locator('.learn-card').filter({ hasText: 'Petakan kecamatan tanpa TKSK' });
    await item.getByText('Terbuka', { exact: true }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await saveScreenshot(fx.page, 'learning-workshop');

    await item.getByRole('button', { name: 'Tandai selesai' }).click();
    await item.getByLabel('Catatan (boleh kosong)').fill('Usulan dikirim ke Dinsos Provinsi');
    await item.getByRole('button', { name: 'Simpan' }).click();
    await status('Tindak lanjut ditutup.').waitFor();
    await item.getByText('Selesai', { exact: true }).waitFor();
    await item.getByText('Catatan: Usulan dikirim ke Dinsos Provinsi').waitFor();
    expect(await item.getByRole('button', { name: 'Tandai selesai' }).count()).toBe(0);

    await fx.page.getByRole('button', { name: 'Tandai terlaksana' }).click();
    await status('Status workshop sekarang: Terlaksana.').waitFor();

    // Back on the list, the quarter has its workshop.
    await fx.page.getByRole('link', { name: 'Kembali ke daftar workshop' }).click();
    await fx.page.getByText(/Bakorwil V Jember: 1 workshop direncanakan atau terlaksana/).waitFor();
    await fx.page.getByRole('link', { name: TOPIC }).waitFor();
    expect(await fx.page.getByText('2 diundang · 1 hadir · 0 tindak lanjut terbuka').count()).toBe(1);
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });
});

describe('a lesson learned', () => {
  it('lets the Jember operator write a draft, see the phone-number warning and fix it, and submit it', async () => {
    await signIn('op.jember');
    await openMenu('Praktik baik');
    await fx.page.getByRole('button', { name: 'Tulis praktik baik' }).click();
    await fx.page.getByLabel('Judul').fill(LESSON_TITLE);
    await fx.page
      .getByLabel('Situasi')
      .fill(
        'Tiga hari sebelum 1 Suro beredar broadcast WhatsApp yang mengajak anggota balas dendam. Warga dua dusun mengungsi ke balai desa saat konvoi pengesahan lewat.',
      );
    await fx.page
      .getByLabel('Yang dilakukan')
      .fill(
        'Operator menghubungi pengurus ranting kedua perguruan lewat nomor 0812-3456-7890 dan TKSK mengatur pertemuan di balai desa.',
      );
    await fx.page
      .getByLabel('Yang berhasil')
      .fill('Pertemuan pengurus ranting sebelum malam pengesahan meredakan ketegangan; rute konvoi diubah.');
    await fx.page
      .getByLabel('Yang perlu dihindari')
      .fill('Jangan menunggu konvoi berangkat; jangan menyebarkan ulang broadcast provokatif.');
    await fx.page.getByLabel('Jenis konflik').selectOption('antar_perguruan_silat');
    await fx.page.getByLabel('Tag', { exact: true }).fill('1 Suro, broadcast WA');
    await fx.page.getByLabel('Kasus di kab/kota ini').selectOption({ label: 'Bentrok pengesahan Tanggul' });
    await fx.page.getByRole('button', { name: 'Tautkan kasus' }).click();
    await fx.page.getByRole('button', { name: 'Lepas tautan Bentrok pengesahan Tanggul' }).waitFor();
    await fx.page.getByRole('button', { name: 'Simpan draf' }).click();

    await fx.page.waitForURL(/\/praktik-baik\/[0-9a-f-]{36}$/);
    lessonPath = new URL(fx.page.url()).pathname;
    await fx.page.getByRole('heading', { level: 1, name: LESSON_TITLE }).waitFor();
    const warnings = fx.page.locator('.learn-warnings');
    await warnings.getByRole('heading', { name: 'Periksa data pribadi sebelum terbit' }).waitFor();
    expect(await warnings.textContent()).toContain('Yang dilakukan: nomor telepon — "0812-3456-7890"');
    await fx.page.getByRole('link', { name: 'Bentrok pengesahan Tanggul' }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await saveScreenshot(fx.page, 'learning-lesson-warning');

    await fx.page.getByRole('button', { name: 'Ubah draf' }).click();
    const actions = fx.page.getByLabel('Yang dilakukan');
    await actions.fill((await actions.inputValue()).replace(' lewat nomor 0812-3456-7890', ''));
    await fx.page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await status('Perubahan disimpan.').waitFor();
    expect(await fx.page.locator('.learn-warnings').count()).toBe(0);
    await fx.page.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await status('Diajukan untuk ditinjau.').waitFor();
    await fx.page.getByText('Menunggu tinjauan', { exact: true }).waitFor();
  });

  it('lets the Bakorwil V coordinator publish it, and another only after confirming its warning', async () => {
    // A second draft whose NIK the writer left in: the reviewer must confirm having checked it.
    const operator = 'op.jember';
    const other = await fx.api<{ id: string }>(operator, 'POST', '/api/lessons', {
      title: 'Dapur umum di balai desa setelah bentrok suporter',
      situation: 'Keluarga kepala dusun (NIK 3509 0612 3456 0001) menyediakan dapur umum di balai desa.',
      actionsTaken: 'Tagana membuka dapur umum dan mencatat kebutuhan warga terdampak.',
      whatWorked: 'Pencatatan kebutuhan sejak malam pertama.',
      whatToAvoid: 'Jangan menunda distribusi makanan sampai pagi.',
      conflictType: 'antar_suporter',
      regionCode: '35.09',
      tags: ['dapur umum'],
    });
    await fx.api(operator, 'POST', `/api/lessons/${other.id}/submit`);
    await signIn('koord.v');
    await openMenu('Praktik baik');
    const queue = fx.page.getByRole('region', { name: 'Menunggu tinjauan Anda' });
    await queue.getByRole('link', { name: LESSON_TITLE }).click();
    await fx.page.getByRole('heading', { level: 1, name: LESSON_TITLE }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await fx.page.getByRole('button', { name: 'Terbitkan' }).click();
    await status('Diterbitkan').waitFor();
    await fx.page.getByText('Terbit', { exact: true }).waitFor();
    expect(await fx.page.getByRole('button', { name: 'Terbitkan' }).count()).toBe(0);

    await fx.page.getByRole('link', { name: 'Kembali ke praktik baik' }).click();
    await fx.page
      .getByRole('region', { name: 'Menunggu tinjauan Anda' })
      .getByRole('link', { name: 'Dapur umum di balai desa setelah bentrok suporter' })
      .click();
    await fx.page.locator('.learn-warnings').getByText('Situasi: NIK — "3509 0612 3456 0001"').waitFor();
    const publish = fx.page.getByRole('button', { name: 'Terbitkan' });
    expect(await publish.isDisabled()).toBe(true);
    await fx.page.getByLabel(/Saya sudah memeriksa peringatan di atas/).check();
    await publish.click();
    await status('Diterbitkan').waitFor();
  });

  it('lets a volunteer in Situbondo find it by a stemmed word, with the match highlighted', async () => {
    await signIn('relawan.situbondo');
    await openMenu('Praktik baik');
    expect(await fx.page.getByRole('button', { name: 'Tulis praktik baik' }).count()).toBe(0);
    await fx.page.getByLabel('Kata yang dicari').fill('pengungsian');
    await fx.page.getByRole('button', { name: 'Cari', exact: true }).click();
    await status('1 praktik baik ditemukan').waitFor();
    const hit = fx.page.locator('.learn-card').filter({ hasText: 'pengurus ranting' });
    expect((await hit.locator('mark').allTextContents()).map((m) => m.toLowerCase())).toContain('mengungsi');
    expect(await hit.textContent()).not.toContain('<mark>');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await saveScreenshot(fx.page, 'learning-lesson-search');

    await hit.getByRole('link').first().click();
    await fx.page.waitForURL((url) => url.pathname === lessonPath);
    await fx.page.getByRole('heading', { level: 1, name: LESSON_TITLE }).waitFor();
    // The case stays behind its own visibility: a volunteer elsewhere reads the lesson, not the case.
    await fx.page.getByText('Pelajaran ini berasal dari kasus di wilayah lain').waitFor();
    expect(await fx.page.locator('.learn-warnings').count()).toBe(0);
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });

  it('refuses an empty draft with its problems and puts the focus on the first of them, the title', async () => {
    await signIn('op.jember');
    await openMenu('Praktik baik');
    await fx.page.getByRole('button', { name: 'Tulis praktik baik' }).click();
    await fx.page.getByRole('button', { name: 'Simpan draf' }).click();
    await fx.page.getByRole('alert').getByText('Tulis judul, minimal 5 huruf.').waitFor();
    const title = fx.page.getByLabel('Judul');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => title.evaluate((field) => field === document.activeElement)).toBe(true);
  });

  it('finds a lesson that says "berdamai", "perdamaian" and "mendamaikan" by the root "damai"', async () => {
    const created = await fx.api<{ id: string }>('op.jember', 'POST', '/api/lessons', {
      title: 'Dua perguruan berdamai di pendapa kabupaten',
      situation: 'Perdamaian disepakati setelah dua malam bentrok di perbatasan kecamatan.',
      actionsTaken: 'Tokoh agama mendamaikan pengurus ranting kedua pihak di pendapa.',
      whatWorked: 'Pertemuan tertutup sebelum penandatanganan.',
      whatToAvoid: 'Jangan mengumumkan kesepakatan sebelum semua ranting hadir.',
      conflictType: 'antar_perguruan_silat',
      regionCode: '35.09',
      tags: ['rekonsiliasi'],
    });
    await fx.api('koord.v', 'POST', `/api/lessons/${created.id}/publish`, {
      confirmPersonalData: true,
    });
    await signIn('relawan.situbondo');
    await openMenu('Praktik baik');
    await fx.page.getByLabel('Kata yang dicari').fill('damai');
    await fx.page.getByRole('button', { name: 'Cari', exact: true }).click();
    await status('1 praktik baik ditemukan').waitFor();
    const hit = fx.page
      .locator('.learn-card')
      .filter({ hasText: 'Dua perguruan berdamai di pendapa kabupaten' });
    expect((await hit.locator('mark').allTextContents()).map((m) => m.toLowerCase())).toContain('berdamai');
  });
});
