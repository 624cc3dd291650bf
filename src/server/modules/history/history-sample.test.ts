import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHistoryDate, suggestMapping } from '../../../shared/history/history-rules.ts';
import { HistoryPlan } from '../../../shared/history/history-schema.ts';
import { readRows } from './history-rows.ts';
import { readHistorySheet } from './history-sheet.ts';
import { ARCHIVE_MAPPING } from './history-test-helpers.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../test/fixtures/history-sample.csv');

describe('the sample file of past incidents', () => {
  it('is read whole with the suggested mapping: 200 rows, every place and date found, types mapped', async () => {
    const sheet = await readHistorySheet(readFileSync(SAMPLE), 'csv');
    const mapping = suggestMapping(sheet.headers);
    expect(mapping).toEqual({ ...ARCHIVE_MAPPING, groups: 'Kelompok' });
    const rows = readRows(sheet, HistoryPlan.parse({ mapping }), new Date('2026-01-01T00:00:00Z'));
    expect(rows).toHaveLength(200);
    expect(
      rows
        .filter((r) => r.reading.problems.length > 0 || !r.reading.place)
        .map((r) => [r.reading.placeText, r.reading.problems, r.reading.candidates.map((c) => c.code)]),
    ).toEqual([]);
    expect(rows.every((r) => r.reading.place?.level === 'kecamatan')).toBe(true);
    // The source's words fall on Sigap's types; "Carok" and "Bonek vs Aremania" need the user's table.
    const types = new Map(rows.map((r) => [r.reading.sourceType, r.reading.conflictType]));
    expect(types.get('Bentrok PSHT')).toBe('antar_perguruan_silat');
    expect(types.get('Tawuran suporter')).toBe('antar_suporter');
    expect(types.get('Sengketa tanah')).toBe('sengketa_lahan_sda');
    // The same rows give the same report ids: a file imported twice stores nothing twice.
    const again = readRows(sheet, HistoryPlan.parse({ mapping }), new Date('2026-01-01T00:00:00Z'));
    expect(again.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(new Set(rows.map((r) => r.id)).size).toBe(200);
  });

  it('reads dates as Indonesian lists write them, and refuses impossible or future days', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseHistoryDate('2021-03-12', now)).toBe('2021-03-12T12:00:00+07:00');
    expect(parseHistoryDate('12/03/2021 19.30', now)).toBe('2021-03-12T19:30:00+07:00');
    expect(parseHistoryDate('5-8-2020', now)).toBe('2020-08-05T12:00:00+07:00');
    expect(parseHistoryDate('17 Agustus 2019', now)).toBe('2019-08-17T12:00:00+07:00');
    expect(parseHistoryDate('29/02/2023', now)).toBeNull();
    expect(parseHistoryDate('2027-01-01', now)).toBeNull();
    expect(parseHistoryDate('kemarin', now)).toBeNull();
  });
});
