import { describe, expect, it } from 'vitest';
import { createDesaIndex } from './desa-match.ts';
import {
  findRepeatedRows,
  mapHeaders,
  mergeImportRow,
  type ReadingContext,
  readDate,
  readRow,
  type SheetCell,
} from './pillar-import-rules.ts';

const context: ReadingContext = {
  isKecamatan: (code) => code === '35.10.05',
  desa: createDesaIndex([
    { code: '35.10.05.2009', name: 'Kedungringin', kecamatanCode: '35.10.05', kecamatanName: 'Muncar' },
  ]),
  types: [
    { code: 'tagana', label: 'Tagana (Taruna Siaga Bencana)' },
    { code: 'pordam', label: 'Pordam (Pelopor Perdamaian)' },
  ],
  skills: [
    { code: 'evakuasi', label: 'Evakuasi' },
    { code: 'pertolongan_pertama', label: 'Pertolongan pertama' },
  ],
  defaultType: 'tagana',
};

const text = (value: string): SheetCell => ({ text: value, isNumber: false });
/** Reads row 4 of a roster, of these cells (plain text where a string is given), against the context above. */
const read = (cells: Record<string, string | SheetCell>) =>
  readRow(
    {
      row: 4,
      cells: Object.fromEntries(
        Object.entries(cells).map(([field, value]) => [
          field,
          typeof value === 'string' ? text(value) : value,
        ]),
      ),
    },
    context,
  );

describe('reading a roster row', () => {
  it('finds the columns by the titles people use', () => {
    expect(mapHeaders(['No', 'Nama Lengkap', 'No. KTP', 'No HP/WA', 'Desa/Kel.', 'Kec.'])).toEqual({
      name: 1,
      nik: 2,
      phone: 3,
      desa: 4,
      kecamatan: 5,
    });
    expect(mapHeaders(['DAFTAR ANGGOTA TAGANA'])).toBeUndefined();
  });

  it('turns a good row into a registry entry', () => {
    const reading = read({
      name: 'SITI AMINAH',
      nik: '3510054207900003',
      phone: '0813-3456-7802',
      desa: 'Ds. Kedungringin',
      skills: 'Evakuasi, P3K, Menyelam',
      training: 'Diklat Tagana Dasar',
      trainingDate: '21/08/2023',
      type: 'Pelopor Perdamaian',
    });
    expect(reading).toEqual({
      ok: true,
      candidate: {
        name: 'Siti Aminah',
        nameKey: 'siti aminah',
        nik: '3510054207900003',
        phone: '+6281334567802',
        pillarType: 'pordam',
        homeRegionCode: '35.10.05.2009',
        skills: ['evakuasi', 'pertolongan_pertama'],
        trainings: [{ name: 'Diklat Tagana Dasar', date: '2023-08-21', certificateNumber: null }],
        status: 'aktif',
      },
      warnings: [
        expect.objectContaining({ code: 'skill_unknown', message: expect.stringContaining('Menyelam') }),
      ],
    });
  });

  it('refuses a NIK from a number cell, whatever its digits', () => {
    const reading = read({
      name: 'Eko',
      nik: { text: '3510050909880000', isNumber: true },
      desa: 'Kedungringin',
    });
    expect(reading).toMatchObject({ ok: false, problems: [{ code: 'nik_numeric_cell', field: 'nik' }] });
  });

  it('reads a phone from a number cell, with a warning', () => {
    const reading = read({
      name: 'Sholeh',
      phone: { text: '81234567806', isNumber: true },
      desa: 'Kedungringin',
    });
    expect(reading).toMatchObject({
      ok: true,
      candidate: { phone: '+6281234567806' },
      warnings: [{ code: 'phone_numeric_cell' }],
    });
  });

  it('lists every problem of a bad row', () => {
    const reading = read({
      name: 'Nur',
      nik: '351005570695000',
      phone: '0812-345',
      desa: 'Sukamakmur',
      status: 'cuti',
      type: 'Linmas',
    });
    expect(reading.ok).toBe(false);
    expect(reading.ok ? [] : reading.problems.map((p) => p.code)).toEqual([
      'nik_length',
      'phone_invalid',
      'type_unknown',
      'desa_unknown',
      'status_unknown',
    ]);
  });

  it('reads dates as Indonesians write them', () => {
    expect(readDate(text('2023-05-12'))).toBe('2023-05-12');
    expect(readDate(text('12/05/2023'))).toBe('2023-05-12');
    expect(readDate(text('12 Mei 2023'))).toBe('2023-05-12');
    expect(readDate(text('3 Agustus 2024'))).toBe('2024-08-03');
    expect(readDate(text('31/02/2023'))).toBeUndefined();
    expect(readDate(text(''))).toBeNull();
  });
});

describe('the same person twice', () => {
  it('finds repeats by NIK, or by phone and name', () => {
    const repeats = findRepeatedRows([
      { row: 4, candidate: { nik: '3510051403860001', phone: '+6281234567801', nameKey: 'agus setiawan' } },
      { row: 5, candidate: { nik: null, phone: '+6281234567801', nameKey: 'agus setiawan' } },
      { row: 6, candidate: { nik: '3510051403860001', phone: null, nameKey: 'agus' } },
      { row: 7, candidate: { nik: null, phone: '+6281234567801', nameKey: 'siti aminah' } },
    ]);
    expect([...repeats]).toEqual([
      [5, 4],
      [6, 4],
    ]);
  });

  it('merges a row into an existing pillar without removing what the registry knows', () => {
    const existing = {
      name: 'Agus Setiawan',
      nameKey: 'agus setiawan',
      phone: '+6281234567801',
      pillarType: 'tagana',
      homeRegionCode: '35.10.05.2001',
      skills: ['mediasi'],
      trainings: [{ name: 'Diklat Tagana Dasar', date: '2022-05-12', certificateNumber: '112' }],
      status: 'aktif' as const,
      hasNik: true,
    };
    const same = { ...existing, nik: '3510051403860001' };
    expect(mergeImportRow(existing, { ...same, skills: [], trainings: [] })).toEqual({
      changes: {},
      fields: [],
    });
    const merged = mergeImportRow(existing, {
      ...same,
      phone: null,
      skills: ['evakuasi'],
      trainings: [{ name: 'diklat tagana  dasar', date: '2022-05-12', certificateNumber: null }],
    });
    expect(merged).toEqual({ changes: { skills: ['mediasi', 'evakuasi'] }, fields: ['skills'] });
  });
});
