import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { mapHeaders, type SheetCell, type SheetRow } from '../../../shared/pillars/pillar-import-rules.ts';
import { csvText } from '../../platform/csv-text.ts';
import { DomainError, type ErrorCode } from '../../platform/errors.ts';

const MAX_ROWS = 50_000;

export type RosterFormat = 'xlsx' | 'csv';

/** Content types the import accepts, and the format each means. */
export const ROSTER_CONTENT_TYPES: Record<string, RosterFormat> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.ms-excel': 'csv',
};

const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

/** A cell's text, whether the sheet stored it as a number, and its date when it is one. */
function readCell(cell: ExcelJS.Cell): SheetCell {
  let value = cell.value as unknown;
  if (value && typeof value === 'object' && 'result' in value) value = (value as { result: unknown }).result;
  if (value === null || value === undefined) return { text: '', isNumber: false };
  if (typeof value === 'number') return { text: String(value), isNumber: true };
  if (value instanceof Date)
    return {
      text: value.toISOString().slice(0, 10),
      isNumber: false,
      date: value.toISOString().slice(0, 10),
    };
  if (typeof value === 'object' && 'richText' in value) {
    return {
      text: (value as { richText: { text: string }[] }).richText.map((part) => part.text).join(''),
      isNumber: false,
    };
  }
  if (typeof value === 'object' && 'text' in value)
    return { text: String((value as { text: unknown }).text), isNumber: false };
  const text = String(value);
  // A CSV saved from a number column shows 16-digit NIKs as 3.51005E+15: the digits are already lost.
  return { text, isNumber: SCIENTIFIC.test(text.trim()) };
}

/**
 * Reads a roster: the first sheet, the header row (the first of the top ten rows with a name column), then
 * every non-empty row below it. NIK and phone are read as text; a cell stored as a number is marked.
 */
export async function readRoster(file: Buffer, format: RosterFormat): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  // Read before the parsers, so a file that is not UTF-8 is told as such.
  const text = format === 'xlsx' ? '' : csvText(file);
  try {
    if (format === 'xlsx') {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else {
      const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
      const delimiter =
        (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
      sheet = await workbook.csv.read(Readable.from([text]), {
        map: (value: unknown) => value,
        parserOptions: { delimiter },
      } as Partial<ExcelJS.CsvReadOptions> as ExcelJS.CsvReadOptions);
    }
  } catch {
    throw new DomainError('validation_failed', 'Berkas tidak dapat dibaca sebagai XLSX atau CSV');
  }
  if (!sheet) throw new DomainError('validation_failed', 'Berkas tidak berisi lembar kerja');

  let columns: ReturnType<typeof mapHeaders>;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (!columns) {
      if (rowNumber > 10) return;
      const titles: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        titles[column - 1] = readCell(cell).text;
      });
      columns = mapHeaders(Array.from(titles, (title) => title ?? ''));
      return;
    }
    const cells: SheetRow['cells'] = {};
    let isEmpty = true;
    for (const [field, index] of Object.entries(columns) as [keyof SheetRow['cells'], number][]) {
      const cell = readCell(row.getCell(index + 1));
      if (cell.text.trim() !== '') isEmpty = false;
      cells[field] = cell;
    }
    if (!isEmpty) rows.push({ row: rowNumber, cells });
  });
  if (!columns) {
    throw new DomainError(
      'validation_failed',
      'Baris judul tidak ditemukan: perlu kolom "Nama" (dan NIK, No HP, Desa …)',
    );
  }
  if (rows.length > MAX_ROWS) {
    throw new DomainError('payload_too_large', `Paling banyak ${MAX_ROWS} baris per impor`);
  }
  return rows;
}

/** Files above this size are read in a worker thread, so a large roster does not hold up other requests. */
const WORKER_THRESHOLD_BYTES = 64 * 1024;

/**
 * Reads a roster like readRoster; a large file in a worker thread (exceljs parses synchronously for
 * seconds on tens of thousands of rows, and the server must keep answering meanwhile).
 */
export async function readRosterOffThread(file: Buffer, format: RosterFormat): Promise<SheetRow[]> {
  if (file.length < WORKER_THRESHOLD_BYTES) return readRoster(file, format);
  const worker = new Worker(new URL('./pillars-roster-worker.ts', import.meta.url), {
    workerData: { file, format },
  });
  type Reply = { rows: SheetRow[] } | { error: { code: ErrorCode; message: string } | null };
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`roster worker exited with ${code}`)));
    });
    if ('rows' in reply) return reply.rows;
    if (reply.error) throw new DomainError(reply.error.code, reply.error.message);
    throw new Error('roster worker failed');
  } finally {
    await worker.terminate();
  }
}
