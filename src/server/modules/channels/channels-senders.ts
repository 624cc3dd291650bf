// Who sent a WhatsApp or SMS message: the number as +62…, the account or pillar it belongs to, and the principal its
// reports are filed as (the sender's own account, or the channel's own reporter for a number without one).
import type { MessageChannel } from '../../../shared/channels/channel-schema.ts';
import { normalizePhone } from '../../../shared/pillars/pillar-identity.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import { createUser, findUserById, findUserByUsername, principalOf } from '../users/users-service.ts';
import * as store from './channels-store.ts';

/** A sender's phone as +62… (tolerant of 08…, 62…, +62…); another country's number keeps its digits. */
export function senderPhone(raw: string): string | undefined {
  const indonesian = normalizePhone(raw);
  if (indonesian) return indonesian;
  const digits = raw.trim().replace(/^\+/, '');
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : undefined;
}

/** Who sent a message, as far as settling it needs: the account it reports as, its trust and home region. */
export type Sender = { userId: string | null; trust: 'pengguna' | 'pilar' | 'warga'; home: string | null };

/** The sender of a number, found (or not) in the users and the pillar registry. */
export async function identify(deps: { db: Database }, phone: string): Promise<Sender> {
  const found = await deps.db.asSystem((tx) => store.findSender(tx, phone));
  return found ?? { userId: null, trust: 'warga', home: null };
}

/** The per-channel reporter of messages from numbers without an account, made on first use. */
const SYSTEM_REPORTERS: Record<MessageChannel, { username: string; displayName: string }> = {
  whatsapp: { username: 'warga-whatsapp', displayName: 'Warga (WhatsApp)' },
  sms: { username: 'warga-sms', displayName: 'Warga (SMS)' },
};
const reporterCache = new WeakMap<Database, Map<string, Principal>>();

export async function reporterPrincipal(
  deps: { db: Database },
  channel: MessageChannel,
  userId: string | null,
): Promise<Principal> {
  const key = userId ?? `system:${channel}`;
  const cache = reporterCache.get(deps.db) ?? new Map<string, Principal>();
  reporterCache.set(deps.db, cache);
  const remembered = cache.get(key);
  if (remembered) return remembered;
  const principal = await deps.db.asSystem(async (tx) => {
    if (userId) {
      const user = foundOr(await findUserById(tx, userId), 'Pengguna pengirim tidak ditemukan');
      return principalOf(tx, user);
    }
    const system = await findUserByUsername(tx, SYSTEM_REPORTERS[channel].username);
    return system ? principalOf(tx, system) : undefined;
  });
  if (principal) {
    // a user's own principal is reused only briefly: roles and scopes change
    if (!userId) cache.set(key, principal);
    return principal;
  }
  const { username, displayName } = SYSTEM_REPORTERS[channel];
  await createUser(
    deps.db,
    { id: null, label: 'sigap' },
    { username, displayName, role: 'relawan', region: '35' },
  ).catch((error: unknown) => {
    if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
  });
  return reporterPrincipal(deps, channel, null);
}
