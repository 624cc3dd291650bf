import { describe, expect, it } from 'vitest';
import { signIn, testAppWith } from '../../../../test/harness.ts';
import { digest } from '../../platform/passwords.ts';
import { forgetPrincipals } from '../../platform/principals.ts';

describe('sign-in and sessions', () => {
  const { t } = testAppWith({}, { env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });

  it('signs in with a password, sets an httpOnly SameSite=Lax cookie and tells who is signed in', async () => {
    const op = await t.user({ role: 'operator', region: '35.09', displayName: 'Operator Jember' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: op.username, password: op.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/sigap_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: cookie.split(';')[0] } });
    expect(me.json()).toMatchObject({
      username: op.username,
      displayName: 'Operator Jember',
      role: 'operator',
      scope: { kind: 'region', code: '35.09', name: 'Kabupaten Jember' },
    });
  });

  it('gives a wrong password and an unknown user the same reply', async () => {
    const op = await t.user({ role: 'operator', region: '35.10' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: op.username, password: 'bukan-sandinya' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'tidak-ada-orangnya', password: 'bukan-sandinya' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('locks a username from one address after repeated failures, even against the right password, for known and unknown names alike', async () => {
    const op = await t.user({ role: 'operator', region: '35.11' });
    const attempt = (username: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    for (const username of [op.username, 'siapa-saja']) {
      expect((await attempt(username, 'salah-1')).statusCode).toBe(401);
      expect((await attempt(username, 'salah-2')).statusCode).toBe(401);
      const third = await attempt(username, 'salah-3');
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('login_locked');
      expect(third.headers['retry-after']).toBe('900');
    }
    const rightButLocked = await attempt(op.username, op.password);
    expect(rightButLocked.statusCode).toBe(429);
    expect((await attempt('siapa-saja', 'apa-saja')).json()).toEqual(rightButLocked.json());
  });

  it('requires the CSRF token for cookie sessions that change state', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const { cookie, csrfToken } = await signIn(t.app, admin.username, admin.password);
    const payload = { label: 'uji csrf' };
    const without = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie }, payload });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie, 'x-csrf-token': 'tebakan' },
      payload,
    });
    expect(forged.statusCode).toBe(403);
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload,
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('needs no CSRF token with a bearer API token, and a revoked token stops working', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const created = await t.call(admin, 'POST', '/api/tokens', { label: 'sistem lain' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    const revoked = await t.call(admin, 'DELETE', `/api/tokens/${id}`);
    expect(revoked.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('signs out: the cookie no longer works', async () => {
    const rel = await t.user({ role: 'relawan', region: '35.09.06.2002' });
    const { cookie, csrfToken } = await signIn(t.app, rel.username, rel.password);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('lets a user change their own password, proving the current one', async () => {
    const rel = await t.user({ role: 'relawan', region: '35.09.06' });
    const change = (currentPassword: string) =>
      t.call(rel, 'POST', '/api/me/password', { currentPassword, newPassword: 'sandi-baru-panjang' });
    expect((await change('bukan')).statusCode).toBe(401);
    expect((await change(rel.password)).statusCode).toBe(204);
    await expect(signIn(t.app, rel.username, 'sandi-baru-panjang')).resolves.toBeTruthy();
  });

  it('lets only the admin create users and reset passwords', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const op = await t.user({ role: 'operator', region: '35.12' });
    const payload = { username: 'koord.v', role: 'koordinator', region: 'V', displayName: 'Koordinator V' };
    expect((await t.call(op, 'POST', '/api/users', payload)).statusCode).toBe(403);
    const created = await t.call(admin, 'POST', '/api/users', payload);
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ role: 'koordinator', scopeBakorwilId: 'V' });
    const reset = await t.call(admin, 'POST', '/api/users/koord.v/password-reset');
    expect(reset.statusCode).toBe(200);
    await expect(signIn(t.app, 'koord.v', reset.json().password)).resolves.toBeTruthy();
    expect((await t.call(op, 'POST', '/api/users/koord.v/password-reset')).statusCode).toBe(403);
  });

  it('ends a session left idle too long, and one past its absolute end', async () => {
    const op = await t.user({ role: 'operator', region: '35.13' });
    const idle = await signIn(t.app, op.username, op.password);
    const old = await signIn(t.app, op.username, op.password);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: idle.cookie } })).statusCode).toBe(200);
    const hashOf = (cookie: string) => digest(cookie.split('=')[1]);
    await t.db.asSystem(async (tx) => {
      await tx.query("UPDATE sessions SET last_seen_at = now() - interval '9 hours' WHERE token_hash = $1", [
        hashOf(idle.cookie),
      ]);
      await tx.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = $1", [
        hashOf(old.cookie),
      ]);
    });
    // The hours this edit stands for would also have outlived the few seconds a resolved session is reused.
    forgetPrincipals();
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: idle.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: old.cookie } })).statusCode).toBe(401);
  });

  it('answers 401 in the one error shape without credentials', async () => {
    const res = await t.app.inject({ url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('reusing a resolved principal', () => {
  const { t } = testAppWith({});

  it('forgets it the moment a password reset ends the sessions', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const op = await t.user({ role: 'operator', region: '35.09' });
    const session = await signIn(t.app, op.username, op.password);
    const me = () => t.app.inject({ url: '/api/me', headers: { cookie: session.cookie } });
    expect((await me()).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(200); // answered from the remembered principal
    const reset = await t.call(admin, 'POST', `/api/users/${op.username}/password-reset`);
    expect(reset.statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
  });
});
