import { z } from 'zod';
import { RegionCode } from './regions.ts';

export const Role = z.enum(['relawan', 'operator', 'koordinator', 'provinsi', 'mitra', 'admin']);
export type Role = z.infer<typeof Role>;

/** Roles whose visibility is a region scope (plus grants); relawan and mitra see only what reaches them. */
export const SCOPED_ROLES: readonly Role[] = ['operator', 'koordinator', 'provinsi', 'admin'];

export const Scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('region'), code: RegionCode, name: z.string() }),
  z.object({ kind: z.literal('bakorwil'), id: z.string(), name: z.string() }),
]);
export type Scope = z.infer<typeof Scope>;

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  scope: Scope,
  agencyId: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const Username = z
  .string()
  .min(3, 'Nama pengguna minimal 3 karakter')
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'Nama pengguna hanya huruf, angka, titik, garis bawah atau tanda hubung');

export const Password = z.string().min(10, 'Kata sandi minimal 10 karakter').max(200);

export const LoginInput = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const LoginResult = z.object({ user: Me, csrfToken: z.string() });

export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1), newPassword: Password });
