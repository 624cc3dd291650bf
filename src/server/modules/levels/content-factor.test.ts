import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testAppWith } from '../../../../test/harness.ts';
import type { LevelItem } from '../../../shared/early-warning/early-warning-schema.ts';
import { fakeClock } from '../../platform/clock.ts';
import { formatContentComparison, runBacktestBoth } from './backtest.ts';
import { recomputeLevels } from './levels-service.ts';

// Seven different messages: no two are near-identical, so each starts its own item.
const MESSAGES = [
  'Malam ini kampung sebelah akan diserang, siapkan bambu runcing dan kumpul di balai desa',
  'Video pemukulan suporter kemarin sudah viral, balas sebelum mereka datang lagi ke pasar',
  'Hoaks: jembatan Tanggul ditutup warga perguruan, semua kendaraan dilarang lewat sampai besok pagi',
  'Foto lama bentrokan tahun lalu disebar ulang dengan keterangan kejadian hari Minggu kemarin',
  'Seruan boikot warung milik anggota kelompok tertentu di sepanjang jalan raya provinsi',
  'Undangan pengajian akbar di masjid agung Jumat depan, semua jamaah dipersilakan hadir',
  'Pesan berantai: sweeping kendaraan berplat luar kota akan dilakukan di perempatan Semboro',
];

// Jember: Tanggul (35.09.06) and Semboro (35.09.07) have no reports at all.
const TANGGUL = '35.09.06';
const SEMBORO = '35.09.07';

describe('the provocative-content factor of the level model', () => {
  const clock = fakeClock(new Date('2026-08-20T10:00:00+07:00'));
  const { t, operator } = testAppWith({ operator: { role: 'operator', region: '35.09' } }, { clock });
  let psht: string;

  const recompute = () => recomputeLevels({ db: t.db, clock, config: t.config }, { kabkotaCodes: ['35.09'] });
  const levelOf = async (code: string): Promise<LevelItem> => {
    const res = await t.call(operator, 'GET', '/api/early-warning/levels?parent=35.09');
    expect(res.statusCode).toBe(200);
    return (res.json().items as LevelItem[]).find((i) => i.regionCode === code) as LevelItem;
  };
  const record = async (n: number, seenAt: string, regionCode: string, groupIds: string[] = []) => {
    const res = await t.call(operator, 'POST', '/api/provocation/sightings', {
      id: randomUUID(),
      platform: 'facebook',
      links: [`https://www.facebook.com/groups/warga/posts/${n}00${n}`],
      text: MESSAGES[n - 1],
      seenAt,
      regionCodes: [regionCode],
      groupIds,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().merged).toBe(false);
    return res.json().itemId as string;
  };

  beforeAll(async () => {
    psht = await t.db.asSystem(async (tx) => {
      const g = await tx.one<{ id: string }>(
        `INSERT INTO actor_groups (kind, name, short_name, name_key)
         VALUES ('perguruan_silat', 'Persaudaraan Setia Hati Terate', 'PSHT', 'persaudaraansetiahatiterate') RETURNING id`,
      );
      return g!.id;
    });
  });

  it('leaves a quiet kecamatan Normal while no content spreads there', async () => {
    await recompute();
    expect(await levelOf(TANGGUL)).toMatchObject({ level: 'normal', factors: [] });
  });

  it('raises a quiet kecamatan on four items spreading in 48 hours and says so, naming the group', async () => {
    for (const n of [1, 2, 3]) await record(n, '2026-08-19T20:00:00+07:00', `${TANGGUL}.2002`, [psht]);
    await record(4, '2026-08-20T08:00:00+07:00', `${TANGGUL}.2001`);
    // Seen three days ago: no longer spreading.
    await record(5, '2026-08-17T08:00:00+07:00', `${TANGGUL}.2001`);
    // Judged harmless: never counts.
    const harmless = await record(6, '2026-08-20T07:00:00+07:00', `${TANGGUL}.2001`);
    const assessed = await t.call(operator, 'POST', `/api/provocation/items/${harmless}/assessment`, {
      assessment: 'bukan_masalah',
    });
    expect(assessed.statusCode).toBe(200);
    // One item in Semboro: 0.5 points, below Waspada.
    await record(7, '2026-08-20T09:00:00+07:00', `${SEMBORO}.2001`);

    const result = await recompute();
    expect(result.alerts).toBeGreaterThan(0);
    const tanggul = await levelOf(TANGGUL);
    expect(tanggul.level).toBe('waspada');
    expect(tanggul.score).toBe(2);
    expect(tanggul.factors).toEqual([
      {
        code: 'konten_provokatif',
        text: '4 konten provokatif beredar di Kec. Tanggul dalam 48 jam, menyebut PSHT',
        textEn: '4 provocative items spreading in Kec. Tanggul within 48 hours, naming PSHT',
        points: 2,
      },
    ]);
    const semboro = await levelOf(SEMBORO);
    expect(semboro.level).toBe('normal');
    expect(semboro.factors.map((f) => f.code)).toEqual(['konten_provokatif']);
    // The kab/kota counts each item once: five items in Jember.
    const jember = await t.call(operator, 'GET', '/api/early-warning/levels?parent=35');
    const kab = (jember.json().items as LevelItem[]).find((i) => i.regionCode === '35.09') as LevelItem;
    expect(kab.level).toBe('waspada');
  });

  it('stops counting an item once it is taken down', async () => {
    const ids = await t.db.asSystem((tx) =>
      tx.query<{ id: string }>(
        `SELECT DISTINCT item_id AS id FROM provocation_sightings WHERE '${TANGGUL}.2002' = ANY (region_codes)`,
      ),
    );
    await t.db.asSystem((tx) =>
      tx.query(
        `UPDATE provocation_items SET taken_down_at = $2, outcome = 'diturunkan' WHERE id = ANY ($1::uuid[])`,
        [ids.map((r) => r.id), new Date('2026-08-20T09:30:00+07:00')],
      ),
    );
    await recompute();
    const tanggul = await levelOf(TANGGUL);
    expect(tanggul.factors[0]).toMatchObject({ code: 'konten_provokatif', points: 0.5 });
    expect(tanggul.factors[0]?.text).toBe('1 konten provokatif beredar di Kec. Tanggul dalam 48 jam');
  });

  it('reports the backtest with and without the factor', async () => {
    const both = await runBacktestBoth(t.db, { from: '2026-08-10', to: '2026-08-20' });
    const raised = (r: typeof both.withContent) =>
      r.rows.filter((row) => row.level !== 'normal').reduce((sum, row) => sum + row.regionDays, 0);
    // 19 Aug: three items seen in Tanggul (taken down only on the 20th); 20 Aug: the kecamatan keeps Waspada.
    expect(raised(both.withContent)).toBeGreaterThan(0);
    expect(raised(both.withoutContent)).toBe(0);
    const text = formatContentComparison(both).join('\n');
    expect(text).toContain('Faktor konten provokatif');
    expect(text).toMatch(/waspada\s+[1-9]\d*\/0/);
  });
});
