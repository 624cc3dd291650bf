import { beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { useBrowserFixture } from './fixture.ts';
import { OFFICE, openCaseFrom, openSilatCase, signInAndWait, silatClashReport } from './office.ts';

const DESKTOP = { width: 1280, height: 800 };

const fx = useBrowserFixture({
  users: [OFFICE.jemberOperator, { ...OFFICE.bakorwilVCoordinator, displayName: 'Bambang Koordinator' }],
  pagePerTest: { viewport: DESKTOP },
});
let caseId = '';

beforeAll(async () => {
  // The clash near the primary school: children hurt, an elderly woman with a disability at risk.
  caseId = await openCaseFrom(
    fx,
    'op.jember',
    silatClashReport({
      housesDamaged: 2,
      vulnerable: {
        anak: { harmed: 3, displaced: 0, atRisk: 0 },
        disabilitas: { harmed: 0, displaced: 0, atRisk: 1 },
      },
      needs: ['kesehatan', 'psikososial'],
    }),
  );
});

const signIn = (username: string) => signInAndWait(fx, username);

const openCase = () => openSilatCase(fx, caseId);

const people = () => fx.page.getByRole('region', { name: 'Kelompok rentan dan rujukan' });
const status = (text: string | RegExp) => people().getByRole('status').filter({ hasText: text });

/** Everything the page keeps on the device: localStorage, every IndexedDB store, and cached /api answers. */
async function deviceData(): Promise<string> {
  return fx.page.evaluate(async () => {
    const parts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opened = indexedDB.open(info.name as string);
        opened.onsuccess = () => resolve(opened.result);
        opened.onerror = () => reject(opened.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
        parts.push(JSON.stringify(rows));
      }
      db.close();
    }
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      parts.push((await cache.keys()).map((request) => request.url).join(' '));
    }
    return parts.join('\n');
  });
}

describe('a handler records vulnerable people and follows their referrals', () => {
  it('adds a named child only with the guardian’s consent, refers the child and moves the referral to done', async () => {
    await signIn('op.jember');
    await openCase();
    await people().getByRole('button', { name: 'Catat orang rentan bernama…' }).click();
    const name = fx.page.getByLabel('Nama lengkap');
    expect(await name.evaluate((element) => element === document.activeElement)).toBe(true);
    await name.fill('Dimas Pratama');
    await fx.page.getByLabel('NIK (opsional)').fill('35090112031');
    await fx.page.getByLabel('Usia dalam tahun (opsional)').fill('9');
    await fx.page.getByLabel('Kelompok rentan', { exact: true }).selectOption('anak');
    await fx.page.getByLabel('Kebutuhan (opsional)').fill('pendampingan psikososial, perawatan luka');
    await fx.page.getByRole('button', { name: 'Simpan orang rentan' }).click();
    await people().getByText('NIK harus 16 angka.').waitFor();
    expect(await fx.page.getByLabel('NIK (opsional)').getAttribute('aria-invalid')).toBe('true');

    await fx.page.getByLabel('NIK (opsional)').fill('3509011203170001');
    await fx.page.getByLabel('Nama orang tua/wali').fill('Rahmat Hidayat');
    // The shared rule refuses a child's data without the guardian's consent, in words, as an alert.
    await fx.page.getByRole('button', { name: 'Simpan orang rentan' }).click();
    await people().getByRole('alert').filter({ hasText: 'persetujuan orang tua/wali' }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);

    await fx.page.getByLabel('Orang tua/wali menyetujui pencatatan data anak ini').check();
    await fx.page.getByRole('button', { name: 'Simpan orang rentan' }).click();
    await status('Dimas Pratama dicatat.').waitFor();
    const child = people().getByRole('listitem').filter({ hasText: 'Dimas Pratama' });
    await child.getByText('NIK 3509011203170001').waitFor();
    await child.getByText('Wali: Rahmat Hidayat').waitFor();
    await child.getByText('pendampingan psikososial, perawatan luka').waitFor();

    await child.getByRole('button', { name: 'Ubah data Dimas Pratama' }).click();
    await fx.page.getByLabel('Usia dalam tahun (opsional)').fill('10');
    await fx.page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await status('Data Dimas Pratama diperbarui.').waitFor();
    await child.getByText('10 tahun').waitFor();

    await child.getByRole('button', { name: 'Rujuk Dimas Pratama ke layanan…' }).click();
    // The services are the shared list, in order.
    expect(await fx.page.getByLabel('Layanan', { exact: true }).locator('option').allTextContents()).toEqual([
      'Rehabilitasi sosial',
      'Dukungan psikososial',
      'Logistik',
      'Kesehatan',
      'Layanan lain',
    ]);
    await fx.page.getByLabel('Layanan', { exact: true }).selectOption('dukungan_psikososial');
    await fx.page.getByLabel('Penyedia layanan').fill('LDP Jember');
    await fx.page.getByRole('button', { name: 'Buat rujukan' }).click();
    await status('Rujukan Dukungan psikososial untuk Dimas Pratama dibuat.').waitFor();

    const referral = people().getByRole('group', {
      name: 'Tindak lanjut rujukan Dukungan psikososial untuk Dimas Pratama',
    });
    // Exactly the moves the shared rule allows from dirujuk.
    await expect
      .poll(() => referral.getByRole('button').allTextContents())
      .toEqual(['Tandai diterima layanan', 'Tandai selesai', 'Batalkan rujukan']);
    await referral.getByRole('button', { name: 'Tandai diterima layanan' }).click();
    await status(/sekarang: diterima layanan/).waitFor();
    await expect
      .poll(() => referral.getByRole('button').allTextContents())
      .toEqual(['Tandai selesai', 'Batalkan rujukan']);
    await referral.getByLabel('Catatan tindak lanjut (opsional)').fill('Empat sesi pendampingan selesai.');
    await referral.getByRole('button', { name: 'Tandai selesai' }).click();
    await status(/sekarang: selesai/).waitFor();
    await referral.waitFor({ state: 'detached' });
    const done = people().getByRole('listitem').filter({ hasText: 'LDP Jember' });
    await done.getByText('Empat sesi pendampingan selesai.').waitFor();
    expect(await done.getByRole('button').count()).toBe(0);
    await fx.page.getByRole('list').filter({ hasText: 'Rujukan diperbarui' }).first().waitFor();

    // Nothing of the child is kept on the device.
    expect(await deviceData()).not.toMatch(/Dimas|Rahmat|3509011203170001|\/api\/cases/);
  });

  it('shows an overdue referral first, marked in words', async () => {
    const [person] = (
      await fx.api<{ items: { id: string }[] }>('op.jember', 'GET', `/api/cases/${caseId}/people`)
    ).items;
    await fx.api('op.jember', 'POST', `/api/cases/${caseId}/people/${person.id}/referrals`, {
      service: 'kesehatan',
      provider: 'Puskesmas Tanggul',
      dueAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    });
    await signIn('op.jember');
    await openCase();
    await people().getByText('1 rujukan lewat tenggat').waitFor();
    const first = people()
      .getByRole('heading', { name: 'Rujukan layanan' })
      .locator('xpath=following-sibling::ul[1]/li[1]');
    expect(await first.textContent()).toContain('Puskesmas Tanggul');
    expect(await first.textContent()).toContain('lewat tenggat');
    await people().scrollIntoViewIfNeeded();
    await saveScreenshot(fx.page, 'case-people-handler');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });
});

describe('who does not handle the case', () => {
  it('shows a coordinator before escalation initials only, and no controls to add or refer', async () => {
    await signIn('koord.v');
    await openCase();
    await people().getByText('D*** P***', { exact: true }).waitFor();
    await people().getByText('disamarkan').first().waitFor();
    await people()
      .getByText('Hanya penangan kasus yang dapat mencatat orang rentan bernama', { exact: false })
      .waitFor();
    expect(await people().textContent()).not.toMatch(
      /Dimas|Rahmat|3509011203170001|pendampingan psikososial/,
    );
    expect(await people().getByRole('button').count()).toBe(0);
    expect(await people().getByRole('textbox').count()).toBe(0);
    // Referrals are listed without names and without their notes.
    await people().getByText('Untuk D*** P***').first().waitFor();
    expect(await people().textContent()).not.toContain('Empat sesi pendampingan selesai.');
    await saveScreenshot(fx.page, 'case-people-masked');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });
});

describe("the coordinator's dashboard", () => {
  const mapPaths = () => fx.page.locator('.leaflet-overlay-pane svg path');

  it('opens on their Bakorwil, drills down by keyboard on the map, and goes back to the Bakorwil', async () => {
    await signIn('koord.v');
    await fx.page.getByRole('heading', { level: 1, name: 'Dasbor' }).waitFor();
    await fx.page.getByRole('heading', { name: 'Ringkasan Bakorwil V Jember' }).waitFor();
    // The seven kab/kota of Bakorwil V, on the map and in the table.
    await expect.poll(() => mapPaths().count(), { timeout: 20_000 }).toBe(7);
    const rows = fx.page.getByRole('region', { name: 'Angka per kabupaten/kota' }).getByRole('rowheader');
    await expect.poll(() => rows.count()).toBe(7);
    expect((await rows.allTextContents()).sort()).toEqual([
      'Kabupaten Banyuwangi',
      'Kabupaten Bondowoso',
      'Kabupaten Jember',
      'Kabupaten Lumajang',
      'Kabupaten Probolinggo',
      'Kabupaten Situbondo',
      'Kota Probolinggo',
    ]);
    const jember = fx.page.getByRole('row', { name: /Kabupaten Jember/ });
    expect(Number(await jember.getByRole('cell').first().textContent())).toBe(1);
    await fx.page.getByRole('button', { name: 'Lihat seluruh Jawa Timur' }).waitFor();
    await saveScreenshot(fx.page, 'dashboard-koordinator-bakorwil');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);

    // The map's areas are buttons for the keyboard: Enter on Jember opens its kecamatan.
    const area = fx.page.getByRole('button', { name: /^Kabupaten Jember: 1 laporan\. Lihat kecamatannya$/ });
    await area.focus();
    await fx.page.keyboard.press('Enter');
    await fx.page.getByRole('heading', { name: 'Ringkasan Kabupaten Jember' }).waitFor();
    await expect.poll(() => mapPaths().count(), { timeout: 20_000 }).toBe(31);
    expect(await fx.page.evaluate(() => document.activeElement?.id)).toBe('dash-area');
    await fx.page.getByRole('button', { name: 'Kembali ke Bakorwil V Jember' }).click();
    await fx.page.getByRole('heading', { name: 'Ringkasan Bakorwil V Jember' }).waitFor();
    await expect.poll(() => mapPaths().count(), { timeout: 20_000 }).toBe(7);
  });
});
