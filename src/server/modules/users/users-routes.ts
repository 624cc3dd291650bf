import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toWibIso } from '../../../shared/time.ts';
import { Access, CreateTokenInput, Password, Role, TokenCreated, Username } from '../../../shared/users.ts';
import type { Database } from '../../platform/db.ts';
import { requireRole } from '../../platform/http.ts';
import { accessView, endSessionOf, listAccessOf, revokeTokenOf } from '../auth/access-service.ts';
import { createApiToken, revokeApiToken } from '../auth/auth-service.ts';
import { resetTotpOf } from '../auth/totp-service.ts';
import { createUser, listAllUsers, resetPassword, setActive } from './users-service.ts';

const UserParams = z.object({ username: z.string() });

const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  scopeRegionCode: z.string().nullable(),
  scopeBakorwilId: z.string().nullable(),
  agencyId: z.string().nullable(),
  isActive: z.boolean(),
  hasTotp: z.boolean(),
});

const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().max(120).optional(),
  role: Role,
  region: z.string().min(1).describe('Kode wilayah (35.09) atau Bakorwil (V)'),
  agencyId: z.string().nullable().optional(),
  password: Password.optional(),
});

/** Users (admin only) and API tokens. */
export async function usersRoutes(app: FastifyInstance, deps: { db: Database }): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Daftar pengguna (admin)',
        response: { 200: z.object({ items: z.array(UserView) }) },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return { items: await listAllUsers(db) };
    },
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Buat pengguna (admin)',
        body: CreateUserInput,
        response: { 201: z.object({ user: UserView, password: z.string() }) },
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, 'admin');
      const { user, password } = await createUser(db, admin.audit, request.body);
      const { passwordHash: _, createdAt: __, ...view } = user;
      return reply.status(201).send({ user: view, password });
    },
  );

  r.post(
    '/api/users/:username/password-reset',
    {
      schema: {
        tags: ['users'],
        summary: 'Atur ulang kata sandi (admin)',
        params: z.object({ username: z.string() }),
        response: { 200: z.object({ password: z.string() }) },
      },
    },
    async (request) => {
      const admin = requireRole(request, 'admin');
      return { password: await resetPassword(db, admin.audit, request.params.username) };
    },
  );

  r.post(
    '/api/tokens',
    {
      schema: {
        tags: ['users'],
        summary: 'Buat token API untuk diri sendiri',
        body: CreateTokenInput,
        response: { 201: TokenCreated },
      },
    },
    async (request, reply) => {
      const principal = requireRole(
        request,
        'operator',
        'koordinator',
        'provinsi',
        'admin',
        'mitra',
        'relawan',
        'ppdp',
      );
      const created = await createApiToken(
        db,
        principal.audit,
        principal.user.username,
        request.body.label,
        request.body.expiresInDays,
      );
      return reply.status(201).send({ ...created, expiresAt: toWibIso(created.expiresAt) });
    },
  );

  r.delete(
    '/api/tokens/:id',
    { schema: { tags: ['users'], summary: 'Cabut token API', params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      const principal = requireRole(
        request,
        'operator',
        'koordinator',
        'provinsi',
        'admin',
        'mitra',
        'relawan',
        'ppdp',
      );
      await revokeApiToken(db, principal, request.params.id);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/users/:username/deactivate',
    {
      schema: {
        tags: ['users'],
        summary: 'Nonaktifkan pengguna: sesi, token dan aliran langsung berakhir (admin)',
        params: UserParams,
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, 'admin');
      await setActive(db, admin.audit, request.params.username, false);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/users/:username/reactivate',
    { schema: { tags: ['users'], summary: 'Aktifkan kembali pengguna (admin)', params: UserParams } },
    async (request, reply) => {
      const admin = requireRole(request, 'admin');
      await setActive(db, admin.audit, request.params.username, true);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/users/:username/totp-reset',
    {
      schema: {
        tags: ['users'],
        summary: 'Hapus verifikasi dua langkah pengguna yang kehilangan perangkat (admin)',
        params: UserParams,
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, 'admin');
      await resetTotpOf(db, admin.audit, request.params.username);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/users/:username/access',
    {
      schema: {
        tags: ['users'],
        summary: 'Sesi dan token API seorang pengguna (admin)',
        params: UserParams,
        response: { 200: Access },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return accessView(await listAccessOf(db, request.params.username));
    },
  );

  r.delete(
    '/api/users/:username/sessions/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Akhiri sesi seorang pengguna (admin)',
        params: UserParams.extend({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, 'admin');
      await endSessionOf(db, admin.audit, request.params.username, request.params.id);
      return reply.status(204).send();
    },
  );

  r.delete(
    '/api/users/:username/tokens/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Cabut token API seorang pengguna (admin)',
        params: UserParams.extend({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, 'admin');
      await revokeTokenOf(db, admin.audit, request.params.username, request.params.id);
      return reply.status(204).send();
    },
  );
}
