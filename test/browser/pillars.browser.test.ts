// The Pilar page in Chromium on the real server: an operator of Banyuwangi checks a roster with a dry run,
// sees the refused rows with their reasons, imports it and finds the registry grown.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, ROOT } from './browser-harness.ts';
import { useBrowserFixture } from './fixture.ts';
import { OFFICE, signInAndWait } from './office.ts';

const SAMPLE = path.join(ROOT, 'test/fixtures/pillars-sample.xlsx');

const fx = useBrowserFixture({
  users: [OFFICE.banyuwangiOperator],
  pagePerTest: { viewport: { width: 1280, height: 800 } },
});

describe('the Pilar page', () => {
  it('dry-runs a roster with refused rows and reasons, then imports it and the registry grows', async () => {
    const page = fx.page;
    await signInAndWait(fx, OFFICE.banyuwangiOperator.username);
    await page.getByRole('link', { name: 'Pilar', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Pilar' }).waitFor();
    await page.getByText('Tidak ada pilar yang cocok.').waitFor();

    // The kab/kota code defaults to the operator's scope.
    expect(await page.getByLabel('Kode kab/kota').inputValue()).toBe('35.10');
    await page.getByLabel('Berkas daftar pilar (.xlsx, .csv)').setInputFiles(SAMPLE);
    await page.getByLabel('Jenis untuk baris tanpa kolom jenis').selectOption('tagana');
    await page.getByRole('button', { name: 'Uji dulu (dry run)' }).click();

    const report = page.getByRole('table', { name: 'Laporan uji per baris' });
    await report.waitFor();
    await page.getByText(/Uji selesai: 40 baris — 32 baru, .* 8 ditolak/).waitFor();
    const refused = report.getByRole('row').filter({ hasText: 'Ditolak' });
    expect(await refused.count()).toBeGreaterThan(0);
    const reason = (await refused.first().getByRole('cell').last().textContent())?.trim() ?? '';
    expect(reason.length).toBeGreaterThan(5);
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText(/Impor selesai: 40 baris — 32 baru/).waitFor({ timeout: 30_000 });
    await page.getByText('Menampilkan 1–20 dari 32 pilar').waitFor();
    const registry = page.getByRole('table', { name: 'Daftar pilar sosial' });
    expect(await registry.getByRole('row').count()).toBe(21);

    // A person's page from the list, with the trainings section.
    const first = registry.getByRole('row').nth(1).getByRole('link');
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Pelatihan' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    expect(fx.problems).toEqual([]);
  });
});
