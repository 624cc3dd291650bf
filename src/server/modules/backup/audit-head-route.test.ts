import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { people, testAppWith } from '../../../../test/harness.ts';
import { verifyAuditCommand } from '../../../cli/cli-commands.ts';
import { AuditHeadView } from '../../../shared/backups.ts';
import { anchorAuditHead, parseHead } from '../../platform/audit-anchor.ts';
import { resolveDataKey } from '../../platform/crypto.ts';

describe('GET /api/admin/audit-head: the signed audit head for the admin to keep', {
  timeout: 120_000,
}, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sigap-audit-head-'));
  const { t, admin, operator } = testAppWith(
    {
      ...people('admin', 'operator'),
    },
    { env: { DATA_DIR: dataDir, SIGAP_AUDIT_HEAD_DIR: path.join(dataDir, 'heads') } },
  );

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const dataKey = () =>
    resolveDataKey({ configured: t.config.dataKey, dataDir: t.config.dataDir, databaseKind: t.db.kind });

  async function verify(line: string): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const output = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const code = await verifyAuditCommand(t.db, { head: parseHead(line), dataKey: dataKey() }, output);
    return { code, lines };
  }

  it('gives the admin a signed line that `audit verify --head` accepts, and that catches a later removal', async () => {
    const res = await t.call(admin, 'GET', '/api/admin/audit-head');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const view = AuditHeadView.parse(res.json());
    expect(view.head).not.toBeNull();
    const head = view.head!;
    expect(head.line).toBe(
      `sigap-audit-head:${head.seq}:${head.hash}:${parseHead(head.line)?.at}:${parseHead(head.line)?.signature}`,
    );
    expect(head.at).toMatch(/\+07:00$/);
    expect(view.lastAnchoredAt).toBeNull();
    expect(await verify(head.line)).toMatchObject({ code: 0 });

    // A line whose signature is altered by one character is not this installation's.
    const last = head.line.at(-1) === '0' ? '1' : '0';
    expect((await verify(`${head.line.slice(0, -1)}${last}`)).code).toBe(1);

    // The kept line catches the entry being removed afterwards.
    await t.db.asSystem((tx) => tx.query('DELETE FROM audit_log WHERE seq >= $1', [head.seq]));
    expect((await verify(head.line)).code).toBe(1);
  });

  it('shows when the scheduled job last wrote the head to the server folder', async () => {
    await t.user({ role: 'relawan', region: '35.09' });
    const written = await anchorAuditHead(t.db, { folder: t.config.auditHeadDir, dataKey: dataKey() });
    const res = await t.call(admin, 'GET', '/api/admin/audit-head');
    const view = AuditHeadView.parse(res.json());
    expect(written).toBeDefined();
    expect(view.lastAnchoredAt).toMatch(/\+07:00$/);
    // Shown to the second, in WIB.
    expect(Date.parse(view.lastAnchoredAt!)).toBe(Math.floor(Date.parse(written!.at) / 1000) * 1000);
  });

  it('refuses everyone but the admin', async () => {
    const res = await t.call(operator, 'GET', '/api/admin/audit-head');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/admin/audit-head' });
    expect(anonymous.statusCode).toBe(401);
  });
});
