import { beforeAll, describe, expect, it } from 'vitest';
import { seedReports } from '../../../../bench/seed-reports.ts';
import { CHAIN_MESSAGE_SIGNAL, reportPayload } from '../../../../test/fixtures.ts';
import { PEOPLE, type TestUser, testAppWith } from '../../../../test/harness.ts';
import type { Principal } from '../../platform/principal.ts';
import { principalOf } from '../users/users-service.ts';
import { findUserByUsername } from '../users/users-store.ts';
import { getOverview, getOverviewByScan } from './stats-service.ts';

// The dashboard reads figures kept by triggers (migration 0029); after every kind of change they must equal the
// numbers counted from the reports and cases themselves, for every viewer and every view.
describe('dashboard figures kept as reports and cases change', { timeout: 180_000 }, () => {
  let now = new Date('2026-08-22T22:00:00+07:00');
  const { t, ...users } = testAppWith(
    {
      provinsi: PEOPLE.provinsi,
      koordinator: PEOPLE.koordinator,
      jember: PEOPLE.operator,
      banyuwangi: { role: 'operator', region: '35.10' },
      tanggul: { role: 'operator', region: '35.09.06' },
    },
    { clock: { now: () => now } },
  );
  const people: Record<string, Principal> = {};
  const VIEWS = [
    { scope: '35', from: '2026-08-01', to: '2026-08-31' },
    { scope: '35' },
    { scope: '35.09', from: '2026-08-01', to: '2026-08-31' },
    { scope: '35.10', from: '2026-08-01', to: '2026-08-31' },
    { scope: '35', bakorwil: 'V', from: '2026-07-01', to: '2026-08-31' },
  ];

  beforeAll(async () => {
    for (const [key, user] of Object.entries(users)) {
      people[key] = await t.db.asSystem(async (tx) =>
        principalOf(tx, (await findUserByUsername(tx, user.username)) as never),
      );
    }
  });

  const deps = () => ({ db: t.db, clock: { now: () => now } });
  const post = async (user: TestUser, method: 'POST' | 'PATCH', url: string, payload: object) => {
    const res = await t.call(user, method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  /** Every viewer's every view: the kept figures equal the scan. */
  async function expectSameAsScan(): Promise<void> {
    for (const [key, principal] of Object.entries(people)) {
      for (const view of VIEWS) {
        if (view.bakorwil && key !== 'provinsi' && key !== 'koordinator') continue;
        const kept = await getOverview(deps(), principal, view);
        const scanned = await getOverviewByScan(deps(), principal, view);
        expect(kept, `${key} ${JSON.stringify(view)}`).toEqual(scanned);
      }
    }
  }

  const reports: Record<string, { id: string; version: number }> = {};

  it('counts new reports of every kind, place and day as the scan does', async () => {
    const jember = users.jember as TestUser;
    const submit = async (name: string, user: TestUser, overrides: Record<string, unknown>) => {
      reports[name] = await post(user, 'POST', '/api/reports', reportPayload(overrides));
    };
    await submit('bentrok', jember, {}); // an incident in Kec. Tanggul, children hurt
    await submit('pesan', jember, CHAIN_MESSAGE_SIGNAL);
    await submit('lahan', jember, {
      conflictType: 'sengketa_lahan_sda',
      regionCode: '35.09.06.2002',
      occurredAt: '2026-07-31T23:30:00+07:00', // 31 July in WIB, 1 August in no other sense
      description: 'Warga menghadang alat berat di lahan garapan yang diklaim perkebunan.',
    });
    await submit('suporter', users.banyuwangi as TestUser, {
      kind: 'sinyal',
      conflictType: 'antar_suporter',
      regionCode: '35.10.01.2001',
      occurredAt: '2026-08-20T19:00:00+07:00',
      description: 'Ajakan suporter berkumpul di stadion tersebar di media sosial.',
      injured: 0,
      vulnerable: { lansia: { harmed: 0, displaced: 4, atRisk: 1 } },
    });
    now = new Date('2026-08-23T12:00:00+07:00');
    await expectSameAsScan();
    const province = await getOverview(deps(), people.provinsi as Principal, VIEWS[0] as { scope: string });
    expect(province.totals).toMatchObject({ reports: 3, incidents: 1, signals: 2 });
  });

  it('follows acknowledgement, verification, rejection and a duplicate', async () => {
    const jember = users.jember as TestUser;
    await post(jember, 'POST', `/api/reports/${reports.pesan?.id}/acknowledgement`, {});
    await post(jember, 'POST', `/api/reports/${reports.bentrok?.id}/verification`, {
      status: 'terverifikasi',
    });
    await post(jember, 'POST', `/api/reports/${reports.lahan?.id}/verification`, {
      status: 'ditolak',
      reason: 'Bukan konflik sosial',
    });
    const twin = await post(
      jember,
      'POST',
      '/api/reports',
      reportPayload({ occurredAt: '2026-08-22T21:40:00+07:00' }),
    );
    await post(jember, 'POST', `/api/reports/${twin.id}/verification`, {
      status: 'duplikat',
      duplicateOf: reports.bentrok?.id,
    });
    await expectSameAsScan();
  });

  it('follows a report amended to another kecamatan, day and type', async () => {
    const current = await t.call(users.jember as TestUser, 'GET', `/api/reports/${reports.pesan?.id}`);
    await post(users.jember as TestUser, 'PATCH', `/api/reports/${reports.pesan?.id}`, {
      version: current.json().version,
      regionCode: '35.09.06.2002',
      occurredAt: '2026-08-10T08:00:00+07:00',
      conflictType: 'antarwarga',
    });
    await expectSameAsScan();
  });

  it('follows cases opened and moved, and reports deleted', async () => {
    const opened = await post(users.jember as TestUser, 'POST', '/api/cases', {
      reportIds: [reports.bentrok?.id],
    });
    await expectSameAsScan();
    await post(users.jember as TestUser, 'POST', `/api/cases/${opened.id}/phase`, {
      to: 'penghentian',
      version: opened.version,
    });
    await expectSameAsScan();
    await t.db.asSystem(async (tx) => {
      await tx.query('DELETE FROM report_amendments WHERE report_id = $1', [reports.suporter?.id]);
      await tx.query('DELETE FROM duplicate_suggestions WHERE report_id = $1 OR candidate_id = $1', [
        reports.suporter?.id,
      ]);
      await tx.query('DELETE FROM reports WHERE id = $1', [reports.suporter?.id]);
    });
    await expectSameAsScan();
    // A day later every unacknowledged report is past its deadline: the clock moves, the figures follow.
    now = new Date('2026-08-25T12:00:00+07:00');
    await expectSameAsScan();
  });

  /** Every kept week is the sum of its kept days (a row missing on either side counts as zeros). */
  async function expectWeeksAreSumsOfDays(): Promise<void> {
    const differing = (table: string, key: string, counters: string[]) => {
      const sums = counters.map((c) => `sum(${c})::int AS ${c}`).join(', ');
      const of = (side: string) => `(${counters.map((c) => `coalesce(${side}.${c}, 0)`).join(', ')})`;
      return t.db.asSystem((tx) =>
        tx.query(
          `SELECT * FROM (SELECT level, day - (extract(isodow FROM day)::int - 1) AS week, kabkota_code, area_code,
                                 ${key}, historical, ${sums}
                          FROM report_daily_${table} GROUP BY 1, 2, 3, 4, 5, 6) d
           FULL JOIN report_weekly_${table} w USING (level, week, kabkota_code, area_code, ${key}, historical)
           WHERE ${of('d')} <> ${of('w')}`,
        ),
      );
    };
    expect(
      await differing('counts', 'conflict_type', [
        'reports',
        'incidents',
        'vulnerable',
        'p1',
        'acknowledged_late',
        'unacknowledged',
      ]),
    ).toEqual([]);
    expect(await differing('vulnerable', 'vulnerable_group', ['harmed', 'displaced', 'at_risk'])).toEqual([]);
  }

  it('keeps each week the sum of its days while reports move between weeks at once', async () => {
    const jember = users.jember as TestUser;
    // Sunday 16 and Monday 17 August: two weeks a day apart; children hurt in each.
    const sent = await Promise.all(
      ['2026-08-16T20:00:00+07:00', '2026-08-17T06:00:00+07:00', '2026-08-16T10:00:00+07:00'].map(
        (occurredAt) => post(jember, 'POST', '/api/reports', reportPayload({ occurredAt })),
      ),
    );
    await expectWeeksAreSumsOfDays();
    // At once: each report moved across the week boundary (and one to another kecamatan and type), while two
    // more reports arrive in the same weeks and areas.
    await Promise.all([
      ...sent.map((report, i) =>
        post(jember, 'PATCH', `/api/reports/${report.id}`, {
          version: report.version,
          occurredAt: i === 1 ? '2026-08-16T07:00:00+07:00' : '2026-08-17T21:00:00+07:00',
          ...(i === 2 ? { regionCode: '35.09.05.2001', conflictType: 'antarwarga' } : {}),
        }),
      ),
      post(jember, 'POST', '/api/reports', reportPayload({ occurredAt: '2026-08-16T23:00:00+07:00' })),
      post(jember, 'POST', '/api/reports', reportPayload({ occurredAt: '2026-08-17T00:30:00+07:00' })),
    ]);
    await expectWeeksAreSumsOfDays();
    await expectSameAsScan();
  });

  it('counts a bulk load of reports in one statement as the scan does', async () => {
    await seedReports(t.db, { from: 0, to: 400 }, users.provinsi?.id as string, 400);
    await expectWeeksAreSumsOfDays();
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() + 7 * 3_600_000 - 365 * 86_400_000).toISOString().slice(0, 10);
    for (const principal of Object.values(people)) {
      for (const scope of ['35', '35.09']) {
        const view = { scope, from: yearAgo, to: today };
        expect(await getOverview(deps(), principal, view)).toEqual(
          await getOverviewByScan(deps(), principal, view),
        );
      }
    }
  });

  it("shows an operator of 35.10 none of 35.09's figures, and a kecamatan operator only its kecamatan", async () => {
    const banyuwangi = await t.call(
      users.banyuwangi as TestUser,
      'GET',
      '/api/stats/overview?scope=35&from=2026-08-01&to=2026-08-31',
    );
    expect(banyuwangi.statusCode).toBe(200);
    // Its own kab/kota only (the bulk load above put reports there too).
    expect(banyuwangi.json().byArea.filter((area: { code: string }) => area.code !== '35.10')).toEqual([]);
    const jemberThroughBanyuwangi = await getOverview(deps(), people.banyuwangi as Principal, {
      scope: '35.09',
    });
    expect(jemberThroughBanyuwangi.totals).toMatchObject({ reports: 0, openCases: 0 });
    // The kept rows themselves, read as the operator: nothing of Jember at any level.
    const rows = await t.db.asActor((people.banyuwangi as Principal).actor, (tx) =>
      tx.query<{ area: string }>(
        `SELECT area_code AS area FROM report_daily_counts UNION ALL SELECT area_code FROM report_daily_vulnerable
         UNION ALL SELECT area_code FROM report_weekly_counts UNION ALL SELECT area_code FROM report_weekly_vulnerable
         UNION ALL SELECT area_code FROM case_open_counts`,
      ),
    );
    expect(rows.filter((row) => row.area.startsWith('35.09'))).toEqual([]);
    const tanggul = await getOverview(deps(), people.tanggul as Principal, {
      scope: '35.09',
      from: '2026-08-01',
      to: '2026-08-31',
    });
    expect(tanggul.byArea.map((area) => area.code)).toEqual(['35.09.06']);
  });
});
