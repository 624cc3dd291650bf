import { beforeAll, describe, expect, it } from 'vitest';
import { people, type TestUser, testAppWith } from '../../../test/harness.ts';

/** The database itself refuses to show another region's rows, whatever the store's query says. */
describe('row-level security', () => {
  const { t, operatorJember, operatorBanyuwangi } = testAppWith({
    ...people('operatorJember'),
    operatorBanyuwangi: { role: 'operator', region: '35.10' },
  });
  let jemberReportId: string;

  beforeAll(async () => {
    jemberReportId = await t.filedReport(operatorJember, { regionCode: '35.09.06.2002' });
  });

  const actorOf = (user: TestUser, scope: string[]) => ({
    userId: user.id,
    role: 'operator',
    scope,
    agencyId: null,
  });

  it('answers 404, not 403, to an operator of 35.10 asking for a 35.09 report', async () => {
    const res = await t.call(operatorBanyuwangi, 'GET', `/api/reports/${jemberReportId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('hides the row even when a query forgets the region filter', async () => {
    const forgetful = 'SELECT id FROM reports'; // no WHERE at all
    const asBanyuwangi = await t.db.asActor(actorOf(operatorBanyuwangi, ['35.10']), (tx) =>
      tx.query(forgetful),
    );
    expect(asBanyuwangi).toEqual([]);
    const asJember = await t.db.asActor(actorOf(operatorJember, ['35.09']), (tx) => tx.query(forgetful));
    expect(asJember.map((row) => row.id)).toContain(jemberReportId);
  });

  it('hides the row from a query made outside any explicit transaction, and refuses writes there', async () => {
    expect(await t.db.appQuery('SELECT id FROM reports')).toEqual([]);
    expect(await t.db.appQuery("UPDATE reports SET description = 'diubah diam-diam' RETURNING id")).toEqual(
      [],
    );
    const [{ role }] = await t.db.appQuery<{ role: string }>('SELECT current_user AS role');
    expect(role).toBe('sigap_app');
  });

  it('shows the row once it is shared with the other kab/kota (a grant), and only then', async () => {
    await t.db.asSystem((tx) =>
      tx.query(
        `INSERT INTO grants (subject_type, subject_id, grantee_kind, grantee, reason)
         VALUES ('report', $1, 'region', '35.10', 'shared')`,
        [jemberReportId],
      ),
    );
    const res = await t.call(operatorBanyuwangi, 'GET', `/api/reports/${jemberReportId}`);
    expect(res.statusCode).toBe(200);
    const situbondo = await t.user({ role: 'operator', region: '35.12' });
    expect((await t.call(situbondo, 'GET', `/api/reports/${jemberReportId}`)).statusCode).toBe(404);
  });

  it('shows a record granted to one person to that person only', async () => {
    const relawan = await t.user({ role: 'relawan', region: '35.09.06.2002' });
    const other = await t.user({ role: 'relawan', region: '35.09.06.2002' });
    await t.db.asSystem((tx) =>
      tx.query(
        `INSERT INTO grants (subject_type, subject_id, grantee_kind, grantee, reason) VALUES ('report', $1, 'user', $2, 'assigned')`,
        [jemberReportId, relawan.id],
      ),
    );
    expect((await t.call(relawan, 'GET', `/api/reports/${jemberReportId}`)).statusCode).toBe(200);
    expect((await t.call(other, 'GET', `/api/reports/${jemberReportId}`)).statusCode).toBe(404);
  });
});
