import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ROLE, type Database } from './db.ts';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');

export type MigrationResult = { applied: string[]; alreadyApplied: number };

/**
 * Creates the roles the app needs, idempotently. Roles are server-wide, so this is not a migration.
 * On PostgreSQL the app logs in as this role; on PGlite each transaction switches to it with SET LOCAL ROLE.
 */
export async function bootstrapRoles(db: Database, appPassword?: string): Promise<void> {
  await db.asSystem(async (tx) => {
    await tx.query(`DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another process created it at the same moment
      END $$`);
    if (appPassword) {
      const quoted = (await tx.one<{ q: string }>('SELECT quote_literal($1) AS q', [appPassword]))!.q;
      await tx.query(`ALTER ROLE ${APP_ROLE} PASSWORD ${quoted}`);
    }
  });
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
