import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUrlFor, TEST_DATABASE_URL } from '../../../test/db-template.ts';
import type { Viewer } from '../../shared/visibility.ts';
import { type ActorContext, type Database, openServerDatabase } from './db.ts';
import {
  createEventBus,
  type EventBus,
  type NewSigapEvent,
  publishEvent,
  type SigapEvent,
} from './events.ts';
import { recallPrincipal, rememberPrincipal, watchPrincipalChanges } from './principals.ts';

const operatorJember: ActorContext = {
  userId: '00000000-0000-4000-8000-000000000001',
  role: 'operator',
  scope: ['35.09'],
  agencyId: null,
};
const operatorBanyuwangi: Viewer = {
  ...operatorJember,
  userId: '00000000-0000-4000-8000-000000000002',
  scope: ['35.10'],
};

function reportCreated(id: string, regionCode: string): NewSigapEvent {
  return {
    type: 'report.created',
    subject: { type: 'report', id },
    visibility: { regionCode },
    summary: { priority: 'tinggi', regionCode },
  };
}

/** Seen by both operators: it closes each test's stream, so what came before it is all that came. */
const lastEvent: NewSigapEvent = {
  type: 'case.escalated',
  subject: { type: 'case', id: 'last' },
  visibility: {
    regionCode: null,
    grants: [
      { kind: 'region', grantee: '35.09' },
      { kind: 'region', grantee: '35.10' },
    ],
  },
};

/** Collects what `viewer` receives until the closing event arrives. */
function collect(bus: EventBus, viewer: Viewer) {
  const received: SigapEvent[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  bus.subscribe(viewer, (event) => {
    received.push(event);
    if (event.subject.id === 'last') done();
  });
  return { received, finished, ids: () => received.map((event) => event.subject.id) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openBus(): Promise<{ db: Database; bus: EventBus }> {
  const db = await createTestDatabase();
  cleanups.push(() => db.close());
  const bus = createEventBus(db);
  await bus.start();
  cleanups.push(() => bus.stop());
  return { db, bus };
}

describe('live events through NOTIFY', () => {
  it('delivers to each subscriber only the events its viewer may see', async () => {
    const { db, bus } = await openBus();
    const jember = collect(bus, operatorJember);
    const banyuwangi = collect(bus, operatorBanyuwangi);

    await db.asActor(operatorJember, async (tx) => {
      await publishEvent(tx, reportCreated('jember-1', '35.09.06.2002'));
      await publishEvent(tx, reportCreated('banyuwangi-1', '35.10.01.2001'));
    });
    await db.asSystem((tx) => publishEvent(tx, lastEvent));
    await Promise.all([jember.finished, banyuwangi.finished]);

    expect(jember.ids()).toEqual(['jember-1', 'last']);
    expect(banyuwangi.ids()).toEqual(['banyuwangi-1', 'last']);
    expect(jember.received[0]).toMatchObject({
      type: 'report.created',
      visibility: { regionCode: '35.09.06.2002' },
      summary: { priority: 'tinggi' },
    });
  });

  it('delivers an event only once its transaction commits, and never one that rolls back', async () => {
    const { db, bus } = await openBus();
    const jember = collect(bus, operatorJember);

    await db.asSystem(async (tx) => {
      await publishEvent(tx, reportCreated('committed', '35.09.06.2002'));
      await sleep(200);
      expect(jember.received).toEqual([]);
    });
    await expect(
      db.asActor(operatorJember, async (tx) => {
        await publishEvent(tx, reportCreated('rolled-back', '35.09.06.2002'));
        throw new Error('the request fails');
      }),
    ).rejects.toThrow('the request fails');
    await db.asSystem((tx) => publishEvent(tx, lastEvent));
    await jember.finished;

    expect(jember.ids()).toEqual(['committed', 'last']);
  });

  it('stops delivering to a subscriber once it unsubscribes, and keeps going when one throws', async () => {
    const { db, bus } = await openBus();
    const early: string[] = [];
    const unsubscribe = bus.subscribe(operatorJember, (event) => early.push(event.subject.id));
    bus.subscribe(operatorJember, () => {
      throw new Error('a broken stream');
    });
    const jember = collect(bus, operatorJember);

    await db.asSystem((tx) => publishEvent(tx, reportCreated('first', '35.09.06.2002')));
    await waitUntil(() => jember.received.length === 1);
    unsubscribe();
    await db.asSystem((tx) => publishEvent(tx, lastEvent));
    await jember.finished;

    expect(early).toEqual(['first']);
    expect(jember.ids()).toEqual(['first', 'last']);
    expect(bus.subscriberCount()).toBe(2);
  });

  it('refuses an event too large for NOTIFY, and one with a malformed type', async () => {
    const { db } = await openBus();
    const huge = { ...reportCreated('huge', '35.09'), summary: { note: 'x'.repeat(8000) } };

    await expect(db.asSystem((tx) => publishEvent(tx, huge))).rejects.toThrow(/limit/);
    await expect(
      db.asSystem((tx) => publishEvent(tx, { ...reportCreated('bad', '35.09'), type: 'Report Created' })),
    ).rejects.toThrow();
  });

  it.skipIf(!TEST_DATABASE_URL)('reaches a bus of another app instance on the same database', async () => {
    const { db } = await openBus();
    const name = (await db.asSystem((tx) => tx.one<{ name: string }>('SELECT current_database() AS name')))
      ?.name;
    const otherInstance = openServerDatabase(databaseUrlFor(name as string), undefined);
    cleanups.push(() => otherInstance.close());
    const otherBus = createEventBus(otherInstance);
    await otherBus.start();
    cleanups.push(() => otherBus.stop());
    const jember = collect(otherBus, operatorJember);

    await db.asActor(operatorJember, (tx) =>
      publishEvent(tx, reportCreated('from-instance-1', '35.09.06.2002')),
    );
    await db.asSystem((tx) => publishEvent(tx, lastEvent));
    await jember.finished;

    expect(jember.ids()).toEqual(['from-instance-1', 'last']);
  });
});

describe('the LISTEN connection on PostgreSQL', () => {
  /** A logger that keeps what it is told. */
  function recordingLog() {
    const lines: { level: 'info' | 'warn'; details: object; message: string }[] = [];
    return {
      lines,
      info: (details: object, message: string) => lines.push({ level: 'info', details, message }),
      warn: (details: object, message: string) => lines.push({ level: 'warn', details, message }),
      said: (pattern: RegExp) => lines.filter((line) => pattern.test(line.message)),
    };
  }

  /** Ends this database's listening backend, as a server restart or an administrator would. */
  async function killListener(db: Database): Promise<void> {
    const killed = await db.asSystem((tx) =>
      tx.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
      ),
    );
    expect(killed).toHaveLength(1);
  }

  it.skipIf(!TEST_DATABASE_URL)(
    'reconnects after its backend is killed, delivers again, and makes principals be forgotten',
    async () => {
      const db = await createTestDatabase();
      cleanups.push(() => db.close());
      const log = recordingLog();
      const bus = createEventBus(db, { log });
      await bus.start();
      cleanups.push(() => bus.stop());
      const stopWatching = await watchPrincipalChanges(db, { log });
      cleanups.push(stopWatching);
      rememberPrincipal('token-hash', { user: 'someone' }, Date.now() + 60_000);

      await killListener(db);
      await waitUntil(() => log.said(/listening again/).length === 2);

      expect(log.said(/lost the LISTEN connection/)).toHaveLength(2);
      expect(log.said(/lost the LISTEN connection/)[0].details).toMatchObject({ retryInMs: 500 });
      // A principal change may have been notified while nobody listened.
      expect(recallPrincipal('token-hash', Date.now())).toBeUndefined();
      const jember = collect(bus, operatorJember);
      await db.asActor(operatorJember, (tx) =>
        publishEvent(tx, reportCreated('after-reconnect', '35.09.06.2002')),
      );
      await db.asSystem((tx) => publishEvent(tx, lastEvent));
      await jember.finished;
      expect(jember.ids()).toEqual(['after-reconnect', 'last']);
    },
  );

  it.skipIf(!TEST_DATABASE_URL)('does not reconnect once the database is closed', async () => {
    const db = await createTestDatabase();
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await db.close();
    });
    let lost = 0;
    let reconnected = 0;
    await db.listen('sigap_test_close', () => undefined, {
      onLost: () => lost++,
      onReconnect: () => reconnected++,
    });

    await killListener(db);
    await waitUntil(() => lost === 1);
    await db.close();
    closed = true;
    await sleep(1500); // past the first two retries, had they been left running

    expect([lost, reconnected]).toEqual([1, 0]);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(20);
  }
}
