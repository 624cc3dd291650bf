import { describe, expect, it } from 'vitest';
import { findPersonalData, findPersonalDataIn, namePatterns } from './personal-data.ts';

describe('personal data in a lesson', () => {
  it('finds a NIK, written whole or grouped', () => {
    expect(findPersonalDataIn('situation', 'NIK 3509061208900001 milik ketua ranting')).toEqual([
      { field: 'situation', kind: 'nik', match: '3509061208900001' },
    ]);
    expect(findPersonalDataIn('x', 'nik: 350906 120890 0001').map((w) => w.kind)).toEqual(['nik']);
    expect(findPersonalDataIn('x', 'nomor 35090612089000011 (17 digit)')).toEqual([]);
  });

  it('finds mobile and fixed phone numbers in the ways people write them', () => {
    for (const phone of [
      '0812-3456-7890',
      '+62 812 3456 7890',
      '6281234567890',
      '(0331) 487 123',
      '0331-487123',
    ]) {
      expect(findPersonalDataIn('x', `hubungi ${phone} segera`).map((w) => w.kind)).toEqual(['phone']);
    }
    expect(findPersonalDataIn('x', 'Tanggal 2024-07-14, 3 desa, 237 relawan, 10.000 sahabat tagana')).toEqual(
      [],
    );
  });

  it("finds a child's name from the linked case, whole or by its longer parts, ignoring case", () => {
    const names = ['Dimas Pratama'];
    expect(findPersonalDataIn('x', 'dimas pratama dirujuk ke LDP', names).map((w) => w.match)).toEqual([
      'dimas pratama',
      'dimas',
      'pratama',
    ]);
    expect(findPersonalDataIn('x', 'Anak bernama Dimas ikut mengungsi', names)).toEqual([
      { field: 'x', kind: 'child_name', match: 'Dimas' },
    ]);
    expect(findPersonalDataIn('x', 'Pendampingan anak oleh TKSK', names)).toEqual([]);
    expect(namePatterns('  Ani  Lestari ')).toEqual(['Ani Lestari', 'Lestari']);
  });

  it('checks every field and the tags', () => {
    const warnings = findPersonalData({
      title: 'Konvoi pengesahan',
      worked: 'telp 081234567890',
      tags: ['0812 3456 789'],
    });
    expect(warnings.map((w) => [w.field, w.kind])).toEqual([
      ['worked', 'phone'],
      ['tags', 'phone'],
    ]);
  });
});
