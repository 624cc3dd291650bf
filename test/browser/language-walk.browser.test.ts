// The language walk: every page of every role, on the demo data, in Indonesian and in English. A page fails
// when it shows a vocabulary code (a snake_case code such as `sahabat_tagana`) or a label of the other language.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { MENUS, ROUTES } from '../../src/web/nav.ts';
import { openSignalCase } from './api-helpers.ts';
import { ARTIFACTS_DIR, callApi, signInByApi } from './browser-harness.ts';
import { useBrowserFixture } from './fixture.ts';

const PASSWORD = 'sigap-demo-2026';

const fx = useBrowserFixture();
let caseId: string;
let lessonId: string;
let workshopId: string;
let relawan: string;

beforeAll(async () => {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await fx.server.cli(['demo', '--scale', '0.1', '--seed', 'jalan-bahasa', '--password', PASSWORD]);
  const admin = await signInByApi(fx.server, 'admin', fx.server.adminPassword);
  const users = await callApi<{ items: { username: string; role: string }[] }>(
    fx.server,
    admin,
    'GET',
    '/api/users',
  );
  relawan = users.body.items.find((u) => u.role === 'relawan')!.username;
  const op = await signInByApi(fx.server, 'op.jember', PASSWORD);
  const cases = await callApi<{ items: { id: string; phase: string }[] }>(
    fx.server,
    op,
    'GET',
    '/api/cases?limit=50',
  );
  caseId = (cases.body.items.find((c) => c.phase !== 'selesai') ?? cases.body.items[0]).id;
  const lessons = await callApi<{ items: { id: string }[] }>(fx.server, op, 'GET', '/api/lessons');
  lessonId = lessons.body.items[0].id;
  const workshops = await callApi<{ items: { id: string; status: string }[] }>(
    fx.server,
    op,
    'GET',
    '/api/workshops',
  );
  workshopId = (workshops.body.items.find((w) => w.status === 'terlaksana') ?? workshops.body.items[0]).id;
}, 600_000);

/** Names and proper nouns that are the same in both languages. */
const PROPER_NAMES = [
  'Sigap',
  'Bakorwil',
  'Tagana',
  'Sahabat Tagana',
  'TKSK',
  'Pordam',
  'Karang Taruna',
  'Puskesmas',
  'Polres',
  'Kesbangpol',
  'BPBD',
  'FKUB',
  'Dinsos',
  'Suro',
  'WIB',
  'wilayah_boundaries',
];

/** Indonesian words of the interface that must not show on an English page (outside what people wrote). */
const INDONESIAN_WORDS = [
  'semua',
  'lainnya',
  'triwulan',
  'laporan',
  'kasus',
  'belum',
  'sudah',
  'simpan',
  'batal',
  'kirim',
  'tambah',
  'ubah',
  'hapus',
  'cari',
  'tanggal',
  'jumlah',
  'wilayah',
  'pilih',
  'tutup',
  'buka',
  'dan',
  'yang',
  'dengan',
  'untuk',
  'tidak',
  'hari',
  'jam',
  'menit',
  'terlambat',
  'selesai',
  'terbuka',
  'keterampilan',
  'pertolongan',
  'kelompok',
  'rentan',
  'peringatan',
  'tingkat',
  'rujukan',
  'penugasan',
  'tindak',
  'lanjut',
  'baru',
  'lama',
];

/** English words of the interface that must not show on an Indonesian page. */
const ENGLISH_WORDS = [
  'check in',
  'check out',
  'check-in',
  'check-out',
  'latest',
  'lessons',
  'loading',
  'save',
  'cancel',
  'submit',
  'open',
  'close',
  'all',
  'other',
  'quarter',
  'report',
  'reports',
  'case',
  'cases',
  'none',
  'skills',
  'first aid',
  'days',
  'hours',
  'overdue',
  'late',
];

const SNAKE_CODE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;

/** The text with the allowed proper names taken out. */
function withoutNames(text: string): string {
  let cleaned = text;
  for (const name of PROPER_NAMES) cleaned = cleaned.split(name).join(' ');
  return cleaned;
}

/**
 * The interface's own text on the page: buttons, labels, headings of tables and sections, tabs, options,
 * badges. What people wrote (report texts, case titles, names) is marked `data-user-text` or sits in
 * elements that hold it, and is left out of the English check.
 */
async function pageTexts(page: Page, isDetail: boolean): Promise<{ all: string; chrome: string[] }> {
  return page.evaluate((detail) => {
    const visible = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
    };
    const chrome: string[] = [];
    // A detail page's h1 is the record's own title.
    const selector = `button, label, legend, th, caption, [role=tab], summary, dt, nav a, h2, h3, .lead${detail ? '' : ', h1'}`;
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (!visible(el) || el.closest('[data-user-text]')) continue;
      // What people wrote (titles, topics, tags) is theirs, in whatever language they wrote it.
      const copy = el.cloneNode(true) as Element;
      for (const own of Array.from(copy.querySelectorAll('[data-user-text]'))) own.remove();
      const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) chrome.push(text);
    }
    // biome-ignore lint/performance/useDomNodeTextContent: only what is shown counts, hidden text does not
    return { all: document.body.innerText, chrome };
  }, isDetail);
}

function wordsFound(text: string, words: readonly string[]): string[] {
  const lower = withoutNames(text).toLowerCase();
  return words.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'u').test(lower));
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.locator('h1').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(300);
}

type Finding = { page: string; problem: string };

async function walk(
  username: string,
  password: string,
  role: keyof typeof MENUS,
  lang: 'id' | 'en',
): Promise<Finding[]> {
  const context = await fx.browser.newContext({
    viewport: { width: 1366, height: 900 },
    baseURL: fx.server.baseUrl,
    locale: lang === 'en' ? 'en-US' : 'id-ID',
  });
  await context.addInitScript((l) => localStorage.setItem('sigap.lang', l), lang);
  const page = await context.newPage();
  const findings: Finding[] = [];
  try {
    await page.goto('/');
    await page.getByLabel(lang === 'en' ? 'Username' : 'Nama pengguna').fill(username);
    await page.getByLabel(lang === 'en' ? 'Password' : 'Kata sandi').fill(password);
    await page.getByRole('button', { name: lang === 'en' ? 'Sign in' : 'Masuk', exact: true }).click();
    await page.getByRole('button', { name: lang === 'en' ? 'Sign out' : 'Keluar' }).waitFor();
    const paths: string[] = MENUS[role].map((item) => ROUTES[item.route].path);
    if (paths.includes('/peringatan-dini'))
      paths.push('/peringatan-dini#peringatan', '/peringatan-dini#kelompok', '/peringatan-dini#kalender');
    if (role === 'operator')
      paths.push(`/kasus/${caseId}`, `/praktik-baik/${lessonId}`, `/lokakarya/${workshopId}`);
    for (const path of paths) {
      await page.goto(path);
      await settle(page);
      const { all, chrome } = await pageTexts(page, /\/[0-9a-f-]{36}$/.test(path));
      for (const code of new Set(withoutNames(all).match(SNAKE_CODE) ?? []))
        findings.push({ page: path, problem: `kode ${code}` });
      if (lang === 'id') {
        for (const word of wordsFound(all, ENGLISH_WORDS))
          findings.push({ page: path, problem: `English "${word}"` });
      } else {
        for (const text of chrome) {
          for (const word of wordsFound(text, INDONESIAN_WORDS))
            findings.push({ page: path, problem: `Indonesia "${word}" in "${text.slice(0, 60)}"` });
        }
      }
    }
  } finally {
    await context.close();
  }
  return findings;
}

const ROLES: { role: keyof typeof MENUS; username: () => string }[] = [
  { role: 'operator', username: () => 'op.jember' },
  { role: 'koordinator', username: () => 'koord.v' },
  { role: 'provinsi', username: () => 'prov.jatim' },
  { role: 'relawan', username: () => relawan },
  { role: 'mitra', username: () => 'polres-jember' },
  { role: 'admin', username: () => 'admin' },
  { role: 'ppdp', username: () => 'ppdp.jatim' },
];

// The walks run side by side (each in its own browser context): most of a walk is waiting for pages to settle.
describe.concurrent('every page in the person’s language', () => {
  for (const lang of ['id', 'en'] as const) {
    for (const { role, username } of ROLES) {
      it(`${role} in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}: no codes, no words of the other language`, async ({
        expect,
      }) => {
        const password = role === 'admin' ? fx.server.adminPassword : PASSWORD;
        const findings = await walk(username(), password, role, lang);
        await appendFile(
          path.join(ARTIFACTS_DIR, 'language-walk.jsonl'),
          `${findings.map((f) => JSON.stringify({ role, lang, ...f })).join('\n')}\n`,
        ).catch(() => undefined);
        expect(findings).toEqual([]);
      }, 300_000);
    }
  }
});

describe('the partner agency’s disposition list', () => {
  it('puts open work first, a new disposition before every answered one, and never marks answered ones late', async () => {
    const op = await signInByApi(fx.server, 'op.jember', PASSWORD);
    // A disposition goes only to a case still open (a closed case takes no more work, decision 0011): a new one.
    const openCaseId = await openSignalCase(
      fx.server,
      op,
      'Ajakan berkumpul di balai desa beredar di grup WA perguruan',
    );
    const sent = await callApi(fx.server, op, 'POST', `/api/cases/${openCaseId}/dispositions`, {
      agencyId: 'polres-jember',
      instruction: 'Mohon pengamanan pertemuan mediasi Kamis malam di balai desa.',
      dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    expect(sent.status).toBe(201);
    const context = await fx.browser.newContext({
      viewport: { width: 1366, height: 900 },
      baseURL: fx.server.baseUrl,
    });
    const page = await context.newPage();
    try {
      await page.goto('/');
      await page.getByLabel('Nama pengguna').fill('polres-jember');
      await page.getByLabel('Kata sandi').fill(PASSWORD);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.locator('.op-card').first().waitFor();
      const cards = await page.locator('.op-card').evaluateAll((els) =>
        els.map((el) => ({
          status: (el.querySelector('.op-tags')?.textContent ?? '').trim().toLowerCase(),
          text: el.textContent ?? '',
          late: el.querySelector('.op-due-late') !== null,
        })),
      );
      const newIndex = cards.findIndex((c) => c.text.includes('Mohon pengamanan pertemuan mediasi'));
      const firstAnswered = cards.findIndex((c) => c.status !== 'terkirim');
      expect(newIndex).toBeGreaterThanOrEqual(0);
      expect(cards.length).toBeGreaterThan(newIndex + 1); // the demo gave the agency older ones too
      expect(firstAnswered === -1 || newIndex < firstAnswered).toBe(true);
      // Every card before the new one waits for an answer too; nothing answered is marked late.
      for (const card of cards.slice(0, newIndex)) expect(card.status).toBe('terkirim');
      expect(cards.filter((c) => c.status !== 'terkirim' && c.late)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
