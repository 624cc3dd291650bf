import { z } from 'zod';
import { RegionCode } from './regions.ts';

export const Role = z.enum(['relawan', 'operator', 'koordinator', 'provinsi', 'mitra', 'admin', 'ppdp']);
export type Role = z.infer<typeof Role>;

export const Scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('region'), code: RegionCode, name: z.string() }),
  z.object({ kind: z.literal('bakorwil'), id: z.string(), name: z.string() }),
]);
export type Scope = z.infer<typeof Scope>;

/** A user's names: the sign-in name and the name others see. */
export const UserNames = z.object({ username: z.string(), displayName: z.string() });

/** Who a user is: the account, its names and its role. */
export const UserIdentity = z.object({
  id: z.string(),
  ...UserNames.shape,
  role: Role,
});

export const Me = z.object({
  ...UserIdentity.shape,
  scope: Scope,
  agencyId: z.string().nullable(),
  /** The second factor: whether it is confirmed, and whether the user's role must have one. */
  totp: z.object({ isEnabled: z.boolean(), isRequired: z.boolean() }),
});
export type Me = z.infer<typeof Me>;

/** A user as the admin's list shows them: never the password hash. */
export const UserView = z.object({
  ...UserIdentity.shape,
  scopeRegionCode: z.string().nullable(),
  scopeBakorwilId: z.string().nullable(),
  agencyId: z.string().nullable(),
  isActive: z.boolean(),
  hasTotp: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

export const Username = z
  .string()
  .min(3, 'Nama pengguna minimal 3 karakter')
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'Nama pengguna hanya huruf, angka, titik, garis bawah atau tanda hubung');

export const Password = z.string().min(10, 'Kata sandi minimal 10 karakter').max(200);

export const LoginInput = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
  /** The 6-digit code of the authenticator app, or a recovery code. */
  totp: z.string().max(40).optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const LoginResult = z.object({ user: Me, csrfToken: z.string() });

export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1), newPassword: Password });

/** A credential (an API token, an ODK device's token) as a list shows it: its label, when made and last used. */
export const CredentialUse = z.object({
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

/** A signed-in session as its user or an admin sees it (times in WIB). */
export const SessionView = z.object({
  id: z.string(),
  userAgent: z.string(),
  address: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** The session this request came with. */
  isCurrent: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

/** An API token as its owner or an admin sees it; never the token itself (times in WIB). */
export const TokenView = z.object({
  id: z.string(),
  ...CredentialUse.shape,
  expiresAt: z.string(),
});
export type TokenView = z.infer<typeof TokenView>;

/** A user's ways in: live sessions and live API tokens. */
export const Access = z.object({ sessions: z.array(SessionView), tokens: z.array(TokenView) });
export type Access = z.infer<typeof Access>;

export const CreateTokenInput = z.object({
  label: z.string().max(120).default(''),
  /** How many days the token works; 90 unless chosen. */
  expiresInDays: z.number().int().min(1).max(365).default(90),
});

/** A new token: shown once, with when it stops working. */
export const TokenCreated = z.object({ id: z.string(), token: z.string(), expiresAt: z.string() });

/** The start of enrolment in the second factor: the secret, for typing, and as a QR code. */
export const TotpEnrollment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export type TotpEnrollment = z.infer<typeof TotpEnrollment>;

export const TotpConfirmInput = z.object({ code: z.string().min(6).max(12) });

/** The recovery codes, shown once when enrolment is confirmed. */
export const TotpConfirmed = z.object({ recoveryCodes: z.array(z.string()) });
