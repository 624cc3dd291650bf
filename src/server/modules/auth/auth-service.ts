import { appendAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { digest, newSecret, verifyPassword } from '../../platform/passwords.ts';
import {
  PRINCIPAL_REUSE_MS,
  principalsChanged,
  recallPrincipal,
  rememberPrincipal,
} from '../../platform/principals.ts';
import { type Principal, principalFrom, principalOf } from '../users/users-service.ts';
import * as users from '../users/users-store.ts';

type AuthConfig = Pick<
  Config,
  'sessionIdleMinutes' | 'sessionMaxHours' | 'loginMaxFailures' | 'loginLockMinutes'
>;

/** What a successful sign-in hands the client: the cookie value and the CSRF token. */
export type SignIn = { principal: Principal; sessionToken: string; csrfToken: string };

const SLOWDOWN_STEP_MS = 250;

/** The pause before answering a failed sign-in: grows with each failure, so guessing is slow. */
export function failureDelayMs(failures: number): number {
  return Math.min(Math.max(failures - 1, 0), 8) * SLOWDOWN_STEP_MS;
}

function lockedError(lockedUntil: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
  return new DomainError(
    'login_locked',
    `Terlalu banyak percobaan masuk. Coba lagi dalam ${minutes} menit.`,
    { retryAfterMinutes: minutes },
  );
}

/**
 * Signs a user in. Unknown users and wrong passwords get the same error after the same work, and both
 * count towards the lock on the typed username, so the reply never tells whether a username exists.
 */
export async function login(
  db: Database,
  config: AuthConfig,
  username: string,
  password: string,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<SignIn> {
  const key = username.trim().toLowerCase();
  const before = await db.asSystem((tx) => users.findLoginFailure(tx, key));
  if (before?.lockedUntil && before.lockedUntil.getTime() > Date.now()) throw lockedError(before.lockedUntil);

  const user = await db.asSystem((tx) => users.findUserByUsername(tx, key));
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!ok || !user?.isActive) {
    const after = await db.asSystem((tx) =>
      users.recordLoginFailure(tx, key, config.loginMaxFailures, config.loginLockMinutes),
    );
    await sleep(failureDelayMs(after.failures));
    if (after.lockedUntil) throw lockedError(after.lockedUntil);
    throw new DomainError('invalid_credentials', 'Nama pengguna atau kata sandi salah');
  }

  const sessionToken = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(Date.now() + config.sessionMaxHours * 3_600_000);
  const principal = await db.asSystem(async (tx) => {
    await users.clearLoginFailures(tx, key);
    await users.insertSession(tx, { tokenHash: digest(sessionToken), userId: user.id, csrfToken, expiresAt });
    const p = await principalOf(tx, user);
    await appendAudit(tx, p.audit, 'auth.login', { type: 'user', id: user.id });
    return p;
  });
  return { principal, sessionToken, csrfToken };
}

/** Single statements outside a transaction, for the checks every request makes. */
function direct(db: Database): Tx {
  return {
    query: db.systemQuery,
    one: async (text, params) => (await db.systemQuery(text, params))[0] as never,
    atCommit: () => {
      throw new Error('a single statement has no commit to join');
    },
  };
}

/** The principal behind a session cookie, or undefined when it is unknown, idle too long or past its end. */
export async function resolveSession(
  db: Database,
  config: AuthConfig,
  sessionToken: string,
): Promise<{ principal: Principal; csrfToken: string; tokenHash: string } | undefined> {
  const tokenHash = digest(sessionToken);
  const now = Date.now();
  type Resolved = { principal: Principal; csrfToken: string; tokenHash: string };
  const recalled = recallPrincipal<Resolved>(`session:${tokenHash}`, now);
  if (recalled) return recalled;
  const session = await users.findSessionWithUser(direct(db), tokenHash);
  if (!session) return undefined;
  const idleLimit = session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  if (now > idleLimit || now > session.expiresAt.getTime()) {
    await users.deleteSession(direct(db), tokenHash);
    return undefined;
  }
  if (!session.user.isActive) return undefined;
  // One write a minute at most, not one per request.
  if (now - session.lastSeenAt.getTime() > 60_000) await users.touchSession(direct(db), tokenHash);
  const resolved: Resolved = {
    principal: principalFrom(session.user, session.user.bakorwilMembers),
    csrfToken: session.csrfToken,
    tokenHash,
  };
  const until = Math.min(now + PRINCIPAL_REUSE_MS, idleLimit, session.expiresAt.getTime());
  rememberPrincipal(`session:${tokenHash}`, resolved, until);
  return resolved;
}

/** The principal behind a bearer API token, or undefined: one statement, then reused for a few seconds. */
export async function resolveApiToken(db: Database, token: string): Promise<Principal | undefined> {
  const tokenHash = digest(token);
  const now = Date.now();
  const recalled = recallPrincipal<Principal>(`token:${tokenHash}`, now);
  if (recalled) return recalled;
  const user = await users.findApiTokenOwner(direct(db), tokenHash);
  if (!user?.isActive) return undefined;
  const principal = principalFrom(user, user.bakorwilMembers);
  rememberPrincipal(`token:${tokenHash}`, principal, now + PRINCIPAL_REUSE_MS);
  return principal;
}

export async function logout(db: Database, principal: Principal, tokenHash: string): Promise<void> {
  await db.asSystem(async (tx) => {
    await users.deleteSession(tx, tokenHash);
    principalsChanged(tx);
    await appendAudit(tx, principal.audit, 'auth.logout', { type: 'user', id: principal.user.id });
  });
}

/** Creates an API token for a user; the token itself is shown once and stored only as a hash. */
export async function createApiToken(
  db: Database,
  by: { id: string | null; label: string },
  username: string,
  label = '',
): Promise<{ id: string; token: string }> {
  const token = `sgp_${newSecret()}`;
  const id = await db.asSystem(async (tx) => {
    const user = await users.findUserByUsername(tx, username);
    if (!user) throw new DomainError('not_found', `Pengguna ${username} tidak ditemukan`);
    const tokenId = await users.insertApiToken(tx, user.id, digest(token), label);
    await appendAudit(tx, by, 'api_token.created', { type: 'api_token', id: tokenId }, { userId: user.id });
    return tokenId;
  });
  return { id, token };
}

export async function revokeApiToken(db: Database, principal: Principal, tokenId: string): Promise<void> {
  await db.asSystem(async (tx) => {
    if (!(await users.revokeApiToken(tx, principal.user.id, tokenId))) {
      throw new DomainError('not_found', 'Token tidak ditemukan');
    }
    await appendAudit(tx, principal.audit, 'api_token.revoked', { type: 'api_token', id: tokenId });
  });
}
