// The second factor's decisions: which users need one, and what a code or recovery code looks like.
import { Secret, TOTP } from 'otpauth';
import type { Role } from '../../../shared/users.ts';

/** How many recovery codes enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;

const ISSUER = 'Sigap Jatim';
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i to misread

/** Whether a user must confirm a second factor before anything else. */
export function needsTotpEnrollment(
  user: { role: Role; hasTotp: boolean },
  requiredRoles: readonly Role[],
): boolean {
  return !user.hasTotp && requiredRoles.includes(user.role);
}

function totpFor(secret: string, username: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
  });
}

/** A fresh secret in base32, as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function otpauthUrl(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

/** The 30-second step a 6-digit code belongs to (one step either side is accepted), or undefined. */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const totp = totpFor(secret, '');
  const delta = totp.validate({ token, timestamp: now, window: 1 });
  return delta === null ? undefined : totp.counter({ timestamp: now }) + delta;
}

/** The current code of a secret (for tests and for the harness). */
export function currentTotpCode(secret: string, now = Date.now()): string {
  return totpFor(secret, '').generate({ timestamp: now });
}

/** Whether `code` is shaped like a recovery code rather than a 6-digit TOTP. */
export function isRecoveryCodeShape(code: string): boolean {
  return normalizeRecoveryCode(code).length === 10;
}

/** A recovery code as it is hashed: lower case, without spaces or hyphens. */
export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

/** `count` recovery codes like "k7mqd-3xw9p" from random bytes (one byte per character). */
export function recoveryCodesFrom(bytes: Uint8Array, count = RECOVERY_CODE_COUNT): string[] {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const chars = [...bytes.slice(i * 10, i * 10 + 10)].map(
      (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length],
    );
    codes.push(`${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`);
  }
  return codes;
}
