import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database, PoolUse } from './db.ts';
import type { EventBus } from './events.ts';

/** What /metrics reads besides the HTTP counters this process keeps itself. */
export type MetricsSources = { db: Database; events?: EventBus };

/** A registry per app (tests build many apps in one process), fed by hooks and by queries at scrape time. */
export type AppMetrics = {
  registry: Registry;
  /** The text body of one scrape. */
  scrape(): Promise<string>;
};

/**
 * The process's own figures (prom-client's standard set: resident memory, heap, event-loop delay, handles, GC),
 * collected once per process however many apps it builds (tests build many; each set keeps a timer running).
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Route label of a request that matched no route: raw URLs never become labels (unbounded, may hold ids). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Counts and times every request by method, route pattern (`/api/reports/:id`, never the URL itself) and
 * status. Install before the routes, on the root instance, so the hook sees every route.
 */
export function installMetrics(app: FastifyInstance, sources: MetricsSources): AppMetrics {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'sigap_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'sigap_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // Live-event streams stay open for hours: their duration says nothing about the server's speed.
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
  });
  // Pool use is read before the scrape's own queries take connections (on PGlite they would queue behind each other).
  let poolUse = sources.db.poolUse();
  registerDatabaseGauges(registry, sources, () => poolUse);
  new Gauge({
    name: 'sigap_http_connections_open',
    help: 'TCP connections open to this instance (kept-alive ones and live-event streams included)',
    registers: [registry],
    async collect() {
      const count = await new Promise<number>((resolve) =>
        app.server.getConnections((error, n) => resolve(error ? 0 : n)),
      );
      this.set(count);
    },
  });
  const own = processMetrics();
  return {
    registry,
    async scrape() {
      poolUse = sources.db.poolUse();
      return `${await registry.metrics()}\n${await own.metrics()}`;
    },
  };
}

/** Gauges read when scraped: from the database (so every instance reports the same totals) and this process. */
function registerDatabaseGauges(
  registry: Registry,
  { db, events }: MetricsSources,
  poolUse: () => PoolUse[],
): void {
  new Gauge({
    name: 'sigap_reports_received',
    help: 'Reports taken in since the start of the database, by channel (web, odk, sms, …)',
    labelNames: ['channel'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db.asSystem((tx) =>
        tx.query<{ channel: string; n: number }>(
          'SELECT channel, count(*)::int AS n FROM reports GROUP BY channel',
        ),
      );
      for (const row of rows) this.set({ channel: row.channel }, row.n);
    },
  });
  new Gauge({
    name: 'sigap_alerts_open',
    help: 'Early-warning alerts still open (aktif or diterima)',
    registers: [registry],
    async collect() {
      const row = await db.asSystem((tx) =>
        tx.one<{ n: number }>("SELECT count(*)::int AS n FROM alerts WHERE status IN ('aktif', 'diterima')"),
      );
      this.set(row?.n ?? 0);
    },
  });
  new Gauge({
    name: 'sigap_jobs',
    help: 'Background jobs by queue and state: waiting (created or retry) and failed',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db.asSystem(async (tx) => {
        // The job tables appear with the first start of the job runner.
        const exists = await tx.one<{ t: string | null }>("SELECT to_regclass('pgboss.job')::text AS t");
        if (!exists?.t) return [];
        return tx.query<{ queue: string; state: string; n: number }>(
          `SELECT name AS queue,
                  CASE WHEN state IN ('created', 'retry') THEN 'waiting' ELSE 'failed' END AS state,
                  count(*)::int AS n
             FROM pgboss.job WHERE state IN ('created', 'retry', 'failed') GROUP BY 1, 2`,
        );
      });
      for (const row of rows) this.set({ queue: row.queue, state: row.state }, row.n);
    },
  });
  new Gauge({
    name: 'sigap_sse_subscribers',
    help: 'Live-event streams (GET /api/events) open on this instance',
    registers: [registry],
    collect() {
      this.set(events?.subscriberCount() ?? 0);
    },
  });
  const poolGauge = (name: string, help: string, pick: (use: PoolUse) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['pool'],
      registers: [registry],
      collect() {
        for (const use of poolUse()) this.set({ pool: use.pool }, pick(use));
      },
    });
  poolGauge('sigap_db_pool_connections', 'Database connections open, by pool', (use) => use.total);
  poolGauge('sigap_db_pool_idle', 'Database connections open and idle, by pool', (use) => use.idle);
  poolGauge(
    'sigap_db_pool_waiting',
    'Queries waiting for a database connection, by pool',
    (use) => use.waiting,
  );
  poolGauge('sigap_db_pool_max', 'Most connections a pool opens', (use) => use.max);
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Who may read /metrics: a request made on this machine (loopback peer, and no proxy header — a reverse proxy
 * on the same machine would otherwise open it to everyone), or anyone with the configured bearer token.
 * 'hidden': no token is configured, so to others the route does not exist (404). 'refused': wrong token (401).
 */
export function metricsAccess(
  request: FastifyRequest,
  token: string | undefined,
): 'open' | 'hidden' | 'refused' {
  const peer = request.socket.remoteAddress ?? '';
  const viaProxy = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((name) => request.headers[name]);
  if (LOOPBACK.test(peer) && !viaProxy) return 'open';
  if (!token) return 'hidden';
  const given = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!given) return 'refused';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token)) ? 'open' : 'refused';
}
