import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { createApiToken } from '../src/server/modules/auth/auth-service.ts';
import { createUser, type NewUser } from '../src/server/modules/users/users-service.ts';
import type { Clock } from '../src/server/platform/clock.ts';
import { type Config, loadConfig } from '../src/server/platform/config.ts';
import type { Database } from '../src/server/platform/db.ts';
import { createEventBus, type EventBus } from '../src/server/platform/events.ts';
import { createTestDatabase, TEST_DATA_KEY, TEST_DATABASE_URL } from './db-template.ts';
import { reportPayload } from './fixtures.ts';

export type TestUser = { id: string; username: string; password: string; token: string; role: string };

/** A case as POST /api/cases answers it, with the id of the report it was opened from. */
export type OpenedCase = { id: string; version: number; reportId: string };
export type AccessEntry = { userId: string; subjectType: string; subjectId: string; purpose: string };
export type AuditEntry = {
  action: string;
  actorId: string | null;
  actorLabel: string;
  subjectId: string;
  details: string;
};

export type TestApp = {
  app: FastifyInstance;
  db: Database;
  config: Config;
  /** The app's live-event bus, listening; GET /api/events streams from it. */
  events: EventBus;
  /** Creates a user and an API token for them; `region` is a region code or a Bakorwil id. */
  user(input: Partial<NewUser> & { role: NewUser['role']; region: string }): Promise<TestUser>;
  /** Adds the partner agency `agencyId` (unless there) and creates a mitra user of it in `region`. */
  partner(agencyId: string, agencyName: string, region: string): Promise<TestUser>;
  /** Sends a request as `user`, with their bearer token (and any other `headers`). */
  call(
    user: TestUser,
    method: HTTPMethods,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Files the fixture report (with `overrides`) as `reporter`; answers its id. */
  filedReport(reporter: TestUser, overrides?: Record<string, unknown>): Promise<string>;
  /** Files the fixture report (with `overrides`) as `reporter`, verifies it as `handler`; answers its id. */
  verifiedReport(reporter: TestUser, handler: TestUser, overrides?: Record<string, unknown>): Promise<string>;
  /** Opens a case as `handler` from a report filed by `reporter` and verified (see `verifiedReport`). */
  openCase(reporter: TestUser, handler: TestUser, overrides?: Record<string, unknown>): Promise<OpenedCase>;
  /** Moves an open case to pemulihan, marks its reconciliation done and closes it with `outcome`, as `handler`. */
  closeCase(handler: TestUser, caseId: string, outcome: string): Promise<{ phase: string }>;
  /** The access-log entries matching every filter given, in the order written. */
  accessLog(filter: { userId?: string; subjectId?: string; purpose?: string }): Promise<AccessEntry[]>;
  /** The audit entries matching every filter given, in the order of the chain. */
  audit(filter: { subjectId?: string; action?: string }): Promise<AuditEntry[]>;
  close(): Promise<void>;
};

/** Fails with the response's status and body unless it answered `status`. */
function expectStatus(res: LightMyRequestResponse, status: number, what: string): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res;
}

/** The `WHERE` clause and parameters of the filters given (column names are the caller's, never input). */
function where(filter: Record<string, string | undefined>): { sql: string; params: string[] } {
  const given = Object.entries(filter).filter(([, value]) => value !== undefined);
  const sql = given.map(([column], i) => `${column} = $${i + 1}`).join(' AND ');
  return { sql: sql ? `WHERE ${sql}` : '', params: given.map(([, value]) => value as string) };
}

let counter = 0;

/**
 * A Sigap app on a fresh test database (PGlite in memory, or PostgreSQL when DATABASE_URL is set);
 * pass a fake clock to move deadlines.
 */
export async function buildTestApp(env: Record<string, string> = {}, clock?: Clock): Promise<TestApp> {
  const db = await createTestDatabase();
  // A boundaries folder set for the whole run overrides the one in the package.
  const geo = process.env.GEO_DIR ? { GEO_DIR: process.env.GEO_DIR } : {};
  // PostgreSQL needs a configured data key (NIKs of pillars and vulnerable people are sealed with it)
  const dataKey = TEST_DATABASE_URL ? { SIGAP_DATA_KEY: TEST_DATA_KEY } : {};
  // Tests of other features sign in as admins and koordinators without a second factor; the second factor's
  // own tests pass TOTP_REQUIRED_ROLES (the deployment default is admin, provinsi, koordinator).
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SIGAP_JOBS: 'false',
    TOTP_REQUIRED_ROLES: 'none',
    ...geo,
    ...dataKey,
    ...env,
  });
  const events = createEventBus(db);
  await events.start();
  const app = await buildApp({ config, db, events, clock, logger: false });
  await app.ready();
  const call: TestApp['call'] = (user, method, url, payload, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { ...authAs(user), ...headers },
      payload: payload as Record<string, unknown>,
    });
  const filedReport: TestApp['filedReport'] = async (reporter, overrides = {}) => {
    const payload = reportPayload(overrides);
    expectStatus(await call(reporter, 'POST', '/api/reports', payload), 201, 'filing the report');
    return payload.id as string;
  };
  const verifiedReport: TestApp['verifiedReport'] = async (reporter, handler, overrides = {}) => {
    const id = await filedReport(reporter, overrides);
    const verify = { status: 'terverifikasi' };
    expectStatus(await call(handler, 'POST', `/api/reports/${id}/verification`, verify), 200, 'verifying');
    return id;
  };
  const user: TestApp['user'] = async (input) => {
    counter++;
    const username = input.username ?? `${input.role}${counter}_${Math.random().toString(36).slice(2, 6)}`;
    const password = input.password ?? 'kata-sandi-uji-1';
    const created = await createUser(db, { id: null, label: 'uji' }, { ...input, username, password });
    const { token } = await createApiToken(db, { id: null, label: 'uji' }, username);
    return { id: created.user.id, username, password, token, role: created.user.role };
  };
  return {
    app,
    db,
    config,
    events,
    user,
    async partner(agencyId, agencyName, region) {
      const insert = 'INSERT INTO agencies (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING';
      await db.systemQuery(insert, [agencyId, agencyName]);
      return user({ role: 'mitra', region, agencyId });
    },
    call,
    filedReport,
    verifiedReport,
    async openCase(reporter, handler, overrides) {
      const reportId = await verifiedReport(reporter, handler, overrides);
      const res = await call(handler, 'POST', '/api/cases', { reportIds: [reportId] });
      return { ...expectStatus(res, 201, 'opening the case').json(), reportId };
    },
    async closeCase(handler, caseId, outcome) {
      await call(handler, 'POST', `/api/cases/${caseId}/phase`, { to: 'pemulihan' });
      await call(handler, 'POST', `/api/cases/${caseId}/recovery-steps`, { step: 'rekonsiliasi' });
      return (await call(handler, 'POST', `/api/cases/${caseId}/phase`, { to: 'selesai', outcome })).json();
    },
    async accessLog(filter) {
      const { sql, params } = where({
        user_id: filter.userId,
        subject_id: filter.subjectId,
        purpose: filter.purpose,
      });
      return db.systemQuery<AccessEntry>(
        `SELECT user_id AS "userId", subject_type AS "subjectType", subject_id AS "subjectId", purpose
           FROM access_log ${sql} ORDER BY id`,
        params,
      );
    },
    async audit(filter) {
      const { sql, params } = where({ subject_id: filter.subjectId, action: filter.action });
      return db.systemQuery<AuditEntry>(
        `SELECT action, actor_id AS "actorId", actor_label AS "actorLabel", subject_id AS "subjectId", details
           FROM audit_log ${sql} ORDER BY seq`,
        params,
      );
    },
    async close() {
      await app.close();
      await events.stop();
      await db.close();
    },
  };
}

/** A person of a test file: a user of a role and region, or a mitra of a partner agency (added if missing). */
export type PersonSpec =
  | Parameters<TestApp['user']>[0]
  | { partner: string; agencyName: string; region: string };

/** Creates the person a spec describes in `app`. */
export function createPerson(app: TestApp, spec: PersonSpec): Promise<TestUser> {
  return 'partner' in spec ? app.partner(spec.partner, spec.agencyName, spec.region) : app.user(spec);
}

/**
 * The people most test files act as, each the same wherever it is named: the operator of Jember (`operator`,
 * `operatorJember`), a relawan of Tanggul in Jember, the koordinator of Bakorwil V, the provinsi, the PPDP and an
 * admin.
 */
export const PEOPLE = {
  operator: { role: 'operator', region: '35.09' },
  operatorJember: { role: 'operator', region: '35.09' },
  relawan: { role: 'relawan', region: '35.09.06.2002' },
  koordinator: { role: 'koordinator', region: 'V' },
  provinsi: { role: 'provinsi', region: '35' },
  ppdp: { role: 'ppdp', region: '35' },
  admin: { role: 'admin', region: '35' },
} as const satisfies Record<string, PersonSpec>;

/** These of PEOPLE in the order named, to spread into testAppWith's people beside a file's own. */
export function people<const N extends keyof typeof PEOPLE>(...names: N[]): Pick<typeof PEOPLE, N> {
  return Object.fromEntries(names.map((name) => [name, PEOPLE[name]])) as Pick<typeof PEOPLE, N>;
}

/**
 * A test file's app and its people, each named once. A `beforeAll` hook builds the app (`env`, `clock` as for
 * `buildTestApp`; `env` may be a function, called then, when a hook registered earlier starts a fake server the
 * settings name) and creates the people in the order given; an `afterAll` hook closes the app. The people returned
 * are filled in by that hook, and `t` answers once the app is built: use them in tests and later hooks.
 */
export function testAppWith<const P extends Record<string, PersonSpec>>(
  people: P,
  options: { env?: Record<string, string> | (() => Record<string, string>); clock?: Clock } = {},
): { t: TestApp } & { [K in keyof P]: TestUser } {
  let built: TestApp | undefined;
  const t = new Proxy({} as TestApp, {
    get(_, key) {
      if (!built) throw new Error('the test app is built in beforeAll: use it in a test or a later hook');
      return Reflect.get(built, key);
    },
  });
  const cast: Record<string, TestUser> = {};
  for (const name of Object.keys(people)) cast[name] = {} as TestUser;
  beforeAll(async () => {
    const env = typeof options.env === 'function' ? options.env() : options.env;
    const app = await buildTestApp(env, options.clock);
    built = app;
    for (const [name, spec] of Object.entries(people))
      Object.assign(cast[name], await createPerson(app, spec));
  });
  afterAll(() => built?.close());
  return { t, ...cast } as { t: TestApp } & { [K in keyof P]: TestUser };
}

/** Headers that authenticate as `user` with their bearer token. */
export function authAs(user: TestUser): Record<string, string> {
  return { authorization: `Bearer ${user.token}` };
}

/** Signs in with a password through the API; returns the cookie header and CSRF token of the session. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string,
  totp?: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(totp ? { totp } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : (setCookie as string);
  return { cookie: raw.split(';')[0], csrfToken: res.json().csrfToken };
}
