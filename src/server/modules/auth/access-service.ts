// Sessions and API tokens as their user sees them — and an admin, for anyone — with ending any of them.
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import type { Access as AccessView } from '../../../shared/users.ts';
import { type AuditActor, appendAudit } from '../../platform/audit.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { type Acting, authorizeActing } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import * as users from '../users/users-store.ts';

/** A user's ways in: their live sessions and their live API tokens. */
export type Access = { sessions: users.SessionView[]; tokens: users.TokenView[] };

async function userNamed(tx: Tx, username: string): Promise<users.UserRecord> {
  return foundOr(await users.findUserByUsername(tx, username), `Pengguna ${username} tidak ditemukan`);
}

/** The signed-in user's sessions (the asking one marked) and tokens. */
export function listOwnAccess(
  db: Database,
  principal: Principal,
  currentSessionHash?: string,
): Promise<Access> {
  return db.asSystem(async (tx) => ({
    sessions: await users.listUserSessions(tx, principal.user.id, currentSessionHash),
    tokens: await users.listUserTokens(tx, principal.user.id),
  }));
}

/** Another user's sessions and tokens, for an admin (or the CLI). */
export async function listAccessOf(db: Database, acting: Acting, username: string): Promise<Access> {
  authorizeActing(acting, 'user.manage');
  return db.asSystem(async (tx) => {
    const user = await userNamed(tx, username);
    return {
      sessions: await users.listUserSessions(tx, user.id),
      tokens: await users.listUserTokens(tx, user.id),
    };
  });
}

async function endSessionOfUser(tx: Tx, by: AuditActor, userId: string, sessionId: string): Promise<void> {
  if (!(await users.deleteSessionById(tx, userId, sessionId))) {
    throw new DomainError('not_found', 'Sesi tidak ditemukan');
  }
  await appendAudit(tx, by, 'session.ended', { type: 'user', id: userId }, { sessionId });
}

/** Ends one of the signed-in user's own sessions (this one included, which signs them out). */
export function endOwnSession(db: Database, principal: Principal, sessionId: string): Promise<void> {
  return db.asSystem((tx) => endSessionOfUser(tx, principal.audit, principal.user.id, sessionId));
}

/** Ends another user's session (admin). */
export async function endSessionOf(
  db: Database,
  acting: Acting,
  username: string,
  sessionId: string,
): Promise<void> {
  const by = authorizeActing(acting, 'user.manage');
  return db.asSystem(async (tx) => endSessionOfUser(tx, by, (await userNamed(tx, username)).id, sessionId));
}

/** Revokes another user's API token (admin or CLI); not_found when the token is not theirs or already dead. */
export async function revokeTokenOf(
  db: Database,
  acting: Acting,
  username: string,
  tokenId: string,
): Promise<void> {
  const by = authorizeActing(acting, 'user.manage');
  return db.asSystem(async (tx) => {
    const user = await userNamed(tx, username);
    if (!(await users.revokeApiToken(tx, user.id, tokenId))) {
      throw new DomainError('not_found', 'Token tidak ditemukan');
    }
    await appendAudit(tx, by, 'api_token.revoked', tokenId, { userId: user.id });
  });
}

/** Sessions and tokens as the API sends them: times in WIB. */
export function accessView(access: Access): AccessView {
  return {
    sessions: access.sessions.map((s) => ({
      ...s,
      createdAt: toWibIso(s.createdAt),
      lastSeenAt: toWibIso(s.lastSeenAt),
      expiresAt: toWibIso(s.expiresAt),
    })),
    tokens: access.tokens.map((t) => ({
      ...t,
      createdAt: toWibIso(t.createdAt),
      lastUsedAt: toWibIsoOrNull(t.lastUsedAt),
      expiresAt: toWibIso(t.expiresAt),
    })),
  };
}
