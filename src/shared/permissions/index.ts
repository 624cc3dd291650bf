/**
 * Who may do what: one table for the whole product, read by the services (which refuse) and by the web (which
 * hides controls a role may not use). Row-level security still decides WHICH records; this decides which MOVES.
 *
 * Each feature keeps its actions in its own file here, named `<feature>.<verb>`; this file joins them. A new
 * module adds a file and one line below, and a `<module>.scopes.test.ts` that walks its actions × every role.
 */
import type { Role } from '../users.ts';
import { CHANNELS_PERMISSIONS } from './channels.ts';
import { CORE_PERMISSIONS } from './core.ts';
import { EXPORT_PERMISSIONS } from './exports.ts';
import { HISTORY_PERMISSIONS } from './history.ts';
import { NOTICES_PERMISSIONS } from './notices.ts';
import { PRIVACY_PERMISSIONS } from './privacy.ts';
import { PROVOCATION_PERMISSIONS } from './provocation.ts';

/** Every action with the roles that may take it. */
export const PERMISSIONS = {
  ...CORE_PERMISSIONS,
  ...EXPORT_PERMISSIONS,
  ...HISTORY_PERMISSIONS,
  ...CHANNELS_PERMISSIONS,
  ...NOTICES_PERMISSIONS,
  ...PRIVACY_PERMISSIONS,
  ...PROVOCATION_PERMISSIONS,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** Whether `role` may take `action`. */
export function can(role: Role | string, action: Action): boolean {
  return (PERMISSIONS[action] as readonly string[]).includes(role);
}

/** The roles that may take `action` (for help texts and tests). */
export function rolesFor(action: Action): readonly Role[] {
  return PERMISSIONS[action];
}

/** Every action, in table order. */
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];
