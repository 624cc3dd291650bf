import { describe, expect, it } from 'vitest';
import { authAs, testAppWith } from '../../../../test/harness.ts';

describe('throttling guesses by (username, address)', () => {
  const { t } = testAppWith({}, { env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });

  const attempt = (username: string, password: string, from: string, cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: from,
      headers: cookie ? { cookie } : {},
      payload: { username, password },
    });
  const guessThrice = async (username: string, from: string) => {
    expect((await attempt(username, 'tebakan-1', from)).statusCode).toBe(401);
    expect((await attempt(username, 'tebakan-2', from)).statusCode).toBe(401);
    expect((await attempt(username, 'tebakan-3', from)).statusCode).toBe(429);
  };

  it('does not let guesses from one address lock the right password from another', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    await guessThrice(admin.username, '203.0.113.7');
    expect((await attempt(admin.username, admin.password, '203.0.113.7')).statusCode).toBe(429);
    expect((await attempt(admin.username, admin.password, '198.51.100.20')).statusCode).toBe(200);
  });

  it('never locks out a device that signed in before, even behind the guessing address', async () => {
    const op = await t.user({ role: 'operator', region: '35.09' });
    const office = '192.0.2.10'; // one address for the whole office network
    const first = await attempt(op.username, op.password, office);
    expect(first.statusCode).toBe(200);
    const device = String(first.headers['set-cookie'])
      .split(/,\s*(?=sigap_)/)
      .find((c) => c.startsWith('sigap_device='))
      ?.split(';')[0] as string;
    expect(device).toMatch(/^sigap_device=\S+/);

    await guessThrice(op.username, office);
    expect((await attempt(op.username, op.password, office)).statusCode).toBe(429);
    expect((await attempt(op.username, op.password, office, device)).statusCode).toBe(200);
  });

  it('counts the guesses of a known device apart too: its own wrong passwords still lock it', async () => {
    const op = await t.user({ role: 'operator', region: '35.10' });
    const first = await attempt(op.username, op.password, '192.0.2.20');
    const device = String(first.headers['set-cookie'])
      .split(/,\s*(?=sigap_)/)
      .find((c) => c.startsWith('sigap_device='))
      ?.split(';')[0] as string;
    for (const guess of ['salah-1', 'salah-2']) {
      expect((await attempt(op.username, guess, '192.0.2.20', device)).statusCode).toBe(401);
    }
    expect((await attempt(op.username, 'salah-3', '192.0.2.20', device)).statusCode).toBe(429);
    expect((await attempt(op.username, op.password, '192.0.2.20', device)).statusCode).toBe(429);
    expect((await attempt(op.username, op.password, '192.0.2.21')).statusCode).toBe(200);
  });

  it("limits wrong current passwords on /api/me/password the same way, by the asker's address", async () => {
    const rel = await t.user({ role: 'relawan', region: '35.09.06.2002' });
    const change = (currentPassword: string, from: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/me/password',
        remoteAddress: from,
        headers: authAs(rel),
        payload: { currentPassword, newPassword: 'Tanjung-Perak-pelabuhan' },
      });
    expect((await change('bukan-1', '203.0.113.50')).statusCode).toBe(401);
    expect((await change('bukan-2', '203.0.113.50')).statusCode).toBe(401);
    const locked = await change('bukan-3', '203.0.113.50');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('login_locked');
    expect((await change(rel.password, '203.0.113.50')).statusCode).toBe(429);
    expect((await change(rel.password, '198.51.100.50')).statusCode).toBe(204);
  });
});
