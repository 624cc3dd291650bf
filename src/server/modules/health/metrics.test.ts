import { describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { authAs, testAppWith } from '../../../../test/harness.ts';
import { type Jobs, startJobs } from '../../platform/jobs.ts';

const TOKEN = 'token-metrik-uji-0123456789';
const quiet = { info() {}, warn() {}, error() {} };

/** The value of one sample line of a Prometheus text body, or undefined when the line is absent. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of body.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`));
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('/metrics', () => {
  const { t, relawan } = testAppWith({ relawan: { role: 'relawan', region: '35.09.06.2002' } });

  it('counts requests by route pattern (never the URL), reports by channel, streams, jobs and pools', async () => {
    const payload = reportPayload();
    const created = await t.call(relawan, 'POST', '/api/reports', payload);
    expect(created.statusCode).toBe(201);
    const id = String(payload.id);
    expect((await t.call(relawan, 'GET', `/api/reports/${id}`)).statusCode).toBe(200);
    await t.app.inject({ url: '/api/no-such-thing/12345' });
    const unsubscribe = t.events.subscribe(
      { userId: relawan.id, role: 'relawan', scope: [], agencyId: null },
      () => undefined,
    );
    const jobs: Jobs = await startJobs(t.db, { log: quiet, pollingIntervalSeconds: 60 });
    try {
      await jobs.send('metrics-test-queue', {}, { startAfter: 3600 });
      const res = await t.app.inject({ url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      const body = res.body;
      const route = { method: 'GET', route: '/api/reports/:id', status_code: '200' };
      expect(sample(body, 'sigap_http_requests_total', route)).toBe(1);
      expect(sample(body, 'sigap_http_request_duration_seconds_count', route)).toBe(1);
      expect(
        sample(body, 'sigap_http_requests_total', {
          method: 'POST',
          route: '/api/reports',
          status_code: '201',
        }),
      ).toBe(1);
      expect(sample(body, 'sigap_http_requests_total', { route: 'unmatched', status_code: '404' })).toBe(1);
      // Neither the report's id nor the unknown URL becomes a label.
      expect(body).not.toContain(id);
      expect(body).not.toContain('12345');
      expect(sample(body, 'sigap_reports_received', { channel: 'web' })).toBe(1);
      expect(sample(body, 'sigap_alerts_open')).toBe(0);
      expect(sample(body, 'sigap_sse_subscribers')).toBe(1);
      expect(sample(body, 'sigap_jobs', { queue: 'metrics-test-queue', state: 'waiting' })).toBe(1);
      const pool = t.db.kind === 'pglite' ? 'embedded' : 'app';
      expect(sample(body, 'sigap_db_pool_max', { pool })).toBeGreaterThan(0);
      expect(sample(body, 'sigap_db_pool_connections', { pool })).toBeGreaterThanOrEqual(0);
      expect(sample(body, 'sigap_db_pool_waiting', { pool })).toBe(0);
      // The process's own figures, for watching memory and the event loop over days (and bench:soak).
      expect(sample(body, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
      expect(sample(body, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(1_000_000);
      expect(sample(body, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
      expect(sample(body, 'nodejs_active_handles_total')).toBeGreaterThan(0);
      expect(sample(body, 'sigap_http_connections_open')).toBe(0); // injected requests open no socket
    } finally {
      unsubscribe();
      await jobs.stop();
    }
    const after = (await t.app.inject({ url: '/metrics' })).body;
    expect(sample(after, 'sigap_sse_subscribers')).toBe(0);
  });

  it('is hidden (404) from other machines and from requests through a proxy when no token is set', async () => {
    const remote = await t.app.inject({ url: '/metrics', remoteAddress: '192.168.1.20' });
    expect(remote.statusCode).toBe(404);
    expect(remote.body).not.toContain('sigap_');
    const proxied = await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '192.168.1.20' } });
    expect(proxied.statusCode).toBe(404);
    // A token that is not configured opens nothing.
    const guessed = await t.app.inject({
      url: '/metrics',
      remoteAddress: '192.168.1.20',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(guessed.statusCode).toBe(404);
    // A user's API token is not a metrics token either.
    const user = await t.app.inject({
      url: '/metrics',
      remoteAddress: '192.168.1.20',
      headers: authAs(relawan),
    });
    expect(user.statusCode).toBe(404);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const { t } = testAppWith({}, { env: { METRICS_TOKEN: TOKEN } });

  it('answers other machines only with the token as a bearer token (401 otherwise)', async () => {
    const remote = { remoteAddress: '10.0.0.7' };
    const none = await t.app.inject({ url: '/metrics', ...remote });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect(none.body).not.toContain('sigap_');
    const wrong = await t.app.inject({
      url: '/metrics',
      ...remote,
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await t.app.inject({
      url: '/metrics',
      ...remote,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('sigap_http_requests_total');
    const local = await t.app.inject({ url: '/metrics' });
    expect(local.statusCode).toBe(200);
  });
});

describe('/api/health: liveness and readiness', () => {
  const { t } = testAppWith({});

  it('names the database and says migrations are current; ready answers 503 when one is missing', async () => {
    const kind = t.db.kind;
    const health = await t.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      status: 'ok',
      database: kind,
      migrations: { current: true, pending: 0 },
    });
    expect((await t.app.inject({ url: '/api/health/live' })).json()).toMatchObject({ status: 'ok' });
    const ready = await t.app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: kind });

    // The database lacks this release's newest migration (an upgrade not yet migrated).
    await t.db.asSystem((tx) =>
      tx.query('DELETE FROM schema_migrations WHERE name = (SELECT max(name) FROM schema_migrations)'),
    );
    const behind = await t.app.inject({ url: '/api/health/ready' });
    expect(behind.statusCode).toBe(503);
    expect(behind.json()).toMatchObject({
      status: 'not_ready',
      database: kind,
      reason: 'migrations_pending',
      migrations: { current: false, pending: 1 },
    });
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({
      migrations: { current: false, pending: 1 },
    });
    // Liveness does not depend on the database.
    expect((await t.app.inject({ url: '/api/health/live' })).statusCode).toBe(200);
  });
});
