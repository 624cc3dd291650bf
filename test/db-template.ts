import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { type Database, openPglite, openServerDatabase, pgliteDatabase } from '../src/server/platform/db.ts';
import { bootstrapRoles, dropAppLogin, migrate } from '../src/server/platform/migrate.ts';

/** The PostgreSQL server tests run against when DATABASE_URL is set; otherwise PGlite in memory. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL;
/**
 * A fixed key for encrypted NIKs in tests. A server on PostgreSQL refuses to start without SIGAP_DATA_KEY (its
 * instances must share one); on PGlite one is generated into the data folder when none is given.
 */
export const TEST_DATA_KEY = Buffer.alloc(32, 11).toString('base64');

const root = path.resolve(import.meta.dirname, '..');

/** Changes whenever a migration or the region loader changes, so templates are rebuilt only then. */
function schemaFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(path.join(root, 'migrations')).sort()) {
    hash.update(file).update(readFileSync(path.join(root, 'migrations', file)));
  }
  hash.update(readFileSync(path.join(root, 'src/server/modules/regions/regions-data.ts')));
  return hash.digest('hex').slice(0, 12);
}

export function pgliteTemplatePath(): string {
  return path.join(os.tmpdir(), `sigap-template-${schemaFingerprint()}.tar.gz`);
}

export function pgTemplateName(): string {
  return `sigap_tpl_${schemaFingerprint()}`;
}

async function prepare(db: Database): Promise<void> {
  await bootstrapRoles(db);
  await migrate(db);
  await ensureRegions(db);
}

export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Builds the migrated template once per schema version: a PGlite dump file or a PostgreSQL template database. */
export async function buildTemplate(): Promise<void> {
  if (!TEST_DATABASE_URL) {
    const file = pgliteTemplatePath();
    if (existsSync(file)) return;
    const pglite = await openPglite(undefined);
    const db = pgliteDatabase(pglite, 'memory');
    await prepare(db);
    const dump = await pglite.dumpDataDir('gzip');
    writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${file}.tmp`, file);
    await db.close();
    return;
  }
  const name = pgTemplateName();
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return;
    await admin.query(`CREATE DATABASE ${name}_build`).catch(async () => {
      await admin.query(`DROP DATABASE ${name}_build`);
      await admin.query(`CREATE DATABASE ${name}_build`);
    });
    const db = openServerDatabase(databaseUrlFor(`${name}_build`), undefined);
    await prepare(db);
    await db.close();
    // the build's own login goes; each copy gets its own (createScratchDatabase)
    await dropAppLogin(admin, `${name}_build`);
    await admin.query(`ALTER DATABASE ${name}_build RENAME TO ${name}`);
  } finally {
    await admin.end();
  }
}

/**
 * The PGlite template unpacked once into a data folder (per schema version). A copy of it is a migrated data
 * folder in a fraction of a second, where loading the dump into PGlite and closing it again takes seconds.
 */
export async function pgliteTemplateFolder(): Promise<string> {
  await buildTemplate();
  const folder = pgliteTemplatePath().replace(/\.tar\.gz$/, '-folder');
  if (existsSync(path.join(folder, 'PG_VERSION'))) return folder;
  const building = `${folder}-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  const pglite = await openPglite(building, new Blob([await readFile(pgliteTemplatePath())]));
  await pglite.close();
  // another process may have finished first: then its folder is kept and this one goes
  await rename(building, folder).catch(() => rm(building, { recursive: true, force: true }));
  return folder;
}

/** A scratch PostgreSQL database: its URL, and how to drop it with the app login made for it. */
export type ScratchDatabase = { url: string; drop(): Promise<void> };

/**
 * A fresh PostgreSQL database on the tests' server, private to the caller: a copy of the migrated template, or an
 * empty one (nothing migrated) when `isEmpty`. Only when DATABASE_URL is set.
 */
export async function createScratchDatabase(options: { isEmpty?: boolean } = {}): Promise<ScratchDatabase> {
  const name = `sigap_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const template = options.isEmpty ? '' : ` TEMPLATE ${pgTemplateName()}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name}${template}`);
        break;
      } catch (error) {
        // two copies of one template at the same instant collide; wait and retry
        if (attempt > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrlFor(name),
    async drop() {
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await dropAppLogin(dropper, name).catch(() => undefined);
      await dropper.end();
    },
  };
}

/** A fresh, migrated database with all regions, private to the caller. */
export async function createTestDatabase(): Promise<Database> {
  if (!TEST_DATABASE_URL) {
    const blob = new Blob([readFileSync(pgliteTemplatePath())]);
    const pglite = await openPglite(undefined, blob);
    return pgliteDatabase(pglite, 'memory');
  }
  const scratch = await createScratchDatabase();
  const db = openServerDatabase(scratch.url, undefined);
  // a copy of the template has no login of its own yet (roles and database privileges are not copied)
  await bootstrapRoles(db);
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      await scratch.drop();
    },
  };
}
