import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/harness.ts';
import type { CliOutput } from './cli-commands.ts';
import { TLS_FILES } from './local-ca.ts';
import { runCli } from './sigap.ts';

function captured(): CliOutput & { text(): string } {
  const lines: string[] = [];
  return { out: (line) => lines.push(line), err: (line) => lines.push(line), text: () => lines.join('\n') };
}

/** GET over HTTPS trusting only `ca`, to `name` (resolved to 127.0.0.1), so the certificate must name it. */
function getTrusting(
  ca: string,
  name: string,
  port: number,
  urlPath: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = https.get(
      {
        host: name,
        port,
        path: urlPath,
        ca,
        lookup: (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]),
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
  });
}

describe('sigap tls create', () => {
  let dir: string;
  let folder: string;
  let firstRun: { code: number; text: string };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-tls-create-'));
    folder = path.join(dir, 'tls');
    const output = captured();
    const code = await runCli(
      [
        'tls',
        'create',
        '--host',
        '127.0.0.1',
        '--host',
        'sigap.test',
        '--host',
        '192.168.1.10',
        '--out',
        folder,
      ],
      {},
      output,
    );
    firstRun = { code, text: output.text() };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes an authority and a server certificate for the hosts, keys readable by the owner only', () => {
    expect(firstRun.code).toBe(0);
    const ca = new X509Certificate(readFileSync(path.join(folder, TLS_FILES.caCert)));
    const server = new X509Certificate(readFileSync(path.join(folder, TLS_FILES.cert)));
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('192.168.1.10')).toBe('192.168.1.10');
    expect(server.checkHost('sigap.test')).toBe('sigap.test');
    expect(server.checkHost('example.com')).toBeUndefined();
    // IPs are IP SANs and names DNS SANs (a browser matches an IP only against an IP SAN).
    expect(server.subjectAltName).toBe('IP Address:127.0.0.1, DNS:sigap.test, IP Address:192.168.1.10');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(folder, TLS_FILES.key)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(folder, TLS_FILES.caKey)).mode & 0o777).toBe(0o600);
  });

  it('tells how to install the authority on Android and Windows and which variables to set, in both languages', () => {
    const text = firstRun.text;
    expect(text).toContain(`TLS_CERT_FILE=${path.join(folder, TLS_FILES.cert)}`);
    expect(text).toContain(`TLS_KEY_FILE=${path.join(folder, TLS_FILES.key)}`);
    expect(text).toContain('Android: salin sigap-ca.crt ke ponsel');
    expect(text).toContain('Sertifikat CA');
    expect(text).toContain('Windows: klik dua kali sigap-ca.crt');
    expect(text).toContain('Trusted Root Certification Authorities');
    expect(text).toContain('Android: copy sigap-ca.crt to the phone');
    expect(text).toMatch(/fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  });

  it('serves HTTPS with it: a client trusting only the authority reaches the server by name and by IP', async () => {
    const t = await buildTestApp({
      TLS_CERT_FILE: path.join(folder, TLS_FILES.cert),
      TLS_KEY_FILE: path.join(folder, TLS_FILES.key),
    });
    try {
      const port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
      const ca = readFileSync(path.join(folder, TLS_FILES.caCert), 'utf8');
      for (const name of ['sigap.test', '127.0.0.1']) {
        const health = await getTrusting(ca, name, port, '/api/health');
        expect(health.status).toBe(200);
        expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
      }
      // A name the certificate does not hold is refused by the client's own check.
      await expect(getTrusting(ca, 'other.test', port, '/api/health')).rejects.toThrow(/altnames|Hostname/i);
    } finally {
      await t.close();
    }
  });

  it('reuses the authority for a new server certificate, and refuses hosts the authority was not made for', async () => {
    const caBefore = readFileSync(path.join(folder, TLS_FILES.caCert), 'utf8');
    const again = captured();
    expect(await runCli(['tls', 'create', '--host', 'sigap.test', '--out', folder], {}, again)).toBe(0);
    expect(again.text()).toContain('existing authority reused');
    expect(readFileSync(path.join(folder, TLS_FILES.caCert), 'utf8')).toBe(caBefore);
    const renewed = new X509Certificate(readFileSync(path.join(folder, TLS_FILES.cert)));
    expect(renewed.verify(new X509Certificate(caBefore).publicKey)).toBe(true);
    expect(renewed.subjectAltName).toBe('DNS:sigap.test');

    const outside = captured();
    expect(await runCli(['tls', 'create', '--host', 'sigap.example', '--out', folder], {}, outside)).toBe(1);
    expect(outside.text()).toContain('folder baru (--out)');
  });

  it('refuses an address that is neither an IP nor a host name, and a missing --host', async () => {
    const wrong = captured();
    expect(await runCli(['tls', 'create', '--host', 'http://sigap', '--out', folder], {}, wrong)).toBe(2);
    expect(wrong.text()).toContain('Alamat tidak valid: http://sigap');
    const none = captured();
    expect(await runCli(['tls', 'create', '--out', folder], {}, none)).toBe(2);
    expect(none.text()).toContain('--host');
  });
});
