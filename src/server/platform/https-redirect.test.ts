import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTlsFiles } from '../../cli/local-ca.ts';
import { parseTlsHost, type TlsHost } from '../../cli/tls-hosts.ts';
import { loadConfig } from './config.ts';
import { type HttpsRedirect, startHttpsRedirect } from './https-redirect.ts';

function plainGet(
  port: number,
  urlPath: string,
  host: string,
): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers: { host } }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, location: response.headers.location });
      })
      .on('error', reject);
  });
}

describe('HTTP_REDIRECT_PORT: plain http:// sent on to https://', () => {
  let dir: string;
  let files: { TLS_CERT_FILE: string; TLS_KEY_FILE: string };
  let redirect: HttpsRedirect;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-redirect-'));
    const hosts = ['sigap.test', '192.168.1.10'].map((text) => parseTlsHost(text) as TlsHost);
    const made = await createTlsFiles(path.join(dir, 'tls'), hosts);
    files = { TLS_CERT_FILE: made.certFile, TLS_KEY_FILE: made.keyFile };
    redirect = await startHttpsRedirect({
      host: '127.0.0.1',
      port: 0,
      httpsPort: 8443,
      certFile: made.certFile,
    });
  });
  afterAll(async () => {
    await redirect?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 308 to the same path on the HTTPS port, for a host the certificate names', async () => {
    const byName = await plainGet(redirect.port, '/lapangan?draft=1', `sigap.test:${redirect.port}`);
    expect(byName).toEqual({ status: 308, location: 'https://sigap.test:8443/lapangan?draft=1' });
    const byIp = await plainGet(redirect.port, '/', '192.168.1.10');
    expect(byIp.location).toBe('https://192.168.1.10:8443/');
  });

  it('never sends a browser to a host the certificate does not name (a forged Host header)', async () => {
    const forged = await plainGet(redirect.port, '/masuk', 'evil.example');
    expect(forged).toEqual({ status: 308, location: 'https://sigap.test:8443/masuk' });
  });

  it('is configured only together with built-in HTTPS, on a port of its own', () => {
    expect(loadConfig({ ...files, HTTP_REDIRECT_PORT: '8080' }).httpRedirectPort).toBe(8080);
    expect(loadConfig({ ...files }).httpRedirectPort).toBeUndefined();
    expect(() => loadConfig({ HTTP_REDIRECT_PORT: '8080' })).toThrow(
      /HTTP_REDIRECT_PORT: hanya bersama TLS_CERT_FILE/,
    );
    expect(() => loadConfig({ ...files, PORT: '8443', HTTP_REDIRECT_PORT: '8443' })).toThrow(
      /berbeda dari PORT/,
    );
  });
});
