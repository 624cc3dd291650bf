import { appendAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import { type ActorContext, type Database, singleStatements, type Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { digest, newSecret, verifyPassword } from '../../platform/passwords.ts';
import { type Acting, authorize, authorizeActing } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import {
  PRINCIPAL_REUSE_MS,
  principalsChanged,
  recallPrincipal,
  rememberPrincipal,
} from '../../platform/principals.ts';
import { principalFrom, principalOf } from '../users/users-service.ts';
import * as users from '../users/users-store.ts';
import { listFailedSignInSources, rememberDevice } from './auth-store.ts';
import { realSleep, type Sleep, throttleSource, withThrottle } from './auth-throttle.ts';
import { checkSecondFactor } from './totp-service.ts';

type AuthConfig = Pick<
  Config,
  'sessionIdleMinutes' | 'sessionMaxHours' | 'loginMaxFailures' | 'loginLockMinutes'
>;

/** What a successful sign-in hands the client: the cookie values and the CSRF token. */
export type SignIn = { principal: Principal; sessionToken: string; csrfToken: string; deviceToken: string };

/** A sign-in as the client sends it, with where it comes from. */
export type LoginAttempt = {
  username: string;
  password: string;
  /** The network address of the request. */
  address: string;
  userAgent?: string;
  /** The device cookie, when this browser signed in before. */
  deviceToken?: string;
  /** The second-factor code (6 digits) or a recovery code, for a user who has one. */
  totp?: string;
};

/**
 * Signs a user in. Unknown users and wrong passwords get the same error after the same work, and both
 * count towards the lock of the typed username from this address (or this known device) only.
 */
export async function login(
  db: Database,
  config: AuthConfig,
  attempt: LoginAttempt,
  sleep: Sleep = realSleep,
): Promise<SignIn> {
  const key = attempt.username.trim().toLowerCase();
  const deviceHash = attempt.deviceToken ? digest(attempt.deviceToken) : undefined;
  const source = await throttleSource(db, key, attempt.address, deviceHash);
  const user = await withThrottle(
    db,
    config,
    { purpose: 'login', usernameKey: key, source },
    async () => {
      const found = await db.asSystem((tx) => users.findUserByUsername(tx, key));
      const ok = await verifyPassword(found?.passwordHash, attempt.password);
      if (!ok || !found?.isActive) {
        throw new DomainError('invalid_credentials', 'Nama pengguna atau kata sandi salah');
      }
      return found;
    },
    sleep,
  );
  if (user.hasTotp) {
    const code = attempt.totp?.trim();
    if (!code) throw new DomainError('totp_required', 'Masukkan kode verifikasi dari aplikasi autentikator');
    const used = await withThrottle(
      db,
      config,
      { purpose: 'totp', usernameKey: key, source },
      () => db.asSystem((tx) => checkSecondFactor(tx, user.id, code)),
      sleep,
    );
    if (used === 'recovery') {
      await db.asSystem((tx) =>
        appendAudit(tx, { id: user.id, label: user.username }, 'auth.recovery_code_used', {
          type: 'user',
          id: user.id,
        }),
      );
    }
  }

  const sessionToken = newSecret();
  const csrfToken = newSecret(24);
  const deviceToken = attempt.deviceToken ?? newSecret();
  const expiresAt = new Date(Date.now() + config.sessionMaxHours * 3_600_000);
  const principal = await db.asSystem(async (tx) => {
    await users.insertSession(tx, {
      tokenHash: digest(sessionToken),
      userId: user.id,
      csrfToken,
      expiresAt,
      userAgent: attempt.userAgent ?? '',
      address: attempt.address,
    });
    await rememberDevice(tx, digest(deviceToken), user.id);
    const p = await principalOf(tx, user);
    await appendAudit(tx, p, 'auth.login', { type: 'user', id: user.id });
    return p;
  });
  return { principal, sessionToken, csrfToken, deviceToken };
}

/** The principal behind a session cookie, or undefined when it is unknown, idle too long or past its end. */
export function resolveSession(
  db: Database,
  config: AuthConfig,
  sessionToken: string,
): Promise<ResolvedSession | undefined> {
  return resolveSessionHash(db, config, digest(sessionToken), Date.now());
}

type ResolvedSession = { principal: Principal; csrfToken: string; tokenHash: string };

async function resolveSessionHash(
  db: Database,
  config: AuthConfig,
  tokenHash: string,
  now: number,
): Promise<ResolvedSession | undefined> {
  const recalled = recallPrincipal<ResolvedSession>(`session:${tokenHash}`, now);
  if (recalled) return recalled;
  const session = await users.findSessionWithUser(singleStatements(db), tokenHash);
  if (!session) return undefined;
  const idleLimit = session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  if (now > idleLimit || now > session.expiresAt.getTime()) {
    await users.deleteSession(singleStatements(db), tokenHash);
    return undefined;
  }
  if (!session.user.isActive) return undefined;
  // One write a minute at most, not one per request.
  if (now - session.lastSeenAt.getTime() > 60_000) await users.touchSession(singleStatements(db), tokenHash);
  const resolved: ResolvedSession = {
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
  return recallPrincipal<Principal>(`token:${tokenHash}`, now) ?? resolveTokenHash(db, tokenHash, now);
}

async function resolveTokenHash(
  db: Database,
  tokenHash: string,
  now: number,
): Promise<Principal | undefined> {
  const user = await users.findApiTokenOwner(singleStatements(db), tokenHash);
  if (!user?.isActive) return undefined;
  const principal = principalFrom(user, user.bakorwilMembers);
  // A token skips the second factor, so its use is on the record: once a minute at most, like its last use.
  if (user.wasTouched) {
    await db.asSystem((tx) => appendAudit(tx, principal, 'api_token.used', user.tokenId));
  }
  rememberPrincipal(
    `token:${tokenHash}`,
    principal,
    Math.min(now + PRINCIPAL_REUSE_MS, user.tokenExpiresAt.getTime()),
  );
  return principal;
}

/** What a request signed in with: a session cookie or an API token, by the hash of its secret. */
export type Credential = { kind: 'session' | 'token'; tokenHash: string };

/**
 * Whether a credential still signs in the actor it signed in (not ended, revoked, expired, or its user
 * deactivated), with the same role, region scope and agency: a scope that changed since (a Bakorwil's members)
 * is another actor, whom a stream opened before must not go on serving.
 */
export async function isCredentialLive(
  db: Database,
  config: AuthConfig,
  credential: Credential,
  actor: ActorContext,
): Promise<boolean> {
  const now = Date.now();
  const principal =
    credential.kind === 'token'
      ? (recallPrincipal<Principal>(`token:${credential.tokenHash}`, now) ??
        (await resolveTokenHash(db, credential.tokenHash, now)))
      : (await resolveSessionHash(db, config, credential.tokenHash, now))?.principal;
  return principal !== undefined && isSameActor(principal.actor, actor);
}

function isSameActor(a: ActorContext, b: ActorContext): boolean {
  const scopeOf = (actor: ActorContext) => [...actor.scope].sort().join(' ');
  return a.userId === b.userId && a.role === b.role && a.agencyId === b.agencyId && scopeOf(a) === scopeOf(b);
}

export async function logout(db: Database, principal: Principal, tokenHash: string): Promise<void> {
  await db.asSystem(async (tx) => {
    await users.deleteSession(tx, tokenHash);
    principalsChanged(tx);
    await appendAudit(tx, principal, 'auth.logout', { type: 'user', id: principal.user.id });
  });
}

/** Creates an API token for a user; the token itself is shown once and stored only as a hash. */
/** How long a token works unless its maker chooses otherwise. */
export const DEFAULT_TOKEN_DAYS = 90;

/** The longest a token may be made to work. */
export const MAX_TOKEN_DAYS = 365;

/** Creates an API token for a user; the token itself is shown once and stored only as a hash. */
export async function createApiToken(
  db: Database,
  acting: Acting,
  username: string,
  label = '',
  days = DEFAULT_TOKEN_DAYS,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const by = authorizeActing(acting, 'account.tokens');
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    throw new DomainError('validation_failed', `Masa berlaku token 1–${MAX_TOKEN_DAYS} hari`);
  }
  const token = `sgp_${newSecret()}`;
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const id = await db.asSystem(async (tx) => {
    const user = foundOr(
      await users.findUserByUsername(tx, username),
      `Pengguna ${username} tidak ditemukan`,
    );
    const tokenId = await users.insertApiToken(tx, {
      userId: user.id,
      tokenHash: digest(token),
      label,
      expiresAt,
    });
    await appendAudit(tx, by, 'api_token.created', tokenId, {
      userId: user.id,
      expiresAt: expiresAt.toISOString(),
    });
    return tokenId;
  });
  return { id, token, expiresAt };
}

export async function revokeApiToken(db: Database, principal: Principal, tokenId: string): Promise<void> {
  authorize(principal, 'account.tokens');
  await db.asSystem(async (tx) => {
    if (!(await users.revokeApiToken(tx, principal.user.id, tokenId))) {
      throw new DomainError('not_found', 'Token tidak ditemukan');
    }
    await appendAudit(tx, principal, 'api_token.revoked', tokenId);
  });
}

/** Addresses where many accounts failed to sign in lately (the privacy module's anomaly signal reads this). */
export function failedSignInSources(
  tx: Tx,
  since: Date,
  minAccounts: number,
): Promise<{ source: string; accounts: number }[]> {
  return listFailedSignInSources(tx, since, minAccounts);
}
