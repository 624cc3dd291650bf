/**
 * A scratch PostgreSQL database for a bench: created on the server of `ownerUrl` (by default DATABASE_URL or the
 * local `test` database's server), migrated, with the regions and a province user whose principal the bench acts
 * as. A `keep` database is left in place when the bench ends and opened again by the next run (migrations brought
 * up to date, the user found again), so a bench at size seeds its rows once; any other is dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { createUser, principalFrom, principalOf } from '../src/server/modules/users/users-service.ts';
import { findUserByUsername } from '../src/server/modules/users/users-store.ts';
import { type Database, openEmbeddedDatabase, openServerDatabase } from '../src/server/platform/db.ts';
import { bootstrapRoles, dropAppLogin, migrate } from '../src/server/platform/migrate.ts';
import type { Principal } from '../src/server/platform/principal.ts';

export type Scratch = {
  name: string;
  /** The owner's connection string of the scratch database (COPY, VACUUM). */
  url: string;
  db: Database;
  userId: string;
  principal: Principal;
  /** Whether the database was already there (a kept one from an earlier run). */
  reused: boolean;
  /** Closes it; drops it unless it is kept. */
  dispose(): Promise<void>;
};

const USERNAME = 'provinsi.bench';

export function defaultOwnerUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** Opens (or creates) the scratch database `name`; `keep` leaves it for the next run. */
export async function openScratch(
  name: string,
  options: { keep?: boolean; ownerUrl?: string } = {},
): Promise<Scratch> {
  const ownerUrl = options.ownerUrl ?? defaultOwnerUrl();
  const admin = new pg.Client({ connectionString: ownerUrl });
  await admin.connect();
  const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  const reused = Boolean(found.rowCount) && Boolean(options.keep);
  if (!reused) {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  }
  await admin.end();
  const url = new URL(ownerUrl);
  url.pathname = `/${name}`;
  const db = openServerDatabase(url.toString(), process.env.SIGAP_APP_DB_PASSWORD);
  await bootstrapRoles(db, process.env.SIGAP_APP_DB_PASSWORD);
  await migrate(db);
  await ensureRegions(db);
  let record = await db.asSystem((tx) => findUserByUsername(tx, USERNAME));
  if (!record) {
    await createUser(
      db,
      { id: null, label: 'bench' },
      { username: USERNAME, role: 'provinsi', region: '35', password: 'kata-sandi-bench' },
    );
    record = await db.asSystem((tx) => findUserByUsername(tx, USERNAME));
  }
  if (!record) throw new Error('no bench user');
  return {
    name,
    url: url.toString(),
    db,
    userId: record.id,
    principal: principalFrom(record, []),
    reused,
    async dispose() {
      await db.close();
      if (options.keep) return;
      const dropper = new pg.Client({ connectionString: ownerUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await dropAppLogin(dropper, name);
      await dropper.end();
    },
  };
}

/** A fresh, empty database (not migrated) and how to throw it away. */
export type FreshDatabase = { db: Database; dispose(): Promise<void> };

/** An empty PGlite database in a new temporary folder named from `prefix`, which dispose removes. */
export async function openFreshPglite(prefix: string): Promise<FreshDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = await openEmbeddedDatabase(dir);
  return {
    db,
    dispose: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An empty PostgreSQL database `name` made anew on the server of `ownerUrl` (one left with that name is dropped
 * first) and opened with the app's login password `appPassword`; dispose drops it and, unless `keepLogin`, the
 * app's login for it. Answers the server's version too.
 */
export async function openFreshPostgres(
  name: string,
  options: { ownerUrl: string; appPassword: string | undefined; keepLogin?: boolean },
): Promise<FreshDatabase & { version: string }> {
  const admin = new pg.Client({ connectionString: options.ownerUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  await admin.end();
  const url = new URL(options.ownerUrl);
  url.pathname = `/${name}`;
  const db = openServerDatabase(url.toString(), options.appPassword);
  return {
    db,
    version,
    dispose: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: options.ownerUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      if (!options.keepLogin) await dropAppLogin(dropper, name);
      await dropper.end();
    },
  };
}

/** How many reports the scratch database holds. */
export async function countReports(db: Database): Promise<number> {
  const row = await db.asSystem((tx) => tx.one<{ n: number }>('SELECT count(*)::int AS n FROM reports'));
  return row?.n ?? 0;
}

/**
 * The viewers a dashboard bench reads as: the koordinator of Bakorwil V, the province and an operator of Jember,
 * as users `<prefix>.koordinator` and so on (made when missing), with their principals by that key.
 */
export async function benchViewers(
  db: Database,
  prefix: string,
  password: string,
): Promise<Record<string, Principal>> {
  const people: Record<string, Principal> = {};
  for (const [key, role, region] of [
    ['koordinator', 'koordinator', 'V'],
    ['provinsi', 'provinsi', '35'],
    ['operator', 'operator', '35.09'],
  ] as const) {
    const username = `${prefix}.${key}`;
    const found = await db.asSystem((tx) => findUserByUsername(tx, username));
    if (!found) await createUser(db, { id: null, label: 'bench' }, { username, role, region, password });
    people[key] = await db.asSystem(async (tx) => {
      const user = await findUserByUsername(tx, username);
      if (!user) throw new Error(`bench user ${username} is missing`);
      return principalOf(tx, user);
    });
  }
  return people;
}
