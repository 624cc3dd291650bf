// Reads an uploaded spreadsheet of past incidents: the first sheet of an XLSX, or a CSV (comma or semicolon,
// with or without a BOM), as its header row and every non-empty row below it, each cell as text.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { csvText } from '../../platform/csv-text.ts';
import { DomainError } from '../../platform/errors.ts';

/** Rows one import takes at most. */
export const MAX_HISTORY_ROWS = 100_000;
/** The largest file accepted. */
export const MAX_HISTORY_BYTES = 30 * 1024 * 1024;

export type HistoryFormat = 'csv' | 'xlsx';
export type Sheet = { headers: string[]; rows: string[][] };

/** Content types the upload accepts. */
export const HISTORY_CONTENT_TYPES: Record<string, HistoryFormat> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.ms-excel': 'csv',
};

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(value: ExcelJS.CellValue): string {
  let v = value as unknown;
  if (v && typeof v === 'object' && 'result' in v) v = (v as { result: unknown }).result;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // exceljs gives a date cell as UTC midnight of the day written; a time of day kept when there is one
    const day = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const time =
      v.getUTCHours() || v.getUTCMinutes() ? ` ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}` : '';
    return day + time;
  }
  if (typeof v === 'object' && 'richText' in v) {
    return (v as { richText: { text: string }[] }).richText.map((part) => part.text).join('');
  }
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return String(v);
}

function finish(all: string[][]): Sheet {
  const nonEmpty = all.filter((row) => row.some((cell) => cell.trim() !== ''));
  const [head, ...rows] = nonEmpty;
  if (!head) throw new DomainError('validation_failed', 'Berkas kosong: tidak ada baris judul');
  const headers = head.map((h, i) => h.trim() || `Kolom ${i + 1}`);
  if (new Set(headers).size !== headers.length) {
    throw new DomainError('validation_failed', 'Judul kolom ada yang sama; beri nama yang berbeda');
  }
  if (rows.length > MAX_HISTORY_ROWS) {
    throw new DomainError('payload_too_large', `Paling banyak ${MAX_HISTORY_ROWS} baris per impor`);
  }
  return { headers, rows };
}

/** The header row and the rows of a file; 422 when it cannot be read. */
export async function readHistorySheet(file: Buffer, format: HistoryFormat): Promise<Sheet> {
  if (format === 'csv') {
    const text = csvText(file);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, delimitersToGuess: [',', ';', '\t'] });
    if (parsed.data.length === 0) throw new DomainError('validation_failed', 'Berkas CSV kosong');
    return finish(parsed.data.map((row) => row.map((cell) => String(cell ?? ''))));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('validation_failed', 'Berkas tidak dapat dibaca sebagai XLSX');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DomainError('validation_failed', 'Berkas tidak berisi lembar kerja');
  const all: string[][] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    if (n === 1 || all.length === 0) width = cells.length;
    all.push(Array.from({ length: Math.max(width, cells.length) }, (_, i) => cells[i] ?? ''));
  });
  return finish(all);
}
