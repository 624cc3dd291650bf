import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppWith } from '../../../test/harness.ts';
import { ConfigError, loadConfig } from './config.ts';

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One HTTPS request that trusts only `ca` (the server's own self-made certificate). */
function httpsRequest(
  url: string,
  ca: string,
  options: { method?: string; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        ca,
        method: options.method ?? 'GET',
        headers: options.body ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

// the self-made certificate's files, written before the app that is given them
let dir: string;
let cert: string;
let files: { TLS_CERT_FILE: string; TLS_KEY_FILE: string };
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-tls-'));
  const pems = await generate([{ name: 'commonName', value: 'sigap.kantor.test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  } as Parameters<typeof generate>[1]);
  cert = pems.cert;
  files = { TLS_CERT_FILE: path.join(dir, 'sigap.crt'), TLS_KEY_FILE: path.join(dir, 'sigap.key') };
  writeFileSync(files.TLS_CERT_FILE, pems.cert);
  writeFileSync(files.TLS_KEY_FILE, pems.private, { mode: 0o600 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('built-in HTTPS (TLS_CERT_FILE, TLS_KEY_FILE)', () => {
  const { t } = testAppWith({}, { env: () => ({ ...files }) });
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('answers /api/health over https with the self-made certificate, and not over plain http', async () => {
    expect(baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await httpsRequest(`${baseUrl}/api/health`, cert);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', database: t.db.kind });
    // Browsers are told to keep to https.
    expect(String(health.headers['strict-transport-security'])).toContain('max-age=');
    // A client that does not trust the certificate is refused by its own TLS check.
    await expect(httpsRequest(`${baseUrl}/api/health`, '')).rejects.toThrow();
    await expect(fetch(`${baseUrl.replace('https:', 'http:')}/api/health`)).rejects.toThrow();
  });

  it('marks the session cookie Secure without COOKIE_SECURE being set', async () => {
    expect(t.config.cookieSecure).toBe(true);
    const user = await t.user({ role: 'operator', region: '35.09' });
    const login = await httpsRequest(`${baseUrl}/api/auth/login`, cert, {
      method: 'POST',
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    expect(login.status).toBe(200);
    const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).join('\n');
    expect(setCookie).toMatch(/sigap_session=[^;]+;.*Secure/i);
  });

  it('follows TLS for COOKIE_SECURE unless set, and refuses half a TLS configuration', () => {
    expect(loadConfig({ ...files }).cookieSecure).toBe(true);
    expect(loadConfig({ ...files, COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(loadConfig({}).tls).toBeUndefined();
    expect(() => loadConfig({ TLS_CERT_FILE: files.TLS_CERT_FILE })).toThrow(/TLS_KEY_FILE/);
    expect(() => loadConfig({ TLS_CERT_FILE: files.TLS_CERT_FILE })).toThrow(ConfigError);
    expect(() =>
      loadConfig({ TLS_CERT_FILE: path.join(dir, 'tidak-ada.crt'), TLS_KEY_FILE: files.TLS_KEY_FILE }),
    ).toThrow(/TLS_CERT_FILE: .*tidak ada/);
  });
});
