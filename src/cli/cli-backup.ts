import { readFileSync, writeFileSync } from 'node:fs';
import type { BackupKey } from '../server/modules/backup/backup-envelope.ts';
import { backupKeyKind } from '../server/modules/backup/backup-envelope.ts';
import { createBackup, restoreBackup } from '../server/modules/backup/backup-service.ts';
import type { Config } from '../server/platform/config.ts';
import { resolveDataKey } from '../server/platform/crypto.ts';
import { DataLockedError, recordLastBackup } from '../server/platform/data-lock.ts';
import type { Database } from '../server/platform/db.ts';
import { LOCAL_CONTROL_HEADER, readLocalControl } from '../server/platform/local-control.ts';
import { openAndMigrate } from '../server/platform/startup.ts';
import { BackupPassphrase } from '../shared/backups.ts';
import { formatFileSize } from '../shared/file-size.ts';
import { toWibIso } from '../shared/time.ts';
import { UsageError } from './cli-args.ts';
import { CLI_ACTOR, type CliOutput, type ExitCode } from './cli-commands.ts';

/** `backup`: where to write; a passphrase (file or SIGAP_BACKUP_PASSPHRASE) seals it instead of the data key. */
export type BackupArgs = { output: string; passphraseFile?: string };
/** `restore`: the file, and the passphrase file when it was sealed with one. */
export type RestoreArgs = { input: string; passphraseFile?: string };

/** The passphrase from --passphrase-file (first line) or SIGAP_BACKUP_PASSPHRASE; never from argv (ps shows it). */
function readPassphrase(
  file: string | undefined,
  env: Record<string, string | undefined>,
): string | undefined {
  const text = file ? readFileSync(file, 'utf8').split('\n')[0].trim() : env.SIGAP_BACKUP_PASSPHRASE;
  if (text === undefined || text === '') return undefined;
  const checked = BackupPassphrase.safeParse(text);
  if (!checked.success) throw new UsageError(checked.error.issues[0].message);
  return checked.data;
}

/**
 * `backup`: a consistent, encrypted snapshot. Opens the database itself; when a running server holds the embedded
 * folder, asks that server for the file through its local control address instead.
 */
export async function backupCommand(
  config: Config,
  env: Record<string, string | undefined>,
  args: BackupArgs,
  output: CliOutput,
): Promise<ExitCode> {
  const passphrase = readPassphrase(args.passphraseFile, env);
  let db: Database | undefined;
  try {
    try {
      db = (await openAndMigrate(config)).db;
    } catch (error) {
      if (!(error instanceof DataLockedError)) throw error;
      const file = await askRunningServer(config.dataDir, passphrase, error);
      writeFileSync(args.output, file, { mode: 0o600 });
      recordLastBackup(config.dataDir, args.output, toWibIso(new Date()));
      output.out(
        `Cadangan dibuat oleh server yang berjalan / backup made by the running server: ${args.output} (${formatFileSize(file.length, 'id')})`,
      );
      return 0;
    }
    const dataKey = resolveDataKey({
      configured: config.dataKey,
      dataDir: config.dataDir,
      databaseKind: db.kind,
    });
    const key: BackupKey = passphrase
      ? { kind: 'passphrase', passphrase }
      : { kind: 'data-key', key: dataKey };
    const { file, manifest } = await createBackup(db, { key, dataKey, actor: CLI_ACTOR });
    writeFileSync(args.output, file, { mode: 0o600 });
    if (db.kind === 'pglite') recordLastBackup(config.dataDir, args.output, manifest.createdAt);
    const total = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
    output.out(`Cadangan dibuat / backup written: ${args.output} (${formatFileSize(file.length, 'id')})`);
    output.out(
      `Skema / schema ${manifest.schemaVersion}; ${total} baris / rows; ${manifest.counts.reports ?? 0} laporan / reports; ` +
        `audit seq ${manifest.auditHead?.seq ?? 0} ${manifest.auditHead?.hash ?? '-'}`,
    );
    output.out(
      key.kind === 'data-key'
        ? 'Dikunci dengan kunci data (SIGAP_DATA_KEY / data-key): simpan kunci itu terpisah dari berkas ini. / Sealed with the data key: keep that key apart from this file.'
        : 'Dikunci dengan frasa sandi. / Sealed with a passphrase.',
    );
    return 0;
  } finally {
    await db?.close();
  }
}

async function askRunningServer(
  dataDir: string,
  passphrase: string | undefined,
  locked: DataLockedError,
): Promise<Buffer> {
  const control = readLocalControl(dataDir);
  if (!control) throw locked; // a server still starting, or another CLI: nothing to ask
  const res = await fetch(`${control.url}/api/admin/backup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [LOCAL_CONTROL_HEADER]: control.secret },
    body: JSON.stringify(passphrase ? { passphrase } : {}),
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(`server ${control.url}: ${res.status} ${body.error?.message ?? ''}`.trim());
  }
  return Buffer.from(await res.arrayBuffer());
}

/**
 * `restore`: into an empty database of either kind (a new data folder, or a migrated PostgreSQL database with
 * no users and no reports). Needs the source's data key as the target's (SIGAP_DATA_KEY) and, for a file sealed
 * with a passphrase, that passphrase.
 */
export async function restoreCommand(
  config: Config,
  env: Record<string, string | undefined>,
  args: RestoreArgs,
  output: CliOutput,
): Promise<ExitCode> {
  const file = readFileSync(args.input);
  const passphrase = readPassphrase(args.passphraseFile, env);
  const kind = backupKeyKind(file);
  if (kind === 'passphrase' && !passphrase) {
    throw new UsageError(
      'Cadangan ini dikunci dengan frasa sandi: beri --passphrase-file atau SIGAP_BACKUP_PASSPHRASE / ' +
        'this backup is sealed with a passphrase: give --passphrase-file or SIGAP_BACKUP_PASSPHRASE',
    );
  }
  const { db } = await openAndMigrate(config);
  try {
    const dataKey = resolveDataKey({
      configured: config.dataKey,
      dataDir: config.dataDir,
      databaseKind: db.kind,
    });
    const key: BackupKey =
      kind === 'passphrase' && passphrase
        ? { kind: 'passphrase', passphrase }
        : { kind: 'data-key', key: dataKey };
    const started = performance.now();
    const result = await restoreBackup(db, { file, key, dataKey });
    const where = db.kind === 'pglite' ? `PGlite ${db.location}` : `PostgreSQL ${db.location}`;
    output.out(
      `Dipulihkan ke / restored into ${where}: ${result.rows} baris / rows (${Math.round(performance.now() - started)} ms)`,
    );
    output.out(
      `Jumlah baris per tabel sama dengan manifes / row counts equal the manifest (${Object.keys(result.manifest.counts).length} tabel / tables)`,
    );
    output.out(`Audit OK: ${result.auditEntries} entri, head ${result.manifest.auditHead?.hash ?? '-'}`);
    return 0;
  } finally {
    await db.close();
  }
}
