import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db-template.ts';
import { appendAudit, SYSTEM_ACTOR } from './audit.ts';
import { type Database, inlineParams } from './db.ts';

const actor = {
  userId: '00000000-0000-4000-8000-000000000009',
  role: 'operator',
  scope: ['35.09'],
  agencyId: null,
};

describe('transactions', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  async function auditCount(action: string): Promise<number> {
    const [row] = await db.systemQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log WHERE action = $1',
      [action],
    );
    return row.n;
  }

  it('opens with the actor settings on its first statement, whatever values that statement carries', async () => {
    const tricky = `it's a \\ back'slash "quoted" $2`;
    const row = await db.asActor(actor, (tx) =>
      tx.one<{ who: string; role: string; text: string; list: string[]; doc: { a: string }; n: number }>(
        `SELECT sigap_user_id()::text AS who, current_user AS role, $1::text AS text, $2::text[] AS list,
                $3::jsonb AS doc, $4::int + 1 AS n`,
        [tricky, ['a"b', 'c\\d', null], JSON.stringify({ a: tricky }), 41],
      ),
    );
    expect(row).toEqual({
      who: actor.userId,
      role: 'sigap_app',
      text: tricky,
      list: ['a"b', 'c\\d', null],
      doc: { a: tricky },
      n: 42,
    });
  });

  it('answers the id an INSERT … RETURNING id gave back, and names the statement when none came back', async () => {
    const id = await db.asSystem((tx) =>
      tx.insertReturningId("SELECT 'r-1'::text AS id WHERE $1::boolean", [true]),
    );
    expect(id).toBe('r-1');
    await expect(
      db.asSystem((tx) => tx.insertReturningId("SELECT 'r-1'::text AS id WHERE $1::boolean", [false])),
    ).rejects.toThrow("no row came back from SELECT 'r-1'::text AS id WHERE $1::boolean");
  });

  it("types the first statement's values as a parameterised query would, and recovers when it fails", async () => {
    const at = new Date('2026-07-01T00:00:00+07:00');
    const row = await db.asSystem((tx) =>
      // $1 is a timestamptz from its first use; an inlined literal would be read as an interval in the second.
      tx.one<{ before: Date }>(`SELECT $1::timestamptz AS at, $1 - interval '30 days' AS before`, [at]),
    );
    expect(row?.before.toISOString()).toBe('2026-05-31T17:00:00.000Z');
    await expect(db.asSystem((tx) => tx.query('SELECT 1 / $1::int', [0]))).rejects.toThrow(
      /division by zero/,
    );
    // The failed first statement left nothing behind on the connection: the same statement name works again.
    const again = await db.asActor(actor, (tx) => tx.one<{ n: number }>('SELECT $1::int AS n', [7]));
    expect(again?.n).toBe(7);
  });

  it('reads rows as arrays named by their columns, as the first statement or a later one', async () => {
    const read = await db.asActor(actor, async (tx) => ({
      first: await tx.queryArrays(`SELECT $1::int AS n, current_user AS role, $2::text[] AS list`, [
        7,
        ['a'],
      ]),
      later: await tx.queryArrays(`SELECT 'x' AS a, NULL::int AS b FROM generate_series(1, 2)`),
    }));
    expect(read.first).toEqual({ fields: ['n', 'role', 'list'], rows: [[7, 'sigap_app', ['a']]] });
    expect(read.later).toEqual({
      fields: ['a', 'b'],
      rows: [
        ['x', null],
        ['x', null],
      ],
    });
  });

  it('writes what was queued for the commit, in order, and nothing when the transaction fails', async () => {
    await db.asSystem(async (tx) => {
      await appendAudit(tx, SYSTEM_ACTOR, 'uji.komit', { type: 'uji', id: '1' });
      await appendAudit(tx, SYSTEM_ACTOR, 'uji.komit', { type: 'uji', id: '2' });
    });
    const ids = await db.systemQuery<{ id: string }>(
      `SELECT subject_id AS id FROM audit_log WHERE action = 'uji.komit' ORDER BY seq`,
    );
    expect(ids.map((r) => r.id)).toEqual(['1', '2']);

    await expect(
      db.asSystem(async (tx) => {
        await appendAudit(tx, SYSTEM_ACTOR, 'uji.batal', { type: 'uji', id: '1' });
        await tx.query('SELECT 1 / 0');
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await auditCount('uji.batal')).toBe(0);
  });

  it('rolls back the statements already run when a queued write fails at commit', async () => {
    await expect(
      db.asSystem(async (tx) => {
        await tx.query(`INSERT INTO agencies (id, name) VALUES ('uji-gagal', 'Uji')`);
        tx.atCommit('SELECT 1 / $1::int', [0]);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await db.systemQuery(`SELECT 1 FROM agencies WHERE id = 'uji-gagal'`)).toEqual([]);
  });

  it('inlines values as quoted literals and refuses what it cannot inline', () => {
    expect(inlineParams('SELECT $1, $2, $10', ["o'k", null, 1, 2, 3, 4, 5, 6, 7, true])).toBe(
      "SELECT 'o''k', NULL, 'true'",
    );
    expect(() => inlineParams('SELECT $2', ['x'])).toThrow(/no value for \$2/);
    expect(() => inlineParams('SELECT $1', [Buffer.from('x')])).toThrow(/binary/);
  });
});
