import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db.ts';

/** Where the job runner reports; Fastify's logger (or a child of it) fits. */
export type JobsLog = {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
};

/** What a job may ask for when sent: when to start, how often to retry, how long it may run. */
export type JobSendOptions = Pick<
  PgBoss.SendOptions,
  | 'startAfter'
  | 'singletonKey'
  | 'singletonSeconds'
  | 'priority'
  | 'retryLimit'
  | 'retryDelay'
  | 'retryBackoff'
  | 'expireInSeconds'
>;

/** Does the work of one job; a throw marks the attempt failed and pg-boss retries it later. */
export type JobHandler<T extends object> = (data: T, job: { id: string; name: string }) => Promise<void>;

/** Background jobs on pg-boss, stored in the app's own database. */
export type Jobs = {
  /**
   * Queues a job and returns its id. Call it AFTER the request's transaction has committed, never inside a
   * db.asActor/asSystem callback: on PGlite the pool has one connection, which that transaction holds, so the
   * job's INSERT would wait for a commit that waits for it. A job sent after commit also never refers to
   * rows a rollback could still remove.
   */
  send<T extends object>(name: string, data: T, options?: JobSendOptions): Promise<string>;
  /** Runs `handler` for every job of queue `name`, one at a time per process. */
  work<T extends object>(name: string, handler: JobHandler<T>): Promise<void>;
  /**
   * Runs `handler` once per poll for up to `batchSize` jobs of queue `name` together (their data, in order):
   * a flood is drained `batchSize` jobs per round, one round per polling interval. A throw
   * fails every job of the batch, retried later, so the handler must be safe to run twice.
   */
  workBatch<T extends object>(
    name: string,
    options: { batchSize: number },
    handler: (items: T[]) => Promise<void>,
  ): Promise<void>;
  /** Sends a job to queue `name` on a cron schedule in WIB (Asia/Jakarta); one per queue, replaced when set again. */
  schedule<T extends object>(name: string, cron: string, data?: T): Promise<void>;
  /** Stops polling, waits for running handlers and pending queries; leaves the database open. */
  stop(): Promise<void>;
};

export type JobsOptions = {
  log: JobsLog;
  /** How often an idle worker asks for a job. On PGlite every poll queues behind requests: keep it modest. */
  pollingIntervalSeconds?: number;
  /** How long stop() waits for running handlers before failing them back to the queue. */
  stopTimeoutMs?: number;
  /** How often schedules are checked and their jobs sent (pg-boss's default: 30 s; tests shorten it). */
  cronIntervalSeconds?: number;
};

/** A failed attempt is retried 5 times, after 30–60 s, then 1–2, 2–4, 4–8 and 8–16 min (doubling, with jitter). */
const RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

/** A job query waiting this long for a connection is logged: on PGlite, likely a send() inside a transaction. */
const SLOW_CONNECTION_MS = 10_000;

/**
 * Runs one of pg-boss's SQL texts on a pooled connection. Some texts carry their own BEGIN … COMMIT; when one
 * fails midway the session stays in an aborted transaction, which on PGlite's single connection would break
 * every later request, so a failure is always followed by a ROLLBACK (a no-op outside a transaction).
 */
export async function runOnPool(
  pool: pg.Pool,
  text: string,
  values: unknown[] | undefined,
  log: JobsLog,
): Promise<pg.QueryResult> {
  const slow = setTimeout(
    () => log.warn({ waitedMs: SLOW_CONNECTION_MS }, 'jobs: still waiting for a database connection'),
    SLOW_CONNECTION_MS,
  );
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } finally {
    clearTimeout(slow);
  }
  try {
    return await client.query(text, values);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Starts pg-boss on `db`, creating its schema (`pgboss`) on first use. Every query of pg-boss goes through
 * db.systemPool: on PGlite that is the one pooled connection, so job queries take their turn with requests
 * and never run inside a request's transaction; on PostgreSQL it is the owner pool.
 */
export async function startJobs(db: Database, options: JobsOptions): Promise<Jobs> {
  const { log } = options;
  const pool = db.systemPool;
  const pending = new Set<Promise<unknown>>();
  let isClosed = false;

  const executeSql = async (text: string, values?: unknown[]): Promise<{ rows: unknown[] }> => {
    if (isClosed) throw new Error('jobs stopped: no more queries');
    const run = runOnPool(pool, text, values, log);
    pending.add(run);
    try {
      return await run;
    } finally {
      pending.delete(run);
    }
  };

  const boss = new PgBoss({
    db: { executeSql: (text, values) => executeSql(text, values) },
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    ...(options.cronIntervalSeconds
      ? {
          cronMonitorIntervalSeconds: options.cronIntervalSeconds,
          cronWorkerIntervalSeconds: options.cronIntervalSeconds,
        }
      : {}),
    ...RETRY,
  });
  // pg-boss reports failed polls and maintenance as 'error' events; unheard, they would crash the process.
  boss.on('error', (error) => log.error({ err: error }, 'jobs: pg-boss error'));
  await boss.start();

  const queues = new Map<string, Promise<void>>();
  const ensureQueue = (name: string): Promise<void> => {
    let created = queues.get(name);
    if (!created) {
      created = boss.createQueue(name, { name, ...RETRY });
      created.catch(() => queues.delete(name));
      queues.set(name, created);
    }
    return created;
  };

  let isStopping = false;
  let running = 0;
  const stopTimeoutMs = options.stopTimeoutMs ?? 30_000;

  log.info({ database: db.kind }, 'jobs: started');

  return {
    async send(name, data, sendOptions = {}) {
      await ensureQueue(name);
      const id = await boss.send(name, data, sendOptions);
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },

    async work<T extends object>(name: string, handler: JobHandler<T>) {
      await ensureQueue(name);
      await boss.work<T>(name, async (batch) => {
        for (const job of batch) {
          // A job fetched while stopping goes back to its queue as a failed attempt, to run again later.
          if (isStopping) throw new Error('jobs stopping');
          running++;
          try {
            await handler(job.data, { id: job.id, name: job.name });
          } catch (error) {
            log.warn({ err: error, job: job.id, queue: name }, 'jobs: attempt failed, will retry');
            throw error;
          } finally {
            running--;
          }
        }
      });
    },

    async workBatch<T extends object>(
      name: string,
      { batchSize }: { batchSize: number },
      handler: (items: T[]) => Promise<void>,
    ) {
      await ensureQueue(name);
      await boss.work<T>(name, { batchSize }, async (batch) => {
        // A batch fetched while stopping goes back to its queue as failed attempts, to run again later.
        if (isStopping) throw new Error('jobs stopping');
        running++;
        try {
          await handler(batch.map((job) => job.data));
        } catch (error) {
          log.warn({ err: error, jobs: batch.length, queue: name }, 'jobs: batch failed, will retry');
          throw error;
        } finally {
          running--;
        }
      });
    },

    async schedule(name, cron, data) {
      await ensureQueue(name);
      await boss.schedule(name, cron, data ?? {}, { tz: 'Asia/Jakarta' });
    },

    async stop() {
      if (isStopping) return;
      isStopping = true;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: stopTimeoutMs });
      // pg-boss marks a job done without awaiting the query, and a poll may still be in flight: let them land.
      const deadline = Date.now() + stopTimeoutMs;
      while ((running > 0 || pending.size > 0) && Date.now() < deadline) {
        await Promise.race([Promise.allSettled([...pending]), new Promise((r) => setTimeout(r, 50))]);
      }
      isClosed = true;
      log.info({}, 'jobs: stopped');
    },
  };
}

/** What a module's background work is given: the database, the time, the settings and the app's log. */
export type JobDeps = { db: Database; clock: Clock; config: Config; log: JobsLog };

/** A module's background work, registered on pg-boss at start: main.ts walks the modules' list, as app.ts their routes. */
export type ModuleJobs = (jobs: Jobs, deps: JobDeps) => Promise<void>;
