import { describe, expect, it } from 'vitest';
import { checkNik, maskNik, maskPhone, nameKey, normalizePhone, tidyName } from './pillar-identity.ts';

const kecamatan = new Set(['35.10.05', '35.09.06']);
const isKecamatan = (code: string) => kecamatan.has(code);

describe('NIK', () => {
  it('accepts 16 digits whose first six are a kecamatan of Jawa Timur, ignoring spaces and Excel’s apostrophe', () => {
    expect(checkNik("'3510 0514 0386 0001", isKecamatan)).toEqual({ ok: true, nik: '3510051403860001' });
  });

  it('names the problem: letters, the wrong length, an unknown region', () => {
    expect(checkNik('35100514O3860001', isKecamatan)).toMatchObject({ ok: false, problem: 'nik_not_digits' });
    expect(checkNik('351005140386000', isKecamatan)).toMatchObject({
      ok: false,
      problem: 'nik_length',
      message: expect.stringContaining('15 digit'),
    });
    expect(checkNik('3599011508850003', isKecamatan)).toMatchObject({
      ok: false,
      problem: 'nik_region_unknown',
    });
    expect(checkNik('3374011508850003', isKecamatan)).toMatchObject({
      ok: false,
      problem: 'nik_region_unknown',
    });
  });

  it('masks all but the region digits and the last two', () => {
    expect(maskNik('3510051403860001')).toBe('************0001');
  });
});

describe('phone', () => {
  it('normalises the ways people write a number to +62', () => {
    for (const written of [
      '0812-3456-7801',
      '081234567801',
      '62 812 3456 7801',
      '+62 812-3456-7801',
      '81234567801',
    ]) {
      expect(normalizePhone(written)).toBe('+6281234567801');
    }
    expect(normalizePhone('(0333) 424-567')).toBe('+62333424567');
  });

  it('refuses what cannot be a phone number', () => {
    expect(normalizePhone('0812-345')).toBeUndefined();
    expect(normalizePhone('08123456789012345')).toBeUndefined();
    expect(normalizePhone('hp rusak')).toBeUndefined();
  });

  it('masks the middle of a phone number', () => {
    expect(maskPhone('+6281234567801')).toBe('+62812*****801');
  });
});

describe('names', () => {
  it('gives a name written in capitals ordinary capitals and leaves others alone', () => {
    expect(tidyName('  MOCH.  SHOLEH ')).toBe('Moch. Sholeh');
    expect(tidyName('Siti binti Ahmad')).toBe('Siti binti Ahmad');
  });

  it('lets old spellings, doubled letters and the ways of writing Muhammad meet', () => {
    expect(nameKey('MOCH. SOEPARMAN')).toBe(nameKey('Muhammad Suparman'));
    expect(nameKey('M. Abdullah')).toBe(nameKey('Mohammad Abdulah'));
    expect(nameKey('Djoko Tjahjono')).toBe(nameKey('Joko Cahjono'));
    expect(nameKey('Siti Aminah')).not.toBe(nameKey('Siti Amina Rahayu'));
  });
});
