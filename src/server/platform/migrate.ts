import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { APP_ROLE, appLoginFor, type Database } from './db.ts';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');

export type MigrationResult = { applied: string[]; alreadyApplied: number };

/**
 * Creates the roles the app needs, idempotently. Roles are server-wide, so this is not a migration.
 * `sigap_app` is a NOLOGIN group role that the policies name. On PostgreSQL each database has its own LOGIN
 * member (`appLoginFor`): only it (and the owner) may connect to this database, and a start sets the password
 * of this database's login only, never another's. On PGlite each transaction switches to `sigap_app` with
 * SET LOCAL ROLE, and no login exists.
 */
export async function bootstrapRoles(db: Database, appPassword?: string, appUser?: string): Promise<void> {
  await db.asSystem(async (tx) => {
    await tx.query(`DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another process created it at the same moment
      END $$`);
    if (db.kind === 'pglite') return;
    // instances of one database starting at once take turns (the catalog rows they change are the same)
    await tx.query('SELECT pg_advisory_xact_lock(7299)');
    const database = (await tx.one<{ name: string }>('SELECT current_database() AS name'))!.name;
    const login = appLoginFor(database, appUser);
    const quoted = {
      login: (await tx.one<{ q: string }>('SELECT quote_ident($1) AS q', [login]))!.q,
      database: (await tx.one<{ q: string }>('SELECT quote_ident($1) AS q', [database]))!.q,
    };
    await tx.query(`DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${pg.escapeLiteral(login)}) THEN
          CREATE ROLE ${quoted.login} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS IN ROLE ${APP_ROLE};
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another process created it at the same moment
      END $$`);
    // sessions of the login act as the group role, so every statement meets the policies written for it
    await tx.query(`ALTER ROLE ${quoted.login} SET role = ${APP_ROLE}`);
    await tx.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${quoted.database} FROM PUBLIC`);
    await tx.query(`GRANT CONNECT ON DATABASE ${quoted.database} TO ${quoted.login}`);
    if (appPassword) {
      const password = (await tx.one<{ q: string }>('SELECT quote_literal($1) AS q', [appPassword]))!.q;
      await tx.query(`ALTER ROLE ${quoted.login} PASSWORD ${password}`);
    }
  });
}

/**
 * Removes a database's app login (after the database itself was dropped, or before): for test and bench
 * databases that come and go. `admin` is a connection to any other database of the server.
 */
export async function dropAppLogin(admin: pg.ClientBase, database: string, appUser?: string): Promise<void> {
  const login = pg.escapeIdentifier(appLoginFor(database, appUser));
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount) {
    await admin
      .query(`REVOKE ALL ON DATABASE ${pg.escapeIdentifier(database)} FROM ${login}`)
      .catch(() => undefined);
  }
  await admin.query(`DROP ROLE IF EXISTS ${login}`);
}

/** Applies the numbered .sql files not yet recorded, each in its own transaction, in order. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = readdirSync(dir)
    .filter((name) => /^\d{4}_.+\.sql$/.test(name))
    .sort();
  await db.asSystem(async (tx) => {
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: string[] = [];
  for (const name of files) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const checksum = createHash('sha256').update(text).digest('hex');
    const didApply = await db.asSystem(async (tx) => {
      // Several instances may start at once on one PostgreSQL: one migrates, the others wait and skip.
      await tx.query('SELECT pg_advisory_xact_lock(7300)');
      const done = await tx.one<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE name = $1',
        [name],
      );
      if (done) {
        if (done.checksum !== checksum) {
          throw new Error(
            `Migrasi ${name} sudah diterapkan tetapi isinya berubah / applied migration was edited`,
          );
        }
        return false;
      }
      await tx.query(text);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [name, checksum]);
      return true;
    });
    if (didApply) applied.push(name);
  }
  return { applied, alreadyApplied: files.length - applied.length };
}

/** The numbered migration files of this release that the database has not recorded as applied. */
export async function pendingMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readdirSync(dir).filter((name) => /^\d{4}_.+\.sql$/.test(name));
  const rows = await db
    .systemQuery<{ name: string }>('SELECT name FROM schema_migrations')
    .catch((error: unknown) => {
      // A database that never ran a migration has no table yet: every file is pending.
      if ((error as { code?: string }).code === '42P01') return [];
      throw error;
    });
  const applied = new Set(rows.map((row) => row.name));
  return files.filter((name) => !applied.has(name)).sort();
}
