import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DATA_KEY } from '../../../../test/db-template.ts';
import { people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { dailyCron, filesOlderThan, filesToDelete } from './backup-rules.ts';
import { runScheduledBackup } from './backup-schedule.ts';

describe('backup rules', () => {
  it('keeps the newest scheduled files and never touches other files', () => {
    const names = [
      'sigap-cadangan-2026-12-01-0200.sigapbak',
      'catatan.txt',
      'sigap-cadangan-2026-12-03-0200.sigapbak',
      'sigap-cadangan-2026-12-02-0200.sigapbak',
      'manual.sigapbak',
    ];
    expect(filesToDelete(names, 2)).toEqual(['sigap-cadangan-2026-12-01-0200.sigapbak']);
    expect(filesToDelete(names, 5)).toEqual([]);
    // 2026-12-02 02:00 WIB is 2026-12-01 19:00 UTC: the file of that minute is not older than it.
    expect(filesOlderThan(names, new Date('2026-12-01T19:00:00Z'))).toEqual([
      'sigap-cadangan-2026-12-01-0200.sigapbak',
    ]);
    expect(dailyCron('02:30')).toBe('30 2 * * *');
  });
});

describe('scheduled backups', { timeout: 120_000 }, () => {
  const { t, admin, operator } = testAppWith({
    ...people('admin', 'operator'),
  });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sigap-jadwal-'));
  const deps = () => ({
    db: t.db,
    clock: fakeClock(new Date('2026-12-05T19:00:00Z')),
    dataKey: () => Buffer.from(TEST_DATA_KEY, 'base64'),
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const put = (user: TestUser, payload: object) =>
    t.call(user, 'PUT', '/api/admin/backups/schedule', payload);

  it('lets only the admin set the schedule, to an absolute folder', async () => {
    expect((await put(operator, { isEnabled: true, timeOfDay: '02:00', folder, keep: 2 })).statusCode).toBe(
      403,
    );
    const relative = await put(admin, { isEnabled: true, timeOfDay: '02:00', folder: 'cadangan', keep: 2 });
    expect(relative.statusCode).toBe(400);
    const saved = await put(admin, { isEnabled: true, timeOfDay: '02:00', folder, keep: 2 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      schedule: { isEnabled: true, timeOfDay: '02:00', folder, keep: 2 },
      lastSuccess: null,
    });
    const status = await t.call(operator, 'GET', '/api/admin/backups');
    expect(status.statusCode).toBe(403);
  });

  it('writes a backup into the folder, keeps only the newest files and shows the last success', async () => {
    writeFileSync(path.join(folder, 'sigap-cadangan-2026-11-01-0200.sigapbak'), 'lama');
    writeFileSync(path.join(folder, 'sigap-cadangan-2026-11-02-0200.sigapbak'), 'lama');
    writeFileSync(path.join(folder, 'catatan.txt'), 'bukan cadangan');
    const result = await runScheduledBackup(deps());
    expect(result).toMatchObject({ isOk: true });
    expect(readdirSync(folder).sort()).toEqual([
      'catatan.txt',
      'sigap-cadangan-2026-11-02-0200.sigapbak',
      result.fileName,
    ]);
    const status = await t.call(admin, 'GET', '/api/admin/backups');
    expect(status.json().lastSuccess).toMatchObject({ fileName: result.fileName, bytes: expect.any(Number) });
  });

  it('deletes scheduled backups older than the retention of personal data and keeps recent ones', async () => {
    await put(admin, { isEnabled: true, timeOfDay: '02:00', folder, keep: 10 });
    // The shortest retention: citizen reporters, 12 months by default; the clock stands at 2026-12-06 02:00 WIB.
    writeFileSync(path.join(folder, 'sigap-cadangan-2025-12-05-0200.sigapbak'), 'lewat retensi');
    writeFileSync(path.join(folder, 'sigap-cadangan-2025-12-07-0200.sigapbak'), 'masih dalam retensi');
    const result = await runScheduledBackup(deps());
    expect(result).toMatchObject({ isOk: true });
    const files = readdirSync(folder);
    expect(files).not.toContain('sigap-cadangan-2025-12-05-0200.sigapbak');
    expect(files).toContain('sigap-cadangan-2025-12-07-0200.sigapbak');
    expect(files).toContain(result.fileName);
    expect(files).toContain('catatan.txt');
  });

  it('records a failed run and puts it in every admin inbox', async () => {
    const blocker = path.join(folder, 'berkas-biasa');
    writeFileSync(blocker, 'x');
    await t.db.systemQuery('UPDATE backup_settings SET folder = $1', [path.join(blocker, 'di-dalam-berkas')]);
    const result = await runScheduledBackup(deps());
    expect(result.isOk).toBe(false);
    const status = await t.call(admin, 'GET', '/api/admin/backups');
    expect(status.json().lastFailure).toMatchObject({
      error: expect.stringMatching(/ENOTDIR|not a directory/),
    });
    const inbox = await t.call(admin, 'GET', '/api/notifications');
    expect(JSON.stringify(inbox.json())).toContain('Cadangan terjadwal gagal');
    const operatorInbox = await t.call(operator, 'GET', '/api/notifications');
    expect(JSON.stringify(operatorInbox.json())).not.toContain('Cadangan terjadwal gagal');
  });

  it('does nothing while scheduled backups are turned off', async () => {
    await t.db.systemQuery('UPDATE backup_settings SET is_enabled = false');
    expect(await runScheduledBackup(deps())).toEqual({ isOk: true, skipped: true });
  });
});
