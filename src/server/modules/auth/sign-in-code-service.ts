// One-time sign-in codes: an operator (for a relawan in their area) or an admin makes a reset code, shown once;
// the person signs in with username + code and must set a new password, which ends their old sessions and
// tokens. A code works once, for seven days, and wrong codes are throttled like passwords.
import { randomInt } from 'node:crypto';
import { isInViewerScope } from '../../../shared/visibility.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { digest, hashPassword } from '../../platform/passwords.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { passwordWeakness } from '../users/password-rules.ts';
import * as users from '../users/users-store.ts';
import { clearUserAuthFailures } from './auth-store.ts';
import { realSleep, type Sleep, type ThrottleConfig, withThrottle } from './auth-throttle.ts';
import { codeExpiry, newSignInCode, normalizeSignInCode } from './sign-in-code-rules.ts';
import * as store from './sign-in-code-store.ts';

export type CodeDeps = { db: Database; clock: Clock };

/** A code as it is handed over once: to the screen, a printed sheet, or (later) a message. */
export type IssuedCode = {
  userId: string;
  username: string;
  displayName: string;
  code: string;
  expiresAt: Date;
};

/** Makes a code for `userId` inside the caller's transaction; returns the code, which is never stored. */
export async function issueCode(
  tx: Tx,
  clock: Clock,
  user: { id: string; username: string; displayName: string },
  purpose: store.CodePurpose,
  createdBy: string | null,
): Promise<IssuedCode> {
  const code = newSignInCode(randomInt);
  const expiresAt = codeExpiry(clock.now());
  await store.insertSignInCode(tx, {
    userId: user.id,
    codeHash: digest(normalizeSignInCode(code)),
    purpose,
    expiresAt,
    createdBy,
  });
  return { userId: user.id, username: user.username, displayName: user.displayName, code, expiresAt };
}

/**
 * A reset code for a user who forgot their password. An admin may make one for anyone; an operator only for a
 * relawan in their area (anyone else is "not found" to them); other roles are refused. Audited by ids only.
 */
export async function issueResetCode(
  deps: CodeDeps,
  principal: Principal,
  username: string,
): Promise<IssuedCode> {
  const role = principal.user.role;
  authorize(principal, 'account.resetCode', 'Hanya operator atau admin yang dapat membuat kode sekali pakai');
  return deps.db.asSystem(async (tx) => {
    const user = await users.findUserByUsername(tx, username);
    const visible =
      user &&
      (role === 'admin' ||
        (user.role === 'relawan' && isInViewerScope(principal.actor, user.scopeRegionCode)));
    if (!user || !visible) throw new DomainError('not_found', `Pengguna ${username} tidak ditemukan`);
    if (!user.isActive) throw new DomainError('conflict', 'Akun ini nonaktif; aktifkan dulu');
    const issued = await issueCode(tx, deps.clock, user, 'reset', principal.user.id);
    await appendAudit(tx, principal, 'user.reset_code_issued', user.id);
    return issued;
  });
}

export type CodeSignIn = { username: string; code: string; newPassword: string; address: string };

const WRONG_CODE = 'Nama pengguna atau kode salah, sudah dipakai, atau sudah kedaluwarsa';

/**
 * Sets a new password with a one-time code. A wrong, used or expired code counts as a failed guess of
 * (username, address); a weak password is refused without spending the code. The new password ends every
 * session and token of the user and retires their other unused codes.
 */
export async function redeemSignInCode(
  deps: CodeDeps & { config: ThrottleConfig },
  attempt: CodeSignIn,
  sleep: Sleep = realSleep,
): Promise<{ username: string }> {
  const key = attempt.username.trim().toLowerCase();
  const codeHash = digest(normalizeSignInCode(attempt.code));
  const { user, code } = await withThrottle(
    deps.db,
    deps.config,
    { purpose: 'code', usernameKey: key, source: attempt.address },
    () =>
      deps.db.asSystem(async (tx) => {
        const found = await users.findUserByUsername(tx, key);
        const record = found?.isActive ? await store.findSignInCode(tx, found.id, codeHash) : undefined;
        if (!found || !record || record.usedAt || record.expiresAt.getTime() <= deps.clock.now().getTime()) {
          throw new DomainError('invalid_credentials', WRONG_CODE);
        }
        return { user: found, code: record };
      }),
    sleep,
  );
  const weakness = passwordWeakness(attempt.newPassword, user);
  if (weakness)
    throw new DomainError('validation_failed', weakness, { field: 'newPassword', reason: 'weak' });
  const passwordHash = await hashPassword(attempt.newPassword);
  await deps.db.asSystem(async (tx) => {
    const now = deps.clock.now();
    if (!(await store.markSignInCodeUsed(tx, code.id, now))) {
      throw new DomainError('invalid_credentials', WRONG_CODE);
    }
    await store.retireUnusedCodes(tx, user.id, now);
    await users.updatePasswordHash(tx, user.id, passwordHash);
    await users.deleteUserSessions(tx, user.id);
    const tokensRevoked = await users.revokeUserTokens(tx, user.id);
    await clearUserAuthFailures(tx, key);
    await appendAudit(tx, { id: user.id, label: user.username }, 'user.password_set_with_code', user.id, {
      codeId: code.id,
      purpose: code.purpose,
      tokensRevoked,
    });
  });
  return { username: user.username };
}
