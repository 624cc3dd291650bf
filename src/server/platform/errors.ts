import type { Database, Tx } from './db.ts';
import type { Principal } from './principal.ts';

/** Stable error codes. Clients rely on them: never rename one. */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  /** The password was right; the account has a second factor and no code came with it. */
  totp_required: 401,
  /** The second-factor code (or recovery code) is wrong or was used before. */
  totp_invalid: 401,
  forbidden: 403,
  csrf_failed: 403,
  /** The user's role needs a second factor: until it is confirmed, only enrolment is open. */
  totp_enrollment_required: 403,
  not_found: 404,
  /** No boundary files are configured (GEO_DIR): the dashboard works without its map. */
  geo_unavailable: 404,
  /** A backup file that is not one, or was changed after it was written (its authentication tag fails). */
  backup_invalid: 400,
  /** The key or passphrase given does not open this backup. */
  backup_key_wrong: 400,
  /** Restore goes only into an empty database with the backup's schema and data key. */
  restore_refused: 409,
  conflict: 409,
  version_conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  login_locked: 429,
  too_many_requests: 429,
  /** A user already holds the most live-event streams allowed at once. */
  too_many_streams: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A failure the user can act on; the one error handler turns it into `{ error: { code, message, details } }`. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * The record a look-up found, or not_found with `message` when it found none:
 * `return foundOr(await store.findAlert(tx, id), 'Peringatan tidak ditemukan');`.
 */
export function foundOr<T extends object>(value: T | null | undefined, message: string): T {
  if (value === undefined || value === null) throw new DomainError('not_found', message);
  return value;
}

/**
 * The record `find` reads in a transaction as the principal (row security applied), or not_found with `message`
 * when they see none: `return foundAs(deps, principal, (tx) => store.findJob(tx, id), 'Ekspor tidak ditemukan');`.
 */
export async function foundAs<T extends object>(
  deps: { db: Database },
  principal: Pick<Principal, 'actor'>,
  find: (tx: Tx) => Promise<T | null | undefined>,
  message: string,
): Promise<T> {
  return foundOr(await deps.db.asActor(principal.actor, find), message);
}

/** What a refused body is answered, whether the schema or a rule of the service refused it. */
export const INVALID_INPUT = 'Isian tidak valid';

/** One field the user must change, and why. */
export type FieldProblem = { path: string; message: string };

/** validation_failed naming the fields to change: the same answer a body the schema refuses gets. */
export function invalidFields(fields: readonly FieldProblem[], message = INVALID_INPUT): DomainError {
  return new DomainError('validation_failed', message, { fields });
}

/** validation_failed for one field: `invalidField('phone', 'isi nomor ponsel …')`. */
export function invalidField(path: string, problem: string, message = INVALID_INPUT): DomainError {
  return invalidFields([{ path, message: problem }], message);
}
