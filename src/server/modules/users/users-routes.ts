import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NoContent } from '../../../shared/replies.ts';
import { toWibIso } from '../../../shared/time.ts';
import {
  Access,
  CreateTokenInput,
  Password,
  Role,
  TokenCreated,
  Username,
  UserView,
} from '../../../shared/users.ts';
import type { Database } from '../../platform/db.ts';
import { routeTable } from '../../platform/routes.ts';
import { accessView, endSessionOf, listAccessOf, revokeTokenOf } from '../auth/access-service.ts';
import { createApiToken, revokeApiToken } from '../auth/auth-service.ts';
import { resetTotpOf } from '../auth/totp-service.ts';
import { createUser, listAllUsers, resetPassword, setActive } from './users-service.ts';

const UserParams = z.object({ username: z.string() });

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
  const on = routeTable(app, ['users'], db);
  const done = { reply: NoContent, status: 204 } as const;
  const sessionParams = UserParams.extend({ id: z.uuid() });

  on.direct.list('/api/users', { summary: 'Daftar pengguna (admin)', item: UserView }, listAllUsers);
  on.post(
    '/api/users',
    {
      summary: 'Buat pengguna (admin)',
      body: CreateUserInput,
      reply: z.object({ user: UserView, password: z.string() }),
      status: 201,
    },
    async (c) => {
      const { user, password } = await createUser(db, c.principal, c.body);
      const { passwordHash: _, createdAt: __, ...view } = user;
      return { user: view, password };
    },
  );
  on.post(
    '/api/users/:username/password-reset',
    {
      summary: 'Atur ulang kata sandi (admin)',
      params: UserParams,
      reply: z.object({ password: z.string() }),
    },
    async (c) => ({ password: await resetPassword(db, c.principal, c.params.username) }),
  );
  on.post(
    '/api/tokens',
    {
      summary: 'Buat token API untuk diri sendiri',
      body: CreateTokenInput,
      reply: TokenCreated,
      status: 201,
    },
    async ({ principal, body }) => {
      const created = await createApiToken(
        db,
        principal,
        principal.user.username,
        body.label,
        body.expiresInDays,
      );
      return { ...created, expiresAt: toWibIso(created.expiresAt) };
    },
  );
  on.delete(
    '/api/tokens/:id',
    { summary: 'Cabut token API', params: z.object({ id: z.uuid() }), ...done },
    (c) => revokeApiToken(db, c.principal, c.params.id),
  );
  on.post(
    '/api/users/:username/deactivate',
    {
      summary: 'Nonaktifkan pengguna: sesi, token dan aliran langsung berakhir (admin)',
      params: UserParams,
      ...done,
    },
    (c) => setActive(db, c.principal, c.params.username, false),
  );
  on.post(
    '/api/users/:username/reactivate',
    { summary: 'Aktifkan kembali pengguna (admin)', params: UserParams, ...done },
    (c) => setActive(db, c.principal, c.params.username, true),
  );
  on.post(
    '/api/users/:username/totp-reset',
    {
      summary: 'Hapus verifikasi dua langkah pengguna yang kehilangan perangkat (admin)',
      params: UserParams,
      ...done,
    },
    (c) => resetTotpOf(db, c.principal, c.params.username),
  );
  on.get(
    '/api/users/:username/access',
    { summary: 'Sesi dan token API seorang pengguna (admin)', params: UserParams, reply: Access },
    async (c) => accessView(await listAccessOf(db, c.principal, c.params.username)),
  );
  on.delete(
    '/api/users/:username/sessions/:id',
    { summary: 'Akhiri sesi seorang pengguna (admin)', params: sessionParams, ...done },
    (c) => endSessionOf(db, c.principal, c.params.username, c.params.id),
  );
  on.delete(
    '/api/users/:username/tokens/:id',
    { summary: 'Cabut token API seorang pengguna (admin)', params: sessionParams, ...done },
    (c) => revokeTokenOf(db, c.principal, c.params.username, c.params.id),
  );
}
