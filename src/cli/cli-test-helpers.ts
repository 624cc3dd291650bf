import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  createScratchDatabase,
  pgliteTemplateFolder,
  type ScratchDatabase,
  TEST_DATA_KEY,
  TEST_DATABASE_URL,
} from '../../test/db-template.ts';
import { type Database, openEmbeddedDatabase, openServerDatabase } from '../server/platform/db.ts';
import { bootstrapRoles } from '../server/platform/migrate.ts';
import type { CliOutput } from './cli-commands.ts';

const SIGAP_SCRIPT = path.resolve(import.meta.dirname, 'sigap.ts');

/** The database a spawned CLI works on: a PGlite data folder, or a scratch PostgreSQL database. */
export type CliTarget = {
  dataDir: string;
  /** The variables the CLI reads to find this database. */
  env: Record<string, string>;
  /** Opens the same database in the test process; close it before the next spawn (PGlite holds a lock). */
  open(): Promise<Database>;
  dispose(): Promise<void>;
};

/**
 * A database for the CLI to open. `isFresh` gives an empty one (nothing migrated); otherwise a copy of the
 * migrated test template with all regions, so each spawn skips the slow first start.
 */
export async function createCliTarget(options: { isFresh?: boolean } = {}): Promise<CliTarget> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sigap-cli-'));
  if (!TEST_DATABASE_URL) {
    if (!options.isFresh) {
      try {
        cpSync(await pgliteTemplateFolder(), path.join(dataDir, 'pglite'), { recursive: true });
      } catch (error) {
        rmSync(dataDir, { recursive: true, force: true });
        throw error;
      }
    }
    return {
      dataDir,
      env: { DATA_DIR: dataDir },
      open: () => openEmbeddedDatabase(dataDir),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  let database: ScratchDatabase;
  try {
    database = await createScratchDatabase({ isEmpty: options.isFresh });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { url } = database;
  return {
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: url, SIGAP_DATA_KEY: TEST_DATA_KEY },
    open: async () => {
      // the copy's own app login, in case no CLI start made it yet
      const db = openServerDatabase(url, undefined);
      await bootstrapRoles(db);
      return db;
    },
    dispose: async () => {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The target of the tests in the enclosing describe block (or file): made before them, removed after them. Its
 * fields are read when the tests run, once it exists.
 */
export function useCliTarget(options: { isFresh?: boolean } = {}): Omit<CliTarget, 'dispose'> {
  let target: CliTarget | undefined;
  beforeAll(async () => {
    target = await createCliTarget(options);
  });
  afterAll(() => target?.dispose());
  const current = (): CliTarget => {
    if (!target) throw new Error('The CLI target is made before the tests: use it inside tests and hooks.');
    return target;
  };
  return {
    get dataDir() {
      return current().dataDir;
    },
    get env() {
      return current().env;
    },
    open: () => current().open(),
  };
}

/** Runs `work` on the target's database opened in the test process, and closes it again (PGlite holds a lock). */
export async function withDatabase<T>(
  target: Pick<CliTarget, 'open'>,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await target.open();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** How a spawned CLI ended: exit code (null when killed) and its output. */
export type CliRun = { code: number | null; stdout: string; stderr: string; lines: string[] };

/**
 * Runs the real CLI in a child Node process (killed after `timeoutMs`, a guard against a hang: a start takes seconds
 * of CPU, which a machine loaded twentyfold stretches past a minute); `lines` are the non-empty lines of stdout.
 */
export function runSigap(
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 170_000,
): Promise<CliRun> {
  // Only the target decides the database: a DATABASE_URL of the test run itself must not leak in.
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.DATABASE_URL;
  Object.assign(childEnv, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SIGAP_SCRIPT, ...args], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr, lines: stdout.split('\n').filter((line) => line.trim() !== '') });
    });
  });
}

/** A CliOutput that keeps what was written, for commands run in the test process. */
export function captureOutput(): CliOutput & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
  };
}
