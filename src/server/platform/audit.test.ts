import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db-template.ts';
import { appendAudit, auditHead, SYSTEM_ACTOR, verifyAudit } from './audit.ts';
import { anchorAuditHead, formatHead, isSignedBy, parseHead } from './audit-anchor.ts';
import type { Database } from './db.ts';

describe('audit trail', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 0; i < 5; i++) {
      await db.asSystem((tx) =>
        appendAudit(tx, SYSTEM_ACTOR, 'uji.dicatat', { type: 'uji', id: String(i) }, { i }),
      );
    }
  });
  afterAll(() => db.close());

  it('verifies an untouched chain and gives its head', async () => {
    const result = await verifyAudit(db);
    expect(result.ok).toBe(true);
    const head = await auditHead(db);
    expect(result.ok && result.head).toBe(head?.hash);
  });

  it('cannot be edited or read by the app role', async () => {
    const actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      role: 'admin',
      scope: ['35'],
      agencyId: null,
    };
    await expect(
      db.asActor(actor, (tx) => tx.query('UPDATE audit_log SET action = $1', ['x'])),
    ).rejects.toThrow(/permission denied/);
    await expect(db.asActor(actor, (tx) => tx.query('SELECT * FROM audit_log'))).rejects.toThrow(
      /permission denied/,
    );
  });

  it('detects a changed entry and names it', async () => {
    const [target] = await db.asSystem((tx) =>
      tx.query<{ seq: number }>(
        "SELECT seq FROM audit_log WHERE action = 'uji.dicatat' ORDER BY seq OFFSET 2 LIMIT 1",
      ),
    );
    await db.asSystem((tx) =>
      tx.query(`UPDATE audit_log SET details = '{"i": 99}' WHERE seq = $1`, [target.seq]),
    );
    const result = await verifyAudit(db);
    expect(result).toMatchObject({ ok: false, brokenAt: target.seq });
  });

  it('detects a deleted entry', async () => {
    const fresh = await createTestDatabase();
    try {
      for (let i = 0; i < 4; i++) {
        await fresh.asSystem((tx) =>
          appendAudit(tx, SYSTEM_ACTOR, 'uji.dicatat', { type: 'uji', id: String(i) }),
        );
      }
      const rows = await fresh.asSystem((tx) =>
        tx.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq'),
      );
      await fresh.asSystem((tx) => tx.query('DELETE FROM audit_log WHERE seq = $1', [rows[1].seq]));
      expect(await verifyAudit(fresh)).toMatchObject({ ok: false, brokenAt: rows[2].seq });
    } finally {
      await fresh.close();
    }
  });

  it('catches, against a head kept outside, a deleted last entry and a chain re-made after it', async () => {
    const fresh = await createTestDatabase();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'sigap-heads-'));
    const dataKey = Buffer.alloc(32, 5);
    try {
      for (let i = 0; i < 3; i++) {
        await fresh.asSystem((tx) =>
          appendAudit(tx, SYSTEM_ACTOR, 'uji.dicatat', { type: 'uji', id: String(i) }),
        );
      }
      const anchored = await anchorAuditHead(fresh, { folder, dataKey });
      const line = readFileSync(path.join(folder, 'latest.txt'), 'utf8');
      expect(line.trim()).toBe(formatHead(anchored!));
      const kept = parseHead(line)!;
      expect(isSignedBy(kept, dataKey)).toBe(true);
      expect(isSignedBy({ ...kept, seq: kept.seq - 1 }, dataKey)).toBe(false);
      expect(await verifyAudit(fresh, { head: kept })).toMatchObject({ ok: true });

      // the last entry goes: the chain alone still looks whole, the kept head does not
      await fresh.asSystem((tx) => tx.query('DELETE FROM audit_log WHERE seq = $1', [kept.seq]));
      expect(await verifyAudit(fresh)).toMatchObject({ ok: true });
      expect(await verifyAudit(fresh, { head: kept })).toMatchObject({ ok: false, brokenAt: kept.seq });

      // a new entry takes a fresh seq and hash: re-chained after the deletion, still caught
      await fresh.asSystem((tx) => appendAudit(tx, SYSTEM_ACTOR, 'uji.ganti', { type: 'uji', id: 'x' }));
      expect(await verifyAudit(fresh, { head: kept })).toMatchObject({ ok: false, brokenAt: kept.seq });
      const [{ seq }] = await fresh.systemQuery<{ seq: number }>(
        'SELECT max(seq)::int AS seq FROM audit_log',
      );
      await fresh.asSystem((tx) => tx.query('UPDATE audit_log SET seq = $1 WHERE seq = $2', [kept.seq, seq]));
      expect(await verifyAudit(fresh, { head: kept })).toMatchObject({ ok: false, brokenAt: kept.seq });
    } finally {
      await fresh.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
