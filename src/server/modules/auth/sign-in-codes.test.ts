import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { authAs, people, signIn, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';

const NEW_PASSWORD = 'Gunung-Semeru-pelangi-47';
const CODE_SHAPE = /^[A-Z2-9]{5}-[A-Z2-9]{5}$/;

describe('one-time sign-in codes and accounts for pillars in bulk', () => {
  const clock = fakeClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  const { t, operator, operatorJember, koordinator, admin } = testAppWith(
    {
      operator: { role: 'operator', region: '35.10' }, // Banyuwangi
      ...people('operatorJember', 'koordinator', 'admin'),
    },
    { env: { LOGIN_MAX_FAILURES: '3' }, clock },
  );
  let jemberDesa: string;

  const post = (user: TestUser | undefined, url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: user ? authAs(user) : {}, payload });
  const useCode = (username: string, code: string, newPassword = NEW_PASSWORD) =>
    post(undefined, '/api/auth/code', { username, code, newPassword });
  const register = async (user: TestUser, pillarType: string, name: string, homeRegionCode: string) => {
    const res = await post(user, '/api/pillars', { pillarType, name, homeRegionCode });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const canSignIn = async (username: string, password: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } }))
      .statusCode === 200;

  beforeAll(async () => {
    const desa = await t.db.asSystem((tx) =>
      tx.one<{ code: string }>(
        "SELECT code FROM regions WHERE code LIKE '35.09.__.____' ORDER BY code LIMIT 1",
      ),
    );
    jemberDesa = desa!.code;
  });

  it('makes relawan accounts with codes for the Tagana of a kab/kota, skips them on a re-run, and refuses outsiders', async () => {
    await t.user({ role: 'relawan', region: '35.10.05.2001', username: 'siti.aminah' });
    const siti = await register(operator, 'tagana', 'Siti Aminah', '35.10.05.2009');
    const agus = await register(operator, 'tagana', 'Agus Salim Wijaya', '35.10.05.2001');
    await register(operator, 'tksk', 'Bambang Irawan', '35.10.05.2002');
    const jember = await register(operatorJember, 'tagana', 'Dewi Lestari', jemberDesa);

    expect((await post(operator, '/api/pillars/accounts', { region: '35.09' })).statusCode).toBe(403);
    expect((await post(koordinator, '/api/pillars/accounts', { pillarType: 'tagana' })).statusCode).toBe(403);

    const res = await post(operator, '/api/pillars/accounts', { pillarType: 'tagana' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.skipped).toBe(0);
    expect(body.remaining).toBe(0);
    expect(body.created.map((c: { username: string }) => c.username).sort()).toEqual([
      'agus.salim',
      'siti.aminah2',
    ]);
    for (const c of body.created) {
      expect(c.code).toMatch(CODE_SHAPE);
      expect(c.expiresAt).toMatch(/\+07:00$/);
      expect(new Date(c.expiresAt).getTime() - clock.now().getTime()).toBe(7 * 86_400_000);
    }
    expect(body.sheet.pdfBase64.length).toBeGreaterThan(1000);

    const accounts = await t.db.asSystem((tx) =>
      tx.query<{ pillarId: string; role: string; scope: string; username: string }>(
        `SELECT p.id AS "pillarId", u.role, u.scope_region_code AS scope, u.username
           FROM pillars p JOIN users u ON u.id = p.user_id WHERE p.id = ANY ($1::uuid[]) ORDER BY u.username`,
        [[siti, agus, jember]],
      ),
    );
    expect(accounts).toEqual([
      { pillarId: agus, role: 'relawan', scope: '35.10.05.2001', username: 'agus.salim' },
      { pillarId: siti, role: 'relawan', scope: '35.10.05.2009', username: 'siti.aminah2' },
    ]);

    // Not signed in with a password before the code is used; the code sets the first password.
    const sitiCode = body.created.find((c: { username: string }) => c.username === 'siti.aminah2').code;
    expect(await canSignIn('siti.aminah2', '!code-only')).toBe(false);
    expect((await useCode('siti.aminah2', sitiCode.toLowerCase().replace('-', ' '))).statusCode).toBe(200);
    expect(await canSignIn('siti.aminah2', NEW_PASSWORD)).toBe(true);

    // Re-running skips those who have an account; the admin's run over the province makes the Jember one.
    const again = await post(operator, '/api/pillars/accounts', { pillarType: 'tagana' });
    expect(again.json()).toMatchObject({ created: [], skipped: 2, sheet: null });
    const province = await post(admin, '/api/pillars/accounts', { pillarType: 'tagana' });
    expect(province.json().created.map((c: { username: string }) => c.username)).toEqual(['dewi.lestari']);

    const audit = await t.audit({ action: 'pillar.accounts_created' });
    expect(audit).toHaveLength(2);
    expect(audit[0].details).toContain(agus);
    for (const c of [...body.created, ...province.json().created]) {
      expect(audit.map((a) => a.details).join()).not.toContain(c.code);
    }
  });

  it('prints a sheet whose text holds each name, username, code and expiry in WIB', async () => {
    await register(operator, 'psm', 'Joko Susanto', '35.10.05.2003');
    await register(operator, 'psm', 'Rina Marlina', '35.10.05.2004');
    const res = await post(operator, '/api/pillars/accounts', { pillarType: 'psm', region: '35.10.05' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.created).toHaveLength(2);
    const text = execFileSync('pdftotext', ['-', '-'], {
      input: Buffer.from(body.sheet.pdfBase64, 'base64'),
    }).toString('utf8');
    expect(text).toContain('Kode sekali pakai / One-time code');
    for (const c of body.created) {
      expect(text).toContain(c.displayName);
      expect(text).toContain(c.username);
      expect(text).toContain(c.code);
      expect(text).toContain(`${c.expiresAt.slice(0, 10)} ${c.expiresAt.slice(11, 16)} WIB`);
      expect(text).toContain(`/?kode=1&u=${c.username}`);
    }
  });

  it('lets an operator make a reset code for a relawan of their area, which works once and ends old sessions and tokens', async () => {
    const relawan = await t.user({ role: 'relawan', region: '35.10.05.2009' });
    const officer = await t.user({ role: 'operator', region: '35.10' });
    const session = await signIn(t.app, relawan.username, relawan.password);

    expect((await post(operatorJember, `/api/users/${relawan.username}/reset-code`, {})).statusCode).toBe(
      404,
    );
    expect((await post(operator, `/api/users/${officer.username}/reset-code`, {})).statusCode).toBe(404);
    expect((await post(koordinator, `/api/users/${relawan.username}/reset-code`, {})).statusCode).toBe(403);
    const made = await post(operator, `/api/users/${relawan.username}/reset-code`, {});
    expect(made.statusCode).toBe(201);
    const { code } = made.json();
    expect(code).toMatch(CODE_SHAPE);

    // A weak password is refused without spending the code.
    const weak = await useCode(relawan.username, code, 'password123');
    expect(weak.statusCode).toBe(400);
    expect((await useCode(relawan.username, code)).statusCode).toBe(200);

    expect((await t.call(relawan, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(
      401,
    );
    expect(await canSignIn(relawan.username, relawan.password)).toBe(false);
    expect(await canSignIn(relawan.username, NEW_PASSWORD)).toBe(true);

    const second = await useCode(relawan.username, code, 'Kali-Brantas-hujan-88');
    expect(second.statusCode).toBe(401);
    expect(second.json().error.code).toBe('invalid_credentials');
    expect(await canSignIn(relawan.username, NEW_PASSWORD)).toBe(true);

    const audit = await t.db.asSystem((tx) =>
      tx.query<{ action: string; details: string }>(
        `SELECT action, details FROM audit_log WHERE subject_id = $1
          AND action IN ('user.reset_code_issued', 'user.password_set_with_code') ORDER BY seq`,
        [relawan.id],
      ),
    );
    expect(audit.map((a) => a.action)).toEqual(['user.reset_code_issued', 'user.password_set_with_code']);
    expect(audit.map((a) => a.details).join()).not.toContain(code);
  });

  it('refuses a code after seven days', async () => {
    const relawan = await t.user({ role: 'relawan', region: '35.10.05.2009' });
    const { code } = (await post(admin, `/api/users/${relawan.username}/reset-code`, {})).json();
    clock.advanceMinutes(7 * 24 * 60 + 1);
    try {
      expect((await useCode(relawan.username, code)).statusCode).toBe(401);
      expect(await canSignIn(relawan.username, relawan.password)).toBe(true);
    } finally {
      clock.advanceMinutes(-(7 * 24 * 60 + 1));
    }
  });

  it('locks wrong codes from one address like wrong passwords, even against the right code', async () => {
    const relawan = await t.user({ role: 'relawan', region: '35.10.05.2009' });
    const { code } = (await post(admin, `/api/users/${relawan.username}/reset-code`, {})).json();
    expect((await useCode(relawan.username, 'AAAAA-AAAAA')).statusCode).toBe(401);
    expect((await useCode(relawan.username, 'BBBBB-BBBBB')).statusCode).toBe(401);
    expect((await useCode(relawan.username, 'CCCCC-CCCCC')).statusCode).toBe(429);
    const locked = await useCode(relawan.username, code);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('login_locked');
  });
});
