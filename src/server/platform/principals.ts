// Who is asking, resolved from a session cookie or an API token, is reused for a few seconds, so that most
// requests skip that lookup (docs/decisions/0009). Any change to a user's password, sessions, tokens or Bakorwil
// membership forgets every remembered answer: in this process at once, and in every instance when the change
// commits (NOTIFY on PRINCIPALS_CHANNEL).
import type { Database, Tx } from './db.ts';

export const PRINCIPALS_CHANNEL = 'sigap_principals';

/** How long an answer is reused at most; a session's own end comes first when it is sooner. */
export const PRINCIPAL_REUSE_MS = 5_000;

/** Enough for every signed-in user of a province; the oldest answer goes first beyond it. */
const MAX_REMEMBERED = 10_000;

const remembered = new Map<string, { value: unknown; until: number }>();

/** The answer remembered under `key` (a token hash) if it is still fresh at `now`. */
export function recallPrincipal<T>(key: string, now: number): T | undefined {
  const entry = remembered.get(key);
  if (!entry) return undefined;
  if (entry.until <= now) {
    remembered.delete(key);
    return undefined;
  }
  return entry.value as T;
}

/** Remembers `value` under `key` until `until` (at most PRINCIPAL_REUSE_MS after now). */
export function rememberPrincipal(key: string, value: unknown, until: number): void {
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, { value, until });
}

/** Forgets every remembered answer. */
export function forgetPrincipals(): void {
  remembered.clear();
}

/**
 * Marks, inside the transaction that changes them, that principals may have changed: forgotten here now, and
 * in every instance once the transaction commits.
 */
export function principalsChanged(tx: Tx): void {
  forgetPrincipals();
  tx.atCommit('SELECT pg_notify($1, $2)', [PRINCIPALS_CHANNEL, '']);
}

const changeListeners = new Set<() => void>();

/**
 * Calls `listener` after any instance's change to principals has committed (and after the watcher
 * reconnects), so holders of long-lived requests — live-event streams — can check theirs again. Returns the
 * unsubscribe.
 */
export function onPrincipalsChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => {
    changeListeners.delete(listener);
  };
}

function principalsCommitted(): void {
  forgetPrincipals();
  for (const listener of changeListeners) listener();
}

/** Where the watcher reports; Fastify's logger (or a child of it) fits. */
type PrincipalsLog = {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
};

/**
 * Makes this process forget remembered principals whenever any instance changes them, and whenever its
 * LISTEN connection comes back after a drop: a change notified while it was down is never delivered.
 */
export function watchPrincipalChanges(
  db: Database,
  options: { log?: PrincipalsLog } = {},
): Promise<() => Promise<void>> {
  return db.listen(PRINCIPALS_CHANNEL, principalsCommitted, {
    onLost: (error, retryInMs) =>
      options.log?.warn({ err: error, retryInMs }, 'principals: lost the LISTEN connection; reconnecting'),
    onReconnect: () => {
      principalsCommitted();
      options.log?.info({}, 'principals: listening again; remembered principals forgotten');
    },
  });
}
