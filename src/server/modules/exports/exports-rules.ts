// Pure decisions of an export: how a value is written in a text file, where a record sits on a map and how
// precisely, what the file is called.
import type { ColumnType, ExportColumn } from '../../../shared/exports/export-columns.ts';
import type { ExportFormat, ExportKind } from '../../../shared/exports/export-schema.ts';
import { kabkotaOf, kecamatanOf } from '../../../shared/region-codes.ts';
import { toWibIso } from '../../../shared/time.ts';

/** A time read as WIB text, as the export store reads times (to the millisecond). */
const WIB_TEXT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+07:00$/;

/**
 * A value as text in CSV/HXL: times in WIB to the second, lists joined, yes/no in Indonesian, nothing for null.
 * A time comes as a Date, or as WIB text (`2026-08-22T21:30:00.123+07:00`, the store's reads), cut to the second.
 */
export function textOf(type: ColumnType, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (type === 'datetime') {
    if (typeof value === 'string' && WIB_TEXT.test(value)) return `${value.slice(0, 19)}+07:00`;
    return toWibIso(value instanceof Date ? value : new Date(String(value)));
  }
  if (type === 'boolean') return value ? 'ya' : 'tidak';
  if (type === 'list') return Array.isArray(value) ? value.join(', ') : String(value);
  return String(value);
}

/**
 * One CSV field: quoted when it holds the separator, a quote or a line break. A field a spreadsheet would run
 * as a formula (=, +, -, @ first, as in text typed by a reporter) gets a leading apostrophe, except numbers.
 */
export function csvField(text: string, delimiter: string): string {
  let out = text;
  if (/^[=+\-@\t\r]/.test(out) && !/^[+-]?\d+(\.\d+)?$/.test(out)) out = `'${out}`;
  if (out.includes(delimiter) || /["\r\n]/.test(out)) return `"${out.replace(/"/g, '""')}"`;
  return out;
}

/**
 * One CSV line of a row read as an array, ending with CRLF (RFC 4180): column `i` is `row[at[i]]` (nothing when
 * `at[i]` is -1). Built by appending, with no array of cells, as it runs once per row of a file of millions.
 */
export function csvLine(
  columns: readonly ExportColumn[],
  at: readonly number[],
  row: readonly unknown[],
  delimiter: string,
): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const text = textOf(columns[i].type, at[i] < 0 ? undefined : row[at[i]]);
    line += i === 0 ? csvField(text, delimiter) : delimiter + csvField(text, delimiter);
  }
  return `${line}\r\n`;
}

/** Where each column's value sits in a row read as an array named by `fields` (-1: not read). */
export function columnPositions(columns: readonly ExportColumn[], fields: readonly string[]): number[] {
  return columns.map((column) => fields.indexOf(column.key));
}

/** A line of fixed cells (the header, the HXL tags). */
export function csvCells(cells: readonly string[], delimiter: string): string {
  return `${cells.map((cell) => csvField(cell, delimiter)).join(delimiter)}\r\n`;
}

/** How precisely a GeoJSON point places its record. */
export type GeoPrecision = 'gps' | 'desa' | 'kecamatan' | 'kab-kota';

type Position = [number, number];
type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** The area-weighted centroid of a polygon's or multipolygon's outer rings (lon, lat), rounded to 5 places. */
export function centroidOf(geometry: Geometry): Position | undefined {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let area = 0;
  let x = 0;
  let y = 0;
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
    }
  }
  if (area === 0) return undefined;
  const round = (n: number) => Math.round(n * 1e5) / 1e5;
  return [round(x / (3 * area)), round(y / (3 * area))];
}

/** Centroids by region code (kab/kota and kecamatan: the boundaries Sigap ships). */
export type Centroids = ReadonlyMap<string, Position>;

/**
 * Where a record goes on the map: its GPS point when known; otherwise the centroid of the finest region with a
 * known boundary (a desa has none shipped, so it falls to its kecamatan), named in `precision`.
 */
export function placeOf(
  row: { latitude?: unknown; longitude?: unknown; regionCode: string },
  centroids: Centroids,
): { point: Position; precision: GeoPrecision } | undefined {
  if (typeof row.latitude === 'number' && typeof row.longitude === 'number') {
    return { point: [row.longitude, row.latitude], precision: 'gps' };
  }
  const code = row.regionCode;
  const desa = centroids.get(code);
  if (desa && code.length >= 13) return { point: desa, precision: 'desa' };
  const kecamatanCode = kecamatanOf(code);
  const kecamatan = kecamatanCode ? centroids.get(kecamatanCode) : undefined;
  if (kecamatan) return { point: kecamatan, precision: 'kecamatan' };
  const kabkota = centroids.get(kabkotaOf(code) ?? code);
  if (kabkota) return { point: kabkota, precision: 'kab-kota' };
  return undefined;
}

const EXTENSIONS: Record<ExportFormat, string> = {
  csv: 'csv',
  hxl: 'hxl.csv',
  xlsx: 'xlsx',
  geojson: 'geojson',
};
export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  hxl: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json; charset=utf-8',
};

/** The download's file name: `sigap-laporan-2026-12-05.csv`. */
export function fileName(kind: ExportKind, format: ExportFormat, now: Date): string {
  const stem = {
    reports: 'laporan',
    cases: 'kasus',
    alerts: 'peringatan',
    pillars: 'pilar',
    evaluation: 'catatan-evaluasi',
  }[kind];
  return `sigap-${stem}-${toWibIso(now).slice(0, 10)}.${EXTENSIONS[format]}`;
}

/** The place columns of a region code at each level, named from `names` (the region and its parents). */
export function placeColumns(code: string, names: Readonly<Record<string, string>>): Record<string, unknown> {
  const kecamatan = kecamatanOf(code) ?? null;
  const kabkota = kabkotaOf(code) ?? code;
  const desa = code.length >= 13 ? code : null;
  return {
    adm1Code: '35',
    adm1Name: 'Jawa Timur',
    adm2Code: kabkota,
    adm2Name: names[kabkota] ?? null,
    adm3Code: kecamatan,
    adm3Name: kecamatan ? (names[kecamatan] ?? null) : null,
    adm4Code: desa,
    adm4Name: desa ? (names[desa] ?? null) : null,
    regionCode: code,
  };
}

/** What each kind of evaluation record is called in a file. */
const RECORD_TYPE_NAMES: Readonly<Record<string, string>> = {
  report: 'laporan',
  case: 'kasus',
  referral: 'rujukan',
  follow_up: 'tindak lanjut',
  assignment: 'penugasan',
  region: 'wilayah',
  alert: 'peringatan',
};

/**
 * A record behind an evaluation figure as an export row: its kind in Indonesian, its places at every level, its
 * minutes to two decimals as the list shows them, and whether it kept its deadline (empty when not a time).
 */
export function evaluationRow(
  record: {
    type: string;
    id: string;
    regionCode: string;
    at: Date;
    tags: readonly (string | null)[];
    minutes: number | null;
    deadline: number | null;
  },
  set: string,
  names: Readonly<Record<string, string>>,
): Record<string, unknown> & { id: string; regionCode: string } {
  const minutes = record.minutes === null ? null : Math.round(record.minutes * 100) / 100;
  return {
    ...placeColumns(record.regionCode, names),
    id: record.id,
    regionCode: record.regionCode,
    recordType: RECORD_TYPE_NAMES[record.type] ?? record.type,
    set,
    at: record.at,
    details: record.tags.filter((tag) => tag !== null),
    minutes,
    deadline: record.deadline,
    isWithin: record.deadline === null ? null : record.minutes !== null && record.minutes <= record.deadline,
  };
}
