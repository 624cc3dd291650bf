import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedLines, SAMPLE_FILE, writeRoster } from '../../../../scripts/make-pillars-sample.ts';
import { DomainError } from '../../platform/errors.ts';
import { readRoster, readRosterOffThread } from './pillars-roster.ts';

describe('reading a roster file', () => {
  it('finds the header below the title and reads NIK and phone as text, marking number cells', async () => {
    const rows = await readRoster(readFileSync(SAMPLE_FILE), 'xlsx');
    expect(rows).toHaveLength(40);
    expect(rows[0]).toMatchObject({
      row: 4,
      cells: {
        name: { text: 'Agus Setiawan' },
        nik: { text: '3510051403860001', isNumber: false },
        trainingDate: { date: '2022-05-12' },
      },
    });
    const eko = rows.find((row) => row.row === 8);
    expect(eko?.cells.nik).toEqual({ text: '3510070909880010', isNumber: true }); // typed …0007, rounded by Excel
    expect(rows.find((row) => row.row === 9)?.cells.phone).toEqual({ text: '81234567806', isNumber: true });
  });

  it('reads a CSV as text and marks a NIK that a spreadsheet already turned into 3.51005E+15', async () => {
    const csv = Buffer.from(
      '\uFEFFNama;NIK;No HP\r\nEko;3.51005E+15;081234567805\r\nSiti;3510054207900003;0813\r\n',
    );
    const rows = await readRoster(csv, 'csv');
    expect(rows.map((row) => [row.row, row.cells.nik])).toEqual([
      [2, { text: '3.51005E+15', isNumber: true }],
      [3, { text: '3510054207900003', isNumber: false }],
    ]);
  });

  it('reads a large file in a worker thread with the same result, and the same refusals', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-roster-'));
    const file = path.join(dir, 'besar.xlsx');
    await writeRoster(file, generatedLines(1200, 3), { title: 'Uji' });
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    expect(await readRosterOffThread(bytes, 'xlsx')).toEqual(await readRoster(bytes, 'xlsx'));
    const garbage = Buffer.alloc(100 * 1024, 7);
    await expect(readRosterOffThread(garbage, 'xlsx')).rejects.toBeInstanceOf(DomainError);
  });
});
