// Sigap on the office network over its own HTTPS: the certificate made by `sigap tls create`, the page opened by
// a name (not localhost), the field app's service worker installed, a report made offline and sent on reconnect.
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTlsFiles } from '../../src/cli/local-ca.ts';
import { parseTlsHost, type TlsHost } from '../../src/cli/tls-hosts.ts';
import { findReportsByDescription } from './api-helpers.ts';
import { FIELD_PHONE, useBrowserFixture } from './fixture.ts';

const OFFICE_NAME = 'sigap.test';

let dir: string;
let origin: string;
let volunteer: { id: string; username: string; password: string };
let operator: { cookie: string; csrfToken: string };

/** The SHA-256 of a certificate's public key (SubjectPublicKeyInfo), base64: what Chromium's SPKI list names. */
function spkiPin(certPem: string): string {
  const spki = createPublicKey(certPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

const fx = useBrowserFixture(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-https-browser-'));
  const hosts = [OFFICE_NAME, '127.0.0.1'].map((text) => parseTlsHost(text) as TlsHost);
  const made = await createTlsFiles(path.join(dir, 'tls'), hosts);
  return {
    env: { TLS_CERT_FILE: made.certFile, TLS_KEY_FILE: made.keyFile },
    trustedCa: readFileSync(made.caCertFile, 'utf8'),
    // The browser reaches the office name at this machine, and trusts exactly the server key `tls create` made —
    // the stand-in for an authority installed on a phone. Every other certificate error still stops the page.
    chromiumArgs: [
      `--host-resolver-rules=MAP ${OFFICE_NAME} 127.0.0.1`,
      `--ignore-certificate-errors-spki-list=${spkiPin(readFileSync(made.certFile, 'utf8'))}`,
    ],
    users: [
      { username: 'siti.https', displayName: 'Siti Rahayu', role: 'relawan', region: '35.09' },
      { username: 'operator.https', role: 'operator', region: '35.09' },
    ],
  };
});

beforeAll(async () => {
  origin = `https://${OFFICE_NAME}:${new URL(fx.baseUrl).port}`;
  volunteer = fx.user('siti.https');
  operator = await fx.session('operator.https');
});

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Whether the app's IndexedDB already keeps the names of Kabupaten Jember (fetched after sign-in). */
async function hasJemberNames(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('sigap', 1);
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('meta').objectStore('meta').getAll();
          request.onsuccess = () => {
            db.close();
            resolve((request.result as Array<{ key: string }>).some((row) => row.key === 'regions:35.09'));
          };
          request.onerror = () => {
            db.close();
            resolve(false);
          };
        };
      }),
  );
}

const reportsWithDescription = (description: string) =>
  findReportsByDescription(fx.server, operator, description);

describe('HTTPS on the office network', () => {
  it('installs the field app by name over HTTPS, keeps a report made offline, and sends it on reconnect', async () => {
    const { context, page, problems } = await fx.openPage({
      ...FIELD_PHONE,
      baseURL: origin,
      serviceWorkers: 'allow',
    });
    const description = `Spanduk tantangan antarperguruan dipasang di perempatan (${Date.now()})`;
    try {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      // A secure context on a name other than localhost: the condition for service workers and the outbox.
      expect(await page.evaluate(() => [location.origin, window.isSecureContext])).toEqual([origin, true]);

      await page.getByLabel('Nama pengguna').fill(volunteer.username);
      await page.getByLabel('Kata sandi').fill(volunteer.password);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Lapor' }).waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 30_000,
      });
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(
        new RegExp(`^${origin.replace(/\./g, '\\.')}/`),
      );
      await expect.poll(() => hasJemberNames(page), { timeout: 60_000 }).toBe(true);

      await context.setOffline(true);
      await page.getByRole('radio', { name: /^Sinyal/ }).check();
      await page.getByLabel('Jenis konflik').selectOption('antar_perguruan_silat');
      await page.getByLabel('Cari desa/kelurahan').fill('Tanggulwetan');
      await page.getByRole('button', { name: /Desa Tanggulwetan/ }).click();
      await page.getByLabel('Apa yang terjadi?').fill(description);
      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      await page.getByRole('status').filter({ hasText: 'menunggu dikirim' }).first().waitFor();
      await page.getByRole('link', { name: 'Lihat Kotak keluar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kotak keluar' }).waitFor();
      await page.locator('.card').filter({ hasText: description }).getByText('Menunggu dikirim').waitFor();
      expect(await reportsWithDescription(description)).toHaveLength(0);

      // The signal returns: the outbox is sent by itself, once.
      await context.setOffline(false);
      await page.getByRole('heading', { level: 2, name: /Sudah terkirim/ }).waitFor({ timeout: 30_000 });
      expect(await page.locator('.card').filter({ hasText: description }).textContent()).toContain(
        'Terkirim',
      );
      await expect.poll(async () => (await reportsWithDescription(description)).length).toBe(1);
      expect(
        problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem)),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
