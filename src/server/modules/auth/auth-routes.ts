import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NoContent } from '../../../shared/replies.ts';
import {
  Access,
  ChangePasswordInput,
  LoginInput,
  LoginResult,
  Me,
  TotpConfirmed,
  TotpConfirmInput,
  TotpEnrollment,
} from '../../../shared/users.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { CSRF_HEADER, DEVICE_COOKIE, SESSION_COOKIE } from '../../platform/http.ts';
import { digest } from '../../platform/passwords.ts';
import { type RouteCall, routeTable } from '../../platform/routes.ts';
import { changeOwnPassword, describeMe } from '../users/users-service.ts';
import { accessView, endOwnSession, listOwnAccess } from './access-service.ts';
import * as auth from './auth-service.ts';
import { withThrottle } from './auth-throttle.ts';
import { needsTotpEnrollment } from './totp-rules.ts';
import { confirmTotpEnrollment, startTotpEnrollment } from './totp-service.ts';

/** A device cookie is kept for a year; only its hash is stored. */
const DEVICE_COOKIE_SECONDS = 365 * 86_400;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a session still owing its second factor may reach: who am I, enrolment, signing out. */
const ENROLMENT_PATHS = new Set(['/api/me', '/api/me/totp', '/api/me/totp/confirm', '/api/auth/logout']);

/** Resolves who is asking (bearer token or session cookie) and enforces CSRF for cookie sessions. */
export function installAuthentication(app: FastifyInstance, db: Database, config: Config): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('apiTokenHash', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('authVia', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const token = header.slice('Bearer '.length).trim();
      const principal = await auth.resolveApiToken(db, token);
      if (!principal) throw new DomainError('unauthenticated', 'Token API tidak valid atau sudah dicabut');
      request.principal = principal;
      request.apiTokenHash = digest(token);
      request.authVia = 'token';
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await auth.resolveSession(db, config, cookie);
    if (!session) return;
    request.principal = session.principal;
    request.sessionTokenHash = session.tokenHash;
    request.csrfToken = session.csrfToken;
    request.authVia = 'session';
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new DomainError('csrf_failed', 'Token CSRF tidak ada atau salah; muat ulang halaman');
    }
    // A role that must have a second factor can, until it is confirmed, only enrol (or sign out).
    const path = request.url.split('?')[0];
    if (needsTotpEnrollment(session.principal.user, config.totpRequiredRoles) && !ENROLMENT_PATHS.has(path)) {
      throw new DomainError(
        'totp_enrollment_required',
        'Aktifkan verifikasi dua langkah dulu (menu Akun) sebelum memakai Sigap',
      );
    }
  });
}

/** Sign-in, sign-out, the current user and their password. */
export async function authRoutes(
  app: FastifyInstance,
  deps: { db: Database; config: Config },
): Promise<void> {
  const { db, config } = deps;
  const on = routeTable(app, ['auth'], db);
  const done = { reply: NoContent, status: 204 } as const;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
  };
  /** Guessing a password or a code is throttled per user and address. */
  const throttled = <T>(
    purpose: 'password' | 'totp',
    { principal, request }: RouteCall<unknown, unknown, unknown>,
    work: () => Promise<T>,
  ) =>
    withThrottle(
      db,
      config,
      { purpose, usernameKey: principal.user.username.toLowerCase(), source: request.ip },
      work,
    );

  on.post(
    '/api/auth/login',
    {
      summary: 'Masuk / sign in',
      body: LoginInput,
      reply: LoginResult,
      options: { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    },
    async ({ body, request, reply }) => {
      const result = await auth.login(db, config, {
        username: body.username,
        password: body.password,
        address: request.ip,
        userAgent: request.headers['user-agent'],
        deviceToken: request.cookies[DEVICE_COOKIE],
        totp: body.totp,
      });
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        ...cookieOptions,
        maxAge: config.sessionMaxHours * 3600,
      });
      reply.setCookie(DEVICE_COOKIE, result.deviceToken, { ...cookieOptions, maxAge: DEVICE_COOKIE_SECONDS });
      return {
        user: await describeMe(db, result.principal, config.totpRequiredRoles),
        csrfToken: result.csrfToken,
      };
    },
  );
  on.post(
    '/api/auth/logout',
    { summary: 'Keluar / sign out', ...done },
    async ({ principal, request, reply }) => {
      if (request.sessionTokenHash) await auth.logout(db, principal, request.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
    },
  );
  on.get(
    '/api/me',
    {
      summary: 'Pengguna yang sedang masuk / the signed-in user',
      reply: Me.extend({ csrfToken: z.string().nullable() }),
    },
    async ({ principal, request }) => ({
      ...(await describeMe(db, principal, config.totpRequiredRoles)),
      csrfToken: request.csrfToken,
    }),
  );
  on.post(
    '/api/me/password',
    { summary: 'Ganti kata sandi sendiri / change own password', body: ChangePasswordInput, ...done },
    async (c) => {
      await throttled('password', c, () =>
        changeOwnPassword(
          db,
          c.principal,
          c.body.currentPassword,
          c.body.newPassword,
          c.request.sessionTokenHash ?? undefined,
        ),
      );
    },
  );
  on.direct.post(
    '/api/me/totp',
    { summary: 'Mulai verifikasi dua langkah / start enrolling a second factor', reply: TotpEnrollment },
    startTotpEnrollment,
  );
  on.post(
    '/api/me/totp/confirm',
    {
      summary: 'Konfirmasi verifikasi dua langkah / confirm the second factor',
      body: TotpConfirmInput,
      reply: TotpConfirmed,
    },
    (c) => throttled('totp', c, () => confirmTotpEnrollment(db, c.principal, c.body.code)),
  );
  on.get(
    '/api/me/access',
    { summary: 'Sesi dan token API sendiri / own sessions and API tokens', reply: Access },
    async ({ principal, request }) =>
      accessView(await listOwnAccess(db, principal, request.sessionTokenHash ?? undefined)),
  );
  on.delete(
    '/api/me/sessions/:id',
    { summary: 'Akhiri sesi sendiri / end one of own sessions', params: z.object({ id: z.uuid() }), ...done },
    (c) => endOwnSession(db, c.principal, c.params.id),
  );
}
