import { describe, expect, it } from 'vitest';
import {
  ancestorCodes,
  areasOf,
  isAtOrAbove,
  isKelurahan,
  isWithin,
  kabkotaOf,
  kecamatanOf,
  levelOfCode,
  parentOf,
} from './region-codes.ts';
import { KabkotaCode, ProvinceOrKabkotaCode } from './regions.ts';

const DESA = '35.09.06.2002'; // Tanggulwetan, Kec. Tanggul, Kab. Jember
const KELURAHAN = '35.78.01.1001';

describe('region codes', () => {
  it('reads the level of each code from its shape', () => {
    expect(['35', '35.09', '35.09.06', DESA].map(levelOfCode)).toEqual([
      'provinsi',
      'kabkota',
      'kecamatan',
      'desa',
    ]);
  });

  it('finds the kab/kota, the kecamatan and the parent of a code, and nothing above the province', () => {
    expect([kabkotaOf(DESA), kecamatanOf(DESA), parentOf(DESA)]).toEqual(['35.09', '35.09.06', '35.09.06']);
    expect([kabkotaOf('35.09'), kecamatanOf('35.09'), parentOf('35.09')]).toEqual(['35.09', undefined, '35']);
    expect([kabkotaOf('35'), kecamatanOf('35'), parentOf('35')]).toEqual([undefined, undefined, undefined]);
    expect(areasOf(DESA)).toEqual(['35.09.06', '35.09']);
    expect(areasOf('35.09')).toEqual(['35.09']);
    expect(ancestorCodes(DESA)).toEqual(['35', '35.09', '35.09.06']);
  });

  it('tells a level and those above it from those below it', () => {
    expect(isAtOrAbove('35', 'kabkota')).toBe(true);
    expect(isAtOrAbove('35.09', 'kabkota')).toBe(true);
    expect(isAtOrAbove('35.09.06', 'kabkota')).toBe(false);
    expect(isAtOrAbove(DESA, 'kecamatan')).toBe(false);
    expect(isWithin(DESA, '35.09')).toBe(true);
    expect(isWithin('35.090', '35.09')).toBe(false);
  });

  it('tells a kelurahan (desa part 1xxx) from a desa (2xxx)', () => {
    expect(isKelurahan(KELURAHAN)).toBe(true);
    expect(isKelurahan(DESA)).toBe(false);
    expect(isKelurahan('35.78.01')).toBe(false);
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
