import { beforeAll, describe, expect, it } from 'vitest';
import { CHAIN_MESSAGE_SIGNAL, reportPayload } from '../../../../test/fixtures.ts';
import { type TestUser, testAppWith } from '../../../../test/harness.ts';

describe('GET /api/stats/overview', () => {
  // Reports arrive on the night of 22 August; the dashboard is read the next noon.
  let now = new Date('2026-08-22T22:00:00+07:00');
  const { t, jemberOperator } = testAppWith(
    { jemberOperator: { role: 'operator', region: '35.09' } },
    { clock: { now: () => now } },
  );
  beforeAll(async () => {
    const post = (payload: Record<string, unknown>) =>
      t.call(jemberOperator, 'POST', '/api/reports', payload);
    await post(reportPayload()); // an incident in Kec. Tanggul with children hurt
    await post(reportPayload(CHAIN_MESSAGE_SIGNAL));
    now = new Date('2026-08-23T12:00:00+07:00');
  });

  const overview = (user: TestUser, query: string) => t.call(user, 'GET', `/api/stats/overview?${query}`);

  it('counts the province by kab/kota, by type, by vulnerable group and by week', async () => {
    const provinsi = await t.user({ role: 'provinsi', region: '35' });
    const res = await overview(provinsi, 'scope=35&from=2026-08-10&to=2026-08-23');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.areaLevel).toBe('kabkota');
    expect(body.totals).toMatchObject({ reports: 2, incidents: 1, signals: 1, vulnerable: 1 });
    expect(body.byArea).toEqual([
      { code: '35.09', reports: 2, incidents: 1, vulnerable: 1, p1: 1, openCases: 0 },
    ]);
    expect(body.byType).toEqual([{ type: 'antar_perguruan_silat', count: 2 }]);
    expect(body.byVulnerableGroup.find((g: { group: string }) => g.group === 'anak')).toEqual({
      group: 'anak',
      harmed: 3,
      displaced: 0,
      atRisk: 5,
    });
    expect(body.byWeek).toEqual([
      { week: '2026-08-10', reports: 0, incidents: 0 },
      { week: '2026-08-17', reports: 2, incidents: 1 },
    ]);
    // Nobody acknowledged: the P1 incident's 30 minutes have passed, the signal's 24 hours have not.
    expect(body.missedDeadlines).toEqual({ acknowledge: 1, response: 0, resolve: 0 });
  });

  it('drills down from a kab/kota to its kecamatan', async () => {
    const res = await overview(jemberOperator, 'scope=35.09&from=2026-08-01&to=2026-08-31');
    expect(res.statusCode).toBe(200);
    expect(res.json().areaLevel).toBe('kecamatan');
    expect(res.json().byArea.map((a: { code: string }) => a.code)).toEqual(['35.09.05', '35.09.06']);
  });

  it("counts a Bakorwil's kab/kota only, for its coordinator's home view", async () => {
    const koordinator = await t.user({ role: 'koordinator', region: 'V' });
    const provinsi = await t.user({ role: 'provinsi', region: '35' });
    // A signal in Kota Malang (Bakorwil III): the province sees it, Bakorwil V's numbers do not count it.
    await t.call(
      provinsi,
      'POST',
      '/api/reports',
      reportPayload({
        kind: 'sinyal',
        regionCode: '35.73.01.1001',
        occurredAt: '2026-08-18T08:00:00+07:00',
        description: 'Ajakan berkumpul suporter di alun-alun tersebar lewat media sosial.',
        injured: 0,
        vulnerable: {},
      }),
    );
    const province = (await overview(provinsi, 'scope=35&from=2026-08-01&to=2026-08-31')).json();
    expect(province.totals.reports).toBe(3);
    for (const viewer of [koordinator, provinsi]) {
      const res = await overview(viewer, 'bakorwil=V&from=2026-08-01&to=2026-08-31');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ scope: 'V', areaLevel: 'kabkota' });
      expect(res.json().totals).toMatchObject({ reports: 2, incidents: 1, signals: 1 });
      expect(res.json().byArea.map((a: { code: string }) => a.code)).toEqual(['35.09']);
    }
    const malang = await overview(provinsi, 'bakorwil=III&from=2026-08-01&to=2026-08-31');
    expect(malang.json().byArea.map((a: { code: string }) => a.code)).toEqual(['35.73']);
    expect((await overview(provinsi, 'bakorwil=IX')).statusCode).toBe(404);
    expect((await overview(provinsi, 'scope=35.09&bakorwil=V')).statusCode).toBe(400);
  });

  it("counts nothing of Jember for another kab/kota's operator, even for the whole province", async () => {
    const banyuwangi = await t.user({ role: 'operator', region: '35.10' });
    const res = await overview(banyuwangi, 'scope=35&from=2026-08-01&to=2026-08-31');
    expect(res.statusCode).toBe(200);
    expect(res.json().totals.reports).toBe(0);
    expect(res.json().byArea).toEqual([]);
  });

  it('refuses volunteers and partner agencies, and a period longer than a year', async () => {
    const relawan = await t.user({ role: 'relawan', region: '35.09' });
    expect((await overview(relawan, 'scope=35.09')).statusCode).toBe(403);
    const provinsi = await t.user({ role: 'provinsi', region: '35' });
    expect((await overview(provinsi, 'scope=35&from=2024-01-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await overview(provinsi, 'scope=35.09.06')).statusCode).toBe(400);
  });
});
