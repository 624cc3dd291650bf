import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordLastBackup } from './data-lock.ts';
import { openEmbeddedDatabase } from './db.ts';

describe('an embedded data folder that cannot be opened', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sigap-rusak-'));
  const folder = path.join(dataDir, 'pglite');
  let version = '';
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is refused with a message naming the last backup, and never replaced by an empty database', async () => {
    const db = await openEmbeddedDatabase(dataDir);
    await db.systemQuery('CREATE TABLE penting (x int)');
    await db.systemQuery('INSERT INTO penting VALUES (42)');
    await db.close();
    recordLastBackup(
      dataDir,
      '/srv/cadangan/sigap-cadangan-2026-12-05-0200.sigapbak',
      '2026-12-05T02:00:00+07:00',
    );

    // Without PG_VERSION, PGlite would initialise a new database over the old files.
    version = readFileSync(path.join(folder, 'PG_VERSION'), 'utf8');
    rmSync(path.join(folder, 'PG_VERSION'));
    const before = readdirSync(folder).sort();
    const refused = openEmbeddedDatabase(dataDir);
    await expect(refused).rejects.toThrow(
      /tidak dapat dibuka.*Cadangan terakhir: \/srv\/cadangan\/sigap-cadangan-2026-12-05-0200\.sigapbak/s,
    );
    await expect(refused).rejects.toThrow(/cannot be opened.*does not create an empty database/s);
    expect(existsSync(path.join(folder, 'PG_VERSION'))).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(before);
    // The lock is given back: once repaired, the folder opens again.
    expect(existsSync(path.join(dataDir, 'sigap.lock'))).toBe(false);
  });

  it('is refused when its control file is damaged, with the same advice', async () => {
    writeFileSync(path.join(folder, 'PG_VERSION'), version);
    writeFileSync(path.join(folder, 'global', 'pg_control'), Buffer.alloc(8192, 7));
    await expect(openEmbeddedDatabase(dataDir)).rejects.toThrow(/tidak dapat dibuka.*Cadangan terakhir/s);
    expect(existsSync(path.join(dataDir, 'sigap.lock'))).toBe(false);
  });
});
