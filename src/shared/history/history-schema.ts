// The history import's contract (docs/HISTORY-IMPORT.md): upload → column mapping → dry run → background import.
import { z } from 'zod';
import { RegionCode, RegionCodeName } from '../regions.ts';
import { ConflictType } from '../reports/report-schema.ts';

/** The fields of Sigap a column of the file can fill. `place` may join several columns (desa, kecamatan, kab/kota). */
export const HISTORY_FIELDS = [
  'date',
  'place',
  'type',
  'description',
  'injured',
  'dead',
  'displaced',
  'groups',
  'source',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

const Column = z.string().trim().min(1).max(200);

/** Which column of the file holds which field; date and place are needed, the rest may be left out. */
export const ColumnMapping = z
  .object({
    date: Column,
    place: z.array(Column).min(1).max(4),
    type: Column.optional(),
    description: Column.optional(),
    injured: Column.optional(),
    dead: Column.optional(),
    displaced: Column.optional(),
    groups: Column.optional(),
    source: Column.optional(),
  })
  .strict();
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** The source's words for the type of conflict → Sigap's types; the user edits it after the dry run suggests it. */
export const TypeMapping = z.record(z.string().max(200), ConflictType);
export type TypeMapping = z.infer<typeof TypeMapping>;

/** What the dry run and the import read the file with. */
export const HistoryPlan = z
  .object({
    mapping: ColumnMapping,
    typeMap: TypeMapping.default({}),
    /** A file from one kab/kota: breaks ties between places of the same name. */
    homeRegion: RegionCode.optional(),
    /** The place picked for an ambiguous row (row number → region code). */
    placeChoices: z.record(z.string().regex(/^\d+$/), RegionCode).default({}),
    /** Rows that look like reports already in Sigap are left out unless this is true. */
    importDuplicates: z.boolean().default(false),
  })
  .strict();
export type HistoryPlan = z.infer<typeof HistoryPlan>;

export const HISTORY_IMPORT_STATUSES = ['draf', 'antre', 'berjalan', 'selesai', 'gagal'] as const;

/** The first and last WIB day of the incidents the rows tell of; null while there are none. */
export const IncidentDays = z.object({ firstDay: z.string().nullable(), lastDay: z.string().nullable() });

/** An import: its file, and its progress once started. */
export const HistoryImport = z.object({
  id: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  status: z.enum(HISTORY_IMPORT_STATUSES),
  headers: z.array(z.string()),
  rowCount: z.number(),
  doneRows: z.number(),
  imported: z.number(),
  skipped: z.number(),
  ...IncidentDays.shape,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type HistoryImport = z.infer<typeof HistoryImport>;

/** The answer to an upload: the import (new, or the one this same file already has), a sample and a suggestion. */
export const HistoryUpload = z.object({
  import: HistoryImport,
  /** True when this file was uploaded before: nothing new was kept. */
  known: z.boolean(),
  sample: z.array(z.array(z.string())),
  suggestedMapping: ColumnMapping.partial(),
});
export type HistoryUpload = z.infer<typeof HistoryUpload>;

export const PlaceOption = z.object({
  ...RegionCodeName.shape,
  level: z.string(),
  kabkotaName: z.string(),
});
export type PlaceOption = z.infer<typeof PlaceOption>;

export const DRY_RUN_STATES = ['siap', 'ambigu', 'duplikat', 'sudah', 'galat'] as const;
export type DryRunState = (typeof DRY_RUN_STATES)[number];

/** One row as it would be imported. */
export const DryRunRow = z.object({
  row: z.number(),
  state: z.enum(DRY_RUN_STATES),
  occurredAt: z.string().nullable(),
  placeText: z.string(),
  place: PlaceOption.nullable(),
  candidates: z.array(PlaceOption),
  sourceType: z.string(),
  conflictType: ConflictType.nullable(),
  injured: z.number(),
  dead: z.number(),
  displaced: z.number(),
  /** A report already in Sigap this row seems to repeat. */
  duplicateOf: z.string().nullable(),
  problems: z.array(z.string()),
});
export type DryRunRow = z.infer<typeof DryRunRow>;

/** Each distinct word of the source's type column, how often it appears and the Sigap type it maps to. */
export const TypeMappingRow = z.object({
  value: z.string(),
  rows: z.number(),
  conflictType: ConflictType,
  /** True when the user's table set it, false when it is Sigap's suggestion. */
  chosen: z.boolean(),
});

export const DryRunReply = z.object({
  importId: z.string(),
  total: z.number(),
  counts: z.record(z.enum(DRY_RUN_STATES), z.number()),
  /** Rows to look at (every row not ready, up to a limit) and the first ready ones. */
  rows: z.array(DryRunRow),
  typeMap: z.array(TypeMappingRow),
  ...IncidentDays.shape,
});
export type DryRunReply = z.infer<typeof DryRunReply>;

export const HistoryImportStarted = z.object({ jobId: z.string() });
