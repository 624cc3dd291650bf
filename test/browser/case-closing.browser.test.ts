// Closing a case in Chromium on the real server: the close is refused while a child's referral is open, then
// goes through with a hand-over; the closed case is read-only, leaves the relawan's "Tugas saya", and a
// coordinator reopens it with a reason.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { useBrowserFixture } from './fixture.ts';
import { OFFICE, openCaseFrom, openSilatCase, signInAndWait, silatClashReport } from './office.ts';

const DESKTOP = { width: 1280, height: 800 };

const fx = useBrowserFixture({
  users: [
    OFFICE.jemberOperator,
    { ...OFFICE.bakorwilVCoordinator, displayName: 'Bambang Koordinator' },
    { username: 'relawan.sari', displayName: 'Sari Relawan', role: 'relawan', region: '35.09.06.2002' },
  ],
  pagePerTest: { viewport: DESKTOP },
});
let caseId = '';

beforeAll(async () => {
  // The field trial's case: a child referred to a Puskesmas, a relawan assigned and checked in, in pemulihan.
  const operator = 'op.jember';
  caseId = await openCaseFrom(
    fx,
    operator,
    silatClashReport({ vulnerable: { anak: { harmed: 1, displaced: 0, atRisk: 0 } }, needs: ['kesehatan'] }),
  );
  const child = await fx.api<{ id: string }>(operator, 'POST', `/api/cases/${caseId}/people`, {
    fullName: 'Dimas Pratama',
    age: 9,
    group: 'anak',
    needs: ['perawatan luka'],
    guardianName: 'Rahmat Hidayat',
    guardianConsent: true,
  });
  await fx.api(operator, 'POST', `/api/cases/${caseId}/people/${child.id}/referrals`, {
    service: 'kesehatan',
    provider: 'Puskesmas Kaliwates',
    dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  await fx.api(operator, 'POST', `/api/cases/${caseId}/assignments`, {
    userId: fx.user('relawan.sari').id,
    task: 'Pendampingan',
  });
  await fx.api('relawan.sari', 'POST', `/api/cases/${caseId}/follow-ups`, {
    id: randomUUID(),
    kind: 'check_in',
    action: 'Tiba di balai desa',
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  });
  await fx.api(operator, 'POST', `/api/cases/${caseId}/phase`, { to: 'pemulihan' });
});

const signIn = (username: string) => signInAndWait(fx, username);

const openCase = () => openSilatCase(fx, caseId);

const phase = () => fx.page.getByRole('region', { name: 'Tahap penanganan' });

describe('closing a case with a child still referred', () => {
  it('refuses the close while the referral is open, then closes with its hand-over', async () => {
    await signIn('op.jember');
    await openCase();
    await phase().getByRole('button', { name: 'Tutup kasus…' }).click();
    const form = phase().getByRole('form', { name: 'Yang masih terbuka di kasus ini' });
    await form
      .getByText('Langkah pemulihan belum dicatat: Rekonsiliasi, Rehabilitasi, Rekonstruksi')
      .waitFor();
    await form
      .getByText('Masih di lokasi, dicatat meninggalkan lokasi saat kasus ditutup: Sari Relawan')
      .waitFor();
    await form.getByText(/Rujukan orang rentan belum selesai \(1\)/).waitFor();
    const handover = form.getByRole('group', { name: /Serah terima rujukan Kesehatan untuk Dimas Pratama/ });
    await handover.waitFor();
    await form.getByLabel('Ringkasan hasil penanganan').fill('Kedua perguruan sepakat damai di balai desa.');
    await form.getByRole('button', { name: 'Tutup kasus dengan ringkasan ini' }).click();
    // The server refuses: the child's referral is open and nobody took it over.
    await form.getByRole('alert').filter({ hasText: 'Rujukan orang rentan masih terbuka' }).waitFor();
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
    await saveScreenshot(fx.page, 'case-close-refused');

    await handover.getByLabel('Diserahkan ke layanan/lembaga').fill('Puskesmas Kaliwates, poli anak');
    await handover
      .getByLabel('Yang menindaklanjuti (nama, jabatan atau unit)')
      .fill('TKSK Kaliwates, Bu Rina');
    await form.getByRole('button', { name: 'Tutup kasus dengan ringkasan ini' }).click();
    await phase().getByRole('status').filter({ hasText: 'Kasus pindah ke tahap Selesai.' }).waitFor();
    await phase().getByText('Kasus ini sudah ditutup dan hanya dapat dibaca.', { exact: false }).waitFor();

    // The hand-over shows on the case; a closed case offers no disposition, referral or person buttons.
    const people = fx.page.getByRole('region', { name: 'Kelompok rentan dan rujukan' });
    await people
      .getByText(
        /Diserahkan saat kasus ditutup ke Puskesmas Kaliwates, poli anak; ditindaklanjuti oleh TKSK Kaliwates, Bu Rina/,
      )
      .waitFor();
    await expect.poll(() => people.getByRole('button').count()).toBe(0);
    expect(await fx.page.getByRole('button', { name: /Kirim disposisi/ }).count()).toBe(0);
    expect(await phase().getByRole('button').count()).toBe(0);
    await saveScreenshot(fx.page, 'case-closed-read-only');
    expect(await findSeriousA11yViolations(fx.page)).toEqual([]);
  });

  it('takes the closed case out of the relawan’s "Tugas saya"', async () => {
    await signIn('relawan.sari');
    await fx.page.goto('/tugas');
    await fx.page.getByRole('heading', { level: 1, name: 'Tugas saya' }).waitFor();
    await expect
      .poll(() => fx.page.getByText('Konflik antar perguruan silat di', { exact: false }).count())
      .toBe(0);
  });

  it('lets the coordinator reopen the case with a reason', async () => {
    await signIn('koord.v');
    await openCase();
    await phase().getByRole('button', { name: 'Buka kembali kasus…' }).click();
    await phase()
      .getByLabel('Alasan membuka kembali')
      .fill('Keluarga melapor anak belum diterima Puskesmas.');
    await phase().getByRole('button', { name: 'Buka kembali kasus', exact: true }).click();
    await phase()
      .getByRole('status')
      .filter({ hasText: 'Kasus dibuka kembali ke tahap Pemulihan.' })
      .waitFor();
    await fx.page
      .getByText(/Kasus dibuka kembali: Keluarga melapor anak belum diterima Puskesmas\./)
      .waitFor();
  });
});
