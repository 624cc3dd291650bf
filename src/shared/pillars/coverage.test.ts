import { describe, expect, it } from 'vitest';
import {
  type AreaCounts,
  type AreaLevel,
  areaTarget,
  type CoverageArea,
  compareNeed,
  computeCoverage,
  type GapItem,
} from './coverage.ts';

const TAGANA = [{ areaLevel: 'kecamatan' as const, perArea: 5 }];
const SAHABAT = [{ areaLevel: 'desa' as const, perArea: 1 }];

/** A child area with the areas it holds and its active pillars. */
const area = (
  regionCode: string,
  name: string,
  level: AreaLevel,
  counts: AreaCounts,
  active: number,
): CoverageArea => ({ regionCode, name, level, counts, active });

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
        area('35.10.01', 'Pesanggaran', 'kecamatan', { kecamatan: 1, desa: 10 }, 7),
        area('35.10.02', 'Bangorejo', 'kecamatan', { kecamatan: 1, desa: 10 }, 2),
        area('35.10.03', 'Purwoharjo', 'kecamatan', { kecamatan: 1, desa: 10 }, 0),
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
        area('35.10.01.2001', 'Sarongan', 'desa', { desa: 1 }, 1),
        area('35.10.01.2002', 'Pesanggaran', 'desa', { desa: 1 }, 0),
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
        area('35.09', 'Jember', 'kabkota', { kabkota: 1, kecamatan: 31 }, 20),
        area('35.10', 'Banyuwangi', 'kabkota', { kabkota: 1, kecamatan: 25 }, 30),
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
