import { type Action, can } from '../../shared/permissions/index.ts';
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
