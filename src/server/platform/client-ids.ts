// Records made once per client id: a referral, a disposition, an assignment, a follow-up or a provocation sighting
// sent again (a double click, a retry after a dropped connection, two sends at once) answers what the first send did
// and changes nothing more.
import type { ActorContext, Database, Tx } from './db.ts';
import { DomainError } from './errors.ts';

/**
 * The client id was taken by another transaction between the look-up and the insert (the same request sent twice
 * at once, on PostgreSQL): this transaction's work is rolled back and the request answered as a retry.
 */
export class ClientIdTaken extends Error {
  constructor() {
    super('client id taken by a concurrent request');
  }
}

/** The answer to a request whose id is already stored: the record when the content is the same, else a 409. */
export function answerAgain<T>(same: boolean, answer: T, what: string): T {
  if (!same) throw new DomainError('conflict', `${what} dengan id ini sudah ada dengan isi berbeda`);
  return answer;
}

/**
 * Runs a create request once per client id. `earlier` answers from the record an earlier send stored (or refuses
 * a different content with a 409), undefined when there is none; `create` makes the record and throws
 * `ClientIdTaken` when its insert finds the id taken meanwhile, before any other effect is kept. Then the work
 * is rolled back and `earlier` answers in a new transaction, which sees the other send's record. `taken` is the
 * 409's message when that record is one this actor cannot see (by default "<what> dengan id ini sudah ada").
 */
export async function createOnce<T>(
  db: Database,
  actor: ActorContext,
  what: string,
  steps: { earlier: (tx: Tx) => Promise<T | undefined>; create: (tx: Tx) => Promise<T>; taken?: string },
): Promise<T> {
  try {
    return await db.asActor(actor, async (tx) => (await steps.earlier(tx)) ?? steps.create(tx));
  } catch (error) {
    if (!(error instanceof ClientIdTaken)) throw error;
    const answer = await db.asActor(actor, steps.earlier);
    // Taken by a record this actor cannot see: the id is someone else's.
    if (answer === undefined)
      throw new DomainError('conflict', steps.taken ?? `${what} dengan id ini sudah ada`);
    return answer;
  }
}
