import { describe, expect, it } from 'vitest';
import { areaTarget, compareNeed, computeCoverage, type GapItem } from './coverage.ts';

const TAGANA = [{ areaLevel: 'kecamatan' as const, perArea: 5 }];
const SAHABAT = [{ areaLevel: 'desa' as const, perArea: 1 }];

describe('coverage targets', () => {
  it('multiplies a per-area target by the areas of that level inside', () => {
    expect(areaTarget('kabkota', { kabkota: 1, kecamatan: 25, desa: 217 }, TAGANA)).toBe(125);
    expect(areaTarget('kecamatan', { kecamatan: 1, desa: 10 }, SAHABAT)).toBe(10);
  });

  it('has no target for areas smaller than the rule’s level', () => {
    expect(areaTarget('desa', { desa: 1 }, TAGANA)).toBeNull();
  });

  it('gives each child its target and gap, and the area its totals', () => {
    const reply = computeCoverage(
      { level: 'kabkota', counts: { kabkota: 1, kecamatan: 3, desa: 30 } },
      [
        {
          regionCode: '35.10.01',
          name: 'Pesanggaran',
          level: 'kecamatan',
          counts: { kecamatan: 1, desa: 10 },
          active: 7,
        },
        {
          regionCode: '35.10.02',
          name: 'Bangorejo',
          level: 'kecamatan',
          counts: { kecamatan: 1, desa: 10 },
          active: 2,
        },
        {
          regionCode: '35.10.03',
          name: 'Purwoharjo',
          level: 'kecamatan',
          counts: { kecamatan: 1, desa: 10 },
          active: 0,
        },
      ],
      TAGANA,
    );
    expect(reply.items.map((item) => [item.active, item.target, item.gap])).toEqual([
      [7, 5, 0],
      [2, 5, 3],
      [0, 5, 5],
    ]);
    // the surplus in Pesanggaran does not fill Bangorejo's gap
    expect(reply.total).toEqual({ active: 9, target: 15, gap: 8 });
  });

  it('shows a kecamatan rule at the kecamatan total when its children are desa', () => {
    const reply = computeCoverage(
      { level: 'kecamatan', counts: { kecamatan: 1, desa: 2 } },
      [
        { regionCode: '35.10.01.2001', name: 'Sarongan', level: 'desa', counts: { desa: 1 }, active: 1 },
        { regionCode: '35.10.01.2002', name: 'Pesanggaran', level: 'desa', counts: { desa: 1 }, active: 0 },
      ],
      [{ areaLevel: 'kecamatan', perArea: 3 }],
    );
    expect(reply.items.every((item) => item.target === null && item.gap === null)).toBe(true);
    expect(reply.total).toEqual({ active: 1, target: 3, gap: 2 });
  });

  it('sums a Bakorwil from its kab/kota', () => {
    const reply = computeCoverage(
      { level: 'bakorwil', counts: {} },
      [
        {
          regionCode: '35.09',
          name: 'Jember',
          level: 'kabkota',
          counts: { kabkota: 1, kecamatan: 31 },
          active: 20,
        },
        {
          regionCode: '35.10',
          name: 'Banyuwangi',
          level: 'kabkota',
          counts: { kabkota: 1, kecamatan: 25 },
          active: 30,
        },
      ],
      [{ areaLevel: 'kecamatan', perArea: 1 }],
    );
    expect(reply.total).toEqual({ active: 50, target: 56, gap: 11 });
  });
});

describe('need order', () => {
  const gap = (
    regionCode: string,
    value: number,
    recentReports: number,
    lastReportAt: string | null = null,
  ): GapItem => ({
    regionCode,
    name: regionCode,
    active: 0,
    target: value,
    gap: value,
    recentReports,
    lastReportAt,
  });

  it('puts areas with recent reports first, largest shortfall first within them', () => {
    const sorted = [
      gap('a', 5, 0),
      gap('b', 1, 4, '2026-08-01T10:00:00+07:00'),
      gap('c', 3, 1, '2026-08-20T10:00:00+07:00'),
      gap('d', 3, 2, '2026-07-01T10:00:00+07:00'),
      gap('e', 2, 0),
    ].sort(compareNeed);
    expect(sorted.map((item) => item.regionCode)).toEqual(['d', 'c', 'b', 'a', 'e']);
  });
});
