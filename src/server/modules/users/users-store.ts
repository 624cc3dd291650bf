import type { Tx } from '../../platform/db.ts';
import type { UserIdentity } from '../../platform/principal.ts';
import { principalsChanged } from '../../platform/principals.ts';

/** A user as the server knows it (never sent as is: no password hash leaves the server). */
export type UserRecord = UserIdentity & { passwordHash: string };

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.role,
  u.scope_region_code AS "scopeRegionCode", u.scope_bakorwil_id AS "scopeBakorwilId",
  u.agency_id AS "agencyId", u.is_active AS "isActive", u.password_hash AS "passwordHash", u.created_at AS "createdAt",
  u.totp_enabled_at IS NOT NULL AS "hasTotp"`;

export async function findUserByUsername(tx: Tx, username: string): Promise<UserRecord | undefined> {
  return tx.one<UserRecord>(`SELECT ${USER_COLUMNS} FROM users u WHERE lower(u.username) = lower($1)`, [
    username,
  ]);
}

export async function findUserById(tx: Tx, id: string): Promise<UserRecord | undefined> {
  return tx.one<UserRecord>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
}

export async function listUsers(tx: Tx): Promise<UserRecord[]> {
  return tx.query<UserRecord>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY lower(u.username)`);
}

export async function insertUser(
  tx: Tx,
  user: Omit<UserRecord, 'id' | 'isActive' | 'createdAt' | 'hasTotp'>,
): Promise<UserRecord> {
  return (await tx.one<UserRecord>(
    `INSERT INTO users AS u (username, display_name, role, scope_region_code, scope_bakorwil_id, agency_id, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${USER_COLUMNS}`,
    [
      user.username,
      user.displayName,
      user.role,
      user.scopeRegionCode,
      user.scopeBakorwilId,
      user.agencyId,
      user.passwordHash,
    ],
  ))!;
}

export async function updatePasswordHash(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  principalsChanged(tx);
  await tx.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [
    userId,
    passwordHash,
  ]);
}

export async function setUserActive(tx: Tx, userId: string, isActive: boolean): Promise<void> {
  principalsChanged(tx);
  await tx.query('UPDATE users SET is_active = $2 WHERE id = $1', [userId, isActive]);
}

/** Who a user is, in the columns the app role may read (an actor's transaction): no credentials. */
export function findUserCard(
  tx: Tx,
  id: string,
): Promise<{ id: string; displayName: string; role: string; isActive: boolean } | undefined> {
  return tx.one(
    'SELECT id, display_name AS "displayName", role, is_active AS "isActive" FROM users WHERE id = $1',
    [id],
  );
}

/** The active accounts of one role. */
export async function listActiveUserIds(tx: Tx, role: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>('SELECT id FROM users WHERE role = $1 AND is_active', [role]);
  return rows.map((row) => row.id);
}

/** The active mitra accounts of a partner agency: who answers its dispositions. */
export async function listAgencyUserIds(tx: Tx, agencyId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    "SELECT id FROM users WHERE role = 'mitra' AND agency_id = $1 AND is_active",
    [agencyId],
  );
  return rows.map((row) => row.id);
}

export async function findBakorwilMembers(tx: Tx, bakorwilId: string): Promise<string[]> {
  const rows = await tx.query<{ code: string }>(
    'SELECT kabkota_code AS code FROM bakorwil_members WHERE bakorwil_id = $1 ORDER BY 1',
    [bakorwilId],
  );
  return rows.map((row) => row.code);
}

export async function findScopeName(tx: Tx, user: UserRecord): Promise<string> {
  const row = user.scopeBakorwilId
    ? await tx.one<{ name: string }>('SELECT name FROM bakorwil WHERE id = $1', [user.scopeBakorwilId])
    : await tx.one<{ name: string }>('SELECT name FROM regions WHERE code = $1', [user.scopeRegionCode]);
  return row?.name ?? '';
}

// ── Sessions and API tokens ──────────────────────────────────────────────────────────────────
export type SessionRecord = { userId: string; csrfToken: string; lastSeenAt: Date; expiresAt: Date };

export async function insertSession(
  tx: Tx,
  session: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    userAgent: string;
    address: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, user_agent, address)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      session.tokenHash,
      session.userId,
      session.csrfToken,
      session.expiresAt,
      session.userAgent.slice(0, 300),
      session.address.slice(0, 100),
    ],
  );
}

/** A session as its user (or an admin) sees it: never its token. */
export type SessionView = {
  id: string;
  userAgent: string;
  address: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  isCurrent: boolean;
};

/** A user's sessions not yet past their absolute end, newest use first; `currentHash` marks the asking one. */
export async function listUserSessions(tx: Tx, userId: string, currentHash?: string): Promise<SessionView[]> {
  return tx.query<SessionView>(
    `SELECT id, user_agent AS "userAgent", address, created_at AS "createdAt", last_seen_at AS "lastSeenAt",
            expires_at AS "expiresAt", token_hash = $2 AS "isCurrent"
     FROM sessions WHERE user_id = $1 AND expires_at > now() ORDER BY last_seen_at DESC`,
    [userId, currentHash ?? ''],
  );
}

/** Ends one of a user's sessions by its id; false when there is no such session of theirs. */
export async function deleteSessionById(tx: Tx, userId: string, sessionId: string): Promise<boolean> {
  principalsChanged(tx);
  const rows = await tx.query('DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING 1', [
    sessionId,
    userId,
  ]);
  return rows.length > 0;
}

export async function touchSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.query('UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteUserSessions(tx: Tx, userId: string, exceptTokenHash?: string): Promise<void> {
  principalsChanged(tx);
  await tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [
    userId,
    exceptTokenHash ?? null,
  ]);
}

export async function insertApiToken(
  tx: Tx,
  token: { userId: string; tokenHash: string; label: string; expiresAt: Date },
): Promise<string> {
  return tx.insertReturningId(
    'INSERT INTO api_tokens (user_id, token_hash, label, expires_at) VALUES ($1, $2, $3, $4) RETURNING id',
    [token.userId, token.tokenHash, token.label, token.expiresAt],
  );
}

/** An API token as its owner (or an admin) sees it: never the token. */
export type TokenView = {
  id: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
};

/** A user's tokens that still work (not revoked, not expired), newest first. */
export async function listUserTokens(tx: Tx, userId: string): Promise<TokenView[]> {
  return tx.query<TokenView>(
    `SELECT id, label, created_at AS "createdAt", last_used_at AS "lastUsedAt", expires_at AS "expiresAt"
     FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
     ORDER BY created_at DESC`,
    [userId],
  );
}

/** Revokes every live token of a user; returns how many. */
export async function revokeUserTokens(tx: Tx, userId: string): Promise<number> {
  principalsChanged(tx);
  const rows = await tx.query(
    'UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1',
    [userId],
  );
  return rows.length;
}

const MEMBERS_OF_USER = `coalesce((SELECT array_agg(m.kabkota_code ORDER BY m.kabkota_code) FROM bakorwil_members m
  WHERE m.bakorwil_id = u.scope_bakorwil_id), '{}') AS "bakorwilMembers"`;

/** A user with the kab/kota of their Bakorwil, read in the same statement. */
export type UserWithMembers = UserRecord & { bakorwilMembers: string[] };

/**
 * The owner of a live API token (not revoked, not expired), in one statement; marks the token used at most once a minute (not one
 * write per request).
 */
export async function findApiTokenOwner(
  tx: Tx,
  tokenHash: string,
): Promise<(UserWithMembers & { tokenId: string; tokenExpiresAt: Date; wasTouched: boolean }) | undefined> {
  return tx.one<UserWithMembers & { tokenId: string; tokenExpiresAt: Date; wasTouched: boolean }>(
    `WITH token AS (
       SELECT id, user_id, expires_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()),
     touched AS (
       UPDATE api_tokens SET last_used_at = now()
       WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
         AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
       RETURNING 1)
     SELECT ${USER_COLUMNS}, ${MEMBERS_OF_USER}, token.id AS "tokenId", token.expires_at AS "tokenExpiresAt",
            EXISTS (SELECT 1 FROM touched) AS "wasTouched"
     FROM token JOIN users u ON u.id = token.user_id`,
    [tokenHash],
  );
}

/** A session with its user, in one statement. */
export async function findSessionWithUser(
  tx: Tx,
  tokenHash: string,
): Promise<(SessionRecord & { user: UserWithMembers }) | undefined> {
  const row = await tx.one<UserWithMembers & { sessionCsrf: string; lastSeenAt: Date; expiresAt: Date }>(
    `SELECT ${USER_COLUMNS}, ${MEMBERS_OF_USER}, s.csrf_token AS "sessionCsrf",
            s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt"
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [tokenHash],
  );
  if (!row) return undefined;
  const { sessionCsrf, lastSeenAt, expiresAt, ...user } = row;
  return { userId: user.id, csrfToken: sessionCsrf, lastSeenAt, expiresAt, user };
}

export async function revokeApiToken(tx: Tx, userId: string, tokenId: string): Promise<boolean> {
  principalsChanged(tx);
  const rows = await tx.query(
    'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id',
    [tokenId, userId],
  );
  return rows.length > 0;
}

/** Sets a user's own phone (+62…) or removes it; false when another account already has that number. */
export async function setPhone(tx: Tx, userId: string, phone: string | null): Promise<boolean> {
  const taken = phone
    ? await tx.one('SELECT 1 FROM users WHERE phone = $1 AND id <> $2', [phone, userId])
    : undefined;
  if (taken) return false;
  await tx.query('UPDATE users SET phone = $2 WHERE id = $1', [userId, phone]);
  return true;
}
