import { beforeAll, describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { type TestUser, testAppWith } from '../../../../test/harness.ts';
import { PILLARS_ENV, REGISTRY_PEOPLE } from './pillars-test-helpers.ts';

type Item = { regionCode: string; name: string; active: number; target: number | null; gap: number | null };

describe('pillar coverage', () => {
  const { t, operator, operatorJember, koordinatorV, koordinatorIII, admin, relawan } = testAppWith(
    REGISTRY_PEOPLE,
    { env: PILLARS_ENV },
  );

  const coverage = (user: TestUser, query: string) => t.call(user, 'GET', `/api/pillars/coverage?${query}`);

  beforeAll(async () => {
    // Kecamatan Muncar (35.10.05) has ten desa, 35.10.05.2001 … 2010.
    const pillars: [string, string, string?][] = [
      ['sahabat_tagana', '35.10.05.2001'],
      ['sahabat_tagana', '35.10.05.2001'],
      ['sahabat_tagana', '35.10.05.2009'],
      ['sahabat_tagana', '35.10.05.2002', 'nonaktif'],
      ['tagana', '35.10.05.2003'],
      ['tagana', '35.10.05.2007'],
      ['tksk', '35.10.06.2001'],
    ];
    for (const [index, [pillarType, homeRegionCode, status]] of pillars.entries()) {
      const res = await t.call(operator, 'POST', '/api/pillars', {
        pillarType,
        name: `Pilar Uji ${index + 1}`,
        homeRegionCode,
        status: status ?? 'aktif',
      });
      expect(res.statusCode).toBe(201);
    }
    const jember = await t.call(operatorJember, 'POST', '/api/pillars', {
      pillarType: 'sahabat_tagana',
      name: 'Siti Tanggulwetan',
      homeRegionCode: '35.09.06.2002',
    });
    expect(jember.statusCode).toBe(201);
  });

  it('counts active pillars per desa of a kecamatan against one sahabat tagana per desa', async () => {
    const res = await coverage(operator, 'region=35.10.05&type=sahabat_tagana');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(items).toHaveLength(10);
    const byCode = new Map(items.map((item: Item) => [item.regionCode, item]));
    expect(byCode.get('35.10.05.2001')).toEqual({
      regionCode: '35.10.05.2001',
      name: 'Sumberberas',
      active: 2,
      target: 1,
      gap: 0,
    });
    expect(byCode.get('35.10.05.2009')).toEqual({
      regionCode: '35.10.05.2009',
      name: 'Kedungringin',
      active: 1,
      target: 1,
      gap: 0,
    });
    expect(byCode.get('35.10.05.2002')).toMatchObject({ name: 'Kedungrejo', active: 0, target: 1, gap: 1 }); // nonaktif does not count
    expect(total).toEqual({ active: 3, target: 10, gap: 8 });
  });

  it('puts a per-kecamatan target on the kecamatan total when looking at its desa', async () => {
    const { items, total } = (await coverage(operator, 'region=35.10.05&type=tagana')).json();
    expect(items.every((item: Item) => item.target === null && item.gap === null)).toBe(true);
    expect(items.find((item: Item) => item.regionCode === '35.10.05.2003').active).toBe(1);
    expect(total).toEqual({ active: 2, target: 5, gap: 3 });
  });

  it('gives a kab/kota per kecamatan, and a Bakorwil per kab/kota', async () => {
    const kab = (await coverage(operator, 'region=35.10&type=tagana')).json();
    expect(kab.items).toHaveLength(25);
    expect(kab.items.find((item: Item) => item.regionCode === '35.10.05')).toEqual({
      regionCode: '35.10.05',
      name: 'Muncar',
      active: 2,
      target: 5,
      gap: 3,
    });
    expect(kab.total).toEqual({ active: 2, target: 125, gap: 123 });

    const bakorwil = (await coverage(koordinatorV, 'region=V&type=tksk')).json();
    expect(bakorwil.items.map((item: Item) => item.regionCode)).toEqual([
      '35.08',
      '35.09',
      '35.10',
      '35.11',
      '35.12',
      '35.13',
      '35.74',
    ]);
    expect(bakorwil.items.find((item: Item) => item.regionCode === '35.10')).toEqual({
      regionCode: '35.10',
      name: 'Kabupaten Banyuwangi',
      active: 1,
      target: 25,
      gap: 24,
    });
    expect(bakorwil.total.target).toBe(
      bakorwil.items.reduce((sum: number, item: Item) => sum + (item.target ?? 0), 0),
    );
  });

  it('lists gaps by need: areas with recent reports first, largest shortfall first', async () => {
    for (const regionCode of ['35.10.15.2004', '35.10.15.2001', '35.10.14.2001']) {
      const res = await t.call(operator, 'POST', '/api/reports', reportPayload({ regionCode }));
      expect(res.statusCode).toBe(201);
    }
    const { items } = (
      await t.call(operator, 'GET', '/api/pillars/coverage/gaps?region=35.10&type=tagana')
    ).json();
    expect(items).toHaveLength(25);
    expect(items[0]).toMatchObject({ regionCode: '35.10.15', name: 'Glagah', gap: 5, recentReports: 2 });
    expect(items[0].lastReportAt).toMatch(/\+07:00$/);
    expect(items[1]).toMatchObject({ regionCode: '35.10.14', name: 'Kabat', gap: 5, recentReports: 1 });
    expect(items.at(-1)).toMatchObject({ regionCode: '35.10.05', gap: 3, recentReports: 0 });
  });

  it('refuses areas outside the viewer’s scope and viewers without a region to oversee', async () => {
    expect((await coverage(operatorJember, 'region=35.10&type=tagana')).statusCode).toBe(403);
    const gaps = await t.call(operatorJember, 'GET', '/api/pillars/coverage/gaps?region=35.10&type=tagana');
    expect(gaps.statusCode).toBe(403);
    expect((await coverage(koordinatorIII, 'region=V&type=tagana')).statusCode).toBe(403);
    expect((await coverage(relawan, 'region=35.10.05&type=tagana')).statusCode).toBe(403);
    expect((await coverage(operator, 'region=35.10.05.2001&type=tagana')).statusCode).toBe(400);
    expect((await coverage(operator, 'region=jember&type=tagana')).statusCode).toBe(400);
    expect((await coverage(operator, 'region=IX&type=tagana')).statusCode).toBe(404);
  });

  it('lets the admin change targets, and nobody else', async () => {
    const put = (user: TestUser, payload: Record<string, unknown>) =>
      t.call(user, 'PUT', '/api/pillars/coverage/targets', payload);
    expect(
      (await put(operator, { pillarType: 'tagana', areaLevel: 'kecamatan', perArea: 2 })).statusCode,
    ).toBe(403);
    const saved = await put(admin, { pillarType: 'tagana', areaLevel: 'kecamatan', perArea: 2 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items).toContainEqual({ pillarType: 'tagana', areaLevel: 'kecamatan', perArea: 2 });
    const { total } = (await coverage(operator, 'region=35.10.05&type=tagana')).json();
    expect(total).toEqual({ active: 2, target: 2, gap: 0 });
    const defaults = (await t.call(koordinatorV, 'GET', '/api/pillars/coverage/targets')).json();
    expect(defaults.items).toEqual(
      expect.arrayContaining([
        { pillarType: 'tksk', areaLevel: 'kecamatan', perArea: 1 },
        { pillarType: 'pordam', areaLevel: 'kecamatan', perArea: 3 },
        { pillarType: 'sahabat_tagana', areaLevel: 'desa', perArea: 1 },
      ]),
    );
  });
});
