// Enrolling, checking and resetting the second factor (TOTP with recovery codes).
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { appendAudit } from '../../platform/audit.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { digest } from '../../platform/passwords.ts';
import { type Acting, authorizeActing } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { principalsChanged } from '../../platform/principals.ts';
import * as users from '../users/users-store.ts';
import * as store from './auth-store.ts';
import {
  isRecoveryCodeShape,
  matchTotpStep,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUrl,
  recoveryCodesFrom,
} from './totp-rules.ts';

/** Starts (or restarts) enrolment: a new secret, its otpauth:// address and that address as an SVG QR code. */
export async function startTotpEnrollment(
  db: Database,
  principal: Principal,
): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const secret = newTotpSecret();
  await db.asSystem(async (tx) => {
    const state = await store.findTotp(tx, principal.user.id);
    if (state?.secret) throw new DomainError('conflict', 'Verifikasi dua langkah sudah aktif');
    await store.setPendingTotp(tx, principal.user.id, secret);
  });
  const url = otpauthUrl(secret, principal.user.username);
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUrl: url, qrSvg };
}

/** Confirms enrolment with the first code; returns the recovery codes, shown this once. */
export async function confirmTotpEnrollment(
  db: Database,
  principal: Principal,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const recoveryCodes = recoveryCodesFrom(randomBytes(100));
  await db.asSystem(async (tx) => {
    const state = await store.findTotp(tx, principal.user.id);
    if (!state?.pendingSecret)
      throw new DomainError('conflict', 'Mulai pendaftaran verifikasi dua langkah dulu');
    const step = matchTotpStep(state.pendingSecret, code);
    if (step === undefined) throw new DomainError('totp_invalid', 'Kode verifikasi salah');
    await store.confirmTotp(
      tx,
      principal.user.id,
      step,
      recoveryCodes.map((c) => digest(normalizeRecoveryCode(c))),
    );
    principalsChanged(tx);
    await appendAudit(tx, principal, 'user.totp_enabled', principal.user.id);
  });
  return { recoveryCodes };
}

/**
 * Checks a second-factor code inside a sign-in: a 6-digit code not used before, or an unused recovery code
 * (which is then spent). Throws totp_invalid.
 */
export async function checkSecondFactor(tx: Tx, userId: string, code: string): Promise<'totp' | 'recovery'> {
  const state = await store.findTotp(tx, userId);
  if (!state?.secret) throw new DomainError('totp_invalid', 'Kode verifikasi salah');
  if (isRecoveryCodeShape(code)) {
    if (await store.useRecoveryCode(tx, userId, digest(normalizeRecoveryCode(code)))) return 'recovery';
    throw new DomainError('totp_invalid', 'Kode pemulihan salah atau sudah dipakai');
  }
  const step = matchTotpStep(state.secret, code);
  if (step === undefined || !(await store.useTotpStep(tx, userId, step))) {
    throw new DomainError('totp_invalid', 'Kode verifikasi salah atau sudah dipakai');
  }
  return 'totp';
}

/** Removes a user's second factor after a lost device (admin or CLI), ending their sessions; audited. */
export async function resetTotpOf(db: Database, acting: Acting, username: string): Promise<void> {
  const by = authorizeActing(acting, 'user.manage');
  await db.asSystem(async (tx) => {
    const user = foundOr(
      await users.findUserByUsername(tx, username),
      `Pengguna ${username} tidak ditemukan`,
    );
    await store.clearTotp(tx, user.id);
    await users.deleteUserSessions(tx, user.id);
    await appendAudit(tx, by, 'user.totp_reset', user.id);
  });
}
