// Over 450 lines on purpose: the one database seam, the transaction type with its PGlite and PostgreSQL implementations
// side by side so the two stay alike (roles, actor tickets, queued writes at commit).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { ActorKeys, actorTicket, backendPid } from './actor-tickets.ts';
import { defaultDbPoolSize } from './config.ts';
import { acquireDataLock, DataFolderDamagedError, type DataLock } from './data-lock.ts';
import { ListenClient } from './db-listen.ts';

/**
 * The role every request runs as; it owns nothing, so row-level security applies to it. On PostgreSQL it is a
 * NOLOGIN group role shared by every Sigap database of a server (the policies name it); each database has its
 * own LOGIN member (`appLoginFor`), the only role besides the owner that may connect to it.
 */
export const APP_ROLE = 'sigap_app';

/**
 * The app's login role for a database: `sigap_app_<database>` in lower-case letters, digits and underscores,
 * shortened with a hash when the name would pass PostgreSQL's 63 bytes; or the configured name.
 */
export function appLoginFor(database: string, configured?: string): string {
  if (configured) return configured;
  const plain = `${APP_ROLE}_${database.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
  if (plain.length <= 63 && plain === `${APP_ROLE}_${database}`) return plain;
  const hash = createHash('sha256').update(database).digest('hex').slice(0, 10);
  return `${plain.slice(0, 52)}_${hash}`;
}

/** The database a connection string names. */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** Who is asking, as the database's row-level security sees it. */
export type ActorContext = {
  userId: string;
  role: string;
  /** Region code prefixes the actor oversees ('35', '35.09', …); empty for relawan and mitra. */
  scope: readonly string[];
  agencyId: string | null;
};

/** A transaction handle: the only way stores talk to the database. */
export type Tx = {
  /** Runs one statement and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one statement and returns its first row, if any. */
  one<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  /**
   * Runs one `INSERT … RETURNING id` (or an upsert that always answers its row) and returns the id; throws when
   * no row came back.
   */
  insertReturningId(text: string, params?: readonly unknown[]): Promise<string>;
  /**
   * Runs one statement and returns its rows as arrays of values in the columns' order, with the columns' names:
   * one small array per row instead of an object keyed by name, for reads of very many rows (exports).
   */
  queryArrays(text: string, params?: readonly unknown[]): Promise<ArrayRows>;
  /**
   * True in a transaction run for an actor (`asActor`): the database knows who acts from its signed ticket, and
   * writes that name an actor (the audit trail) take it from there. Absent in owner transactions.
   */
  readonly hasActor?: boolean;
  /**
   * Queues a write whose result nobody reads (an audit entry, inbox items, a live event) to run, in order,
   * in the same round trip as COMMIT; if it fails, the whole transaction rolls back. Its parameters are
   * inlined as quoted literals, so `text` must use `$n` only where a value goes.
   */
  atCommit(text: string, params?: readonly unknown[]): void;
};

/** Rows read as arrays: `fields` names each position. */
export type ArrayRows = { fields: string[]; rows: unknown[][] };

export type DatabaseKind = 'pglite' | 'postgresql';

/**
 * What a listener is told about its connection. Notifications sent while it is down are lost for good, so a
 * listener that keeps what they would have invalidated (a cache) must drop it when told `onReconnect`.
 */
export type ListenOptions = {
  /** The connection dropped, or an attempt to reconnect failed; the next attempt is in `retryInMs`. */
  onLost?: (error: Error, retryInMs: number) => void;
  /** Listening again after a drop: whatever was notified meanwhile was missed. */
  onReconnect?: () => void;
};

/** How one connection pool is used right now (for /metrics). */
export type PoolUse = { pool: string; max: number; total: number; idle: number; waiting: number };

export type Database = {
  readonly kind: DatabaseKind;
  /** Where the data lives: a folder for PGlite, the server (no password) for PostgreSQL. */
  readonly location: string;
  /** Runs fn in one transaction as `actor`, under row-level security. */
  asActor<T>(actor: ActorContext, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs fn in one transaction with the owner's rights: start-up, migrations, auth and system jobs. */
  asSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * One statement through the app's own path with no actor: row-level security applies and, with no
   * actor set, protected rows stay invisible. Exists so tests can show a forgotten filter leaks nothing.
   */
  appQuery<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** One statement with the owner's rights, in its own implicit transaction: for hot single reads (sign-in checks). */
  systemQuery<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** A pool with owner rights for libraries that want one (pg-boss); on PGlite the same single connection. */
  readonly systemPool: pg.Pool;
  /**
   * Subscribes to a NOTIFY channel; returns the function that unsubscribes. On PostgreSQL the listening
   * connection reconnects by itself when it drops, and `options` tell the listener so (PGlite never drops).
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    options?: ListenOptions,
  ): Promise<() => Promise<void>>;
  /** Connections open, idle and requests waiting, per pool. */
  poolUse(): PoolUse[];
  /**
   * PostgreSQL only: how to open this same database again, e.g. from a worker thread with its own memory limits
   * (the exports, decision 0052). Absent for PGlite, which lives in this thread only.
   */
  readonly server?: ServerConnection;
  close(): Promise<void>;
};

/** What opens a PostgreSQL database again: the owner's URL, and the app login's password and name. */
export type ServerConnection = { ownerUrl: string; appPassword: string | undefined; appUser?: string };

// pg returns bigint and numeric as strings by default; Sigap's counts fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/** A value as PostgreSQL's text input, as pg sends a parameter: arrays as array literals, objects as JSON. */
function textOf(value: unknown): string {
  if (Array.isArray(value)) {
    const element = (item: unknown) => {
      if (item === null || item === undefined) return 'NULL';
      if (Array.isArray(item)) throw new Error('atCommit cannot inline nested arrays');
      return `"${textOf(item).replace(/["\\]/g, '\\$&')}"`;
    };
    return `{${value.map(element).join(',')}}`;
  }
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) throw new Error('atCommit cannot inline binary values');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** A value as a quoted SQL literal. */
function literal(value: unknown): string {
  return value === null || value === undefined ? 'NULL' : pg.escapeLiteral(textOf(value));
}

/** `text` with each `$n` replaced by the literal of `params[n - 1]`. */
export function inlineParams(text: string, params: readonly unknown[] = []): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= params.length) throw new Error(`no value for $${n}`);
    return literal(params[index]);
  });
}

/** The id in the row an `INSERT … RETURNING id` answered; throws, naming the statement, when there is none. */
function returnedId(row: { id: string } | undefined, text: string): string {
  if (!row) throw new Error(`no row came back from ${text.trim().split('\n')[0]}`);
  return row.id;
}

/** The session-level name of the prepared first statement; deallocated in the same round trip. */
const FIRST_STATEMENT = 'sigap_first';

/** Statements PREPARE accepts, so the first statement can travel with BEGIN with its values typed as usual. */
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|VALUES)\b/i;

/**
 * A transaction on `client` that opens lazily: `opening` (BEGIN and the actor's settings) travels with the
 * first statement, so that opening costs no round trip of its own. A first statement with values goes as
 * PREPARE + EXECUTE, so PostgreSQL infers its parameter types exactly as for a parameterised query. Writes
 * queued with atCommit travel with COMMIT. A transaction that ran nothing and queued nothing sends nothing.
 */
class LazyTransaction implements Tx {
  private opening: string | undefined;
  private isPrepared = false;
  private readonly queued: string[] = [];
  private readonly client: pg.PoolClient;
  readonly hasActor: boolean;

  constructor(client: pg.PoolClient, opening: string, hasActor: boolean) {
    this.client = client;
    this.opening = opening;
    this.hasActor = hasActor;
  }

  atCommit(text: string, params?: readonly unknown[]): void {
    this.queued.push(inlineParams(text, params));
  }

  async query<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
    return (await this.run(text, params)).rows as T[];
  }

  async queryArrays(text: string, params?: readonly unknown[]): Promise<ArrayRows> {
    const result = await this.run(text, params, 'array');
    return { fields: result.fields.map((field) => field.name), rows: result.rows as unknown[][] };
  }

  /** One statement, with the transaction's opening in the same round trip when it is the first. */
  private async run(text: string, params?: readonly unknown[], rowMode?: 'array'): Promise<pg.QueryResult> {
    const opening = this.opening;
    const send = async (sql: string, values?: readonly unknown[]): Promise<pg.QueryResult> => {
      const config = { text: sql, values: values as unknown[] | undefined };
      return rowMode ? this.client.query({ ...config, rowMode }) : this.client.query(config);
    };
    if (opening === undefined) return send(text, params);
    this.opening = undefined;
    if (!params || params.length === 0) {
      const results = (await send(`${opening};\n${text}`)) as unknown as pg.QueryResult[];
      return results[results.length - 1];
    }
    if (!PREPARABLE.test(text) || params.some((value) => Buffer.isBuffer(value))) {
      await this.client.query(opening);
      return send(text, params);
    }
    this.isPrepared = true;
    const values = params.map((_, i) => `$${i + 1}`).join(', ');
    const results = (await send(
      `${opening};\nPREPARE ${FIRST_STATEMENT} AS ${text};\n${inlineParams(`EXECUTE ${FIRST_STATEMENT}(${values})`, params)};\nDEALLOCATE ${FIRST_STATEMENT}`,
    )) as unknown as pg.QueryResult[];
    this.isPrepared = false;
    return results[results.length - 2];
  }

  async one<T>(text: string, params?: readonly unknown[]): Promise<T | undefined> {
    return (await this.query<T>(text, params))[0];
  }

  async insertReturningId(text: string, params?: readonly unknown[]): Promise<string> {
    return returnedId(await this.one<{ id: string }>(text, params), text);
  }

  /** Sends the queued writes and COMMIT in one round trip; an error skips the COMMIT (the caller rolls back). */
  async commit(): Promise<void> {
    if (this.opening !== undefined && this.queued.length === 0) return;
    const statements = [...(this.opening === undefined ? [] : [this.opening]), ...this.queued, 'COMMIT'];
    this.opening = undefined;
    await this.client.query(statements.join(';\n'));
  }

  /** Rolls back what was sent, if anything was, and drops a first statement that failed before DEALLOCATE. */
  async rollback(): Promise<void> {
    if (this.opening === undefined) await this.client.query('ROLLBACK');
    if (this.isPrepared) await this.client.query(`DEALLOCATE ${FIRST_STATEMENT}`).catch(() => undefined);
  }
}

async function inTransaction<T>(
  pool: pg.Pool,
  actor: ActorContext | null | 'system',
  fn: (tx: Tx) => Promise<T>,
  keys?: ActorKeys,
): Promise<T> {
  // the key first: on PGlite registering it needs the pool's only connection
  const key = actor !== 'system' && actor !== null && keys ? await keys.key() : undefined;
  const client = await pool.connect();
  try {
    let opening = 'BEGIN';
    if (actor !== 'system') {
      const ticket = actor && key ? actorTicket(actor, key, await backendPid(client)) : '';
      opening = `BEGIN; ${actorSettingsSql(ticket)}`;
    }
    const tx = new LazyTransaction(client, opening, actor !== 'system' && actor !== null);
    try {
      const result = await fn(tx);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}

/**
 * The statement that sets the transaction-local role and the actor's signed ticket, which the row-level
 * security policies verify and read. Quoted with pg's literal escaping, so it can share a round trip with BEGIN.
 */
function actorSettingsSql(ticket: string): string {
  return `SELECT set_config('role', '${APP_ROLE}', true), set_config('sigap.actor', ${pg.escapeLiteral(ticket)}, true)`;
}

const PGLITE_EXTENSIONS = { pg_trgm, btree_gin, btree_gist, pgcrypto, unaccent };

/** Opens an in-process PGlite with Sigap's extensions: a folder path, or undefined for memory. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  return PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS, loadDataDir });
}

/** Wraps an open PGlite as a Database: one pg.Pool of size 1, so every query takes the same serialized path. */
export function pgliteDatabase(pglite: PGlite, location: string, lock?: DataLock): Database {
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as pg.PoolConfig);
  const keys = new ActorKeys(pool);
  const db: Database = {
    kind: 'pglite',
    location,
    asActor: (actor, fn) => inTransaction(pool, actor, fn, keys),
    asSystem: (fn) => inTransaction(pool, 'system', fn),
    appQuery: (text, params) => inTransaction(pool, null, (tx) => tx.query(text, params)),
    systemQuery: async (text, params) => (await pool.query(text, params as unknown[] | undefined)).rows,
    systemPool: pool,
    // LISTEN through the pool would hold its only connection; PGlite delivers notifications itself.
    listen: async (channel, onMessage) => {
      const unsubscribe = await pglite.listen(channel, onMessage);
      return async () => unsubscribe();
    },
    poolUse: () => [useOf('embedded', pool, 1)],
    close: async () => {
      await keys.close();
      await pool.end();
      await pglite.close();
      lock?.release();
    },
  };
  return db;
}

/** Opens the embedded database under dataDir, refusing a folder another live process holds. */
export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataLock(dataDir);
  const folder = path.join(dataDir, 'pglite');
  // PGlite initialises any folder without PG_VERSION as a new, empty database, over whatever else it holds.
  const hasContent = existsSync(folder) && readdirSync(folder).length > 0;
  if (hasContent && !existsSync(path.join(folder, 'PG_VERSION'))) {
    lock.release();
    throw new DataFolderDamagedError(folder, dataDir, 'PG_VERSION hilang / PG_VERSION is missing');
  }
  try {
    const pglite = await openPglite(folder);
    return pgliteDatabase(pglite, folder, lock);
  } catch (error) {
    lock.release();
    if (hasContent) throw new DataFolderDamagedError(folder, dataDir, (error as Error).message);
    throw error;
  }
}

function useOf(name: string, pool: pg.Pool, max: number): PoolUse {
  return { pool: name, max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/** The app's connection string: the owner's URL with this database's app login and its password. */
export function appRoleUrl(ownerUrl: string, appPassword: string | undefined, appUser?: string): string {
  const url = new URL(ownerUrl);
  url.username = appLoginFor(databaseNameOf(ownerUrl), appUser);
  url.password = appPassword ?? '';
  return url.toString();
}

/** Opens a PostgreSQL server: an owner pool for system work and a pool that logs in as the app's login. */
export function openServerDatabase(
  ownerUrl: string,
  appPassword: string | undefined,
  options: { appPoolSize?: number; appUser?: string } = {},
): Database {
  const systemPool = new pg.Pool({ connectionString: ownerUrl, max: 4 });
  const appPoolSize = options.appPoolSize ?? defaultDbPoolSize();
  const appPool = new pg.Pool({
    connectionString: appRoleUrl(ownerUrl, appPassword, options.appUser),
    max: appPoolSize,
  });
  // An idle connection that the server ends (restart, admin) must not crash the process; pg reconnects.
  for (const pool of [systemPool, appPool]) pool.on('error', () => undefined);
  const listener = new ListenClient(ownerUrl);
  const keys = new ActorKeys(systemPool);
  const url = new URL(ownerUrl);
  return {
    kind: 'postgresql',
    location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
    asActor: (actor, fn) => inTransaction(appPool, actor, fn, keys),
    asSystem: (fn) => inTransaction(systemPool, 'system', fn),
    appQuery: async (text, params) => (await appPool.query(text, params as unknown[] | undefined)).rows,
    systemQuery: async (text, params) => (await systemPool.query(text, params as unknown[] | undefined)).rows,
    systemPool,
    listen: (channel, onMessage, options) => listener.listen(channel, onMessage, options),
    poolUse: () => [useOf('system', systemPool, 4), useOf('app', appPool, appPoolSize)],
    server: { ownerUrl, appPassword, appUser: options.appUser },
    close: async () => {
      await keys.close();
      await listener.close();
      await Promise.all([appPool.end(), systemPool.end()]);
    },
  };
}

/** The name a statement is kept prepared under on each connection: derived from its text, so one text, one name. */
const preparedNames = new Map<string, string>();
function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (name === undefined) {
    name = `sigap_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    preparedNames.set(text, name);
  }
  return name;
}

/**
 * Statements run one by one with the owner's rights, each in its own implicit transaction: for a read every
 * request makes, or a write done in one statement and committed in the same round trip. Each text is prepared once
 * per connection and planned from then on as PostgreSQL sees fit (a statement of several parts plans for longer than
 * it runs), so a text must hold its values as parameters, never inlined. There is no commit for `atCommit` to join.
 */
export function singleStatements(db: Database): Tx {
  const query = async <T>(text: string, params?: readonly unknown[]): Promise<T[]> =>
    (await db.systemPool.query({ name: preparedName(text), text, values: params as unknown[] | undefined }))
      .rows as T[];
  const one = async <T>(text: string, params?: readonly unknown[]) => (await query<T>(text, params))[0];
  return {
    query,
    one,
    insertReturningId: async (text, params) => returnedId(await one<{ id: string }>(text, params), text),
    queryArrays: async (text, params) => {
      const values = params as unknown[] | undefined;
      const result = await db.systemPool.query({ name: preparedName(text), text, values, rowMode: 'array' });
      return { fields: result.fields.map((field) => field.name), rows: result.rows };
    },
    atCommit: () => {
      throw new Error('a single statement has no commit to join');
    },
  };
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, otherwise PGlite under DATA_DIR. */
export async function openDatabase(config: {
  databaseUrl: string | undefined;
  appDbPassword: string | undefined;
  appDbUser?: string | undefined;
  dbPoolSize?: number;
  dataDir: string;
}): Promise<Database> {
  if (config.databaseUrl) {
    return openServerDatabase(config.databaseUrl, config.appDbPassword, {
      appUser: config.appDbUser,
      appPoolSize: config.dbPoolSize,
    });
  }
  return openEmbeddedDatabase(config.dataDir);
}
