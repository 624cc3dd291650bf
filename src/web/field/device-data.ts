// What Sigap keeps on the phone besides the outbox, and how it is wiped at sign-out.
import type { SignedInUser } from '../api.ts';
import { deleteRecords, listRecords } from './idb.ts';
import { forgetSentItems } from './outbox.ts';

const SIGNED_IN_KEY = 'sigap.me';
/** The service worker's cache of the app itself (no data): the only Cache Storage kept at sign-out. */
export const SHELL_CACHE_PREFIX = 'sigap-shell-';

/**
 * Remembers who is signed in (their own name, role and area; nobody else's data) so that the app can open
 * without a network and still know whose outbox it shows.
 */
export function rememberSignedInUser(me: SignedInUser): void {
  try {
    localStorage.setItem(SIGNED_IN_KEY, JSON.stringify(me));
  } catch {
    // Storage blocked: the app then needs the network to open, as before.
  }
}

/** The user last signed in on this phone, if not signed out since. */
export function findRememberedUser(): SignedInUser | undefined {
  try {
    const stored = localStorage.getItem(SIGNED_IN_KEY);
    return stored ? (JSON.parse(stored) as SignedInUser) : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the remembered user (the server said the session is gone, or they signed out). */
export function forgetSignedInUser(): void {
  try {
    localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // nothing stored
  }
}

/** Keys of the `meta` store that hold copies of API responses (cleared at sign-out). */
export function isApiCopyKey(key: string): boolean {
  return key.startsWith('tasks:');
}

/**
 * Sign-out: forget the user, the sent items and every copy of an API response. Pending items stay: they are
 * the user's unsent reports and hold counts, never names. Region names are public and stay too.
 */
export async function clearDeviceAfterSignOut(): Promise<void> {
  forgetSignedInUser();
  const meta = await listRecords<{ key: string }>('meta').catch(() => []);
  await Promise.allSettled([
    forgetSentItems(),
    deleteRecords('meta', meta.map((record) => record.key).filter(isApiCopyKey)),
    clearApiCaches(),
  ]);
}

async function clearApiCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => !name.startsWith(SHELL_CACHE_PREFIX)).map((name) => caches.delete(name)),
  );
}
