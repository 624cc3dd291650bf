import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { PEOPLE, people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { ReportFields } from '../../../shared/reports/report-schema.ts';
import type { ActorContext } from '../../platform/db.ts';
import { reportRowOf } from './report-record.ts';
import { insertReport } from './reports-store.ts';

/**
 * The database's own check on a new report (migrations/0039): only as oneself, only in a role that files reports,
 * and the new row read back to its reporter, whatever the caller's SQL says.
 */
describe('row security of a new report', () => {
  const { t, relawan, other, operatorBanyuwangi } = testAppWith({
    ...people('relawan'),
    other: PEOPLE.relawan,
    operatorBanyuwangi: { role: 'operator', region: '35.10' },
  });

  const actorOf = (user: TestUser, role: string, scope: string[] = []): ActorContext => ({
    userId: user.id,
    role,
    scope,
    agencyId: null,
  });
  const rowOf = (reporterId: string) => {
    const { id: _, ...fields } = reportPayload({ regionCode: '35.09.06.2002' });
    return {
      ...reportRowOf(randomUUID(), ReportFields.parse(fields)),
      reporterId,
      createdAt: new Date(),
    };
  };
  const stored = async (id: string) =>
    (await t.db.systemQuery('SELECT 1 FROM reports WHERE id = $1', [id])).length;

  it('files a report as its own reporter and reads it back to them', async () => {
    const row = rowOf(relawan.id);
    const inserted = await t.db.asActor(actorOf(relawan, 'relawan'), (tx) => insertReport(tx, row));
    expect(inserted?.id).toBe(row.id);
    expect(inserted?.reporterId).toBe(relawan.id);
    const seen = async (user: TestUser, role: string, scope: string[] = []) =>
      (
        await t.db.asActor(actorOf(user, role, scope), (tx) =>
          tx.query('SELECT id FROM reports WHERE id = $1', [row.id]),
        )
      ).length;
    expect(await seen(relawan, 'relawan')).toBe(1);
    expect(await seen(other, 'relawan')).toBe(0);
    expect(await seen(operatorBanyuwangi, 'operator', ['35.10'])).toBe(0);
    expect(await seen(operatorBanyuwangi, 'operator', ['35.09'])).toBe(1);
  });

  it('files an office user’s own report outside their area and reads it back to them, as before', async () => {
    const row = rowOf(operatorBanyuwangi.id);
    const inserted = await t.db.asActor(actorOf(operatorBanyuwangi, 'operator', ['35.10']), (tx) =>
      insertReport(tx, row),
    );
    expect(inserted?.id).toBe(row.id);
  });

  it('refuses a report in another person’s name, and stores nothing', async () => {
    const row = rowOf(other.id);
    await expect(t.db.asActor(actorOf(relawan, 'relawan'), (tx) => insertReport(tx, row))).rejects.toThrow(
      /row-level security/,
    );
    expect(await stored(row.id)).toBe(0);
  });

  it('refuses a report from a role that files none (a partner agency, the data protection officer)', async () => {
    for (const role of ['mitra', 'ppdp', '']) {
      const row = rowOf(relawan.id);
      await expect(t.db.asActor(actorOf(relawan, role), (tx) => insertReport(tx, row))).rejects.toThrow(
        /row-level security/,
      );
      expect(await stored(row.id)).toBe(0);
    }
  });

  it('refuses a report from a transaction with no actor', async () => {
    const row = rowOf(relawan.id);
    await expect(
      t.db.asActor(null as unknown as ActorContext, (tx) => insertReport(tx, row)),
    ).rejects.toThrow(/row-level security/);
    expect(await stored(row.id)).toBe(0);
  });
});
