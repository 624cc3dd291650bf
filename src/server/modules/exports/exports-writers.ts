// The four file formats, each written page by page to a stream: nothing but the current page is held in memory.
// A CSV or HXL page may come as lines the database already wrote (the store's LINE_FIELD, decision 0047).
import type { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportColumn } from '../../../shared/exports/export-columns.ts';
import type { ExportFormat } from '../../../shared/exports/export-schema.ts';
import { type Centroids, columnPositions, csvCells, csvLine, placeOf, textOf } from './exports-rules.ts';
import { type ExportPage, LINE_FIELD } from './exports-store.ts';

/** Takes the rows page by page, then finishes the file. */
export type RowWriter = {
  rows(page: ExportPage): Promise<void>;
  end(): Promise<void>;
};

export type WriterOptions = {
  format: ExportFormat;
  title: string;
  columns: readonly ExportColumn[];
  delimiter: string;
  centroids: Centroids;
};

/** Waits until `out` takes more, or fails when it is closed (the client went away). */
export async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('export stream closed');
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', closed);
      resolve();
    };
    const closed = () => {
      out.off('drain', done);
      reject(new Error('export stream closed'));
    };
    out.on('drain', done);
    out.once('close', closed);
  });
}

/**
 * Waits until all written to `file` has moved through the pipe into `out` and `out` has taken it; fails when
 * `out` is closed. Each round first lets the pipe move what `file` holds (it does so on later ticks).
 */
export async function passedOn(file: PassThrough, out: Writable): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (out.destroyed) throw new Error('export stream closed');
    if (file.readableLength === 0 && file.writableLength === 0 && !out.writableNeedDrain) return;
    await drained(out);
  }
}

async function put(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new Error('export stream closed');
  out.write(chunk);
  await drained(out);
}

const BOM = '\uFEFF';
const WIB_MS = 7 * 3_600_000;

/** A value in its typed form for JSON and XLSX (times as WIB text in JSON). */
function jsonValue(column: ExportColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === 'datetime') return textOf('datetime', value);
  if (column.type === 'list') return Array.isArray(value) ? value : [value];
  return value;
}

function xlsxValue(column: ExportColumn, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  // Excel has no time zones: the cell holds the WIB wall time.
  if (column.type === 'datetime')
    return new Date((value instanceof Date ? value : new Date(String(value))).getTime() + WIB_MS);
  if (column.type === 'integer' || column.type === 'number') return Number(value);
  if (column.type === 'boolean') return Boolean(value);
  if (column.type === 'list') return textOf('list', value);
  return String(value);
}

const NUM_FMT: Partial<Record<ExportColumn['type'], string>> = {
  datetime: 'yyyy-mm-dd hh:mm:ss',
  integer: '#,##0',
  number: '0.00000',
};

const TYPE_NAMES: Record<ExportColumn['type'], string> = {
  text: 'teks',
  integer: 'bilangan bulat',
  number: 'angka',
  datetime: 'tanggal dan jam (WIB)',
  boolean: 'ya/tidak',
  list: 'daftar, dipisah koma',
};

/** Opens the writer of one format over `out`; the header is written at once. */
export async function openWriter(out: Writable, options: WriterOptions): Promise<RowWriter> {
  const { columns, delimiter } = options;
  if (options.format === 'csv' || options.format === 'hxl') {
    const header = csvCells(
      columns.map((c) => c.header),
      delimiter,
    );
    const tags =
      options.format === 'hxl'
        ? csvCells(
            columns.map((c) => c.hxl),
            delimiter,
          )
        : '';
    // The BOM tells Excel the file is UTF-8; HXL tools read plain UTF-8.
    await put(out, `${options.format === 'csv' ? BOM : ''}${header}${tags}`);
    return {
      async rows(page) {
        let chunk = '';
        const line = page.fields.indexOf(LINE_FIELD);
        if (line >= 0) {
          // Lines the database wrote (decision 0047).
          for (const row of page.rows) chunk += row[line] as string;
        } else {
          const at = columnPositions(columns, page.fields);
          for (const row of page.rows) chunk += csvLine(columns, at, row, delimiter);
        }
        if (chunk) await put(out, chunk);
      },
      async end() {
        out.end();
      },
    };
  }
  if (options.format === 'geojson') {
    await put(out, '{"type":"FeatureCollection","features":[\n');
    let first = true;
    return {
      async rows(page) {
        const at = columnPositions(columns, page.fields);
        const [latitude, longitude, regionCode] = ['latitude', 'longitude', 'regionCode'].map((name) =>
          page.fields.indexOf(name),
        );
        let chunk = '';
        for (const row of page.rows) {
          const properties: Record<string, unknown> = {};
          columns.forEach((column, i) => {
            properties[column.key] = jsonValue(column, at[i] < 0 ? undefined : row[at[i]]);
          });
          const place = placeOf(
            {
              latitude: latitude < 0 ? undefined : row[latitude],
              longitude: longitude < 0 ? undefined : row[longitude],
              regionCode: row[regionCode] as string,
            },
            options.centroids,
          );
          properties.geo_precision = place?.precision ?? null;
          const feature = {
            type: 'Feature',
            geometry: place ? { type: 'Point', coordinates: place.point } : null,
            properties,
          };
          chunk += `${first ? '' : ',\n'}${JSON.stringify(feature)}`;
          first = false;
        }
        if (chunk) await put(out, chunk);
      },
      async end() {
        out.end('\n]}\n');
      },
    };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Sigap';
  const sheet = workbook.addWorksheet(options.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.type === 'text' && (c.key === 'description' || c.key === 'title') ? 60 : 20,
    style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    async rows(page) {
      const at = columnPositions(columns, page.fields);
      for (const row of page.rows) {
        sheet.addRow(columns.map((c, i) => xlsxValue(c, at[i] < 0 ? undefined : row[at[i]]))).commit();
      }
      await drained(out);
    },
    async end() {
      sheet.commit();
      const about = workbook.addWorksheet('Kolom', { views: [{ state: 'frozen', ySplit: 1 }] });
      about.columns = [
        { header: 'Kolom', key: 'header', width: 32 },
        { header: 'Column (English)', key: 'english', width: 32 },
        { header: 'Jenis isi', key: 'type', width: 22 },
        { header: 'Tag HXL', key: 'hxl', width: 28 },
        { header: 'Keterangan', key: 'description', width: 80 },
      ];
      about.getRow(1).font = { bold: true };
      for (const c of columns) {
        about
          .addRow({
            header: c.header,
            english: c.english,
            type: TYPE_NAMES[c.type],
            hxl: c.hxl,
            description: c.description,
          })
          .commit();
      }
      about.commit();
      await workbook.commit();
    },
  };
}
