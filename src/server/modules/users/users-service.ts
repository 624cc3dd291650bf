import { STAFF } from '../../../shared/permissions/roles.ts';
import { levelOfCode } from '../../../shared/regions.ts';
import { type Me, Password, type Role, Username } from '../../../shared/users.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { generatePassword, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { type Acting, authorize, authorizeActing } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { clearUserAuthFailures } from '../auth/auth-store.ts';
import { findBakorwil, findRegion } from '../regions/regions-service.ts';
import { findAgency } from '../settings/settings-service.ts';
import { passwordWeakness } from './password-rules.ts';
import * as store from './users-store.ts';

/** Builds the row-level security context of a user: the region prefixes they oversee. */
export async function principalOf(tx: Tx, user: store.UserRecord): Promise<Principal> {
  const members = user.scopeBakorwilId ? await store.findBakorwilMembers(tx, user.scopeBakorwilId) : [];
  return principalFrom(user, members);
}

/** The principal of a user whose Bakorwil members (if any) are already known. */
export function principalFrom(user: store.UserRecord, bakorwilMembers: readonly string[]): Principal {
  let scope: string[] = [];
  // The office roles oversee a region (or a Bakorwil); relawan and mitra see only what reaches them.
  if (STAFF.includes(user.role)) {
    scope = user.scopeBakorwilId ? [...bakorwilMembers] : [user.scopeRegionCode as string];
  }
  const { passwordHash: _, ...rest } = user;
  return {
    user: rest,
    actor: { userId: user.id, role: user.role, scope, agencyId: user.agencyId },
    audit: { id: user.id, label: user.username },
  };
}

/** The user as GET /api/me shows them. */
export async function describeMe(
  db: Database,
  principal: Principal,
  totpRequiredRoles: readonly Role[],
): Promise<Me> {
  const { user } = principal;
  const name = await db.asSystem((tx) => store.findScopeName(tx, user as store.UserRecord));
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scope: user.scopeBakorwilId
      ? { kind: 'bakorwil', id: user.scopeBakorwilId, name }
      : { kind: 'region', code: user.scopeRegionCode as string, name },
    agencyId: user.agencyId,
    totp: { isEnabled: user.hasTotp, isRequired: totpRequiredRoles.includes(user.role) },
  };
}

export type NewUser = {
  username: string;
  displayName?: string;
  role: Role;
  /** A region code ('35.09') or a Bakorwil id ('V'). */
  region: string;
  agencyId?: string | null;
  password?: string;
};

/** Creates a user; returns the user and the password (generated when none was given). */
export async function createUser(
  db: Database,
  acting: Acting,
  input: NewUser,
): Promise<{ user: store.UserRecord; password: string }> {
  const by = authorizeActing(acting, 'user.manage');
  const username = Username.safeParse(input.username);
  if (!username.success) throw new DomainError('validation_failed', username.error.issues[0].message);
  const password = input.password ?? generatePassword();
  const passwordCheck = Password.safeParse(password);
  if (!passwordCheck.success)
    throw new DomainError('validation_failed', passwordCheck.error.issues[0].message);
  const passwordHash = await hashPassword(password);
  return db.asSystem(async (tx) => {
    if (await store.findUserByUsername(tx, input.username)) {
      throw new DomainError('conflict', `Nama pengguna ${input.username} sudah dipakai`);
    }
    const scope = await resolveScope(tx, input.role, input.region);
    if (input.role === 'mitra') {
      const agency = input.agencyId ? await findAgency(tx, input.agencyId) : undefined;
      if (!agency?.isActive)
        throw new DomainError(
          'validation_failed',
          'Pengguna mitra harus terhubung ke lembaga mitra yang ada',
        );
    }
    const user = await store.insertUser(tx, {
      username: input.username,
      displayName: input.displayName?.trim() || input.username,
      role: input.role,
      ...scope,
      agencyId: input.role === 'mitra' ? (input.agencyId ?? null) : null,
      passwordHash,
    });
    await appendAudit(tx, by, 'user.created', user.id, { role: user.role, ...scope });
    return { user, password };
  });
}

async function resolveScope(
  tx: Tx,
  role: Role,
  region: string,
): Promise<{ scopeRegionCode: string | null; scopeBakorwilId: string | null }> {
  const bakorwil = await findBakorwil(tx, region);
  if (bakorwil) return { scopeRegionCode: null, scopeBakorwilId: bakorwil.id };
  const known = await findRegion(tx, region);
  if (!known) {
    throw new DomainError(
      'validation_failed',
      `Wilayah tidak dikenal: ${region} (kode Kemendagri atau Bakorwil I–V)`,
    );
  }
  if (role === 'operator' && levelOfCode(region) !== 'kabkota' && levelOfCode(region) !== 'kecamatan') {
    throw new DomainError('validation_failed', 'Operator bertugas di satu kab/kota (mis. 35.09)');
  }
  if (role === 'provinsi' && region !== '35') {
    throw new DomainError('validation_failed', 'Pengguna provinsi berlingkup 35 (Jawa Timur)');
  }
  if (role === 'ppdp' && region !== '35') {
    throw new DomainError('validation_failed', 'Pejabat pelindung data pribadi berlingkup 35 (Jawa Timur)');
  }
  return { scopeRegionCode: region, scopeBakorwilId: null };
}

/** Sets a new password for a user (admin or CLI) and ends their sessions and API tokens; returns the password. */
export async function resetPassword(
  db: Database,
  acting: Acting,
  username: string,
  newPassword?: string,
): Promise<string> {
  const by = authorizeActing(acting, 'user.manage');
  const password = newPassword ?? generatePassword();
  const check = Password.safeParse(password);
  if (!check.success) throw new DomainError('validation_failed', check.error.issues[0].message);
  const passwordHash = await hashPassword(password);
  await db.asSystem(async (tx) => {
    const user = foundOr(
      await store.findUserByUsername(tx, username),
      `Pengguna ${username} tidak ditemukan`,
    );
    await store.updatePasswordHash(tx, user.id, passwordHash);
    await store.deleteUserSessions(tx, user.id);
    const tokensRevoked = await store.revokeUserTokens(tx, user.id);
    await clearUserAuthFailures(tx, user.username.toLowerCase());
    await appendAudit(tx, by, 'user.password_reset', user.id, { tokensRevoked });
  });
  return password;
}

/** A user changes their own password, proving the current one; their other sessions and their tokens end. */
export async function changeOwnPassword(
  db: Database,
  principal: Principal,
  currentPassword: string,
  newPassword: string,
  keepSessionHash?: string,
): Promise<void> {
  const user = await db.asSystem((tx) => store.findUserById(tx, principal.user.id));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new DomainError('invalid_credentials', 'Kata sandi saat ini salah');
  }
  const weakness = passwordWeakness(newPassword, user);
  if (weakness)
    throw new DomainError('validation_failed', weakness, { field: 'newPassword', reason: 'weak' });
  const passwordHash = await hashPassword(newPassword);
  await db.asSystem(async (tx) => {
    await store.updatePasswordHash(tx, user.id, passwordHash);
    await store.deleteUserSessions(tx, user.id, keepSessionHash);
    const tokensRevoked = await store.revokeUserTokens(tx, user.id);
    await appendAudit(tx, principal, 'user.password_changed', user.id, { tokensRevoked });
  });
}

/**
 * Deactivates or reactivates a user (admin or CLI). Deactivating ends their sessions, revokes their tokens
 * (and so their live-event streams) at once and refuses their sign-in; the user stays, for history.
 * Nobody deactivates themselves, so the last admin cannot lock everyone out by mistake.
 */
export async function setActive(
  db: Database,
  acting: Acting,
  username: string,
  isActive: boolean,
): Promise<void> {
  const by = authorizeActing(acting, 'user.manage');
  await db.asSystem(async (tx) => {
    const user = foundOr(
      await store.findUserByUsername(tx, username),
      `Pengguna ${username} tidak ditemukan`,
    );
    if (!isActive && by.id === user.id) {
      throw new DomainError('conflict', 'Anda tidak dapat menonaktifkan akun sendiri');
    }
    if (user.isActive === isActive) return;
    await store.setUserActive(tx, user.id, isActive);
    let tokensRevoked = 0;
    if (!isActive) {
      await store.deleteUserSessions(tx, user.id);
      tokensRevoked = await store.revokeUserTokens(tx, user.id);
    }
    const action = isActive ? 'user.reactivated' : 'user.deactivated';
    await appendAudit(
      tx,
      by,
      action,
      { type: 'user', id: user.id },
      isActive ? undefined : { tokensRevoked },
    );
  });
}

/** Makes sure the administrator exists; returns the generated password when one was made up. */
export async function ensureAdmin(
  db: Database,
  configuredPassword: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  const existing = await db.asSystem((tx) => store.findUserByUsername(tx, 'admin'));
  if (existing) return { created: false };
  const { password } = await createUser(
    db,
    { id: null, label: 'sistem' },
    {
      username: 'admin',
      displayName: 'Administrator',
      role: 'admin',
      region: '35',
      password: configuredPassword,
    },
  );
  return { created: true, generatedPassword: configuredPassword ? undefined : password };
}

/** Every user, for the admin console. */
export async function listAllUsers(
  db: Database,
  principal: Principal,
): Promise<Omit<store.UserRecord, 'passwordHash'>[]> {
  authorize(principal, 'user.manage');
  const rows = await db.asSystem((tx) => store.listUsers(tx));
  return rows.map(({ passwordHash: _, ...rest }) => rest);
}

/** A user by id, inside the caller's transaction (a channel acting as the user who sent a message). */
export function findUserById(tx: Tx, id: string): Promise<store.UserRecord | undefined> {
  return store.findUserById(tx, id);
}

/**
 * Who a user is — name, role, whether active — inside an actor's transaction, which may read no credentials
 * (a case assigning the user, a workshop naming its action's owner).
 */
export function findUserCard(
  tx: Tx,
  id: string,
): Promise<{ id: string; displayName: string; role: string; isActive: boolean } | undefined> {
  return store.findUserCard(tx, id);
}

/** The active accounts of one role, inside the caller's transaction (the admins told of a failed backup). */
export function listActiveUserIds(tx: Tx, role: Role): Promise<string[]> {
  return store.listActiveUserIds(tx, role);
}

/** The active mitra accounts of a partner agency, inside the caller's transaction. */
export function listAgencyUserIds(tx: Tx, agencyId: string): Promise<string[]> {
  return store.listAgencyUserIds(tx, agencyId);
}

/** A user by username, inside the caller's transaction (a channel's system reporter). */
export function findUserByUsername(tx: Tx, username: string): Promise<store.UserRecord | undefined> {
  return store.findUserByUsername(tx, username);
}

/**
 * Sets the user's own phone in `tx` (owner rights): messages from it report as the user, and notices go to it.
 * Refused when another account has the number.
 */
export async function setOwnPhone(tx: Tx, userId: string, phone: string | null): Promise<void> {
  if (!(await store.setPhone(tx, userId, phone))) {
    throw new DomainError('conflict', 'Nomor ini sudah dipakai akun lain', { field: 'phone' });
  }
}
