import { beforeAll, describe, expect, it } from 'vitest';
import { authAs, signIn, type TestApp, testAppWith } from '../../../../test/harness.ts';
import { forgetPrincipals } from '../../platform/principals.ts';
import { MAX_STREAMS_PER_USER } from '../events/events-routes.ts';

/** A live-event stream; `ended()` resolves once the server has closed it. */
async function openStream(baseUrl: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/events`, { headers, signal: controller.signal });
  const body = res.status === 200 ? undefined : await res.json();
  const reader = res.status === 200 && res.body ? res.body.getReader() : undefined;
  return {
    status: res.status,
    body,
    /** Reads until the server ends the stream; true when it did. */
    async ended(): Promise<boolean> {
      if (!reader) return true;
      for (;;) {
        const { done } = await reader.read();
        if (done) return true;
      }
    },
    close: () => controller.abort(),
  };
}

const me = (t: TestApp, headers: Record<string, string>) => t.app.inject({ url: '/api/me', headers });

describe('cutting off a compromised account', () => {
  const { t } = testAppWith({});
  let baseUrl: string;
  beforeAll(async () => {
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('refuses, after an admin resets the password, a token and a session made before it', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const op = await t.user({ role: 'operator', region: '35.09' });
    const session = await signIn(t.app, op.username, op.password);
    expect((await me(t, authAs(op))).statusCode).toBe(200);
    const reset = await t.call(admin, 'POST', `/api/users/${op.username}/password-reset`);
    expect(reset.statusCode).toBe(200);
    expect((await me(t, authAs(op))).statusCode).toBe(401);
    expect((await me(t, { cookie: session.cookie })).statusCode).toBe(401);
  });

  it("ends one's tokens and other sessions when one changes one's own password, keeping this session", async () => {
    const rel = await t.user({ role: 'relawan', region: '35.09.06.2002' });
    const here = await signIn(t.app, rel.username, rel.password);
    const elsewhere = await signIn(t.app, rel.username, rel.password);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: here.cookie, 'x-csrf-token': here.csrfToken },
      payload: { currentPassword: rel.password, newPassword: 'Bengawan-Solo-riwayatmu-ini' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(t, { cookie: here.cookie })).statusCode).toBe(200);
    expect((await me(t, { cookie: elsewhere.cookie })).statusCode).toBe(401);
    expect((await me(t, authAs(rel))).statusCode).toBe(401);
  });

  it('gives a token an expiry of 90 days unless chosen, lists it, and refuses it once expired', async () => {
    const op = await t.user({ role: 'operator', region: '35.10' });
    const created = await t.call(op, 'POST', '/api/tokens', { label: 'dasbor kab' });
    expect(created.statusCode).toBe(201);
    const { id, token, expiresAt } = created.json();
    expect(expiresAt).toMatch(/\+07:00$/);
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    const short = await t.call(op, 'POST', '/api/tokens', { label: 'uji singkat', expiresInDays: 7 });
    expect((Date.parse(short.json().expiresAt) - Date.now()) / 86_400_000).toBeLessThanOrEqual(7);
    const listed = await t.call(op, 'GET', '/api/me/access');
    expect(listed.json().tokens).toContainEqual(
      expect.objectContaining({ id, label: 'dasbor kab', expiresAt }),
    );

    const bearer = { authorization: `Bearer ${token}` };
    expect((await me(t, bearer)).statusCode).toBe(200);
    await t.db.asSystem((tx) =>
      tx.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [id]),
    );
    forgetPrincipals(); // the edit stands for 90 days passing, far beyond the few seconds of reuse
    expect((await me(t, bearer)).statusCode).toBe(401);
    const after = await t.call(op, 'GET', '/api/me/access');
    expect(after.json().tokens.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it('deactivates a user: session, token and open stream end at once, sign-in refused, the user kept', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const op = await t.user({ role: 'operator', region: '35.11' });
    const session = await signIn(t.app, op.username, op.password);
    const stream = await openStream(baseUrl, authAs(op));
    expect(stream.status).toBe(200);
    const operatorTries = await t.call(op, 'POST', `/api/users/${admin.username}/deactivate`);
    expect(operatorTries.statusCode).toBe(403);

    const off = await t.call(admin, 'POST', `/api/users/${op.username}/deactivate`);
    expect(off.statusCode).toBe(204);
    expect(await stream.ended()).toBe(true);
    expect((await me(t, authAs(op))).statusCode).toBe(401);
    expect((await me(t, { cookie: session.cookie })).statusCode).toBe(401);
    await expect(signIn(t.app, op.username, op.password)).rejects.toThrow(/401/);
    const users = await t.call(admin, 'GET', '/api/users');
    expect(users.json().items).toContainEqual(
      expect.objectContaining({ username: op.username, isActive: false }),
    );

    const on = await t.call(admin, 'POST', `/api/users/${op.username}/reactivate`);
    expect(on.statusCode).toBe(204);
    await expect(signIn(t.app, op.username, op.password)).resolves.toBeTruthy();
    expect((await me(t, authAs(op))).statusCode).toBe(401); // old tokens stay revoked
  });

  it('ends a koordinator’s open stream when their Bakorwil loses a kab/kota, so its events stop reaching them', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const koordinator = await t.user({ role: 'koordinator', region: 'IV' });
    const iv = (await t.call(admin, 'GET', '/api/bakorwil'))
      .json()
      .items.find((b: { id: string }) => b.id === 'IV');
    const stream = await openStream(baseUrl, authAs(koordinator));
    expect(stream.status).toBe(200);

    const [, ...kept] = iv.members as string[];
    const changed = await t.call(admin, 'PUT', '/api/bakorwil/IV', {
      name: iv.name,
      seat: iv.seat,
      members: kept,
    });
    expect(changed.statusCode).toBe(200);
    const within5s = new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000));
    const ended = await Promise.race([stream.ended(), within5s]);
    stream.close();
    await t.call(admin, 'PUT', '/api/bakorwil/IV', { name: iv.name, seat: iv.seat, members: iv.members });
    expect(ended).toBe(true);
    // Its next stream sees the Bakorwil as it is now.
    const again = await openStream(baseUrl, authAs(koordinator));
    expect(again.status).toBe(200);
    again.close();
  });

  it('refuses an admin deactivating themselves', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const res = await t.call(admin, 'POST', `/api/users/${admin.username}/deactivate`);
    expect(res.statusCode).toBe(409);
  });

  it('ends a stream when its session ends, and refuses a sixth stream of one user', async () => {
    const op = await t.user({ role: 'operator', region: '35.12' });
    const session = await signIn(t.app, op.username, op.password);
    const cookieStream = await openStream(baseUrl, { cookie: session.cookie });
    expect(cookieStream.status).toBe(200);
    const others = [];
    for (let i = 1; i < MAX_STREAMS_PER_USER; i++) others.push(await openStream(baseUrl, authAs(op)));
    expect(others.map((s) => s.status)).toEqual(Array(MAX_STREAMS_PER_USER - 1).fill(200));
    const sixth = await openStream(baseUrl, authAs(op));
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('too_many_streams');

    const signedOut = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(signedOut.statusCode).toBe(204);
    expect(await cookieStream.ended()).toBe(true);
    const again = await openStream(baseUrl, authAs(op)); // the ended stream freed its place
    expect(again.status).toBe(200);
    for (const s of [...others, again]) s.close();
  });
});

describe('seeing and ending sessions and tokens', () => {
  const { t } = testAppWith({});

  it("lists one's sessions with device, address, last use and expiry, and ends another one", async () => {
    const op = await t.user({ role: 'operator', region: '35.09' });
    const phone = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 12) Ponsel' },
      payload: { username: op.username, password: op.password },
    });
    const phoneCookie = String(phone.headers['set-cookie']).split(';')[0];
    const laptop = await signIn(t.app, op.username, op.password);
    const listed = await t.app.inject({ url: '/api/me/access', headers: { cookie: laptop.cookie } });
    expect(listed.statusCode).toBe(200);
    const { sessions } = listed.json();
    expect(sessions).toHaveLength(2);
    const phoneSession = sessions.find((s: { userAgent: string }) => s.userAgent.includes('Ponsel'));
    expect(phoneSession).toMatchObject({ address: '127.0.0.1', isCurrent: false });
    expect(phoneSession.lastSeenAt).toMatch(/\+07:00$/);
    expect(phoneSession.expiresAt).toMatch(/\+07:00$/);
    expect(sessions.filter((s: { isCurrent: boolean }) => s.isCurrent)).toHaveLength(1);

    const ended = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${phoneSession.id}`,
      headers: { cookie: laptop.cookie, 'x-csrf-token': laptop.csrfToken },
    });
    expect(ended.statusCode).toBe(204);
    expect((await me(t, { cookie: phoneCookie })).statusCode).toBe(401);
    expect((await me(t, { cookie: laptop.cookie })).statusCode).toBe(200);
  });

  it("does not let a user end another user's session", async () => {
    const a = await t.user({ role: 'operator', region: '35.09' });
    const b = await t.user({ role: 'operator', region: '35.09' });
    await signIn(t.app, b.username, b.password);
    const adminView = await t.call(a, 'GET', `/api/users/${b.username}/access`);
    expect(adminView.statusCode).toBe(403);
    const admin = await t.user({ role: 'admin', region: '35' });
    const [bSession] = (await t.call(admin, 'GET', `/api/users/${b.username}/access`)).json().sessions;
    const res = await t.call(a, 'DELETE', `/api/me/sessions/${bSession.id}`);
    expect(res.statusCode).toBe(404);
  });

  it("lets an admin see and end another user's sessions and revoke their tokens", async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const op = await t.user({ role: 'operator', region: '35.10' });
    const session = await signIn(t.app, op.username, op.password);
    const view = await t.call(admin, 'GET', `/api/users/${op.username}/access`);
    expect(view.statusCode).toBe(200);
    const { sessions, tokens } = view.json();
    expect(sessions).toHaveLength(1);
    expect(tokens).toHaveLength(1);
    const endSession = await t.call(admin, 'DELETE', `/api/users/${op.username}/sessions/${sessions[0].id}`);
    expect(endSession.statusCode).toBe(204);
    expect((await me(t, { cookie: session.cookie })).statusCode).toBe(401);
    const revoke = await t.call(admin, 'DELETE', `/api/users/${op.username}/tokens/${tokens[0].id}`);
    expect(revoke.statusCode).toBe(204);
    expect((await me(t, authAs(op))).statusCode).toBe(401);
    const twice = await t.call(admin, 'DELETE', `/api/users/${op.username}/tokens/${tokens[0].id}`);
    expect(twice.statusCode).toBe(404);
  });
});
