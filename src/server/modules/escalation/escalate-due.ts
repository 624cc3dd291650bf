import type { Database, Tx } from '../../platform/db.ts';

/** How many candidate ids one short query fetches; each record is then escalated in its own transaction. */
const PAGE_SIZE = 100;

/** Lists the ids of records past their deadline, after `afterId`, at most `limit`, in id order. */
export type ListDue = (tx: Tx, now: Date, afterId: string | null, limit: number) => Promise<string[]>;

/**
 * Walks every record past its deadline page by page and climbs each one step up the ladder in a transaction
 * of its own, so a long run never holds up requests. A record that fails is left for the next run and the
 * others still go; the caller decides what to do with the failures (the jobs throw, so they are retried).
 * Returns how many records moved and what failed.
 */
export async function escalateDue(
  db: Database,
  now: Date,
  listDue: ListDue,
  escalate: (tx: Tx, id: string) => Promise<boolean>,
): Promise<{ moved: number; failures: unknown[] }> {
  let moved = 0;
  let afterId: string | null = null;
  const failures: unknown[] = [];
  for (;;) {
    const ids: string[] = await db.asSystem((tx) => listDue(tx, now, afterId, PAGE_SIZE));
    for (const id of ids) {
      try {
        if (await db.asSystem((tx) => escalate(tx, id))) moved++;
      } catch (error) {
        failures.push(error);
      }
    }
    if (ids.length < PAGE_SIZE) return { moved, failures };
    afterId = ids[ids.length - 1];
  }
}
