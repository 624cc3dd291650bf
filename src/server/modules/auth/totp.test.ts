import { describe, expect, it } from 'vitest';
import { signIn, testAppWith } from '../../../../test/harness.ts';
import { currentTotpCode } from './totp-rules.ts';

/** The deployment default, passed explicitly: the harness turns the requirement off for other features' tests. */
const REQUIRED = { TOTP_REQUIRED_ROLES: 'admin,provinsi,koordinator' };
const NEXT_STEP_MS = 30_000;

describe('the second factor (TOTP)', () => {
  const { t } = testAppWith({}, { env: REQUIRED });

  const login = (username: string, password: string, totp?: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, totp } });
  const asSession = (s: { cookie: string; csrfToken: string }) => ({
    cookie: s.cookie,
    'x-csrf-token': s.csrfToken,
  });

  /** Enrols through the API; returns the secret and the recovery codes. */
  async function enrol(session: { cookie: string; csrfToken: string }) {
    const started = await t.app.inject({ method: 'POST', url: '/api/me/totp', headers: asSession(session) });
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUrl, qrSvg } = started.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(qrSvg).toMatch(/^<svg/);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/me/totp/confirm',
      headers: asSession(session),
      payload: { code: currentTotpCode(secret) },
    });
    expect(confirmed.statusCode).toBe(200);
    return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
  }

  it('forces a provinsi user without a second factor to enrol before anything else', async () => {
    const prov = await t.user({ role: 'provinsi', region: '35' });
    const session = await signIn(t.app, prov.username, prov.password);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: session.cookie } });
    expect(me.json().totp).toEqual({ isEnabled: false, isRequired: true });
    const other = await t.app.inject({ url: '/api/me/access', headers: { cookie: session.cookie } });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('totp_enrollment_required');

    const started = await t.app.inject({ method: 'POST', url: '/api/me/totp', headers: asSession(session) });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/me/totp/confirm',
      headers: asSession(session),
      payload: { code: '000000' === currentTotpCode(started.json().secret) ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('totp_invalid');
    const { recoveryCodes } = await enrol(session);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(
      (await t.app.inject({ url: '/api/me/access', headers: { cookie: session.cookie } })).statusCode,
    ).toBe(200);
  });

  it('refuses an enrolled user without the code, accepts the code once, and a recovery code once', async () => {
    const koord = await t.user({ role: 'koordinator', region: 'V' });
    const { secret, recoveryCodes } = await enrol(await signIn(t.app, koord.username, koord.password));

    const without = await login(koord.username, koord.password);
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('totp_required');
    expect((await login(koord.username, 'salah-sandinya', undefined)).json().error.code).toBe(
      'invalid_credentials',
    );
    const next = currentTotpCode(secret, Date.now() + NEXT_STEP_MS); // the current one went to enrolment
    expect((await login(koord.username, koord.password, next)).statusCode).toBe(200);
    const replayed = await login(koord.username, koord.password, next);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error.code).toBe('totp_invalid');

    expect((await login(koord.username, koord.password, recoveryCodes[3].toUpperCase())).statusCode).toBe(
      200,
    );
    const again = await login(koord.username, koord.password, recoveryCodes[3]);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('totp_invalid');
  });

  it('leaves the second factor optional for an operator, and lets one enrol', async () => {
    const op = await t.user({ role: 'operator', region: '35.09' });
    const session = await signIn(t.app, op.username, op.password);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: session.cookie } });
    expect(me.json().totp).toEqual({ isEnabled: false, isRequired: false });
    expect(
      (await t.app.inject({ url: '/api/me/access', headers: { cookie: session.cookie } })).statusCode,
    ).toBe(200);
    await enrol(session);
    expect((await login(op.username, op.password)).json().error.code).toBe('totp_required');
  });

  it('does not ask an API token for the second factor, and records its use', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const res = await t.call(admin, 'GET', '/api/users');
    expect(res.statusCode).toBe(200);
    const used = await t.db.asSystem((tx) =>
      tx.query("SELECT 1 FROM audit_log WHERE action = 'api_token.used' AND actor_id = $1", [admin.id]),
    );
    expect(used).toHaveLength(1);
  });

  it('lets an admin reset a lost device, on the record; the user then enrols again', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const prov = await t.user({ role: 'provinsi', region: '35' });
    const session = await signIn(t.app, prov.username, prov.password);
    await enrol(session);
    const byProvinsi = await t.call(prov, 'POST', `/api/users/${admin.username}/totp-reset`);
    expect(byProvinsi.statusCode).toBe(403);
    const reset = await t.call(admin, 'POST', `/api/users/${prov.username}/totp-reset`);
    expect(reset.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(
      401,
    );
    const audited = await t.db.asSystem((tx) =>
      tx.query("SELECT 1 FROM audit_log WHERE action = 'user.totp_reset' AND actor_id = $1", [admin.id]),
    );
    expect(audited).toHaveLength(1);
    const fresh = await login(prov.username, prov.password);
    expect(fresh.statusCode).toBe(200);
    const cookie = String(fresh.headers['set-cookie']).split(';')[0];
    const other = await t.app.inject({ url: '/api/me/access', headers: { cookie } });
    expect(other.json().error.code).toBe('totp_enrollment_required');
  });

  it("refuses a new password that is easy to guess or holds the user's own name", async () => {
    const rel = await t.user({ role: 'relawan', region: '35.09.06.2002', displayName: 'Siti Aminah' });
    const change = (newPassword: string) =>
      t.call(rel, 'POST', '/api/me/password', { currentPassword: rel.password, newPassword });
    const named = await change('sitiaminah2024');
    expect(named.statusCode).toBe(400);
    expect(named.json().error.message).toMatch(/nama/);
    expect((await change('passwordpassword')).statusCode).toBe(400);
    expect((await change('Kereta-senja-ke-Banyuwangi')).statusCode).toBe(204);
  });
});
