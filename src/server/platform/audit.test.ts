import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db-template.ts';
import { appendAudit, auditHead, SYSTEM_ACTOR, verifyAudit } from './audit.ts';
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
});
