// Wrong passwords and codes are counted per (typed username, source): the source is the network address, or
// the device when it signed in as that user before. Guesses from one place slow and then lock that place
// only, so nobody can lock an account for everyone, and a person's own device is never locked by others.
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import * as store from './auth-store.ts';

export type ThrottleConfig = Pick<Config, 'loginMaxFailures' | 'loginLockMinutes'>;
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const SLOWDOWN_STEP_MS = 250;

/** The errors that count as a failed guess. */
const GUESS_CODES = new Set(['invalid_credentials', 'totp_invalid']);

/** The pause before answering a failed check: grows with each failure, so guessing is slow. */
export function failureDelayMs(failures: number): number {
  return Math.min(Math.max(failures - 1, 0), 8) * SLOWDOWN_STEP_MS;
}

function lockedError(lockedUntil: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
  return new DomainError('login_locked', `Terlalu banyak percobaan. Coba lagi dalam ${minutes} menit.`, {
    retryAfterMinutes: minutes,
  });
}

/** The source a check is counted under: the known device when it is one of this user's, else the address. */
export async function throttleSource(
  db: Database,
  usernameKey: string,
  address: string,
  deviceHash: string | undefined,
): Promise<string> {
  if (deviceHash && (await db.asSystem((tx) => store.isKnownDevice(tx, deviceHash, usernameKey)))) {
    return `device:${deviceHash}`;
  }
  return address;
}

/**
 * Runs `check` unless `key` is locked. A guess it refuses (invalid_credentials, totp_invalid) is counted,
 * answered after a growing pause, and locks the key at the configured count; a check that passes clears it.
 */
export async function withThrottle<T>(
  db: Database,
  config: ThrottleConfig,
  key: store.ThrottleKey,
  check: () => Promise<T>,
  sleep: Sleep = realSleep,
): Promise<T> {
  const before = await db.asSystem((tx) => store.findAuthFailure(tx, key));
  if (before?.lockedUntil && before.lockedUntil.getTime() > Date.now()) throw lockedError(before.lockedUntil);
  let result: T;
  try {
    result = await check();
  } catch (error) {
    if (!(error instanceof DomainError) || !GUESS_CODES.has(error.code)) throw error;
    const after = await db.asSystem((tx) =>
      store.recordAuthFailure(tx, key, config.loginMaxFailures, config.loginLockMinutes),
    );
    await sleep(failureDelayMs(after.failures));
    if (after.lockedUntil) throw lockedError(after.lockedUntil);
    throw error;
  }
  if (before) await db.asSystem((tx) => store.clearAuthFailures(tx, key));
  return result;
}
