import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { DESKTOP, useBrowserFixture } from './fixture.ts';

const fx = useBrowserFixture();
let context: BrowserContext;
let page: Page;
let problems: string[];
const folder = mkdtempSync(path.join(os.tmpdir(), 'sigap-cadangan-browser-'));

beforeAll(async () => {
  ({ context, page, problems } = await fx.openPage({ viewport: DESKTOP, acceptDownloads: true }));
});

afterAll(async () => {
  await context?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the Cadangan data page (admin)', () => {
  it('sets the daily backup and downloads an encrypted backup, without accessibility violations', async () => {
    await fx.signIn(page, 'admin');
    await page.getByRole('link', { name: 'Cadangan data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cadangan data' }).waitFor();
    await page.getByText('Belum pernah ada cadangan terjadwal yang berhasil.').waitFor();

    await page.getByLabel('Cadangkan otomatis setiap hari').check();
    await page.getByLabel('Jam (WIB)').fill('02:30');
    await page.getByLabel('Folder di server (path lengkap)').fill(folder);
    await page.getByLabel('Jumlah berkas yang disimpan').fill('3');
    await page.getByRole('button', { name: 'Simpan jadwal' }).click();
    await page.getByRole('status').filter({ hasText: 'Jadwal cadangan disimpan.' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Buat dan unduh cadangan' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^sigap-cadangan-\d{4}-\d{2}-\d{2}-\d{4}\.sigapbak$/);
    const saved = await download.path();
    expect(readFileSync(saved).subarray(0, 8).toString()).toBe('SIGAPBK1');
    await page.getByRole('status').filter({ hasText: 'sudah diunduh' }).waitFor();
    await saveScreenshot(page, 'backups-admin-id');
    expect(problems).toEqual([]);
  });

  it('shows the signed audit head and saves it as a file with the command that checks it', async () => {
    const section = page.getByRole('region', { name: 'Kepala jejak audit' });
    await section.getByText(/^Entri ke-\d+, ditandatangani /).waitFor();
    const line = (await section.locator('pre').textContent()) ?? '';
    expect(line).toMatch(/^sigap-audit-head:\d+:[0-9a-f]{64}:\S+Z:[0-9a-f]{64}$/);
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    const downloading = page.waitForEvent('download');
    await section.getByRole('button', { name: 'Simpan kepala jejak audit' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^sigap-kepala-audit-\d+\.txt$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.split('\n')).toContain(line);
    expect(text).toContain(`npm run sigap -- audit verify --head ${line}`);
    await section.getByRole('status').filter({ hasText: 'sudah diunduh' }).waitFor();
    expect(problems).toEqual([]);
  });
});
