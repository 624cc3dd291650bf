import { describe, expect, it } from 'vitest';
import { createDesaIndex, desaKey, editDistance } from './desa-match.ts';

const desa = createDesaIndex([
  { code: '35.09.06.2001', name: 'Tanggulkulon', kecamatanCode: '35.09.06', kecamatanName: 'Tanggul' },
  { code: '35.09.06.2002', name: 'Tanggulwetan', kecamatanCode: '35.09.06', kecamatanName: 'Tanggul' },
  { code: '35.10.05.2009', name: 'Kedungringin', kecamatanCode: '35.10.05', kecamatanName: 'Muncar' },
  { code: '35.10.05.2007', name: 'Wringinputih', kecamatanCode: '35.10.05', kecamatanName: 'Muncar' },
  { code: '35.10.23.2003', name: 'Tamansari', kecamatanCode: '35.10.23', kecamatanName: 'Tegalsari' },
  { code: '35.10.24.2008', name: 'Tamansari', kecamatanCode: '35.10.24', kecamatanName: 'Licin' },
  { code: '35.10.16.1001', name: 'Pakis', kecamatanCode: '35.10.16', kecamatanName: 'Banyuwangi' },
]);

describe('desa names as rosters write them', () => {
  it('matches whatever the case, spacing or prefix', () => {
    for (const written of ['Ds. Tanggul Wetan', 'TANGGULWETAN', 'desa tanggul-wetan', 'Ds Tanggulwetan']) {
      expect(desa.match(written)).toEqual({
        kind: 'found',
        code: '35.09.06.2002',
        name: 'Tanggulwetan',
        exact: true,
      });
    }
    expect(desa.match('Kel. Pakis')).toMatchObject({ code: '35.10.16.1001', exact: true });
    expect(desa.match('Ds. Kedungringin')).toMatchObject({ code: '35.10.05.2009' });
  });

  it('takes a code, with or without dots', () => {
    expect(desa.match('35.10.05.2009')).toMatchObject({ kind: 'found', code: '35.10.05.2009' });
    expect(desa.match('3510052009')).toMatchObject({ kind: 'found', code: '35.10.05.2009' });
    expect(desa.match('35.10.05.2999')).toEqual({ kind: 'unknown' });
  });

  it('settles namesakes with the kecamatan, and says when it cannot', () => {
    expect(desa.match('Tamansari', 'Kec. Licin')).toMatchObject({ kind: 'found', code: '35.10.24.2008' });
    expect(desa.match('Tamansari')).toEqual({ kind: 'ambiguous', codes: ['35.10.23.2003', '35.10.24.2008'] });
  });

  it('reads a slip in a long name as the one desa that close, marked inexact', () => {
    expect(desa.match('Wringin Puteh')).toEqual({
      kind: 'found',
      code: '35.10.05.2007',
      name: 'Wringinputih',
      exact: false,
    });
    expect(desa.match('Pakus')).toEqual({ kind: 'unknown' }); // short names must be exact
    expect(desa.match('Sukamakmur')).toEqual({ kind: 'unknown' });
  });

  it('folds old spellings in keys', () => {
    expect(desaKey('Ds. Soemberdjo')).toBe(desaKey('Sumberjo'));
    expect(editDistance('tangulwetan', 'tangulwetn')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});
