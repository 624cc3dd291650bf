import { ConfigError, loadConfig } from '../server/platform/config.ts';
import { DataFolderDamagedError, DataLockedError } from '../server/platform/data-lock.ts';
import type { Database } from '../server/platform/db.ts';
import { DomainError, type ErrorCode } from '../server/platform/errors.ts';
import { type Invocation, parseCommandLine, UsageError } from './cli-args.ts';
import type { CliOutput } from './cli-commands.ts';

// A command's own module, and what it imports, is loaded when that command runs: help and wrong input answer in
// a fraction of the time, and each command starts without loading the services of all the others.

/** Exit codes, as the general help documents them. */
export const EXIT = { ok: 0, failed: 1, wrongInput: 2, dataLocked: 3 } as const;

// Service messages are Indonesian only; the CLI adds the English after " / ".
const ENGLISH_BY_CODE: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'invalid value',
  not_found: 'not found',
  conflict: 'already exists',
};

type Command = Extract<Invocation, { kind: 'command' }>;

async function dispatch(
  db: Database,
  invocation: Command,
  applied: readonly string[],
  output: CliOutput,
): Promise<number> {
  switch (invocation.command) {
    case 'backup':
    case 'restore':
    case 'tls create':
      throw new Error(`${invocation.command} opens its database itself or needs none`);
    case 'user create':
      return (await import('./cli-commands.ts')).createUserCommand(db, invocation.args, output);
    case 'user reset-password':
      return (await import('./cli-commands.ts')).resetPasswordCommand(db, invocation.args, output);
    case 'token create':
      return (await import('./cli-commands.ts')).createTokenCommand(db, invocation.args, output);
    case 'odk token create':
      return (await import('./cli-odk.ts')).createOdkTokenCommand(db, invocation.args, output);
    case 'odk token revoke':
      return (await import('./cli-odk.ts')).revokeOdkTokenCommand(db, invocation.args, output);
    case 'odk token list':
      return (await import('./cli-odk.ts')).listOdkTokensCommand(db, invocation.args, output);
    case 'user deactivate':
      return (await import('./cli-accounts.ts')).setActiveCommand(db, invocation.args, false, output);
    case 'user reactivate':
      return (await import('./cli-accounts.ts')).setActiveCommand(db, invocation.args, true, output);
    case 'token list':
      return (await import('./cli-accounts.ts')).listTokensCommand(db, invocation.args, output);
    case 'token revoke':
      return (await import('./cli-accounts.ts')).revokeTokenCommand(db, invocation.args, output);
    case 'audit verify':
      return (await import('./cli-commands.ts')).verifyAuditCommand(db, invocation.args, output);
    case 'audit head':
      return (await import('./cli-commands.ts')).showAuditHeadCommand(db, invocation.args, output);
    case 'migrate':
      return (await import('./cli-commands.ts')).migrateCommand(db, { applied }, output);
    case 'early-warning backtest':
      return (await import('./cli-early-warning.ts')).backtestCommand(db, invocation.args, output);
    case 'demo':
      return (await import('./cli-commands.ts')).demoCommand(db, invocation.args, output);
    case 'read-text':
      return (await import('./cli-read-text.ts')).readTextCommand(invocation.args, output);
    case 'privacy retention-plan':
      return (await import('./cli-privacy.ts')).retentionCommand(db, { dryRun: true }, output);
    case 'privacy retention-run':
      return (await import('./cli-privacy.ts')).retentionCommand(db, { dryRun: false }, output);
  }
}

/** Prints one line for a failure and gives its exit code. */
function report(error: unknown, output: CliOutput): number {
  if (error instanceof UsageError || error instanceof ConfigError) {
    output.err(`sigap: ${error.message}`);
    return EXIT.wrongInput;
  }
  if (error instanceof DomainError) {
    output.err(`sigap: ${error.message} / ${ENGLISH_BY_CODE[error.code] ?? error.code}`);
    return EXIT.wrongInput;
  }
  if (error instanceof DataLockedError) {
    output.err(`sigap: ${error.message}`);
    return EXIT.dataLocked;
  }
  if (error instanceof DataFolderDamagedError) {
    output.err(`sigap: ${error.message}`);
    return EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.err(`sigap: gagal / failed: ${message}`);
  return EXIT.failed;
}

/**
 * Runs one command line against the database `env` configures, and closes it again; or, given `opened` (an open,
 * migrated database its caller keeps), against that one, left open. Returns the exit code; never throws.
 */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  output: CliOutput,
  opened?: Database,
): Promise<number> {
  let db: Database | undefined;
  try {
    const invocation = parseCommandLine(argv);
    if (invocation.kind === 'help') {
      output.out(invocation.text);
      return EXIT.ok;
    }
    // reading messages needs no database: it works on a fresh clone, beside a running server
    if (invocation.command === 'read-text') {
      const { readTextCommand } = await import('./cli-read-text.ts');
      return await readTextCommand(invocation.args, output);
    }
    // certificates need no database either: they are made before the server is first started over HTTPS
    // (loaded on demand: the certificate library takes most of a second to load, which no other command needs)
    if (invocation.command === 'tls create') {
      const { tlsCreateCommand } = await import('./cli-tls.ts');
      return await tlsCreateCommand(invocation.args, output);
    }
    const config = loadConfig(env);
    // Backup and restore decide how to open the database themselves (a running server; an empty target).
    if (invocation.command === 'backup' || invocation.command === 'restore') {
      const { backupCommand, restoreCommand } = await import('./cli-backup.ts');
      return invocation.command === 'backup'
        ? await backupCommand(config, env, invocation.args, output)
        : await restoreCommand(config, env, invocation.args, output);
    }
    let database = opened;
    let applied: string[] = [];
    if (!database) {
      const { openAndMigrate } = await import('../server/platform/startup.ts');
      ({ db: database, applied } = await openAndMigrate(config));
      db = database; // opened here, so closed here
    }
    if (invocation.command === 'audit verify' && invocation.args.head?.signature) {
      const { resolveDataKey } = await import('../server/platform/crypto.ts');
      const dataKey = resolveDataKey({
        configured: config.dataKey,
        dataDir: config.dataDir,
        databaseKind: database.kind,
      });
      return await dispatch(database, { ...invocation, args: { ...invocation.args, dataKey } }, [], output);
    }
    if (invocation.command !== 'migrate' && applied.length > 0) {
      output.err(`Migrasi diterapkan / migrations applied: ${applied.join(', ')}`);
    }
    return await dispatch(database, invocation, applied, output);
  } catch (error) {
    return report(error, output);
  } finally {
    await db?.close().catch((error: unknown) => {
      output.err(`sigap: gagal menutup basis data / could not close the database: ${String(error)}`);
    });
  }
}

const consoleOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2), process.env, consoleOutput);
}
