import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { CSRF_HEADER, DEVICE_COOKIE, requirePrincipal, SESSION_COOKIE } from '../../platform/http.ts';
import { digest } from '../../platform/passwords.ts';
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
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
  };

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Masuk / sign in',
        body: LoginInput,
        response: { 200: LoginResult },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await auth.login(db, config, {
        username: request.body.username,
        password: request.body.password,
        address: request.ip,
        userAgent: request.headers['user-agent'],
        deviceToken: request.cookies[DEVICE_COOKIE],
        totp: request.body.totp,
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

  r.post(
    '/api/auth/logout',
    { schema: { response: { 204: NoContent }, tags: ['auth'], summary: 'Keluar / sign out' } },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (request.sessionTokenHash) await auth.logout(db, principal, request.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Pengguna yang sedang masuk / the signed-in user',
        response: { 200: Me.extend({ csrfToken: z.string().nullable() }) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return { ...(await describeMe(db, principal, config.totpRequiredRoles)), csrfToken: request.csrfToken };
    },
  );

  r.post(
    '/api/me/password',
    {
      schema: {
        response: { 204: NoContent },
        tags: ['auth'],
        summary: 'Ganti kata sandi sendiri / change own password',
        body: ChangePasswordInput,
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const key = {
        purpose: 'password' as const,
        usernameKey: principal.user.username.toLowerCase(),
        source: request.ip,
      };
      await withThrottle(db, config, key, () =>
        changeOwnPassword(
          db,
          principal,
          request.body.currentPassword,
          request.body.newPassword,
          request.sessionTokenHash ?? undefined,
        ),
      );
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/me/totp',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mulai verifikasi dua langkah / start enrolling a second factor',
        response: { 200: TotpEnrollment },
      },
    },
    async (request) => startTotpEnrollment(db, requirePrincipal(request)),
  );

  r.post(
    '/api/me/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Konfirmasi verifikasi dua langkah / confirm the second factor',
        body: TotpConfirmInput,
        response: { 200: TotpConfirmed },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const key = {
        purpose: 'totp' as const,
        usernameKey: principal.user.username.toLowerCase(),
        source: request.ip,
      };
      return withThrottle(db, config, key, () => confirmTotpEnrollment(db, principal, request.body.code));
    },
  );

  r.get(
    '/api/me/access',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sesi dan token API sendiri / own sessions and API tokens',
        response: { 200: Access },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return accessView(await listOwnAccess(db, principal, request.sessionTokenHash ?? undefined));
    },
  );

  r.delete(
    '/api/me/sessions/:id',
    {
      schema: {
        response: { 204: NoContent },
        tags: ['auth'],
        summary: 'Akhiri sesi sendiri / end one of own sessions',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await endOwnSession(db, principal, request.params.id);
      return reply.status(204).send();
    },
  );
}
