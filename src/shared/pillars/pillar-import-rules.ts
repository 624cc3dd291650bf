import { z } from 'zod';
import { TaskProgress } from '../replies.ts';
import type { DesaIndex } from './desa-match.ts';
import { checkNik, nameKey, normalizePhone, spellingKey, tidyName } from './pillar-identity.ts';
import type { PillarStatus, Training } from './pillar-schema.ts';

/**
 * How one row of a pillar roster (XLSX or CSV) becomes a registry entry, or why it cannot: pure rules
 * shared by the dry run and the real import, so both say exactly the same about every row.
 */

export const ImportIssue = z.object({ code: z.string(), field: z.string().nullable(), message: z.string() });
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportAction = z.enum(['create', 'update', 'unchanged', 'skip']);
export type ImportAction = z.infer<typeof ImportAction>;

export const ImportRowResult = z.object({
  /** The row number as the spreadsheet shows it. */
  row: z.number(),
  action: ImportAction,
  pillarId: z.string().nullable(),
  /** The name as read, in the dry run only (stored reports keep row numbers, not names). */
  name: z.string().optional(),
  problems: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

/** A count for each action, in the order ImportAction lists them. */
const RowsPerAction = Object.fromEntries(
  ImportAction.options.map((action) => [action, z.number()]),
) as Record<ImportAction, z.ZodNumber>;

/** The rows read, and how many of them take each action. */
export const ImportTotals = z.object({ rows: z.number(), ...RowsPerAction });
export type ImportTotals = z.infer<typeof ImportTotals>;

export const DryRunReport = z.object({
  dryRun: z.literal(true),
  kabkotaCode: z.string(),
  totals: ImportTotals,
  rows: z.array(ImportRowResult),
});
export type DryRunReport = z.infer<typeof DryRunReport>;

export const ImportStatus = z.enum(['berjalan', 'selesai', 'gagal', 'terputus']);

export const ImportJob = z.object({
  id: z.string(),
  status: ImportStatus,
  kabkotaCode: z.string(),
  totals: ImportTotals,
  processedRows: z.number(),
  ...TaskProgress.shape,
  /** The per-row report so far (complete once status is selesai). */
  rows: z.array(ImportRowResult),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** Sums the actions of row results. */
export function totalsOf(rows: readonly Pick<ImportRowResult, 'action'>[]): ImportTotals {
  const totals = { rows: rows.length, create: 0, update: 0, unchanged: 0, skip: 0 };
  for (const row of rows) totals[row.action]++;
  return totals;
}

// ── Reading the sheet ─────────────────────────────────────────────────────────────────────────

export const IMPORT_FIELDS = [
  'name',
  'nik',
  'phone',
  'type',
  'desa',
  'kecamatan',
  'skills',
  'training',
  'trainingDate',
  'certificate',
  'status',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column titles people use, as spellingKey forms. */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  name: ['nama', 'namalengkap', 'nama pilar', 'name'],
  nik: ['nik', 'noktp', 'nomorktp', 'nomorindukkependudukan', 'niksesuaiktp'],
  phone: ['nohp', 'hp', 'nomorhp', 'notelp', 'telepon', 'telp', 'nohpwa', 'wa', 'whatsapp', 'nowa', 'phone'],
  type: ['jenispilar', 'pilar', 'jenis', 'unsur', 'type'],
  desa: ['desa', 'desakelurahan', 'kelurahan', 'desakel', 'kelurahandesa', 'kodedesa', 'alamatdesa'],
  kecamatan: ['kecamatan', 'kec'],
  skills: ['keahlian', 'keterampilan', 'ketrampilan', 'kompetensi', 'skills'],
  training: ['pelatihan', 'namapelatihan', 'diklat'],
  trainingDate: ['tanggalpelatihan', 'tglpelatihan', 'tanggaldiklat', 'tgldiklat'],
  certificate: ['nosertifikat', 'nomorsertifikat', 'sertifikat'],
  status: ['status', 'statuskeaktifan', 'keaktifan'],
};
const HEADER_LOOKUP = new Map<string, ImportField>(
  Object.entries(HEADER_ALIASES).flatMap(([field, aliases]) =>
    aliases.map((alias) => [spellingKey(alias), field as ImportField] as const),
  ),
);

/** Which column holds each field, from a header row; undefined when the row is not a header (no name column). */
export function mapHeaders(titles: readonly string[]): Partial<Record<ImportField, number>> | undefined {
  const columns: Partial<Record<ImportField, number>> = {};
  titles.forEach((title, index) => {
    const field = HEADER_LOOKUP.get(spellingKey(title));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns.name === undefined ? undefined : columns;
}

/** One cell as read: its text, whether the spreadsheet stored it as a number, and a date if it was one. */
export type SheetCell = { text: string; isNumber: boolean; date?: string };

/** One data row of the roster: its spreadsheet row number and the cells of the mapped fields. */
export type SheetRow = { row: number; cells: Partial<Record<ImportField, SheetCell>> };

// ── Interpreting a row ────────────────────────────────────────────────────────────────────────

/** A row that can be registered: the fields as they will be stored (NIK still in clear). */
export type RowCandidate = {
  name: string;
  nameKey: string;
  nik: string | null;
  phone: string | null;
  pillarType: string;
  homeRegionCode: string;
  skills: string[];
  trainings: Training[];
  status: PillarStatus;
};

export type RowReading =
  | { ok: true; candidate: RowCandidate; warnings: ImportIssue[] }
  | { ok: false; name: string; problems: ImportIssue[]; warnings: ImportIssue[] };

export type ReadingContext = {
  isKecamatan(code: string): boolean;
  desa: DesaIndex;
  types: readonly { code: string; label: string }[];
  skills: readonly { code: string; label: string }[];
  /** The type for rows whose sheet has no type column or an empty cell. */
  defaultType?: string;
};

const SKILL_ALIASES: Record<string, string> = {
  p3k: 'pertolongan_pertama',
  pp: 'pertolongan_pertama',
  firstaid: 'pertolongan_pertama',
  pertolonganpertama: 'pertolongan_pertama',
  mediator: 'mediasi',
  resolusikonflik: 'mediasi',
  lds: 'psikososial',
  dukunganpsikososial: 'psikososial',
  psikososial: 'psikososial',
  psychosocialsupport: 'psikososial',
  evacuation: 'evakuasi',
  publickitchen: 'dapur_umum',
  dapumum: 'dapur_umum',
  asesmen: 'pendataan',
  assessment: 'pendataan',
  datacollection: 'pendataan',
  radio: 'komunikasi_radio',
  orari: 'komunikasi_radio',
  rapi: 'komunikasi_radio',
};

/** Keys a list entry answers to: its code, its label, the label without and within brackets. */
function listKeys(item: { code: string; label: string }): string[] {
  const outside = item.label.replace(/\(.*\)/, '');
  const inside = /\((.*)\)/.exec(item.label)?.[1] ?? '';
  return [item.code, item.label, outside, inside].map(spellingKey).filter((key) => key.length > 1);
}

/** Each list's keys, computed once per list (a roster has thousands of rows and few list entries). */
const LIST_INDEXES = new WeakMap<readonly { code: string; label: string }[], Map<string, string>>();

function findInList(text: string, items: readonly { code: string; label: string }[]): string | undefined {
  let index = LIST_INDEXES.get(items);
  if (!index) {
    index = new Map();
    for (const item of items) {
      for (const key of listKeys(item)) if (!index.has(key)) index.set(key, item.code);
    }
    LIST_INDEXES.set(items, index);
  }
  return index.get(spellingKey(text));
}

const STATUS_WORDS: Record<string, PillarStatus> = {
  aktif: 'aktif',
  active: 'aktif',
  ya: 'aktif',
  nonaktif: 'nonaktif',
  tidakaktif: 'nonaktif',
  inactive: 'nonaktif',
  keluar: 'nonaktif',
  berhenti: 'nonaktif',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'mei', 'jun', 'jul', 'agu', 'sep', 'okt', 'nov', 'des'];
const MONTH_ALIASES: Record<string, number> = {
  may: 5,
  aug: 8,
  ags: 8,
  oct: 10,
  dec: 12,
  agt: 8,
  peb: 2,
  nop: 11,
};

/** A calendar date from a cell: a date cell, 2023-05-12, 12/05/2023, 12-05-2023 or '12 Mei 2023'. */
export function readDate(cell: SheetCell | undefined): string | null | undefined {
  if (!cell || cell.text.trim() === '') return null;
  if (cell.date) return cell.date;
  const text = cell.text.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const worded = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  else if (worded) {
    const word = worded[2].slice(0, 3);
    month = MONTHS.indexOf(word) + 1 || MONTH_ALIASES[word] || 0;
    [day, year] = [Number(worded[1]), Number(worded[3])];
  } else return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    year < 1950 ||
    year > 2100
  ) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

const issue = (code: string, field: string | null, message: string): ImportIssue => ({
  code,
  field,
  message,
});

/** Reads one row: every problem that stops it from being registered, and what was read with a doubt. */
export function readRow(row: SheetRow, context: ReadingContext): RowReading {
  const problems: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const text = (field: ImportField) => row.cells[field]?.text.trim() ?? '';

  const name = tidyName(text('name'));
  if (name.length < 2) problems.push(issue('name_missing', 'name', 'Nama kosong'));

  let nik: string | null = null;
  const nikCell = row.cells.nik;
  if (nikCell && nikCell.text.trim() !== '') {
    if (nikCell.isNumber) {
      problems.push(
        issue(
          'nik_numeric_cell',
          'nik',
          'NIK tersimpan sebagai angka: Excel membulatkan 16 digit. Format kolom NIK sebagai Teks lalu ketik ulang',
        ),
      );
    } else {
      const checked = checkNik(nikCell.text, context.isKecamatan);
      if (checked.ok) nik = checked.nik;
      else problems.push(issue(checked.problem, 'nik', checked.message));
    }
  }

  let phone: string | null = null;
  const phoneCell = row.cells.phone;
  if (phoneCell && phoneCell.text.trim() !== '') {
    const normalized = normalizePhone(phoneCell.text);
    if (!normalized) {
      problems.push(issue('phone_invalid', 'phone', `Nomor HP tidak valid: ${phoneCell.text.trim()}`));
    } else {
      phone = normalized;
      if (phoneCell.isNumber) {
        warnings.push(
          issue(
            'phone_numeric_cell',
            'phone',
            `Nomor HP tersimpan sebagai angka; dibaca sebagai ${normalized}`,
          ),
        );
      }
    }
  }

  let pillarType: string | undefined;
  const typeText = text('type');
  if (typeText) {
    pillarType = findInList(typeText, context.types);
    if (!pillarType) problems.push(issue('type_unknown', 'type', `Jenis pilar tidak dikenal: ${typeText}`));
  } else if (context.defaultType) {
    pillarType = context.defaultType;
  } else {
    problems.push(issue('type_missing', 'type', 'Jenis pilar kosong (atau pilih jenis bawaan impor)'));
  }

  let homeRegionCode: string | undefined;
  const desaText = text('desa');
  if (!desaText) {
    problems.push(issue('desa_missing', 'desa', 'Desa/kelurahan kosong'));
  } else {
    const match = context.desa.match(desaText, text('kecamatan') || undefined);
    if (match.kind === 'found') {
      homeRegionCode = match.code;
      if (!match.exact) {
        warnings.push(
          issue('desa_fuzzy', 'desa', `"${desaText}" dibaca sebagai ${match.name} (${match.code})`),
        );
      }
    } else if (match.kind === 'ambiguous') {
      problems.push(
        issue(
          'desa_ambiguous',
          'desa',
          `Ada beberapa desa "${desaText}" (${match.codes.join(', ')}); isi kolom kecamatan atau kode desa`,
        ),
      );
    } else {
      problems.push(
        issue('desa_unknown', 'desa', `Desa/kelurahan tidak ditemukan di kab/kota ini: ${desaText}`),
      );
    }
  }

  const skills: string[] = [];
  for (const part of text('skills').split(/[,;/\n]+/)) {
    const word = part.trim();
    if (!word) continue;
    const code = findInList(word, context.skills) ?? SKILL_ALIASES[spellingKey(word)];
    if (code && context.skills.some((skill) => skill.code === code)) {
      if (!skills.includes(code)) skills.push(code);
    } else {
      warnings.push(issue('skill_unknown', 'skills', `Keahlian tidak dikenal, diabaikan: ${word}`));
    }
  }

  const trainings: Training[] = [];
  const trainingName = text('training');
  if (trainingName) {
    let date = readDate(row.cells.trainingDate);
    if (date === undefined) {
      warnings.push(
        issue(
          'training_date_invalid',
          'trainingDate',
          `Tanggal pelatihan tidak terbaca: ${text('trainingDate')}`,
        ),
      );
      date = null;
    }
    trainings.push({
      name: trainingName.replace(/\s+/g, ' '),
      date,
      certificateNumber: text('certificate') || null,
    });
  }

  let status: PillarStatus = 'aktif';
  const statusText = text('status');
  if (statusText) {
    const found = STATUS_WORDS[spellingKey(statusText)];
    if (found) status = found;
    else
      problems.push(
        issue('status_unknown', 'status', `Status tidak dikenal: ${statusText} (aktif/nonaktif)`),
      );
  }

  if (problems.length > 0 || !pillarType || !homeRegionCode) return { ok: false, name, problems, warnings };
  return {
    ok: true,
    candidate: {
      name,
      nameKey: nameKey(name),
      nik,
      phone,
      pillarType,
      homeRegionCode,
      skills,
      trainings,
      status,
    },
    warnings,
  };
}

/** The identities a candidate is known by within one file: its NIK, and its phone with its name. */
export function identityKeys(candidate: Pick<RowCandidate, 'nik' | 'phone' | 'nameKey'>): string[] {
  const keys: string[] = [];
  if (candidate.nik) keys.push(`nik:${candidate.nik}`);
  if (candidate.phone) keys.push(`hp:${candidate.phone}|${candidate.nameKey}`);
  return keys;
}

/**
 * Finds rows that repeat an earlier row's person (same NIK, or same phone and name): answers, for each
 * repeating row number, the row it repeats.
 */
export function findRepeatedRows(
  rows: readonly { row: number; candidate: Pick<RowCandidate, 'nik' | 'phone' | 'nameKey'> }[],
): Map<number, number> {
  const firstSeen = new Map<string, number>();
  const repeats = new Map<number, number>();
  for (const { row, candidate } of rows) {
    const keys = identityKeys(candidate);
    const earlier = keys.map((key) => firstSeen.get(key)).find((value) => value !== undefined);
    if (earlier !== undefined) {
      repeats.set(row, earlier);
      continue;
    }
    for (const key of keys) firstSeen.set(key, row);
  }
  return repeats;
}

/** The stored fields of a pillar that an import can change. */
export type ImportableFields = Omit<RowCandidate, 'nik'> & { hasNik: boolean };

/** A training's identity: same name (any case or spacing) and date. */
function trainingKey(training: Training): string {
  return `${spellingKey(training.name)}|${training.date ?? ''}`;
}

/**
 * What an import row changes in an existing pillar: name, type, home, status and a phone the row gives
 * replace the stored ones; skills and trainings are added, never removed; a NIK is added when none is stored.
 * Re-importing the same row changes nothing.
 */
export function mergeImportRow(
  existing: ImportableFields,
  incoming: RowCandidate,
): { changes: Partial<RowCandidate>; fields: string[] } {
  const changes: Partial<RowCandidate> = {};
  if (existing.name !== incoming.name) {
    changes.name = incoming.name;
    changes.nameKey = incoming.nameKey;
  }
  if (existing.pillarType !== incoming.pillarType) changes.pillarType = incoming.pillarType;
  if (existing.homeRegionCode !== incoming.homeRegionCode) changes.homeRegionCode = incoming.homeRegionCode;
  if (existing.status !== incoming.status) changes.status = incoming.status;
  if (incoming.phone && existing.phone !== incoming.phone) changes.phone = incoming.phone;
  if (incoming.nik && !existing.hasNik) changes.nik = incoming.nik;
  const addedSkills = incoming.skills.filter((skill) => !existing.skills.includes(skill));
  if (addedSkills.length > 0) changes.skills = [...existing.skills, ...addedSkills];
  const known = new Set(existing.trainings.map(trainingKey));
  const addedTrainings = incoming.trainings.filter((training) => !known.has(trainingKey(training)));
  if (addedTrainings.length > 0) changes.trainings = [...existing.trainings, ...addedTrainings];
  const fields = Object.keys(changes).filter((field) => field !== 'nameKey');
  return { changes, fields };
}
