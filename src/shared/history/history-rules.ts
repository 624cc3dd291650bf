// Pure rules of the history import: which column is which, dates and counts as spreadsheets write them, the
// source's type words mapped to Sigap's types, and the place resolved with the text reader's gazetteer.
import { type ConflictType, isConflictType } from '../reports/report-vocabulary.ts';
import { readConflictType } from '../text-reader/classify.ts';
import { makeDoc } from '../text-reader/doc.ts';
import type { Gazetteer } from '../text-reader/gazetteer.ts';
import { optionOf, resolvePlace } from './history-place.ts';
import type { ColumnMapping, DryRunRow, HistoryPlan } from './history-schema.ts';

/** Header words that name each field, in Indonesian and English (lower case, letters only). */
const HEADER_WORDS: Record<Exclude<keyof ColumnMapping, 'place'>, RegExp> = {
  date: /^(tanggal|tgl|waktu|date|eventdate|tanggalkejadian|waktukejadian)$/,
  type: /^(jenis|jeniskonflik|tipe|type|eventtype|kategori|category|jeniskejadian)$/,
  description: /^(uraian|deskripsi|keterangan|kronologi|description|notes|ringkasan)$/,
  injured: /^(lukaluka|luka|korbanluka|injured|injuries)$/,
  dead: /^(meninggal|tewas|korbanjiwa|mati|dead|killed|fatalities)$/,
  displaced: /^(mengungsi|pengungsi|displaced|idp)$/,
  groups: /^(kelompok|pihak|pihakterlibat|actors|groups|pelaku)$/,
  source: /^(sumber|source|sumberdata|media)$/,
};
const PLACE_WORDS =
  /^(desa|kelurahan|desakelurahan|kecamatan|kabkota|kabupatenkota|kabupaten|kota|lokasi|tempat|wilayah|kodewilayah|kode|place|location|admin\d|adm\d)$/;

const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Guesses the mapping from the header row; the user corrects it on the mapping step. */
export function suggestMapping(headers: readonly string[]): Partial<ColumnMapping> {
  const out: Partial<ColumnMapping> = {};
  const place: string[] = [];
  for (const header of headers) {
    const key = headerKey(header);
    if (!key) continue;
    if (PLACE_WORDS.test(key)) {
      if (place.length < 4) place.push(header);
      continue;
    }
    for (const [field, re] of Object.entries(HEADER_WORDS) as [keyof typeof HEADER_WORDS, RegExp][]) {
      if (!out[field] && re.test(key)) {
        out[field] = header;
        break;
      }
    }
  }
  if (place.length > 0) out.place = place;
  return out;
}

/** Month names and short forms, Indonesian and English: "12 Maret 2021", "3 Agt 2019", "5 Dec 2020". */
const MONTHS: Record<string, number> = Object.fromEntries(
  [
    'jan januari january',
    'feb peb februari february',
    'mar maret march',
    'apr april',
    'mei may',
    'jun juni june',
    'jul juli july',
    'agu ags agt agustus aug august',
    'sep sept september',
    'okt oktober oct october',
    'nov nopember november',
    'des desember dec december',
  ].flatMap((names, i) => names.split(' ').map((name) => [name, i + 1])),
);

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A spreadsheet date as an ISO time in WIB: 2021-03-12, 2021-03-12 19:30, 12/03/2021, 12-03-2021,
 * 12 Maret 2021 (day first, as Indonesia writes it). A day without a time is taken at 12:00 WIB. Null when
 * unreadable, before 1990 or after `now`.
 */
export function parseHistoryDate(text: string, now: Date): string | null {
  const s = text.trim().toLowerCase();
  let y: number;
  let m: number;
  let d: number;
  let time = '12:00';
  const iso = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](\d{1,2}):(\d{2}))?/);
  const dmy = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?$/);
  const named = s.match(/^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4]) time = `${pad(Number(iso[4]))}:${iso[5]}`;
  } else if (dmy) {
    [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    if (dmy[4]) time = `${pad(Number(dmy[4]))}:${dmy[5]}`;
  } else if (named && MONTHS[named[2] as string]) {
    [d, m, y] = [Number(named[1]), MONTHS[named[2] as string] as number, Number(named[3])];
  } else return null;
  if (y < 1990 || !validDay(y, m, d) || Number(time.slice(0, 2)) > 23) return null;
  const out = `${y}-${pad(m)}-${pad(d)}T${time}:00+07:00`;
  return new Date(out).getTime() <= now.getTime() ? out : null;
}

/** A count cell: "3", "3 orang", "" (0). Null when it holds no number or a negative one. */
export function parseCount(text: string): number | null {
  const s = text.trim();
  if (s === '' || s === '-') return 0;
  const match = s.match(/^(\d{1,6})(?:[.,]0+)?(?:\s*[a-z]+)?$/i);
  return match ? Number(match[1]) : null;
}

/** Sigap's type for a word of the source's vocabulary: the type's own code, else what the text reader reads. */
export function suggestType(value: string): ConflictType {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (isConflictType(key)) return key;
  if (!value.trim()) return 'lainnya';
  return readConflictType(makeDoc(value)).value;
}

/** A row read with the plan, before it is compared with Sigap's reports. */
export type RowReading = Omit<DryRunRow, 'state' | 'duplicateOf'> & {
  description: string;
  groups: string;
  source: string;
};

/**
 * A place cell with the level its column's header names ("Kecamatan": "Senori" → "Kec. Senori"), so a desa
 * elsewhere of the same name does not compete; a cell with its own marker or a code is left as it is.
 */
function withMarker(column: string, text: string): string {
  if (!text || /^(35[.\d]*|(desa|ds|kel|kelurahan|kec|kecamatan|kab|kabupaten|kota)\b)/i.test(text))
    return text;
  const key = headerKey(column);
  if (/^(kec|kecamatan|district|adm3)/.test(key)) return `Kec. ${text}`;
  if (/^(desa|kel|ds|village|adm4)/.test(key)) return `Desa ${text}`;
  return text;
}

/** The counts as a problem names them. */
const COUNT_WORDS = { injured: 'luka', dead: 'meninggal', displaced: 'mengungsi' } as const;

/** Reads one row of cells (by header) with the plan: each problem named in Indonesian. */
export function readHistoryRow(
  row: number,
  cell: (column: string | undefined) => string,
  plan: HistoryPlan,
  g: Gazetteer,
  now: Date,
): RowReading {
  const { mapping } = plan;
  const problems: string[] = [];
  const dateText = cell(mapping.date);
  const occurredAt = parseHistoryDate(dateText, now);
  if (!occurredAt) problems.push(`tanggal tidak terbaca: "${dateText}"`);
  const placeText = mapping.place
    .map((column) => withMarker(column, cell(column).trim()))
    .filter(Boolean)
    .join(', ');
  const chosen = plan.placeChoices[String(row)];
  const resolved = resolvePlace(g, placeText, plan.homeRegion);
  const place = chosen ? (optionOf(g, chosen) ?? resolved.place) : resolved.place;
  if (!place && resolved.candidates.length === 0) problems.push(`tempat tidak dikenal: "${placeText}"`);
  const sourceType = cell(mapping.type).trim();
  const conflictType = (plan.typeMap[sourceType] ?? suggestType(sourceType)) as ConflictType;
  const counts = { injured: 0, dead: 0, displaced: 0 };
  for (const field of ['injured', 'dead', 'displaced'] as const) {
    const n = parseCount(cell(mapping[field]));
    if (n === null) problems.push(`jumlah ${COUNT_WORDS[field]} bukan angka: "${cell(mapping[field])}"`);
    else counts[field] = n;
  }
  return {
    row,
    occurredAt,
    placeText,
    place,
    candidates: place ? [] : resolved.candidates,
    sourceType,
    conflictType,
    ...counts,
    problems,
    description: cell(mapping.description).trim(),
    groups: cell(mapping.groups).trim().slice(0, 500),
    source: cell(mapping.source).trim().slice(0, 500),
  };
}
