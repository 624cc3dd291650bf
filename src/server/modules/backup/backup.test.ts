import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATA_KEY, TEST_DATABASE_URL } from '../../../../test/db-template.ts';
import { reportPayload } from '../../../../test/fixtures.ts';
import { buildTestApp, type TestApp } from '../../../../test/harness.ts';
import { auditHead, verifyAudit } from '../../platform/audit.ts';
import { type Database, openPglite, pgliteDatabase } from '../../platform/db.ts';
import { bootstrapRoles, migrate } from '../../platform/migrate.ts';
import { createUser } from '../users/users-service.ts';
import type { BackupKey } from './backup-envelope.ts';
import { createBackup, readManifest, restoreBackup } from './backup-service.ts';

const DATA_KEY = Buffer.from(TEST_DATA_KEY, 'base64');
const WITH_DATA_KEY: BackupKey = { kind: 'data-key', key: DATA_KEY };
const BY = { id: null, label: 'uji' };

/** A database with no schema at all, as a new embedded folder is: restore migrates it first. */
async function freshPglite(): Promise<Database> {
  const db = pgliteDatabase(await openPglite(undefined), 'memory');
  await bootstrapRoles(db);
  await migrate(db);
  return db;
}

async function countsOf(db: Database, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await db.systemQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`);
    out[t] = row.n;
  }
  return out;
}

/** Users, reports (with their audit entries, inbox items and amendments) made through the API. */
async function fillThroughApi(t: TestApp): Promise<void> {
  const relawan = await t.user({ role: 'relawan', region: '35.09' });
  await t.user({ role: 'operator', region: '35.09' });
  for (let i = 0; i < 5; i++) {
    const res = await t.call(
      relawan,
      'POST',
      '/api/reports',
      reportPayload({
        id: randomUUID(),
        description: `Bentrok nomor ${i} di dekat balai desa setelah konvoi.`,
      }),
    );
    expect(res.statusCode).toBe(201);
  }
}

describe('backup and restore', { timeout: 180_000 }, () => {
  let source: TestApp;
  let file: Buffer;
  let headAtBackup: Awaited<ReturnType<typeof auditHead>>;
  beforeAll(async () => {
    source = await buildTestApp();
    await fillThroughApi(source);
    headAtBackup = await auditHead(source.db);
    file = (await createBackup(source.db, { key: WITH_DATA_KEY, dataKey: DATA_KEY, actor: BY })).file;
  });
  afterAll(() => source.close());

  it('writes a manifest with the schema version, the row counts per table and the audit head', async () => {
    const manifest = readManifest(file, WITH_DATA_KEY);
    expect(manifest.schemaVersion).toMatch(/^\d{4}_.+\.sql$/);
    expect(manifest.counts.users).toBe(2);
    expect(manifest.counts.reports).toBe(5);
    expect(manifest.auditHead).toEqual(headAtBackup);
    expect(file.includes(Buffer.from('Bentrok nomor'))).toBe(false); // sealed: no plain text inside
  });

  it(`round-trips into an empty database of the same kind (${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}) with equal counts and audit head`, async () => {
    const target = await createTestDatabase(); // migrated, regions loaded, no users and no reports
    try {
      const { manifest } = await restoreBackup(target, { file, key: WITH_DATA_KEY, dataKey: DATA_KEY });
      const tables = Object.keys(manifest.counts);
      expect(await countsOf(target, tables)).toEqual(manifest.counts);
      // The source equals it too, but for one audit entry written since: the backup itself.
      const now = await countsOf(source.db, tables);
      expect({ ...now, audit_log: now.audit_log - 1 }).toEqual(manifest.counts);
      const verified = await verifyAudit(target);
      expect(verified).toMatchObject({ ok: true, head: manifest.auditHead?.hash });
      // The restored database keeps working: a new audit entry chains onto the restored head.
      await createUser(
        target,
        { id: null, label: 'uji' },
        { username: 'baru_1', role: 'operator', region: '35.09', password: 'kata-sandi-uji-1' },
      );
      expect(await verifyAudit(target)).toMatchObject({
        ok: true,
        entries: verified.ok ? verified.entries + 1 : -1,
      });
    } finally {
      await target.close();
    }
  });

  it('round-trips with a passphrase into a database with no schema (PGlite), refusing a wrong passphrase', async () => {
    const sealed = (
      await createBackup(source.db, {
        key: { kind: 'passphrase', passphrase: 'frasa sandi kantor dinsos' },
        dataKey: DATA_KEY,
        actor: BY,
      })
    ).file;
    const target = await freshPglite();
    try {
      await expect(
        restoreBackup(target, {
          file: sealed,
          key: { kind: 'passphrase', passphrase: 'frasa yang salah' },
          dataKey: DATA_KEY,
        }),
      ).rejects.toMatchObject({ code: 'backup_key_wrong' });
      const { manifest } = await restoreBackup(target, {
        file: sealed,
        key: { kind: 'passphrase', passphrase: 'frasa sandi kantor dinsos' },
        dataKey: DATA_KEY,
      });
      const tables = Object.keys(manifest.counts);
      expect(await countsOf(target, tables)).toEqual(manifest.counts);
      expect(await verifyAudit(target)).toMatchObject({ ok: true, head: manifest.auditHead?.hash });
    } finally {
      await target.close();
    }
  });

  it('refuses a backup changed by one byte, and a wrong data key, writing nothing', async () => {
    const tampered = Buffer.from(file);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    const target = await createTestDatabase();
    try {
      await expect(
        restoreBackup(target, { file: tampered, key: WITH_DATA_KEY, dataKey: DATA_KEY }),
      ).rejects.toMatchObject({
        code: 'backup_invalid',
      });
      const otherKey = Buffer.alloc(32, 7);
      await expect(
        restoreBackup(target, { file, key: { kind: 'data-key', key: otherKey }, dataKey: otherKey }),
      ).rejects.toMatchObject({ code: 'backup_key_wrong' });
      // Opened with the right key, but the target's own data key differs: its NIKs could not be read.
      await expect(
        restoreBackup(target, { file, key: WITH_DATA_KEY, dataKey: otherKey }),
      ).rejects.toMatchObject({
        code: 'restore_refused',
      });
      expect(await countsOf(target, ['users', 'reports'])).toEqual({ users: 0, reports: 0 });
    } finally {
      await target.close();
    }
  });

  it('refuses a target that already holds users or reports', async () => {
    await expect(
      restoreBackup(source.db, { file, key: WITH_DATA_KEY, dataKey: DATA_KEY }),
    ).rejects.toMatchObject({
      code: 'restore_refused',
      message: expect.stringContaining('tidak kosong'),
    });
    expect((await countsOf(source.db, ['reports'])).reports).toBe(5);
  });
});

describe.runIf(TEST_DATABASE_URL)(
  'moving from the embedded database to PostgreSQL',
  { timeout: 240_000 },
  () => {
    it('restores a PGlite backup into PostgreSQL with equal counts and audit head', async () => {
      const embedded = await freshPglite();
      const target = await createTestDatabase();
      try {
        const { ensureRegions } = await import('../regions/regions-service.ts');
        await ensureRegions(embedded);
        await createUser(
          embedded,
          { id: null, label: 'uji' },
          { username: 'op_pglite', role: 'operator', region: '35.09', password: 'kata-sandi-uji-1' },
        );
        const { file, manifest } = await createBackup(embedded, {
          key: WITH_DATA_KEY,
          dataKey: DATA_KEY,
          actor: BY,
        });
        expect(manifest.database).toBe('pglite');
        await restoreBackup(target, { file, key: WITH_DATA_KEY, dataKey: DATA_KEY });
        const tables = Object.keys(manifest.counts);
        expect(await countsOf(target, tables)).toEqual(manifest.counts);
        expect(await verifyAudit(target)).toMatchObject({ ok: true, head: manifest.auditHead?.hash });
        expect(target.kind).toBe('postgresql');
      } finally {
        await embedded.close();
        await target.close();
      }
    });
  },
);
