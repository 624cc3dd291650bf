import { describe, expect, it } from 'vitest';
import { testAppWith } from '../../../../test/harness.ts';

describe('regions', () => {
  const { t } = testAppWith({});

  it('holds all of Jawa Timur: 1 province, 38 kab/kota, 666 kecamatan, 8,494 desa/kelurahan', async () => {
    const counts = await t.db.asSystem((tx) =>
      tx.query<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM regions GROUP BY level'),
    );
    expect(Object.fromEntries(counts.map((row) => [row.level, row.n]))).toEqual({
      provinsi: 1,
      kabkota: 38,
      kecamatan: 666,
      desa: 8494,
    });
  });

  it('lists the children of a region', async () => {
    const res = await t.app.inject({ url: '/api/regions?parent=35' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(38);
    expect(items.find((r: { code: string }) => r.code === '35.09')).toEqual({
      code: '35.09',
      name: 'Kabupaten Jember',
      level: 'kabkota',
      parentCode: '35',
    });
  });

  it('finds names as people type them: any case, with or without spaces', async () => {
    const tanggul = (await t.app.inject({ url: '/api/regions?q=tanggul&limit=50' })).json().items;
    const codes = tanggul.map((r: { code: string }) => r.code);
    expect(codes[0]).toBe('35.09.06'); // Kecamatan Tanggul first: exact name, larger area
    expect(codes).toContain('35.09.06.2002'); // Desa Tanggulwetan
    const spaced = (await t.app.inject({ url: '/api/regions?q=Tanggul%20Wetan' })).json().items;
    expect(spaced.map((r: { name: string }) => r.name)).toEqual(['Tanggulwetan']);
  });

  it('shows a region with its ancestors and its Bakorwil', async () => {
    const res = await t.app.inject({ url: '/api/regions/35.09.06.2002' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ancestors.map((r: { code: string }) => r.code)).toEqual(['35', '35.09', '35.09.06']);
    expect(body.bakorwil).toEqual({ id: 'V', name: 'Bakorwil V Jember' });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await t.app.inject({ url: '/api/regions/35.09.99' })).statusCode).toBe(404);
    const bad = await t.app.inject({ url: '/api/regions/jember' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  it('has Bakorwil V with its 7 kab/kota, and the five Bakorwil cover all 38', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const items = (await t.call(admin, 'GET', '/api/bakorwil')).json().items;
    const v = items.find((b: { id: string }) => b.id === 'V');
    expect(v.members).toEqual(['35.08', '35.09', '35.10', '35.11', '35.12', '35.13', '35.74']);
    expect(items.flatMap((b: { members: string[] }) => b.members)).toHaveLength(38);
  });

  it('lets the admin edit a Bakorwil and refuses an operator', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const operator = await t.user({ role: 'operator', region: '35.09' });
    const payload = {
      name: 'Bakorwil IV Pamekasan',
      seat: 'Pamekasan',
      members: ['35.26', '35.27', '35.28', '35.29'],
    };
    const refused = await t.call(operator, 'PUT', '/api/bakorwil/IV', payload);
    expect(refused.statusCode).toBe(403);
    const ok = await t.call(admin, 'PUT', '/api/bakorwil/IV', payload);
    expect(ok.statusCode).toBe(200);
    const wrong = await t.call(admin, 'PUT', '/api/bakorwil/IV', { ...payload, members: ['35.09.06'] });
    expect(wrong.statusCode).toBe(400);
  });
});
