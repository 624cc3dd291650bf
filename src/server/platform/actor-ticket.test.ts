import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUrlFor, TEST_DATABASE_URL } from '../../../test/db-template.ts';
import { people, testAppWith } from '../../../test/harness.ts';
import { appendAudit } from './audit.ts';
import { appRoleUrl, type Database } from './db.ts';
import { bootstrapRoles } from './migrate.ts';

/**
 * Someone holding the app role's password connects by hand and writes the settings the policies used to trust.
 * On PostgreSQL they log in as this database's app login; on PGlite (where the process is the database owner
 * anyway) the same statements run after SET LOCAL ROLE sigap_app, so the policies are exercised the same way.
 */
async function asAppRole(db: Database, statements: string[]): Promise<Record<string, unknown>[]> {
  if (TEST_DATABASE_URL) {
    const client = new pg.Client({ connectionString: appRoleUrl(await ownerUrlOf(db), undefined) });
    await client.connect();
    try {
      let rows: Record<string, unknown>[] = [];
      for (const statement of statements) rows = (await client.query(statement)).rows;
      return rows;
    } finally {
      await client.end();
    }
  }
  const client = await db.systemPool.connect();
  try {
    await client.query('BEGIN; SET LOCAL ROLE sigap_app');
    let rows: Record<string, unknown>[] = [];
    for (const statement of statements) rows = (await client.query(statement)).rows;
    return rows;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

async function ownerUrlOf(db: Database): Promise<string> {
  const [{ name }] = await db.systemQuery<{ name: string }>('SELECT current_database() AS name');
  return databaseUrlFor(name);
}

const forgedSettings = (userId: string) => [
  "SELECT set_config('sigap.role', 'admin', false)",
  "SELECT set_config('sigap.scope', '35', false)",
  `SELECT set_config('sigap.user_id', '${userId}', false)`,
  "SELECT set_config('sigap.agency_id', '', false)",
];

describe('row-level security trusts only a signed actor ticket', () => {
  const { t, operatorJember } = testAppWith({
    ...people('operatorJember'),
  });
  let reportId: string;

  beforeAll(async () => {
    reportId = await t.filedReport(operatorJember, { regionCode: '35.09.06.2002' });
  });

  const jember = () => ({ userId: operatorJember.id, role: 'operator', scope: ['35.09'], agencyId: null });

  it('shows no row to the app role that names itself admin of the province in the old settings', async () => {
    const rows = await asAppRole(t.db, [...forgedSettings(operatorJember.id), 'SELECT id FROM reports']);
    expect(rows).toEqual([]);
    // the same report is there for the operator who made it, through the app
    const own = await t.db.asActor(jember(), (tx) => tx.query('SELECT id FROM reports'));
    expect(own.map((row) => row.id)).toContain(reportId);
  });

  it('refuses a ticket that is not signed with a registered key', async () => {
    const [{ pid }] = await asAppRole(t.db, ['SELECT pg_backend_pid() AS pid']);
    const forged = `v1|1|${pid}|${Date.now()}|${operatorJember.id}|admin|35||${'0'.repeat(64)}`;
    await expect(
      asAppRole(t.db, [`SELECT set_config('sigap.actor', '${forged}', false)`, 'SELECT id FROM reports']),
    ).rejects.toThrow(/not signed by a known key|another connection/);
  });

  it.skipIf(!TEST_DATABASE_URL)(
    'refuses a genuine ticket replayed on another connection (as if read from pg_stat_activity)',
    async () => {
      const seen = await t.db.asActor(jember(), (tx) =>
        tx.one<{ ticket: string }>("SELECT current_setting('sigap.actor') AS ticket"),
      );
      expect(seen?.ticket).toMatch(/^v1\|/);
      await expect(
        asAppRole(t.db, [
          `SELECT set_config('sigap.actor', ${pg.escapeLiteral(seen!.ticket)}, false)`,
          'SELECT id FROM reports',
        ]),
      ).rejects.toThrow(/another connection/);
    },
  );

  it('refuses a grant the app role writes for itself', async () => {
    await expect(
      asAppRole(t.db, [
        ...forgedSettings(operatorJember.id),
        `INSERT INTO grants (subject_type, subject_id, grantee_kind, grantee, reason)
         VALUES ('report', '${reportId}', 'region', '35.10', 'dibuka sendiri')`,
      ]),
    ).rejects.toThrow(/row-level security/);
    const grants = await t.db.systemQuery('SELECT 1 FROM grants WHERE subject_id = $1', [reportId]);
    expect(grants).toEqual([]);
  });

  it('keeps the signing keys and the audit append with a named actor out of the app role’s reach', async () => {
    await expect(asAppRole(t.db, ['SELECT key FROM sigap_actor_keys'])).rejects.toThrow(/permission denied/);
    await expect(
      asAppRole(t.db, [
        `SELECT sigap_audit_append('${operatorJember.id}', 'admin', 'user.created', 'user', 'x', '{}')`,
      ]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asAppRole(t.db, [
        ...forgedSettings(operatorJember.id),
        `SELECT sigap_audit_append_as_actor('user.created', 'user', 'x', '{}')`,
      ]),
    ).rejects.toThrow(/needs a signed actor/);
  });

  it('records the transaction’s own actor in the audit trail, whoever the caller names', async () => {
    const other = await t.user({ role: 'admin', region: '35' });
    await t.db.asActor(jember(), (tx) =>
      appendAudit(tx, { id: other.id, label: other.username }, 'uji.aktor', { type: 'uji', id: '1' }),
    );
    const [entry] = await t.db.systemQuery<{ actorId: string; label: string }>(
      `SELECT actor_id AS "actorId", actor_label AS label FROM audit_log WHERE action = 'uji.aktor'`,
    );
    expect(entry).toEqual({ actorId: operatorJember.id, label: operatorJember.username });
  });
});

describe.skipIf(!TEST_DATABASE_URL)('each database has its own app login', () => {
  let first: Database;
  let second: Database;
  beforeAll(async () => {
    first = await createTestDatabase();
    second = await createTestDatabase();
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it("lets a database's login into that database only, and the shared group role into none", async () => {
    const own = new pg.Client({ connectionString: appRoleUrl(await ownerUrlOf(first), undefined) });
    await own.connect();
    const [{ role }] = (await own.query('SELECT current_user AS role')).rows;
    expect(role).toBe('sigap_app');
    await own.end();

    const firstLogin = new URL(appRoleUrl(await ownerUrlOf(first), undefined)).username;
    const intoSecond = new URL(await ownerUrlOf(second));
    intoSecond.username = firstLogin;
    const stranger = new pg.Client({ connectionString: intoSecond.toString() });
    await expect(stranger.connect()).rejects.toThrow(/permission denied for database/);
    await stranger.end().catch(() => undefined);

    const asGroup = new URL(await ownerUrlOf(second));
    asGroup.username = 'sigap_app';
    const group = new pg.Client({ connectionString: asGroup.toString() });
    await expect(group.connect()).rejects.toThrow(/permission denied for database|not permitted to log in/);
    await group.end().catch(() => undefined);
  });

  it("sets the password of its own database's login only", async () => {
    await bootstrapRoles(first, 'rahasia-basis-data-pertama');
    const logins = [
      new URL(appRoleUrl(await ownerUrlOf(first), undefined)).username,
      new URL(appRoleUrl(await ownerUrlOf(second), undefined)).username,
    ];
    const rows = await first.systemQuery<{ name: string; hasPassword: boolean }>(
      `SELECT rolname AS name, rolpassword IS NOT NULL AS "hasPassword" FROM pg_authid
       WHERE rolname = ANY($1) ORDER BY rolname = $2 DESC`,
      [logins, logins[0]],
    );
    expect(rows).toEqual([
      { name: logins[0], hasPassword: true },
      { name: logins[1], hasPassword: false },
    ]);
  });
});
