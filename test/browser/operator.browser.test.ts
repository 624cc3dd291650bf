// The office pages in Chromium on the real server: inbox → case → assignment → phases, the dashboard map,
// the partner agency's dispositions, administration, language, and who may not see a case.
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  buildWeb,
  findSeriousA11yViolations,
  launchChromium,
  ROOT,
  type RunningServer,
  signInByApi,
  startServer,
  watchPageProblems,
} from './browser-harness.ts';

const PASSWORD = 'kata-sandi-uji-1';
const DESKTOP = { width: 1280, height: 800 };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let adminToken: string;
const tokens = new Map<string, string>();
const ids = new Map<string, string>();

/** One JSON request with a bearer token; throws on anything but 2xx. */
async function api<T>(token: string, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Creates a user through the admin's token and gives them a token of their own. */
async function createUser(input: {
  username: string;
  displayName: string;
  role: string;
  region: string;
  agencyId?: string;
}): Promise<void> {
  const { user } = await api<{ user: { id: string } }>(adminToken, 'POST', '/api/users', {
    ...input,
    password: PASSWORD,
  });
  ids.set(input.username, user.id);
  const session = await signInByApi(server, input.username, PASSWORD);
  const response = await fetch(`${server.baseUrl}/api/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({ label: 'uji browser' }),
  });
  tokens.set(input.username, ((await response.json()) as { token: string }).token);
}

function report(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    kind: 'kejadian',
    conflictType: 'antar_perguruan_silat',
    triggers: ['informasi_provokatif'],
    regionCode: '35.09.06.2002',
    occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    description: 'Bentrok dua kelompok perguruan silat di dekat sekolah dasar setelah konvoi pengesahan.',
    injured: 2,
    housesDamaged: 2,
    vulnerable: {
      anak: { harmed: 3, displaced: 0, atRisk: 0 },
      disabilitas: { harmed: 0, displaced: 0, atRisk: 1 },
    },
    needs: ['kesehatan', 'psikososial'],
    ...overrides,
  };
}

beforeAll(async () => {
  buildWeb();
  server = await startServer();
  browser = await launchChromium();
  const admin = await signInByApi(server, 'admin', server.adminPassword);
  const created = await fetch(`${server.baseUrl}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    body: JSON.stringify({ label: 'uji browser' }),
  });
  adminToken = ((await created.json()) as { token: string }).token;
  await api(adminToken, 'PUT', '/api/agencies/polres-jember', {
    name: 'Polres Jember',
    kabkotaCode: '35.09',
  });
  await createUser({
    username: 'op.jember',
    displayName: 'Dewi Operator',
    role: 'operator',
    region: '35.09',
  });
  await createUser({
    username: 'op.banyuwangi',
    displayName: 'Agus Operator',
    role: 'operator',
    region: '35.10',
  });
  await createUser({ username: 'siti', displayName: 'Siti Aminah', role: 'relawan', region: '35.09' });
  await createUser({ username: 'dinsos.prov', displayName: 'Rina Provinsi', role: 'provinsi', region: '35' });
  await createUser({
    username: 'polres.jember',
    displayName: 'Bripka Hadi',
    role: 'mitra',
    region: '35.09',
    agencyId: 'polres-jember',
  });
  // Siti is a Sahabat Tagana with an account: the operator can assign her.
  await api(tokens.get('op.jember') as string, 'POST', '/api/pillars', {
    pillarType: 'tagana',
    name: 'Siti Aminah',
    homeRegionCode: '35.09.06.2002',
    userId: ids.get('siti'),
  });
  await api(tokens.get('siti') as string, 'POST', '/api/reports', report());
  await api(
    tokens.get('siti') as string,
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

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: DESKTOP, baseURL: server.baseUrl });
  page = await context.newPage();
  problems = watchPageProblems(page);
});

afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});

async function signIn(username: string, password = PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

/** A desktop-sized screenshot in test-artifacts/, copied to docs/screenshots/ for the README when named. */
async function screenshot(name: string, docsName?: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (docsName) {
    const docs = path.join(ROOT, 'docs/screenshots');
    await mkdir(docs, { recursive: true });
    await copyFile(file, path.join(docs, `${docsName}.png`));
  }
}

const mapPaths = () => page.locator('.leaflet-overlay-pane svg path');

let caseUrl = '';

describe('an operator at work', () => {
  it('verifies a report from the inbox, opens a case, assigns a pillar and moves the phase', async () => {
    await signIn('op.jember');
    await page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
    const newList = page.getByRole('region', { name: /Laporan baru/ });
    const incident = newList.getByRole('button', { name: /Kejadian · Antar-perguruan silat/ });
    await incident.waitFor();
    // The P1 incident tops the inbox, ahead of the signal, with its reasons in words.
    expect(await newList.getByRole('button').first().textContent()).toContain('P1');
    expect(await incident.textContent()).toContain('anak terluka');
    await incident.click();

    const detail = page.getByRole('region', { name: /Kejadian: Antar-perguruan silat/ });
    await detail.getByRole('heading', { name: 'Alasan prioritas' }).waitFor();
    expect(await detail.getByRole('list').first().textContent()).toContain('anak terluka');
    await detail.getByRole('heading', { name: 'Kemungkinan duplikat' }).waitFor();
    await screenshot('operator-inbox', 'inbox');
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await detail.getByRole('button', { name: 'Terima laporan' }).click();
    await detail.getByRole('status').filter({ hasText: 'Laporan diterima' }).waitFor();
    await detail.getByRole('button', { name: 'Verifikasi' }).click();
    await detail.getByRole('status').filter({ hasText: 'Laporan terverifikasi' }).waitFor();
    await detail.getByRole('button', { name: 'Buka kasus baru' }).click();

    await page.waitForURL(/\/kasus\/[0-9a-f-]{36}$/);
    caseUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: /Konflik antar perguruan silat di/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Kasus', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );

    await page.getByLabel('Pilar yang ditugaskan').selectOption(ids.get('siti') as string);
    await page.getByLabel('Tugas', { exact: true }).fill('Cek lokasi di balai desa dan dampingi anak-anak.');
    await page.getByRole('button', { name: 'Tugaskan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Siti Aminah ditugaskan' }).waitFor();
    // The suggestions below the list reload on their own; wait for her card in the list of assignments.
    await page
      .getByRole('region', { name: 'Penugasan' })
      .getByRole('listitem')
      .filter({ hasText: /^Siti Aminah · ditugaskan/ })
      .waitFor();

    await page.getByLabel('Lembaga mitra').selectOption('polres-jember');
    await page
      .getByLabel('Permintaan kepada mitra')
      .fill('Mohon pengamanan balai desa Tanggulwetan malam ini.');
    await page.getByRole('button', { name: 'Kirim disposisi' }).click();
    await page.getByRole('status').filter({ hasText: 'Disposisi terkirim ke Polres Jember' }).waitFor();

    // From pencegahan the shared rule allows penghentian, pemulihan and closing.
    const moves = page.getByRole('group', { name: 'Pindah tahap' });
    expect(await moves.getByRole('button').allTextContents()).toEqual([
      'Pindah ke Penghentian',
      'Pindah ke Pemulihan',
      'Tutup kasus…',
    ]);
    await moves.getByRole('button', { name: 'Pindah ke Pemulihan' }).click();
    await page.getByRole('status').filter({ hasText: 'Kasus pindah ke tahap Pemulihan.' }).waitFor();
    // Going back is refused by the rule, so there is no button for it.
    expect(await page.getByRole('button', { name: /Pencegahan|Penghentian/ }).count()).toBe(0);
    expect(await moves.getByRole('button').allTextContents()).toEqual(['Tutup kasus…']);
    await page.getByRole('list').filter({ hasText: 'Tahap berubah: Pencegahan → Pemulihan' }).waitFor();
    await page.getByRole('button', { name: 'Tandai Rekonsiliasi selesai' }).waitFor();
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await screenshot('operator-case', 'case');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('sees a new report appear in the inbox without reloading', async () => {
    await signIn('op.jember');
    await page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
    await page.getByText('Pembaruan langsung aktif').waitFor();
    await api(
      tokens.get('siti') as string,
      'POST',
      '/api/reports',
      report({
        regionCode: '35.09.05.2001',
        conflictType: 'antarwarga',
        description: 'Warga dua dusun saling lempar batu setelah sengketa saluran irigasi sawah.',
      }),
    );
    await page
      .getByRole('region', { name: /Laporan baru/ })
      .getByRole('button', { name: /Kejadian · Antarwarga/ })
      .waitFor({ timeout: 15_000 });
  });

  it('switches the inbox to English', async () => {
    await signIn('op.jember');
    await page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByRole('heading', { name: /New reports/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await page
      .getByRole('heading', { name: /Prevention|Pencegahan/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kasus' }).waitFor();
  });
});

describe('who may see a case', () => {
  it("reads as not found for another kab/kota's operator, even at its direct address", async () => {
    await signIn('op.banyuwangi');
    await page.goto(caseUrl);
    await page.getByRole('heading', { level: 1, name: 'Kasus tidak ditemukan' }).waitFor();
    await page.getByRole('link', { name: 'Kasus', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kasus' }).waitFor();
    await page.getByText('Tidak ada kasus.').first().waitFor();
    expect(await page.getByText('Konflik antar perguruan silat di').count()).toBe(0);
  });
});

describe('the partner agency', () => {
  it('answers the disposition addressed to it', async () => {
    await signIn('polres.jember');
    await page.getByRole('heading', { level: 1, name: 'Disposisi' }).waitFor();
    await page.getByText('Mohon pengamanan balai desa Tanggulwetan malam ini.').waitFor();
    await page.getByLabel('Selesai').check();
    await page
      .getByLabel('Jawaban atau tindakan yang sudah dilakukan')
      .fill('Dua personel berjaga sampai pagi.');
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByRole('status').filter({ hasText: 'Jawaban terkirim' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });
});

// Closed after the partner agency has answered: a closed case takes no more answers (decision 0011).
describe('closing the case', () => {
  it('closes a case only with an outcome summary, after which no phase button is left', async () => {
    await signIn('op.jember');
    await page.goto(caseUrl);
    await page.getByRole('button', { name: 'Tutup kasus…' }).click();
    const confirm = page.getByRole('button', { name: 'Tutup kasus dengan ringkasan ini' });
    expect(await confirm.isDisabled()).toBe(true);
    await page
      .getByLabel('Ringkasan hasil penanganan')
      .fill('Mediasi berhasil; kedua ranting sepakat damai.');
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Kasus pindah ke tahap Selesai.' }).waitFor();
    await page.getByText('Mediasi berhasil; kedua ranting sepakat damai.').waitFor();
    expect(await page.getByRole('group', { name: 'Pindah tahap' }).count()).toBe(0);
  });
});

describe('the dashboard', () => {
  it('draws the 38 kab/kota of East Java and drills down to the kecamatan of one', async () => {
    await signIn('dinsos.prov');
    await page.getByRole('heading', { level: 1, name: 'Dasbor' }).waitFor();
    await expect.poll(() => mapPaths().count(), { timeout: 20_000 }).toBe(38);
    await page.getByRole('rowheader', { name: 'Kabupaten Jember' }).waitFor();
    const jember = page.getByRole('row', { name: /Kabupaten Jember/ });
    expect(Number(await jember.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(3);
    await page.getByRole('heading', { name: 'Laporan per minggu' }).waitFor();
    await page.evaluate(() => document.getElementById('dash-area')?.scrollIntoView({ behavior: 'instant' }));
    await screenshot('operator-dashboard', 'dashboard');
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await jember.getByRole('button', { name: 'Kecamatan di Kabupaten Jember' }).click();
    await expect.poll(() => mapPaths().count(), { timeout: 20_000 }).toBe(31);
    await page.getByRole('heading', { name: 'Ringkasan Kabupaten Jember' }).waitFor();
    await page
      .getByRole('row', { name: /Tanggul/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Kembali ke seluruh Jawa Timur' }).click();
    await expect.poll(() => mapPaths().count(), { timeout: 20_000 }).toBe(38);

    await page.getByLabel('Tingkat peringatan dini').check();
    await page.getByText('Keterangan warna: Tingkat peringatan dini').waitFor();
  });
});

describe('administration', () => {
  it('lists users, sets deadlines and Bakorwil without accessibility violations', async () => {
    await signIn('admin', server.adminPassword);
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await page.getByRole('rowheader', { name: 'Siti Aminah' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Atur ulang kata sandi siti' }).click();
    await page.getByRole('status').filter({ hasText: 'Kata sandi untuk siti:' }).waitFor();

    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByRole('heading', { name: 'Tenggat per prioritas' }).waitFor();
    // Deadlines are entered in minutes, hours or days; 30 minutes show as minutes.
    await page.getByLabel('P1: Menerima laporan', { exact: true }).fill('20');
    expect(await page.getByLabel('P4: Penyelesaian: Satuan').inputValue()).toBe('days');
    await page.getByRole('button', { name: 'Simpan tenggat' }).click();
    await page.getByRole('status').filter({ hasText: 'Pengaturan disimpan.' }).first().waitFor();
    await page.getByRole('row', { name: /Polres Jember/ }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Wilayah & Bakorwil' }).click();
    await page.getByLabel('Bakorwil untuk Kabupaten Jember').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot('operator-admin-settings');
  });
});
