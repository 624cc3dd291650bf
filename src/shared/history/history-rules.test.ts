import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../text-reader/gazetteer.ts';
import { readHistoryRow } from './history-rules.ts';
import type { HistoryPlan } from './history-schema.ts';

const gazetteer = buildGazetteer([
  { code: '35.09', name: 'Jember', level: 'kabkota' },
  { code: '35.09.06', name: 'Tanggul', level: 'kecamatan' },
  { code: '35.09.06.2002', name: 'Tanggulwetan', level: 'desa' },
]);

const plan: HistoryPlan = {
  mapping: {
    date: 'Tanggal',
    place: ['Desa'],
    injured: 'Luka',
    dead: 'Meninggal',
    displaced: 'Mengungsi',
  },
  typeMap: {},
  placeChoices: {},
  importDuplicates: false,
};

describe('a history row’s problems', () => {
  it('name a count that is no number by its Indonesian word, not by the field’s code', () => {
    const cells: Record<string, string> = {
      Tanggal: '12/03/2021',
      Desa: 'Tanggulwetan',
      Luka: 'banyak',
      Meninggal: 'dua',
      Mengungsi: 'belasan',
    };
    const row = readHistoryRow(
      2,
      (column) => (column ? (cells[column] ?? '') : ''),
      plan,
      gazetteer,
      new Date(),
    );
    expect(row.problems).toEqual([
      'jumlah luka bukan angka: "banyak"',
      'jumlah meninggal bukan angka: "dua"',
      'jumlah mengungsi bukan angka: "belasan"',
    ]);
  });
});
