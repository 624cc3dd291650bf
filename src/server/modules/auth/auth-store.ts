import type { Tx } from '../../platform/db.ts';

/** What a throttled check is: a sign-in, one's current password, or a second-factor code. */
export type ThrottlePurpose = 'login' | 'password' | 'totp' | 'code';

/** Who is being throttled: the typed username (lower case) from one source (an address or a known device). */
export type ThrottleKey = { purpose: ThrottlePurpose; usernameKey: string; source: string };

export type AuthFailure = { failures: number; lockedUntil: Date | null };

export async function findAuthFailure(tx: Tx, key: ThrottleKey): Promise<AuthFailure | undefined> {
  return tx.one<AuthFailure>(
    `SELECT failures, locked_until AS "lockedUntil" FROM auth_failures
     WHERE purpose = $1 AND username_key = $2 AND source = $3`,
    [key.purpose, key.usernameKey, key.source],
  );
}

/** Counts one more failure; locks the key when the count reaches maxFailures. Returns the new state. */
export async function recordAuthFailure(
  tx: Tx,
  key: ThrottleKey,
  maxFailures: number,
  lockMinutes: number,
): Promise<AuthFailure> {
  return (await tx.one<AuthFailure>(
    `INSERT INTO auth_failures AS f (purpose, username_key, source, failures, last_failure_at)
     VALUES ($1, $2, $3, 1, now())
     ON CONFLICT (purpose, username_key, source) DO UPDATE SET
       failures = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= now() THEN 1 ELSE f.failures + 1 END,
       locked_until = CASE
         WHEN (CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= now() THEN 1 ELSE f.failures + 1 END) >= $4
         THEN now() + make_interval(mins => $5) END,
       last_failure_at = now()
     RETURNING failures, locked_until AS "lockedUntil"`,
    [key.purpose, key.usernameKey, key.source, maxFailures, lockMinutes],
  ))!;
}

export async function clearAuthFailures(tx: Tx, key: ThrottleKey): Promise<void> {
  await tx.query('DELETE FROM auth_failures WHERE purpose = $1 AND username_key = $2 AND source = $3', [
    key.purpose,
    key.usernameKey,
    key.source,
  ]);
}

/** Forgets every failure counted against a username (after an admin resets the password). */
export async function clearUserAuthFailures(tx: Tx, usernameKey: string): Promise<void> {
  await tx.query('DELETE FROM auth_failures WHERE username_key = $1', [usernameKey]);
}

/** Whether the device (cookie hash) signed in before as the user typed (lower-case username). */
export async function isKnownDevice(tx: Tx, deviceHash: string, usernameKey: string): Promise<boolean> {
  const row = await tx.one(
    `SELECT 1 FROM known_devices d JOIN users u ON u.id = d.user_id
     WHERE d.device_hash = $1 AND lower(u.username) = $2`,
    [deviceHash, usernameKey],
  );
  return row !== undefined;
}

export async function rememberDevice(tx: Tx, deviceHash: string, userId: string): Promise<void> {
  await tx.query(
    `INSERT INTO known_devices (device_hash, user_id) VALUES ($1, $2)
     ON CONFLICT (device_hash, user_id) DO UPDATE SET last_seen_at = now()`,
    [deviceHash, userId],
  );
}

// ── Second factor ────────────────────────────────────────────────────────────────────────────
export type TotpState = { secret: string | null; pendingSecret: string | null; lastStep: number | null };

export async function findTotp(tx: Tx, userId: string): Promise<TotpState | undefined> {
  return tx.one<TotpState>(
    `SELECT totp_secret AS secret, totp_pending_secret AS "pendingSecret", totp_last_step::float8 AS "lastStep"
     FROM users WHERE id = $1`,
    [userId],
  );
}

export async function setPendingTotp(tx: Tx, userId: string, secret: string): Promise<void> {
  await tx.query('UPDATE users SET totp_pending_secret = $2 WHERE id = $1', [userId, secret]);
}

/** Makes the pending secret the user's second factor and stores the recovery codes' hashes. */
export async function confirmTotp(tx: Tx, userId: string, step: number, codeHashes: string[]): Promise<void> {
  await tx.query(
    `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now(),
       totp_last_step = $2 WHERE id = $1`,
    [userId, step],
  );
  await tx.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [userId]);
  await tx.query('INSERT INTO totp_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])', [
    userId,
    codeHashes,
  ]);
}

/** Records the step of an accepted code; false when that step (or a later one) was already used. */
export async function useTotpStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)
     RETURNING 1`,
    [userId, step],
  );
  return rows.length > 0;
}

/** Uses a recovery code once; false when it is unknown or already used. */
export async function useRecoveryCode(tx: Tx, userId: string, codeHash: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE totp_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
     RETURNING 1`,
    [userId, codeHash],
  );
  return rows.length > 0;
}

/** Removes a user's second factor and recovery codes (a lost device). */
export async function clearTotp(tx: Tx, userId: string): Promise<void> {
  await tx.query(
    `UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL
     WHERE id = $1`,
    [userId],
  );
  await tx.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [userId]);
}

/**
 * Network addresses from which at least `minAccounts` different typed usernames failed to sign in since `since`
 * (device sources are not addresses and are left out), with how many.
 */
export function listFailedSignInSources(
  tx: Tx,
  since: Date,
  minAccounts: number,
): Promise<{ source: string; accounts: number }[]> {
  return tx.query<{ source: string; accounts: number }>(
    `SELECT source, count(DISTINCT username_key)::int AS accounts FROM auth_failures
      WHERE purpose = 'login' AND last_failure_at >= $1 AND source NOT LIKE 'device:%'
      GROUP BY source HAVING count(DISTINCT username_key) >= $2 ORDER BY source`,
    [since, minAccounts],
  );
}
