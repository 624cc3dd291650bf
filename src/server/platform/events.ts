import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canSee, type RecordVisibility, type Viewer } from '../../shared/visibility.ts';
import type { Database, Tx } from './db.ts';

/** The NOTIFY channel every app instance listens on. */
export const EVENTS_CHANNEL = 'sigap_events';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay well below. */
export const MAX_EVENT_BYTES = 7000;

const Visibility = z.object({
  regionCode: z.string().nullable(),
  createdBy: z.string().nullable().optional(),
  grants: z.array(z.object({ kind: z.enum(['user', 'region', 'agency']), grantee: z.string() })).optional(),
}) satisfies z.ZodType<RecordVisibility>;

/**
 * Something happened to a record: ids, the kind of change and who may see it — never personal data, since
 * the payload travels through the database's notification queue and to every subscriber's filter.
 */
export const SigapEvent = z.object({
  id: z.uuid(),
  /** `<subject>.<change>`: 'report.created', 'case.updated', 'case.escalated'. */
  type: z.string().regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/),
  subject: z.object({ type: z.string().min(1), id: z.string().min(1) }),
  visibility: Visibility,
  /** A few display fields (status, priority, region code), so a screen can update without a fetch. */
  summary: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  at: z.iso.datetime({ offset: true }),
});
export type SigapEvent = z.infer<typeof SigapEvent>;

/** An event as a service publishes it; the id and time are filled in when absent. */
export type NewSigapEvent = Omit<SigapEvent, 'id' | 'at'> & Partial<Pick<SigapEvent, 'id' | 'at'>>;

/**
 * Publishes `event` inside the caller's transaction: PostgreSQL delivers it to every listening instance only
 * when that transaction commits, and never if it rolls back. Throws when the payload is too large.
 */
export async function publishEvent(tx: Tx, input: NewSigapEvent): Promise<SigapEvent> {
  const event = SigapEvent.parse({ id: randomUUID(), at: new Date().toISOString(), ...input });
  const payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) > MAX_EVENT_BYTES) {
    throw new Error(
      `event ${event.type} is ${Buffer.byteLength(payload)} bytes; the limit is ${MAX_EVENT_BYTES}`,
    );
  }
  tx.atCommit('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, payload]);
  return event;
}

/** Receives the events one viewer may see. */
export type EventListener = (event: SigapEvent) => void;

/** The process's one subscription to live events, shared by every open stream. */
export type EventBus = {
  /** LISTENs on the channel; call once at start-up, before serving requests. */
  start(): Promise<void>;
  /** Delivers each later event `viewer` may see (the visibility rule, in memory); returns the unsubscribe. */
  subscribe(viewer: Viewer, onEvent: EventListener): () => void;
  /** How many subscribers are attached (open streams). */
  subscriberCount(): number;
  /** Stops listening and drops every subscriber; leaves the database open. */
  stop(): Promise<void>;
};

/** Where the bus reports; Fastify's logger (or a child of it) fits. */
type EventsLog = {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
};

/** A bus fed by `db.listen`: one LISTEN per process, whatever the number of subscribers. */
export function createEventBus(db: Database, options: { log?: EventsLog } = {}): EventBus {
  const subscribers = new Set<{ viewer: Viewer; onEvent: EventListener }>();
  let unlisten: (() => Promise<void>) | null = null;

  const deliver = (payload: string) => {
    let event: SigapEvent;
    try {
      event = SigapEvent.parse(JSON.parse(payload));
    } catch {
      options.log?.warn({ payload: payload.slice(0, 200) }, 'events: ignored a malformed event');
      return;
    }
    for (const subscriber of subscribers) {
      if (!canSee(subscriber.viewer, event.visibility)) continue;
      try {
        subscriber.onEvent(event);
      } catch (error) {
        options.log?.warn({ err: error, event: event.id }, 'events: a subscriber failed');
      }
    }
  };

  return {
    async start() {
      if (unlisten) return;
      unlisten = await outsideTransactions(db, () =>
        db.listen(EVENTS_CHANNEL, deliver, {
          onLost: (error, retryInMs) =>
            options.log?.warn({ err: error, retryInMs }, 'events: lost the LISTEN connection; reconnecting'),
          // Events published meanwhile never arrive: worth a line in the log, since open screens may be behind.
          onReconnect: () =>
            options.log?.info({}, 'events: listening again; events sent meanwhile were missed'),
        }),
      );
    },
    subscribe(viewer, onEvent) {
      const subscriber = { viewer, onEvent };
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
    subscriberCount: () => subscribers.size,
    async stop() {
      subscribers.clear();
      const stop = unlisten;
      unlisten = null;
      if (stop) await outsideTransactions(db, stop);
    },
  };
}

/**
 * On PGlite, LISTEN and UNLISTEN go to the database beside the pool, so they would join (and roll back with)
 * whatever transaction the pool has open. Holding the pool's only connection while they run rules that out.
 */
async function outsideTransactions<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  if (db.kind !== 'pglite') return fn();
  const client = await db.systemPool.connect();
  try {
    return await fn();
  } finally {
    client.release();
  }
}
