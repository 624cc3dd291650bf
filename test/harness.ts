import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { createApiToken } from '../src/server/modules/auth/auth-service.ts';
import { createUser, type NewUser } from '../src/server/modules/users/users-service.ts';
import type { Clock } from '../src/server/platform/clock.ts';
import { type Config, loadConfig } from '../src/server/platform/config.ts';
import type { Database } from '../src/server/platform/db.ts';
import { createEventBus, type EventBus } from '../src/server/platform/events.ts';
import { createTestDatabase, TEST_DATA_KEY, TEST_DATABASE_URL } from './db-template.ts';

export type TestUser = { id: string; username: string; password: string; token: string; role: string };

export type TestApp = {
  app: FastifyInstance;
  db: Database;
  config: Config;
  /** The app's live-event bus, listening; GET /api/events streams from it. */
  events: EventBus;
  /** Creates a user and an API token for them; `region` is a region code or a Bakorwil id. */
  user(input: Partial<NewUser> & { role: NewUser['role']; region: string }): Promise<TestUser>;
  close(): Promise<void>;
};

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
  return {
    app,
    db,
    config,
    events,
    async user(input) {
      counter++;
      const username = input.username ?? `${input.role}${counter}_${Math.random().toString(36).slice(2, 6)}`;
      const password = input.password ?? 'kata-sandi-uji-1';
      const { user } = await createUser(db, { id: null, label: 'uji' }, { ...input, username, password });
      const { token } = await createApiToken(db, { id: null, label: 'uji' }, username);
      return { id: user.id, username, password, token, role: user.role };
    },
    async close() {
      await app.close();
      await events.stop();
      await db.close();
    },
  };
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
