import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db-template.ts';
import type { ActorContext, Database, Tx } from './db.ts';
import { type Jobs, runOnPool, startJobs } from './jobs.ts';

const operator: ActorContext = {
  userId: '00000000-0000-4000-8000-000000000001',
  role: 'operator',
  scope: ['35.09'],
  agencyId: null,
};

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(50);
  }
}

type JobRow = { state: string; retry_count: number };
const findJob = (tx: Tx, id: string) =>
  tx.one<JobRow>('SELECT state, retry_count FROM pgboss.job WHERE id = $1', [id]);

let db: Database;
let jobs: Jobs | undefined;
let errors: unknown[];

async function setUp(): Promise<Jobs> {
  db = await createTestDatabase();
  await db.asSystem(async (tx) => {
    await tx.query('CREATE TABLE job_probe (id int PRIMARY KEY, note text NOT NULL)');
    await tx.query('GRANT SELECT, INSERT ON job_probe TO sigap_app');
  });
  errors = [];
  const log = { info() {}, warn() {}, error: (details: object) => errors.push(details) };
  jobs = await startJobs(db, { log, pollingIntervalSeconds: 0.5 });
  return jobs;
}

afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
  await db?.close();
});

describe('background jobs on the app’s own database path', () => {
  it('runs a job sent after commit and records it completed', async () => {
    const jobs = await setUp();
    const received = deferred<object>();
    await jobs.work<{ reportId: string }>('probe.ok', async (data) => received.resolve(data));

    const id = await jobs.send('probe.ok', { reportId: 'r-1' });

    expect(await received.promise).toEqual({ reportId: 'r-1' });
    await waitFor(async () => (await db.asSystem((tx) => findJob(tx, id)))?.state === 'completed');
    expect(errors).toEqual([]);
  });

  it('a background job failing while a request’s transaction is open does not roll back that request', async () => {
    const jobs = await setUp();
    let attempts = 0;
    await jobs.work('probe.fails', async () => {
      attempts++;
      throw new Error('deliberate failure');
    });

    let sent!: Promise<string>;
    await db.asActor(operator, async (tx) => {
      await tx.query('INSERT INTO job_probe (id, note) VALUES (1, $1)', ['kept']);
      sent = jobs.send('probe.fails', { n: 1 }); // another async flow, while this transaction is open
      if (db.kind === 'postgresql') {
        const id = await sent;
        await waitFor(async () => (await db.asSystem((other) => findJob(other, id)))?.state === 'retry');
        expect(attempts).toBe(1);
      } else {
        // PGlite: this transaction holds the one connection; the job's INSERT waits for it, on one path.
        const outcome = await Promise.race([sent.then(() => 'sent'), sleep(1000).then(() => 'waiting')]);
        expect(outcome).toBe('waiting');
        expect(attempts).toBe(0);
      }
    });

    const id = await sent;
    await waitFor(async () => (await db.asSystem((tx) => findJob(tx, id)))?.state === 'retry');
    expect(attempts).toBe(1);
    expect(await db.asActor(operator, (tx) => tx.query('SELECT id, note FROM job_probe'))).toEqual([
      { id: 1, note: 'kept' },
    ]);
    expect(errors).toEqual([]);
  });

  it('a job already running fails beside an open transaction without touching it', async () => {
    const jobs = await setUp();
    const started = deferred();
    const release = deferred();
    const threw = deferred();
    await jobs.work('probe.late-failure', async () => {
      started.resolve();
      await release.promise;
      threw.resolve();
      throw new Error('deliberate failure');
    });
    const id = await jobs.send('probe.late-failure', {});
    await started.promise;

    await db.asSystem(async (tx) => {
      await tx.query('INSERT INTO job_probe (id, note) VALUES (2, $1)', ['kept']);
      release.resolve();
      await threw.promise;
      if (db.kind === 'postgresql') {
        // recorded on another connection, visible here once committed there
        await waitFor(async () => (await findJob(tx, id))?.state === 'retry');
      } else {
        // the failure is recorded only after this transaction: it queues behind it, never inside it
        await sleep(300);
        expect((await findJob(tx, id))?.state).toBe('active');
      }
    });

    await waitFor(async () => (await db.asSystem((tx) => findJob(tx, id)))?.state === 'retry');
    expect(await db.asSystem((tx) => tx.query('SELECT note FROM job_probe WHERE id = 2'))).toEqual([
      { note: 'kept' },
    ]);
    expect(errors).toEqual([]);
  });

  it('retries a failed job later, with backoff, up to a limit', async () => {
    const jobs = await setUp();
    const failed = deferred();
    await jobs.work('probe.retry', async () => {
      failed.resolve();
      throw new Error('deliberate failure');
    });
    const id = await jobs.send('probe.retry', {});
    await failed.promise;
    await waitFor(async () => (await db.asSystem((tx) => findJob(tx, id)))?.state === 'retry');

    const job = await db.asSystem((tx) =>
      tx.one<{ retry_limit: number; retry_backoff: boolean; delay_s: number }>(
        `SELECT retry_limit, retry_backoff, extract(epoch FROM start_after - now())::int AS delay_s
           FROM pgboss.job WHERE id = $1`,
        [id],
      ),
    );
    expect(job?.retry_limit).toBe(5);
    expect(job?.retry_backoff).toBe(true);
    expect(job?.delay_s).toBeGreaterThan(10); // not hammered again at once
  });

  it('keeps answering requests while its workers poll', async () => {
    const jobs = await setUp();
    for (const name of ['probe.a', 'probe.b', 'probe.c']) await jobs.work(name, async () => {});
    let slowest = 0;
    const until = Date.now() + 2500;
    let count = 0;
    while (Date.now() < until) {
      const started = performance.now();
      await db.asActor(operator, (tx) => tx.query('SELECT count(*)::int AS n FROM job_probe'));
      slowest = Math.max(slowest, performance.now() - started);
      count++;
    }
    expect(count).toBeGreaterThan(50);
    expect(slowest).toBeLessThan(500);
  });

  it('records a cron schedule for its queue, in East Java time', async () => {
    const jobs = await setUp();
    await jobs.schedule('probe.nightly', '0 0 * * *', { kind: 'digest' });

    const rows = await db.asSystem((tx) =>
      tx.query('SELECT name, cron, timezone, data FROM pgboss.schedule'),
    );
    expect(rows).toEqual([
      { name: 'probe.nightly', cron: '0 0 * * *', timezone: 'Asia/Jakarta', data: { kind: 'digest' } },
    ]);
  });

  it('rolls back a failed multi-statement text, so the connection stays usable for requests', async () => {
    await setUp();
    const log = { info() {}, warn() {}, error() {} };

    await expect(runOnPool(db.systemPool, 'BEGIN; SELECT 1/0; COMMIT;', undefined, log)).rejects.toThrow(
      /division by zero/,
    );

    // the same pool (on PGlite its only connection; on PostgreSQL the idle client just released)
    expect(await db.asSystem((tx) => tx.query('SELECT 1 AS ok'))).toEqual([{ ok: 1 }]);
    expect(await db.asActor(operator, (tx) => tx.query('SELECT 1 AS ok'))).toEqual([{ ok: 1 }]);
  });

  it('stop() waits for a running job and leaves the database usable', async () => {
    const jobs = await setUp();
    const started = deferred();
    let isFinished = false;
    await jobs.work('probe.slow', async () => {
      started.resolve();
      await sleep(700);
      isFinished = true;
    });
    const id = await jobs.send('probe.slow', {});
    await started.promise;

    await jobs.stop();

    expect(isFinished).toBe(true);
    expect((await db.asSystem((tx) => findJob(tx, id)))?.state).toBe('completed');
    expect(await db.asActor(operator, (tx) => tx.query('SELECT 1 AS ok'))).toEqual([{ ok: 1 }]);
    await expect(jobs.send('probe.slow', {})).rejects.toThrow();
    expect(errors).toEqual([]);
  });
});
