import { climb, type HandlingLevel } from '../../../shared/escalation/ladder.ts';
import type { Database, Tx } from '../../platform/db.ts';

/** How many candidate ids one short query fetches; each record is then escalated in its own transaction. */
const PAGE_SIZE = 100;

/** Lists the ids of records past their deadline, after `afterId`, at most `limit`, in id order. */
export type ListDue = (tx: Tx, now: Date, afterId: string | null, limit: number) => Promise<string[]>;

/** A record's next step up the ladder: the level it goes to and the roles to tell. */
export type LadderStep = NonNullable<ReturnType<typeof climb>>;

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

/**
 * One record's climb as `escalateDue` runs it: the record locked if it is still due (`lockDue`), then moved one
 * step up the ladder by `escalate`; false when someone acted on it meanwhile or it is already at the top.
 */
export function climbWhenDue<R extends { handlingLevel: HandlingLevel }>(
  lockDue: (tx: Tx, id: string, now: Date) => Promise<R | undefined>,
  escalate: (tx: Tx, due: R, step: LadderStep, now: Date) => Promise<void>,
  now: Date,
): (tx: Tx, id: string) => Promise<boolean> {
  return async (tx, id) => {
    const due = await lockDue(tx, id, now);
    const step = due && climb(due.handlingLevel);
    if (!due || !step) return false;
    await escalate(tx, due, step, now);
    return true;
  };
}
