import { describe, expect, it } from 'vitest';
import * as codes from './region-codes.ts';
import { KabkotaCode, ProvinceOrKabkotaCode } from './regions.ts';

const DESA = '35.09.06.2002'; // Tanggulwetan, Kec. Tanggul, Kab. Jember
const KELURAHAN = '35.78.01.1001';

describe('region codes', () => {
  it('reads the level of each code from its shape', () => {
    expect(['35', '35.09', '35.09.06', DESA].map(codes.levelOfCode)).toEqual([
      'provinsi',
      'kabkota',
      'kecamatan',
      'desa',
    ]);
  });

  it('finds the kab/kota, the kecamatan and the parent of a code, and nothing above the province', () => {
    expect([codes.kabkotaOf(DESA), codes.kecamatanOf(DESA), codes.parentOf(DESA)]).toEqual([
      '35.09',
      '35.09.06',
      '35.09.06',
    ]);
    expect([codes.kabkotaOf('35.09'), codes.kecamatanOf('35.09'), codes.parentOf('35.09')]).toEqual([
      '35.09',
      undefined,
      '35',
    ]);
    expect([codes.kabkotaOf('35'), codes.kecamatanOf('35'), codes.parentOf('35')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(codes.areasOf(DESA)).toEqual(['35.09.06', '35.09']);
    expect(codes.areasOf('35.09')).toEqual(['35.09']);
    expect(codes.ancestorCodes(DESA)).toEqual(['35', '35.09', '35.09.06']);
  });

  it('tells a level and those above it from those below it', () => {
    expect(codes.isAtOrAbove('35', 'kabkota')).toBe(true);
    expect(codes.isAtOrAbove('35.09', 'kabkota')).toBe(true);
    expect(codes.isAtOrAbove('35.09.06', 'kabkota')).toBe(false);
    expect(codes.isAtOrAbove(DESA, 'kecamatan')).toBe(false);
    expect(codes.isWithin(DESA, '35.09')).toBe(true);
    expect(codes.isWithin('35.090', '35.09')).toBe(false);
  });

  it('tells a kelurahan (desa part 1xxx) from a desa (2xxx)', () => {
    expect(codes.isKelurahan(KELURAHAN)).toBe(true);
    expect(codes.isKelurahan(DESA)).toBe(false);
    expect(codes.isKelurahan('35.78.01')).toBe(false);
  });

  it('accepts only a kab/kota, or the province or a kab/kota, where a form asks for one', () => {
    expect(KabkotaCode.safeParse('35.09').success).toBe(true);
    expect(KabkotaCode.safeParse('35.09.06').success).toBe(false);
    expect(KabkotaCode.safeParse('35').success).toBe(false);
    expect(ProvinceOrKabkotaCode.safeParse('35').success).toBe(true);
    expect(ProvinceOrKabkotaCode.safeParse('35.09').success).toBe(true);
    expect(ProvinceOrKabkotaCode.safeParse(DESA).success).toBe(false);
  });
});
