import { describe, expect, it } from 'vitest';
import { findSeriousA11yViolations } from './browser-harness.ts';
import { DESKTOP, useBrowserFixture } from './fixture.ts';

const fx = useBrowserFixture({ pagePerTest: { viewport: DESKTOP, acceptDownloads: true } });

describe('the Pelindungan data page', () => {
  it('shows the record of processing in Indonesian and downloads its PDF, without accessibility violations', async () => {
    const page = fx.page;
    await fx.signIn(page, 'admin');
    await page.getByRole('link', { name: 'Pelindungan data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pelindungan data' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kegiatan pemrosesan (6)' }).waitFor();
    await fx.page
      .getByRole('rowheader', { name: /Penanganan kelompok rentan dalam kasus konflik sosial/ })
      .getByText('Data spesifik')
      .waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh catatan pemrosesan (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^catatan-pemrosesan-data-pribadi-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(fx.problems).toEqual([]);
  });
});
