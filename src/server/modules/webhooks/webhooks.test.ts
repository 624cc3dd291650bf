import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db-template.ts';
import { CAP_SCHEMA, xmllint } from '../../../../test/early-warning-helpers.ts';
import type { Role } from '../../../shared/users.ts';
import { buildApp } from '../../app.ts';
import { systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { createEventBus, type EventBus } from '../../platform/events.ts';
import { type Jobs, startJobs } from '../../platform/jobs.ts';
import { createApiToken } from '../auth/auth-service.ts';
import { createUser } from '../users/users-service.ts';
import { SIGNATURE_HEADER, startWebhookWorker } from './webhooks-service.ts';

/** A receiver on 127.0.0.1 that fails the first `failures` requests with 500, then answers 204. */
function startReceiver(failures: number) {
  const received: { body: string; headers: Record<string, string | string[] | undefined> }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ body, headers: request.headers });
      response.statusCode = received.length <= failures ? 500 : 204;
      response.end();
    });
  });
  return new Promise<{ url: string; received: typeof received; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/sigap`,
        received,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes each named user with an API token; `tokens` gets each token by name. Returns the users' ids by name. */
async function makeUsers(
  db: Database,
  people: readonly (readonly [name: string, role: Role, region: string])[],
  tokens: Record<string, string>,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [name, role, region] of people) {
    const username = `${name}_${Math.random().toString(36).slice(2, 8)}`;
    const { user } = await createUser(
      db,
      { id: null, label: 'uji' },
      { username, role, region, password: 'kata-sandi-uji-1' },
    );
    ids[name] = user.id;
    tokens[name] = (await createApiToken(db, { id: null, label: 'uji' }, username)).token;
  }
  return ids;
}

/** Raises a Siaga alert on Kecamatan Tanggul with the given auth headers (the koordinator's). */
function raiseSiaga(app: FastifyInstance, headers: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url: '/api/alerts',
    headers,
    payload: { regionCode: '35.09.06', level: 'siaga', headline: 'Siaga kerawanan di Kecamatan Tanggul' },
  });
}

describe('webhooks', () => {
  let db: Database;
  let events: EventBus;
  let jobs: Jobs | undefined;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};

  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    db = await createTestDatabase();
    // The receiver listens on 127.0.0.1: this server allows private targets, as an office network would.
    const config = loadConfig({ LOG_LEVEL: 'silent', SIGAP_JOBS: 'false', WEBHOOK_ALLOW_PRIVATE: 'true' });
    events = createEventBus(db);
    await events.start();
    app = await buildApp({ config, db, events, logger: false, jobs: () => jobs });
    await app.ready();
    const quiet = { info() {}, warn() {}, error() {} };
    jobs = await startJobs(db, { log: quiet, pollingIntervalSeconds: 0.5 });
    await startWebhookWorker(db, jobs, {
      clock: systemClock,
      retry: { baseSeconds: 1, maxAttempts: 5 },
      allowPrivate: true,
    });
    await makeUsers(
      db,
      [
        ['admin', 'admin', '35'],
        ['koordinator', 'koordinator', 'V'],
        ['operator', 'operator', '35.09'],
      ],
      tokens,
    );
  });
  afterAll(async () => {
    await app.close();
    await jobs?.stop();
    await events.stop();
    await db.close();
  });

  it('is configured by the admin only, and never shows its secret again', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: as('operator'),
      payload: { url: 'http://127.0.0.1:9/x' },
    });
    expect(refused.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: as('admin'),
      payload: { url: 'http://127.0.0.1:9/x', regionCodes: ['35.10'], isActive: false },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().secret).toMatch(/^[\w-]{32}$/);
    const list = (await app.inject({ url: '/api/webhooks', headers: as('admin') })).json().items;
    expect(JSON.stringify(list)).not.toContain(created.json().secret);
    expect(list[0].secretHint).toBe(`…${created.json().secret.slice(-4)}`);
  });

  it('delivers a signed alert after two failed attempts, retried with backoff, and logs each attempt', async () => {
    const receiver = await startReceiver(2);
    try {
      const secret = 'rahasia-polres-jember-0123456789';
      const hook = await app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: as('admin'),
        payload: { url: receiver.url, secret, description: 'Polres Jember', regionCodes: ['35.09'] },
      });
      expect(hook.statusCode).toBe(201);
      const alert = await raiseSiaga(app, as('koordinator'));
      expect(alert.statusCode).toBe(201);

      const deadline = Date.now() + 45_000;
      while (receiver.received.length < 3 && Date.now() < deadline) await sleep(200);
      expect(receiver.received).toHaveLength(3);

      const last = receiver.received[2];
      const expected = `sha256=${createHmac('sha256', secret).update(last.body).digest('hex')}`;
      expect(last.headers[SIGNATURE_HEADER]).toBe(expected);
      expect(last.headers['x-sigap-event']).toBe('alert.raised');
      // Every retry carries the same bytes and signature.
      expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
      const body = JSON.parse(last.body);
      expect(body).toMatchObject({ event: 'alert.raised', alert: { id: alert.json().id, level: 'siaga' } });
      expect(xmllint(body.cap, CAP_SCHEMA)).toBe('');

      let log: { status: string; attempts: number; log: { statusCode: number }[] }[] = [];
      while (Date.now() < deadline) {
        log = (
          await app.inject({ url: `/api/webhooks/${hook.json().id}/deliveries`, headers: as('admin') })
        ).json().items;
        if (log[0]?.status === 'terkirim') break;
        await sleep(200);
      }
      expect(log[0]).toMatchObject({ status: 'terkirim', attempts: 3 });
      expect(log[0].log.map((entry) => entry.statusCode)).toEqual([500, 500, 204]);
    } finally {
      await receiver.close();
    }
  }, 60_000);

  it('sends nothing to an inactive webhook or one filtered to another region', async () => {
    const rows = await db.asSystem((tx) =>
      tx.query<{ url: string }>(
        'SELECT w.url FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id',
      ),
    );
    expect(rows.map((r) => r.url)).not.toContain('http://127.0.0.1:9/x');
  });
});

describe('webhooks to loopback, private and link-local addresses', () => {
  let db: Database;
  let jobs: Jobs | undefined;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  let adminId = '';
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ LOG_LEVEL: 'silent', SIGAP_JOBS: 'false' });
    app = await buildApp({ config, db, logger: false, jobs: () => jobs });
    await app.ready();
    const quiet = { info() {}, warn() {}, error() {} };
    jobs = await startJobs(db, { log: quiet, pollingIntervalSeconds: 0.5 });
    await startWebhookWorker(db, jobs, { clock: systemClock, retry: { baseSeconds: 1, maxAttempts: 2 } });
    const ids = await makeUsers(
      db,
      [
        ['admin', 'admin', '35'],
        ['koordinator', 'koordinator', 'V'],
      ],
      tokens,
    );
    adminId = ids.admin!;
  });
  afterAll(async () => {
    await app.close();
    await jobs?.stop();
    await db.close();
  });

  it('refuses such a target when the webhook is saved, unless WEBHOOK_ALLOW_PRIVATE allows it', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost:8080/x',
      'http://10.1.2.3/x',
      'http://192.168.1.10/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.1]/x',
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: as('admin'),
        payload: { url },
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation_failed',
        details: { fields: [{ path: 'url' }] },
      });
    }
    const created = await app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: as('admin'),
      payload: { url: 'http://203.0.113.10/x', isActive: false },
    });
    expect(created.statusCode).toBe(201);
    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/webhooks/${created.json().id}`,
      headers: as('admin'),
      payload: { url: 'http://127.0.0.1:9/x' },
    });
    expect(moved.statusCode).toBe(400);
  });

  it('refuses it again at delivery, on the address the name resolves to then (DNS rebinding)', async () => {
    const receiver = await startReceiver(0);
    try {
      // Saved while its name pointed elsewhere; now "localhost" resolves to the loopback.
      const url = receiver.url.replace('127.0.0.1', 'localhost');
      const hookId = await db.asSystem(async (tx) => {
        const row = await tx.one<{ id: string }>(
          `INSERT INTO webhooks (url, secret, description, region_codes, is_active, created_by)
           VALUES ($1, 'rahasia-0123456789-abcdef', 'uji', '{}', true, $2) RETURNING id`,
          [url, adminId],
        );
        return row!.id;
      });
      const alert = await raiseSiaga(app, as('koordinator'));
      expect(alert.statusCode).toBe(201);
      let log: { status: string; log: { error: string | null }[] }[] = [];
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        log = (await app.inject({ url: `/api/webhooks/${hookId}/deliveries`, headers: as('admin') })).json()
          .items;
        if (log[0]?.status === 'gagal') break;
        await sleep(200);
      }
      expect(log[0]?.status).toBe('gagal');
      expect(log[0].log[0].error).toMatch(/privat/);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  }, 45_000);
});
