import { gunzipSync, gzipSync } from 'node:zlib';
import { toWibIso } from '../../../shared/time.ts';
import { appendAudit, verifyAudit } from '../../platform/audit.ts';
import { type AnchoredHead, signedHead } from '../../platform/audit-anchor.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { type Acting, authorizeActing } from '../../platform/permissions.ts';
import { type BackupKey, dataKeyFingerprint, openBackup, sealBackup } from './backup-envelope.ts';
import * as store from './backup-store.ts';

/** What a backup says about itself; restore checks every field against the target and the result. */
export type BackupManifest = {
  format: 1;
  createdAt: string;
  database: 'pglite' | 'postgresql';
  /** The applied migrations, in order; the last one is the schema version. */
  migrations: string[];
  schemaVersion: string;
  counts: Record<string, number>;
  auditHead: { seq: number; hash: string } | null;
  dataKeyFingerprint: string;
};

const CHUNK_ROWS = 2000;

/**
 * A consistent snapshot of the whole database (one REPEATABLE READ transaction), gzipped and sealed with `key`.
 * The plain content is JSON lines: the manifest, then per table a line naming it and its rows as JSON objects.
 */
export async function createBackup(
  db: Database,
  input: { key: BackupKey; dataKey: Uint8Array; actor: Acting },
): Promise<{ file: Buffer; manifest: BackupManifest }> {
  const actor = authorizeActing(input.actor, 'backup.manage');
  const lines: string[] = [];
  const manifest = await db.asSystem(async (tx) => {
    await store.readOneSnapshot(tx);
    const migrations = await store.listMigrations(tx);
    const tables = await store.listTables(tx);
    const counts = await store.countRows(tx, tables);
    const built: BackupManifest = {
      format: 1,
      createdAt: toWibIso(new Date()),
      database: db.kind,
      migrations,
      schemaVersion: migrations.at(-1) ?? '',
      counts,
      auditHead: await store.readAuditHead(tx),
      dataKeyFingerprint: dataKeyFingerprint(input.dataKey),
    };
    lines.push(JSON.stringify(built));
    for (const table of tables) {
      lines.push(JSON.stringify({ table }));
      await store.openRowCursor(tx, 'sigap_backup_rows', table);
      for (;;) {
        const rows = await store.fetchRows(tx, 'sigap_backup_rows', CHUNK_ROWS);
        for (const row of rows) lines.push(row);
        if (rows.length < CHUNK_ROWS) break;
      }
      await store.closeCursor(tx, 'sigap_backup_rows');
    }
    return built;
  });
  const plain = gzipSync(Buffer.from(lines.join('\n')), { level: 6 });
  const file = sealBackup(plain, input.key);
  // Who took a copy of everyone's data is itself on the record (after the snapshot, so not inside it).
  await db.asSystem((tx) =>
    appendAudit(tx, actor, 'backup.created', manifest.createdAt, {
      key: input.key.kind,
      bytes: file.length,
      auditSeq: manifest.auditHead?.seq ?? 0,
    }),
  );
  return { file, manifest };
}

/** sigap-cadangan-2026-12-05-0930.sigapbak: the WIB time of the snapshot. */
export function backupFileName(manifest: BackupManifest): string {
  const stamp = manifest.createdAt.slice(0, 16).replace('T', '-').replace(':', '');
  return `sigap-cadangan-${stamp}.sigapbak`;
}

/** Reads the manifest of a backup file (decrypting it). Throws backup_key_wrong or backup_invalid. */
export function readManifest(file: Buffer, key: BackupKey): BackupManifest {
  return parse(openBackup(file, key)).manifest;
}

type Parsed = { manifest: BackupManifest; tables: Map<string, string[]> };

function parse(plain: Buffer): Parsed {
  const text = gunzipSync(plain).toString('utf8');
  const lines = text.split('\n');
  const manifest = JSON.parse(lines[0]) as BackupManifest;
  const tables = new Map<string, string[]>();
  let current: string[] | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('{"table":')) {
      current = [];
      tables.set((JSON.parse(line) as { table: string }).table, current);
    } else if (line !== '') {
      current?.push(line);
    }
  }
  return { manifest, tables };
}

function refuse(message: string): DomainError {
  return new DomainError('restore_refused', message);
}

/**
 * Restores a backup into an EMPTY database (migrated, no users, no reports) of either kind, in one transaction:
 * checks the schema and the data key against the manifest, writes every row as it was, checks the counts, and
 * after the commit checks that the audit chain verifies with the backup's head. Throws backup_key_wrong,
 * backup_invalid or restore_refused; a refused restore writes nothing.
 */
export async function restoreBackup(
  db: Database,
  input: { file: Buffer; key: BackupKey; dataKey: Uint8Array },
): Promise<{ manifest: BackupManifest; rows: number; auditEntries: number }> {
  const { manifest, tables } = parse(openBackup(input.file, input.key));
  if (manifest.format !== 1) throw refuse('Format cadangan tidak dikenal / unknown backup format');
  if (manifest.dataKeyFingerprint !== dataKeyFingerprint(input.dataKey)) {
    throw refuse(
      'Kunci data tujuan berbeda dengan kunci data sumber: pakai SIGAP_DATA_KEY yang sama (isi berkas data-key ' +
        'di folder data sumber) / the target data key differs from the source: use the same SIGAP_DATA_KEY ' +
        '(the data-key file in the source data folder)',
    );
  }
  let rows = 0;
  await db.asSystem(async (tx) => {
    const migrations = await store.listMigrations(tx);
    if (migrations.join(',') !== manifest.migrations.join(',')) {
      throw refuse(
        `Versi skema berbeda: cadangan ${manifest.schemaVersion}, tujuan ${migrations.at(-1) ?? '-'}; pulihkan ` +
          `dengan versi Sigap yang sama / schema versions differ; restore with the same Sigap version`,
      );
    }
    const present = await store.countPeopleAndReports(tx);
    if (present.users > 0 || present.reports > 0) {
      throw refuse(
        `Basis data tujuan tidak kosong (${present.users} pengguna, ${present.reports} laporan): pemulihan hanya ke ` +
          `basis data kosong / the target database is not empty: restore only into an empty one`,
      );
    }
    const targetTables = await store.listTables(tx);
    const missing = Object.keys(manifest.counts).filter((t) => !targetTables.includes(t));
    if (missing.length > 0) throw refuse(`Tabel tidak ada di tujuan / tables missing: ${missing.join(', ')}`);
    await store.disableTriggers(tx);
    await store.truncateTables(tx, targetTables);
    for (const [table, tableRows] of tables) {
      const columns = await store.listWritableColumns(tx, table);
      for (let i = 0; i < tableRows.length; i += CHUNK_ROWS) {
        await store.insertRows(tx, table, columns, tableRows.slice(i, i + CHUNK_ROWS));
      }
      rows += tableRows.length;
    }
    await store.resetSequences(tx);
    const counts = await store.countRows(tx, Object.keys(manifest.counts));
    const differing = Object.keys(manifest.counts).filter((t) => counts[t] !== manifest.counts[t]);
    if (differing.length > 0) {
      throw new DomainError(
        'backup_invalid',
        `Jumlah baris tidak sama dengan manifes / row counts differ from the manifest: ${differing.join(', ')}`,
      );
    }
  });
  const audit = await verifyAudit(db);
  const expected = manifest.auditHead?.hash ?? '0'.repeat(64);
  if (!audit.ok || (manifest.auditHead !== null && audit.head !== expected)) {
    throw new DomainError(
      'backup_invalid',
      'Jejak audit hasil pemulihan tidak utuh atau head-nya berbeda / the restored audit trail does not verify ' +
        'or its head differs',
    );
  }
  return { manifest, rows, auditEntries: audit.entries };
}

/** The current head of the audit trail, signed, for the admin to keep outside Sigap; undefined while empty. */
export async function readSignedHead(
  db: Database,
  principal: Acting,
  dataKey: () => Uint8Array,
): Promise<AnchoredHead | undefined> {
  authorizeActing(principal, 'audit.view');
  return signedHead(db, dataKey());
}
