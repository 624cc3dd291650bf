// The export panel in Chromium on the real server: an operator downloads the inbox's reports as CSV at once,
// then as XLSX in the background, with the progress shown and the file downloaded from its link. Then the other
// door: the province imports the sample file of past incidents through the mapping step and the dry run.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations } from './browser-harness.ts';
import { DESKTOP, useBrowserFixture } from './fixture.ts';

const fx = useBrowserFixture({
  users: [
    { username: 'ekspor_jember', role: 'operator', region: '35.09' },
    { username: 'riwayat_prov', role: 'provinsi', region: '35' },
  ],
  pagePerTest: { viewport: DESKTOP, acceptDownloads: true },
});

beforeAll(async () => {
  const sent = await fx.call('ekspor_jember', 'POST', '/api/reports', {
    id: randomUUID(),
    kind: 'kejadian',
    conflictType: 'antar_perguruan_silat',
    regionCode: '35.09.06.2002',
    occurredAt: '2026-08-22T21:30:00+07:00',
    description: 'Bentrok dua kelompok perguruan silat di dekat balai desa; warga "Krajan" mengungsi.',
    injured: 2,
  });
  expect(sent.status).toBe(201);
});

describe('the export panel (operator)', () => {
  it('downloads the reports as CSV at once and as XLSX in the background, without accessibility violations', async () => {
    const page = fx.page;
    await fx.signIn(page, 'ekspor_jember');
    await page.getByRole('link', { name: 'Kotak masuk' }).first().click();
    await page.getByText('Ekspor', { exact: true }).click();
    await page.getByLabel('Pemisah kolom').selectOption(';');

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh sekarang' }).click();
    const csv = readFileSync(await (await downloading).path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header.split(';')).toContain('Waktu kejadian (WIB)');
    expect(row).toContain(
      '"Bentrok dua kelompok perguruan silat di dekat balai desa; warga ""Krajan"" mengungsi."',
    );
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Format').selectOption('xlsx');
    await page.getByRole('button', { name: 'Ekspor di latar belakang' }).click();
    await page.getByRole('status').filter({ hasText: 'Siap: 1 baris.' }).waitFor();
    const fromJob = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh berkas' }).click();
    const file = await fromJob;
    expect(file.suggestedFilename()).toMatch(/^sigap-laporan-\d{4}-\d\d-\d\d\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    expect(workbook.getWorksheet('Laporan')?.rowCount).toBe(2);
    expect(workbook.getWorksheet('Kolom')).toBeDefined();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    expect(fx.problems).toEqual([]);
  });
});

describe('the history import (provinsi)', () => {
  it('uploads the sample file, maps its columns, edits the type table, dry-runs and imports it', async () => {
    const page = fx.page;
    await fx.signIn(page, 'riwayat_prov');
    await page.getByRole('link', { name: 'Impor riwayat' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Impor riwayat' }).waitFor();
    await page
      .getByLabel('Berkas CSV atau XLSX')
      .setInputFiles(path.resolve(import.meta.dirname, '../fixtures/history-sample.csv'));
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.getByText('200 baris, kolom:').waitFor();
    // The mapping step: the suggestion is there to check; the groups column is left out on purpose.
    expect(await page.getByLabel('Tanggal', { exact: true }).inputValue()).toBe('Tanggal');
    expect(await page.getByLabel('Tempat (kolom 1)').inputValue()).toBe('Kecamatan');
    expect(await page.getByLabel('Tempat (kolom 2)').inputValue()).toBe('Kabupaten/Kota');
    await page.getByLabel('Kelompok', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Uji coba' }).click();
    await page.getByText(/^200 siap, 0 tempat ambigu, 0 duplikat, 0 sudah diimpor, 0 galat/).waitFor();
    // The source's "Carok" is not a word the reader knows: the user maps it in the type table.
    const carok = page.getByRole('row').filter({ hasText: 'Carok' }).getByRole('combobox');
    await carok.selectOption('antarwarga');
    await page.getByRole('button', { name: 'Uji coba' }).click();
    await page.getByText(/^200 siap/).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText(/^Selesai: 200 kejadian diimpor, 0 dilewati/).waitFor({ timeout: 60_000 });
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    expect(fx.problems).toEqual([]);
  });
});
