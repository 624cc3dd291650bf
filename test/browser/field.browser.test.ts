// The field pillar in a real browser: Lapor, Kotak keluar and Tugas saya on a phone-sized Chromium, against
// the real server — which is stopped and started again to take the network away, service worker included.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findReportsByDescription, openSignalCase, TANGGULWETAN } from './api-helpers.ts';
import {
  callApi,
  createUserByApi,
  findSeriousA11yViolations,
  ROOT,
  saveScreenshot,
  signInByApi,
} from './browser-harness.ts';
import { FIELD_PHONE, type OpenPage, useBrowserFixture } from './fixture.ts';

/** Balai desa Tanggulwetan, roughly. */
const IN_TANGGUL = { latitude: -8.165, longitude: 113.452 };

type Account = { id: string; username: string; password: string };

const fx = useBrowserFixture();
let siti: Account;
let budi: Account;
let operator: { cookie: string; csrfToken: string };

beforeAll(async () => {
  siti = await createUserByApi(fx.server, {
    username: 'siti.tanggulwetan',
    displayName: 'Siti Rahayu',
    role: 'relawan',
    region: '35.09',
  });
  budi = await createUserByApi(fx.server, {
    username: 'budi.tksk.tanggul',
    displayName: 'Budi Santoso',
    role: 'relawan',
    region: '35.09',
  });
  const account = await createUserByApi(fx.server, {
    username: 'operator.jember',
    displayName: 'Operator Jember',
    role: 'operator',
    region: '35.09',
  });
  operator = await signInByApi(fx.server, account.username, account.password);
});

/** A cheap Android phone in Jember: small screen, touch, Indonesian, WIB. */
async function openPhone(
  options: {
    geolocation?: boolean;
    serviceWorkers?: 'allow' | 'block';
    /** The browser's own language and time zone (the phone's settings), Indonesian in WIB unless told. */
    locale?: string;
    timezoneId?: string;
  } = {},
): Promise<OpenPage> {
  return fx.openPage({
    ...FIELD_PHONE,
    locale: options.locale ?? FIELD_PHONE.locale,
    timezoneId: options.timezoneId ?? FIELD_PHONE.timezoneId,
    serviceWorkers: options.serviceWorkers ?? 'allow',
    ...(options.geolocation ? { geolocation: IN_TANGGUL, permissions: ['geolocation'] } : {}),
  });
}

/** Problems other than the refused connections a stopped server causes on purpose. */
function unexpected(problems: string[]): string[] {
  return problems.filter((problem) => !/ERR_CONNECTION_REFUSED|ERR_FAILED|Failed to fetch/.test(problem));
}

async function signIn(page: Page, account: Account): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(account.username);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/** Signs in from the start page and waits for the volunteer's first page, Lapor. */
async function signInAsVolunteer(page: Page, account: Account): Promise<void> {
  await page.goto('/');
  await signIn(page, account);
  await page.getByRole('heading', { level: 1, name: 'Lapor' }).waitFor();
}

/** Waits until the service worker controls the page (so the app opens without the server). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/** Reads a store of the app's IndexedDB (never creates the database). */
async function readStore<T>(page: Page, store: 'outbox' | 'meta' | 'regions'): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve) => {
        const open = indexedDB.open('sigap', 1);
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => {
            db.close();
            resolve([]);
          };
        };
      }),
    store,
  );
}

/** Waits until the names of Kabupaten Jember are kept on the phone (fetched after sign-in). */
async function waitForJemberNames(page: Page): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const meta = await readStore<{ key: string }>(page, 'meta');
    if (meta.some((record) => record.key === 'regions:35.09')) return;
    await page.waitForTimeout(250);
  }
  throw new Error('region names of 35.09 were not kept on the phone');
}

type OutboxRecord = { id: string; status: string; ownerId: string; type: string };

/**
 * Puts a pending sinyal (antarwarga, Desa Tanggulwetan, P4) into the phone's outbox (IndexedDB) as the app keeps
 * it, without the app; `body` is what would be sent.
 */
async function putPendingSinyal(
  page: Page,
  report: { id: string; ownerId: string; ownerName: string; description: string; body?: object },
): Promise<void> {
  const { description, body, ...owner } = report;
  const record = {
    ...owner,
    createdAt: new Date().toISOString(),
    status: 'pending',
    attempts: 0,
    type: 'report',
    summary: {
      kind: 'sinyal',
      conflictType: 'antarwarga',
      regionName: 'Desa Tanggulwetan',
      description,
      priority: 'P4',
    },
    ...(body ? { body } : {}),
  };
  await page.evaluate(
    (item) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sigap', 1);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction('outbox', 'readwrite');
          transaction.objectStore('outbox').put(item);
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    record,
  );
}

/** Fills a sinyal in Desa Tanggulwetan with the given description, as Siti does in scenario 1.2. */
async function fillSinyalInTanggulwetan(
  page: Page,
  description: string,
  options: { isOffline?: boolean } = {},
): Promise<void> {
  await page.getByRole('radio', { name: /^Sinyal/ }).check();
  await page.getByLabel('Jenis konflik').selectOption('antar_perguruan_silat');
  await page.getByLabel('Informasi provokatif atau hoaks').check();
  await page.getByLabel('Cari desa/kelurahan').fill('Tanggulwetan');
  if (options.isOffline) {
    // Found among the names kept on the phone, and the page says so.
    await page
      .getByRole('status')
      .filter({ hasText: 'Tanpa sinyal: 1 tempat ditemukan di ponsel ini.' })
      .waitFor();
  }
  await page.getByRole('button', { name: /Desa Tanggulwetan/ }).click();
  await page.getByText('Kec. Tanggul, Kabupaten Jember').waitFor();
  await page.getByLabel('Apa yang terjadi?').fill(description);
}

const reportsWithDescription = (description: string) =>
  findReportsByDescription(fx.server, operator, description);

describe('a sinyal made without a network', () => {
  it('waits in the outbox, survives a reload while the server is down, and is sent once when it is back', async () => {
    const { context, page, problems } = await openPhone();
    const description = `Broadcast WA mengajak anggota "balas dendam" di balai desa malam ini (${Date.now()})`;
    try {
      await signInAsVolunteer(page, siti);
      await waitForServiceWorker(page);
      await waitForJemberNames(page);

      await fx.server.pause(); // no server, no network: for the page and for its service worker alike
      await fillSinyalInTanggulwetan(page, description, { isOffline: true });
      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      await page.getByRole('status').filter({ hasText: 'menunggu dikirim' }).first().waitFor();

      await page.getByRole('link', { name: 'Lihat Kotak keluar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kotak keluar' }).waitFor();
      const card = page.locator('.card').filter({ hasText: description });
      expect(await card.textContent()).toContain('Menunggu dikirim');
      expect(await card.textContent()).toContain('Desa Tanggulwetan');

      // The app still opens, from the service worker, and still knows who is signed in.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Kotak keluar' }).waitFor();
      await page.locator('.card').filter({ hasText: description }).getByText('Menunggu dikirim').waitFor();
      expect(await page.getByRole('banner').textContent()).toContain('Siti Rahayu');

      await fx.server.resume();
      await page.reload(); // an app start: the outbox is sent
      await page.getByRole('heading', { level: 2, name: /Sudah terkirim/ }).waitFor({ timeout: 30_000 });
      expect(await page.locator('.card').filter({ hasText: description }).textContent()).toContain(
        'Terkirim',
      );

      // Another trigger, another attempt: nothing is sent twice.
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.reload();
      await page.getByRole('heading', { level: 2, name: /Sudah terkirim/ }).waitFor();

      const reports = await reportsWithDescription(description);
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({
        kind: 'sinyal',
        conflictType: 'antar_perguruan_silat',
        triggers: ['informasi_provokatif'],
        regionCode: TANGGULWETAN,
        priority: 'P3',
        priorityReasons: ['provocation'],
      });
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await fx.server.resume();
      await context.close();
    }
  });

  it('keeps a report queued when the session has ended, and sends it after the next sign-in', async () => {
    const { context, page, problems } = await openPhone();
    const description = `Konvoi pengesahan warga lewat Tanggul, warga resah (${Date.now()})`;
    try {
      await signInAsVolunteer(page, budi);
      await waitForServiceWorker(page);
      await waitForJemberNames(page);

      await fx.server.pause();
      await fillSinyalInTanggulwetan(page, description);
      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      await page.getByRole('status').filter({ hasText: 'menunggu dikirim' }).first().waitFor();
      await fx.server.resume();

      // The session is gone by the time the signal returns: the `online` sync must not drop the report.
      await context.clearCookies();
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.getByRole('heading', { level: 1, name: 'Masuk ke Sigap' }).waitFor();
      await page.getByRole('alert').filter({ hasText: 'Sesi Anda telah berakhir' }).waitFor();
      const queued = await readStore<OutboxRecord>(page, 'outbox');
      expect(queued.filter((item) => item.ownerId === budi.id).map((item) => item.status)).toEqual([
        'pending',
      ]);
      expect(await reportsWithDescription(description)).toHaveLength(0);

      await signIn(page, budi); // after sign-in the outbox is sent
      await page.locator('.pending-notice').waitFor({ state: 'detached', timeout: 30_000 });
      await expect.poll(async () => (await reportsWithDescription(description)).length).toBe(1);
      await page.getByRole('link', { name: 'Kotak keluar', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: /Sudah terkirim/ }).waitFor();

      // Signing out wipes what was sent; an unsent report of someone else on this phone stays.
      await putPendingSinyal(page, {
        id: '0b5f5b9e-3a53-4c1c-9d0e-7d0f3c7a1e11',
        ownerId: 'another-volunteer',
        ownerName: 'Relawan lain',
        description: 'Belum terkirim',
      });
      await page.getByRole('button', { name: 'Keluar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Masuk ke Sigap' }).waitFor();
      await expect
        .poll(async () => (await readStore<OutboxRecord>(page, 'outbox')).map((item) => item.status))
        .toEqual(['pending']);
      expect(await page.evaluate(() => localStorage.getItem('sigap.me'))).toBeNull();
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await fx.server.resume();
      await context.close();
    }
  });
});

describe('a clash', () => {
  it('is shown in Kotak keluar as an error the user can see, and is not retried', async () => {
    // The operator already stored a report under this id; the phone holds different content for the same id.
    const id = crypto.randomUUID();
    const stored = await callApi(fx.server, operator, 'POST', '/api/reports', {
      id,
      kind: 'sinyal',
      conflictType: 'antarwarga',
      regionCode: TANGGULWETAN,
      occurredAt: new Date().toISOString(),
      description: 'Laporan operator yang sudah tersimpan',
    });
    expect(stored.status).toBe(201);

    const { context, page, problems } = await openPhone();
    try {
      await signInAsVolunteer(page, siti);
      await putPendingSinyal(page, {
        id,
        ownerId: siti.id,
        ownerName: 'Siti Rahayu',
        description: 'Isi lain dengan kode yang sama',
        body: {
          id,
          kind: 'sinyal',
          conflictType: 'antarwarga',
          triggers: [],
          groupsInvolved: '',
          regionCode: '35.09.06.2002',
          occurredAt: new Date().toISOString(),
          violenceOngoing: false,
          description: 'Isi lain dengan kode yang sama',
          involved: 0,
          injured: 0,
          dead: 0,
          displaced: 0,
          housesDamaged: 0,
          vulnerable: {},
          needs: [],
          channel: 'web',
        },
      });
      await page.getByRole('link', { name: 'Kotak keluar', exact: true }).click();
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.getByRole('heading', { level: 2, name: /Perlu perhatian/ }).waitFor();
      const card = page.locator('.card-failed');
      expect(await card.textContent()).toContain('Bentrok');
      expect(await card.textContent()).toContain('Ditolak');
      expect(await findSeriousA11yViolations(page)).toEqual([]);
      await saveScreenshot(page, 'outbox-clash');

      const report = await callApi<{ description: string }>(fx.server, operator, 'GET', `/api/reports/${id}`);
      expect(report.body.description).toBe('Laporan operator yang sudah tersimpan');
      await card.getByRole('button', { name: 'Hapus dari kotak keluar' }).click();
      await card.waitFor({ state: 'detached' });
      expect(problems.filter((problem) => !problem.includes('409'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the report form', () => {
  it('shows the priority live: P1 with "anak terluka" once children are hurt', async () => {
    const { context, page, problems } = await openPhone();
    try {
      await signInAsVolunteer(page, siti);
      const preview = page.locator('.priority-preview');
      expect(await preview.textContent()).toContain('P4');
      expect(await preview.textContent()).toContain('sinyal kerawanan');

      await page.getByRole('radio', { name: /^Kejadian/ }).check();
      await expect.poll(() => preview.textContent()).toContain('P3');
      await page.getByLabel('Jenis konflik').selectOption('antar_perguruan_silat');
      await page.getByLabel('Cari desa/kelurahan').fill('Tanggulwetan');
      await page.getByRole('button', { name: /Desa Tanggulwetan/ }).click();
      await page
        .getByLabel('Apa yang terjadi?')
        .fill('Perkelahian dekat SD, anak-anak terkena lemparan batu, dua rumah rusak.');
      await page.getByRole('button', { name: 'Tambah Luka' }).click();
      await page.getByRole('button', { name: 'Tambah Luka' }).click();
      await page.getByRole('spinbutton', { name: 'Rumah rusak' }).fill('2');
      await expect.poll(() => preview.textContent()).toContain('P2');

      await page.getByLabel(/^Ada kelompok rentan\?/).check();
      await page.getByLabel('Anak: Terluka').fill('3');
      await expect.poll(() => preview.textContent()).toContain('P1');
      expect(await preview.textContent()).toContain('anak terluka');
      await page.getByLabel('Lansia: Berisiko').fill('1');
      await page.getByLabel('Penyandang disabilitas: Berisiko').fill('1');
      expect(await findSeriousA11yViolations(page)).toEqual([]);

      await page.locator('.vulnerable-grid').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 120));
      const shot = await saveScreenshot(page, 'report-form', { fullPage: false });
      await mkdir(path.join(ROOT, 'docs/screenshots'), { recursive: true });
      await copyFile(shot, path.join(ROOT, 'docs/screenshots/report-form.png'));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows and sends the time of the event as a WIB date and 24-hour time on a browser set to US English', async () => {
    const { context, page, problems } = await openPhone({ locale: 'en-US', timezoneId: 'America/New_York' });
    const description = `Spanduk provokatif dipasang di perempatan, warga resah (${Date.now()})`;
    const wibNow = (offsetMs = 0) => new Date(Date.now() + offsetMs + 7 * 3_600_000).toISOString();
    try {
      const before = wibNow();
      await signInAsVolunteer(page, siti);
      const day = page.getByLabel('Waktu kejadian (WIB)');
      const time = page.getByLabel('Jam (WIB, 24 jam)');
      const after = wibNow();
      // Now in WIB, day first and a 24-hour clock, though the browser would write 12/4/2026, 3:30 PM.
      const shown = (iso: string) => ({
        day: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
        time: `${iso.slice(11, 13)}.${iso.slice(14, 16)}`,
      });
      expect([shown(before), shown(after)]).toContainEqual({
        day: await day.inputValue(),
        time: await time.inputValue(),
      });

      const yesterday = wibNow(-86_400_000).slice(0, 10);
      await fillSinyalInTanggulwetan(page, description);
      await day.fill(shown(yesterday).day);
      await time.fill('21.30');
      const words = page.locator('.when-words');
      await expect.poll(() => words.textContent()).toMatch(/21\.30 WIB$/);
      expect(await page.locator('form').first().textContent()).not.toMatch(/\b(AM|PM)\b/);
      expect(await findSeriousA11yViolations(page)).toEqual([]);

      // A time that is not one is named, and nothing is sent.
      await time.fill('9.30 PM');
      await expect
        .poll(() => day.evaluate((input: HTMLInputElement) => input.validationMessage))
        .toContain('jj.mm');
      await time.fill('21.30');

      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      await expect.poll(async () => (await reportsWithDescription(description)).length).toBe(1);
      const [report] = await reportsWithDescription(description);
      expect(Date.parse(String(report.occurredAt))).toBe(Date.parse(`${yesterday}T21:30:00+07:00`));
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('names what is missing, moves to the first gap, keeps 48 px targets and has no serious accessibility violations', async () => {
    const { context, page, problems } = await openPhone();
    try {
      await signInAsVolunteer(page, siti);
      expect(await findSeriousA11yViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Laporan belum dapat dikirim' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Pilih desa/kelurahan tempat kejadian.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-kind-sinyal');
      expect(await findSeriousA11yViolations(page)).toEqual([]);
      await saveScreenshot(page, 'report-form-missing');

      // Every target is at least 48 px for a thumb, the vulnerable grid included.
      await page.getByLabel(/^Ada kelompok rentan\?/).check();
      const small = await page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            'main button, main select, main textarea, main a.button, main label.button, main .check, main .kind-option, ' +
              'main input:not([type=checkbox]):not([type=radio]):not([type=file])',
          ),
        ]
          .map((element) => ({
            text: element.textContent || element.id,
            box: element.getBoundingClientRect(),
          }))
          .filter(({ box }) => box.height < 47.5 || box.width < 47.5)
          .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
      );
      expect(small).toEqual([]);
      // Nothing wider than the phone: no sideways scrolling, even with the vulnerable grid open.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('loads at most 150 KB of compressed JavaScript, without the schema library', async () => {
    const { context, page, problems } = await openPhone({ serviceWorkers: 'block' });
    const scripts = new Map<string, Buffer>();
    page.on('response', async (response) => {
      if (new URL(response.url()).pathname.endsWith('.js'))
        scripts.set(response.url(), await response.body());
    });
    try {
      await signInAsVolunteer(page, siti);
      await page.getByLabel('Jenis konflik').waitFor();
      await page.waitForLoadState('networkidle');
      const gzipped = [...scripts.values()].reduce(
        (sum, body) => sum + gzipSync(body, { level: 9 }).length,
        0,
      );
      console.log(
        `Lapor: ${scripts.size} JS files, ${(gzipped / 1024).toFixed(1)} KB gzip (${[...scripts.keys()]
          .map((url) => new URL(url).pathname)
          .join(', ')})`,
      );
      expect(gzipped).toBeLessThanOrEqual(150 * 1024);
      for (const body of scripts.values()) expect(body.toString()).not.toMatch(/ZodError|\$ZodType/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('Tugas saya', () => {
  it('lists the cases assigned to the volunteer and records a check-in through the outbox', async () => {
    // The operator's side, through the API: a verified report, a prevention case, Siti assigned to it.
    const caseId = await openSignalCase(
      fx.server,
      operator,
      'Ajakan balas dendam beredar di grup WA perguruan',
      {
        title: 'Ketegangan menjelang pengesahan warga di Tanggulwetan',
      },
    );
    const assigned = await callApi(fx.server, operator, 'POST', `/api/cases/${caseId}/assignments`, {
      userId: siti.id,
      task: 'Temui kepala desa dan pengurus ranting di balai desa',
    });
    expect(assigned.status).toBe(201);

    const { context, page, problems } = await openPhone({ geolocation: true });
    try {
      await signInAsVolunteer(page, siti);
      await page.getByRole('link', { name: 'Tugas saya' }).click();
      const card = page.locator('.card').filter({ hasText: 'Ketegangan menjelang pengesahan warga' });
      await card.waitFor();
      expect(await card.textContent()).toContain('Temui kepala desa');
      expect(await card.textContent()).toContain('Pencegahan');
      expect(await findSeriousA11yViolations(page)).toEqual([]);

      await card.getByRole('button', { name: 'Tiba di lokasi' }).click();
      await card.locator('.task-log').getByText('Terkirim').waitFor({ timeout: 20_000 });
      await card.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
      await card
        .getByLabel('Apa yang sudah dilakukan?')
        .fill('Bertemu kepala desa; pengurus ranting bersedia mediasi.');
      await card.getByRole('button', { name: 'Kirim tindak lanjut' }).click();
      await expect
        .poll(async () => card.locator('.task-log li').filter({ hasText: 'Terkirim' }).count())
        .toBe(2);
      expect(await findSeriousA11yViolations(page)).toEqual([]);
      await saveScreenshot(page, 'tasks-relawan');

      const followUps = await callApi<{ items: Array<{ kind: string; authorName: string }> }>(
        fx.server,
        operator,
        'GET',
        `/api/cases/${caseId}/follow-ups`,
      );
      expect(followUps.body.items.map((item) => item.kind)).toEqual(['check_in', 'tindak_lanjut']);
      expect(followUps.body.items.every((item) => item.authorName === 'Siti Rahayu')).toBe(true);

      await page.getByRole('link', { name: 'Kotak keluar', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: /Sudah terkirim/ }).waitFor();
      expect(await findSeriousA11yViolations(page)).toEqual([]);
      await saveScreenshot(page, 'outbox-relawan');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
