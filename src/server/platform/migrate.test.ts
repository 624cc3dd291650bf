import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db-template.ts';
import type { Database } from './db.ts';
import { bootstrapRoles, migrate } from './migrate.ts';

describe('migrations', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('records each applied file and applies nothing twice', async () => {
    const recorded = await db.asSystem((tx) =>
      tx.query<{ name: string }>('SELECT name FROM schema_migrations'),
    );
    expect(recorded.map((row) => row.name)).toContain('0001_platform.sql');
    const again = await migrate(db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(recorded.length);
  });

  it('creates the app role idempotently, and the role owns nothing and bypasses nothing', async () => {
    await bootstrapRoles(db);
    await bootstrapRoles(db);
    const role = await db.asSystem((tx) =>
      tx.one<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
        `SELECT r.rolsuper, r.rolbypassrls,
                (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = 'sigap_app'`,
      ),
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('refuses a migration file that was edited after it was applied', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/sigap-mig-');
    writeFileSync(`${dir}/9001_demo.sql`, 'CREATE TABLE demo_edit (id int);');
    expect((await migrate(db, dir)).applied).toEqual(['9001_demo.sql']);
    writeFileSync(`${dir}/9001_demo.sql`, 'CREATE TABLE demo_edit (id int, extra int);');
    await expect(migrate(db, dir)).rejects.toThrow(/berubah/);
  });
});
