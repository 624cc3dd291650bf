// The text reader on the field report form: a volunteer pastes a WhatsApp message, asks the form to read it,
// sees the deciding words marked, uses the suggestions, and the report is sent with them.
import { describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, saveScreenshot } from './browser-harness.ts';
import { FIELD_PHONE, useBrowserFixture } from './fixture.ts';

const fx = useBrowserFixture({
  users: [
    { username: 'rina.tanggul', role: 'relawan', region: '35.09' },
    { username: 'provinsi.jatim', role: 'provinsi', region: '35' },
  ],
});

describe('the report form reads a pasted message', () => {
  it('fills the fields from the text as suggestions and shows the words that decided', async () => {
    const { context, page, problems } = await fx.openPage({ ...FIELD_PHONE, serviceWorkers: 'block' });
    const message =
      'bentrok 2 perguruan di ds. Tanggulwetan kec. Tanggul, 3 org luka, ada bocah kena lemparan. msh ada lemparan batu';
    try {
      await fx.signIn(page, 'rina.tanggul');
      await page.getByRole('heading', { level: 1, name: 'Lapor' }).waitFor();

      const readButton = page.getByRole('button', { name: 'Isi dari teks pesan' });
      expect(await readButton.isDisabled()).toBe(true); // nothing to read yet
      await page.getByLabel('Apa yang terjadi?').fill(message);
      await readButton.click();

      const panel = page.locator('.reader-panel');
      await panel.getByRole('heading', { name: 'Saran dari teks pesan' }).waitFor();
      const marked = await panel.locator('mark').allTextContents();
      expect(marked.join(' ')).toContain('bentrok');
      expect(marked.join(' ')).toContain('bocah');
      expect(marked.join(' ')).toContain('ds. Tanggulwetan');
      expect(await panel.locator('[data-field="conflictType"]').textContent()).toContain(
        'Antar-perguruan silat',
      );
      expect(await panel.locator('[data-field="place"]').textContent()).toContain('Tanggulwetan');
      expect(await findSeriousA11yViolations(page)).toEqual([]);
      await saveScreenshot(page, 'text-reader-panel');

      // Nothing changes until the person chooses to use the suggestions.
      expect(await page.locator('#report-kind-kejadian').isChecked()).toBe(false);
      await panel.getByRole('button', { name: 'Pakai saran ini' }).click();
      await page.getByText('Saran dipakai.').waitFor();
      expect(await page.locator('#report-kind-kejadian').isChecked()).toBe(true);
      expect(await page.locator('#report-type').inputValue()).toBe('antar_perguruan_silat');
      await page.getByText('Kec. Tanggul, Kabupaten Jember').waitFor();
      expect(await page.locator('#report-count-injured').inputValue()).toBe('3');
      expect(await page.getByLabel('Kekerasan masih berlangsung').isChecked()).toBe(true);

      // The person changes one field, then sends: what the reader said is kept beside what was chosen.
      await page.locator('#report-type').selectOption('perguruan_silat_vs_warga');
      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      await page.getByRole('status').filter({ hasText: 'terkirim' }).first().waitFor();
      let accuracy: { reports: number; fields: { field: string; agreed: number }[] } | undefined;
      for (let i = 0; i < 40 && !accuracy?.reports; i++) {
        accuracy = await fx.api<typeof accuracy>('provinsi.jatim', 'GET', '/api/text/read/accuracy');
        if (!accuracy?.reports) await page.waitForTimeout(250);
      }
      expect(accuracy?.reports).toBe(1);
      const agreed = Object.fromEntries((accuracy?.fields ?? []).map((f) => [f.field, f.agreed]));
      expect(agreed).toMatchObject({ kind: 1, conflictType: 0, kabkotaCode: 1, injured: 1 });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
