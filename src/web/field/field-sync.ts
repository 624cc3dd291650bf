// What the signed-in app does for field users in the background: send the outbox, keep region names.
import { useEffect } from 'preact/hooks';
import type { SignedInUser } from '../api.ts';
import { MENUS, type MenuItem } from '../nav.ts';
import { forgetSentItems, startOutboxSync } from './outbox.ts';
import { prefetchRegionsOf } from './region-cache.ts';

/** True when the user's menu has the outbox (the roles that report from the field). */
export function hasOutbox(me: SignedInUser): boolean {
  return (MENUS[me.role] as readonly MenuItem[]).some((item) => item.route === 'kotakKeluar');
}

/**
 * While signed in: sends the outbox now (at every app start and after every sign-in, since this runs when the
 * signed-in shell appears), on `online`, and periodically; fetches the region names of the user's kab/kota.
 */
export function useFieldSync(me: SignedInUser): void {
  useEffect(() => {
    if (!hasOutbox(me)) return;
    void forgetSentItems(me.id).catch(() => undefined); // sent items of someone else who used this phone
    void prefetchRegionsOf(me.scope).catch(() => undefined); // offline: tried again at the next start
    return startOutboxSync(me.id);
  }, [me.id]);
}
