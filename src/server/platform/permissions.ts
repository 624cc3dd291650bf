import { type Action, can } from '../../shared/permissions/index.ts';
import { isWithin } from '../../shared/region-codes.ts';
import type { AuditActor } from './audit.ts';
import { DomainError } from './errors.ts';

/**
 * Refuses (403 `forbidden`) unless the actor's role may take `action` in the permission table. Services call
 * this first; which records the actor may touch is row-level security's answer, not this one's.
 */
export function authorize(
  principal: { user: { role: string } },
  action: Action,
  message = 'Peran Anda tidak diizinkan melakukan ini',
): void {
  if (!can(principal.user.role, action)) throw new DomainError('forbidden', message);
}

/** Refuses (403 `forbidden`) a region outside every one of the actor's scope prefixes. */
export function requireInScope(principal: { actor: { scope: readonly string[] } }, regionCode: string): void {
  if (!principal.actor.scope.some((prefix) => isWithin(regionCode, prefix))) {
    throw new DomainError('forbidden', 'Wilayah di luar cakupan Anda');
  }
}

/** The system itself acting (the command line, start-up, jobs): no user, so no role for the table to limit. */
export type SystemActor = { readonly id: null; readonly label: string };

/** Who a service acts for when both a signed-in user (from HTTP) and the system (from the CLI) may call it. */
export type Acting = { user: { role: string }; audit: AuditActor } | SystemActor;

/**
 * The audit actor of `by`, after refusing a signed-in user whose role may not take `action`. The system is
 * not refused: a person at the server's command line already holds every right.
 */
export function authorizeActing(by: Acting, action: Action, message?: string): AuditActor {
  if ('user' in by) {
    authorize(by, action, message);
    return by.audit;
  }
  return by;
}
