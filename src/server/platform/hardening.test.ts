import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATA_KEY } from '../../../test/db-template.ts';
import { reportPayload } from '../../../test/fixtures.ts';
import { people, testAppWith } from '../../../test/harness.ts';
import { buildApp } from '../app.ts';
import { createApiToken } from '../modules/auth/auth-service.ts';
import { createUser } from '../modules/users/users-service.ts';
import { loadConfig } from './config.ts';

const NUL = '\u0000';

function expectValidationFailed(res: { statusCode: number; json(): unknown }): void {
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({ error: { code: 'validation_failed', message: expect.any(String) } });
}

describe('bad input answers 4xx in the one error shape, never 500', () => {
  const { t, operator, relawan } = testAppWith(people('operator', 'relawan'));

  it('refuses a NUL character in any free-text field, naming the field', async () => {
    const report = await t.call(
      relawan,
      'POST',
      '/api/reports',
      reportPayload({ description: `Bentrok${NUL}x` }),
    );
    expectValidationFailed(report);
    expect(report.json().error.details.fields).toEqual([
      { path: 'description', message: expect.stringContaining('NUL') },
    ]);
    const nested = await t.call(
      relawan,
      'POST',
      '/api/reports',
      reportPayload({
        description: 'Bentrok dua kelompok perguruan silat di dekat balai desa.',
        needs: [`a${NUL}`],
      }),
    );
    expectValidationFailed(nested);
    expect(nested.json().error.details.fields[0].path).toBe('needs.0');
    const lesson = await t.call(operator, 'POST', '/api/lessons', {
      title: `Judul${NUL} pelajaran panjang`,
      situation: 'x',
    });
    expectValidationFailed(lesson);
    const group = await t.call(operator, 'POST', '/api/actor-groups', { name: `Perguruan${NUL}` });
    expectValidationFailed(group);
  });

  it('refuses a NUL character in a search term and in any query parameter', async () => {
    for (const url of [
      '/api/pillars?q=ab%00cd',
      '/api/lessons?q=konvoi%00',
      '/api/reports?status=%00',
      '/api/actor-groups?q=%00%00',
    ]) {
      const res = await t.call(operator, 'GET', url);
      expectValidationFailed(res);
    }
  });

  it('refuses dates that are not real calendar days', async () => {
    for (const from of ['2026-13-45', '0000-00-00', '2026-02-30']) {
      const res = await t.call(operator, 'GET', `/api/reports?from=${from}`);
      expectValidationFailed(res);
      expect(res.json().error.details.fields[0].path).toBe('from');
    }
    expect((await t.call(operator, 'GET', '/api/reports?from=2026-02-28')).statusCode).toBe(200);
    expectValidationFailed(await t.call(operator, 'GET', '/api/stats/overview?from=2026-00-10'));
  });

  it('publishes /.well-known/security.txt with the RFC 9116 fields, under the strict CSP', async () => {
    const res = await t.app.inject({ url: '/.well-known/security.txt', headers: { host: 'sigap.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toMatch(/^Contact: mailto:security@sigap\.example$/m);
    const expires = /^Expires: (\S+)$/m.exec(res.body)?.[1];
    const days = (Date.parse(expires ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(30);
    expect(days).toBeLessThan(365);
    expect(res.body).toMatch(/^Preferred-Languages: id, en$/m);
    expect(res.body).toMatch(/^# Menemukan celah keamanan\?/m);
    expect(res.body).toMatch(/Found a vulnerability\?/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('the log holds routes and parameter names, not personal values', () => {
  it('keeps a searched NIK, a phone number and a token out of the captured log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const db = await createTestDatabase();
    const config = loadConfig({ LOG_LEVEL: 'info', SIGAP_JOBS: 'false', SIGAP_DATA_KEY: TEST_DATA_KEY });
    const app = await buildApp({ config, db, logger: { level: 'info', stream } });
    try {
      await app.ready();
      const system = { id: null, label: 'uji' };
      await createUser(db, system, {
        username: 'operator_log',
        password: 'kata-sandi-uji-1',
        role: 'operator',
        region: '35.09',
      });
      const { token } = await createApiToken(db, system, 'operator_log');
      const nik = '3509061508800002';
      const phone = '081234567890';
      const headers = { authorization: `Bearer ${token}`, 'x-search': nik };
      await app.inject({ url: `/api/pillars?q=${nik}`, headers });
      await app.inject({ url: `/api/pillars?q=${phone}&limit=5`, headers });
      await app.inject({ url: `/api/reports?token=${token}`, headers });
      await app.inject({ url: `/api/tidak-ada/${nik}?hp=${phone}`, headers });
      await app.inject({
        method: 'POST',
        url: '/api/pillars',
        headers,
        payload: { pillarType: 'tksk', name: 'Budi', nik, phone, homeRegionCode: '35.09.06.2002' },
      });
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'operator_log', password: 'kata-sandi-uji-1' },
      });
      const log = lines.join('');
      // The log did record the requests: routes and the names of their parameters.
      expect(log).toContain('"route":"/api/pillars"');
      expect(log).toContain('"query":["q"]');
      expect(log).toContain('"query":["limit","q"]');
      expect(log).toContain('"route":"(rute tidak dikenal)"');
      for (const secret of [nik, phone, token, 'kata-sandi-uji-1', nik.slice(0, 12)]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await app.close();
      await db.close();
    }
  });
});
