import { z } from 'zod';
import { Instant } from '../calendar-date.ts';

/** What the data map declares a column is for, in words: its purpose, lawful basis and retention. */
export const ColumnPurpose = z.object({ purpose: z.string(), basis: z.string(), retention: z.string() });

/** One column of the record of processing (a row of the data map). */
export const ProcessingColumn = z.object({
  table: z.string(),
  column: z.string(),
  category: z.enum(['umum', 'spesifik']),
  specific: z.array(z.enum(['anak', 'disabilitas', 'kesehatan'])),
  ...ColumnPurpose.shape,
});
export type ProcessingColumn = z.infer<typeof ProcessingColumn>;

/** One processing activity (kegiatan pemrosesan) with the columns it holds. */
export const ProcessingActivity = z.object({
  id: z.string(),
  name: z.string(),
  subjects: z.string(),
  recipients: z.string(),
  bases: z.array(z.string()),
  retention: z.array(z.string()),
  hasSpecificData: z.boolean(),
  columns: z.array(ProcessingColumn),
});
export type ProcessingActivity = z.infer<typeof ProcessingActivity>;

/** The record of processing activities (catatan kegiatan pemrosesan data pribadi), made from the data map. */
export const ProcessingRecord = z.object({
  controller: z.string(),
  /** When it was made, in WIB. */
  generatedAt: z.string(),
  lang: z.enum(['id', 'en']),
  activities: z.array(ProcessingActivity),
  safeguards: z.array(z.string()),
});
export type ProcessingRecord = z.infer<typeof ProcessingRecord>;

export const ProcessingRecordQuery = z.object({
  format: z.enum(['json', 'pdf']).default('json'),
  lang: z.enum(['id', 'en']).default('id'),
});

/** Find a person across Sigap: by NIK, by name (with a birth year for vulnerable people), or by phone. */
export const SubjectSearchQuery = z
  .object({
    nik: z
      .string()
      .regex(/^\d{16}$/, 'NIK terdiri dari 16 angka')
      .optional(),
    name: z.string().trim().min(3, 'Nama minimal 3 huruf').max(120).optional(),
    birthYear: z.coerce.number().int().min(1900).max(2100).optional(),
    phone: z.string().trim().min(8).max(20).optional(),
  })
  .refine((q) => q.nik || q.name || q.phone, {
    message: 'Isi NIK, nama (dengan tahun lahir) atau nomor telepon',
  });
export type SubjectSearchQuery = z.infer<typeof SubjectSearchQuery>;

/** One record of a person found, with each declared column's value (photos and documents only noted). */
export const SubjectRecord = z.object({
  table: z.string(),
  id: z.string(),
  /** What kind of record, in Indonesian. */
  label: z.string(),
  fields: z.array(z.object({ column: z.string(), value: z.string().nullable() })),
});
export type SubjectRecord = z.infer<typeof SubjectRecord>;

export const SubjectSearchResult = z.object({
  /** When the search ran, WIB. */
  searchedAt: z.string(),
  records: z.array(SubjectRecord),
});
export type SubjectSearchResult = z.infer<typeof SubjectSearchResult>;

/** A breach as the data protection officer records it (no person's data: categories and a count). */
export const BreachInput = z.object({
  /** Chosen by the client: a retried submission is the same breach. */
  id: z.uuid(),
  title: z.string().trim().min(3, 'Judul minimal 3 huruf').max(200),
  description: z.string().trim().min(3, 'Uraikan apa yang terjadi').max(4000),
  /** When the breach was discovered (ISO with offset; the clock starts here). */
  discoveredAt: Instant(),
  categories: z
    .array(z.enum(['umum', 'anak', 'disabilitas', 'kesehatan']))
    .min(1)
    .max(4),
  subjectsEstimate: z.number().int().min(0).max(100_000_000),
  measures: z.string().trim().max(4000).default(''),
});
export type BreachInput = z.infer<typeof BreachInput>;

export const BreachView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  discoveredAt: z.string(),
  dueAt: z.string(),
  categories: z.array(z.string()),
  subjectsEstimate: z.number(),
  measures: z.string(),
  subjectNoticeAt: z.string().nullable(),
  authorityNoticeAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** When the officer was reminded of the deadline, and when it went up after the deadline passed (WIB). */
  remindedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  /** The anomaly signal that opened this suspected breach, in words; null for a breach recorded by hand. */
  signal: z.string().nullable(),
  /** Why a suspected breach proved not to be one (it was closed without notices). */
  dismissedReason: z.string().nullable(),
  clock: z.object({ state: z.enum(['berjalan', 'mendekati', 'lewat', 'selesai']), hoursLeft: z.number() }),
  /** The notice letters in Indonesian, ready to send. */
  notices: z.object({ subjects: z.string(), authority: z.string() }),
});
export type BreachView = z.infer<typeof BreachView>;

export const BreachDismissInput = z.object({
  reason: z.string().trim().min(10, 'Jelaskan mengapa ini bukan kebocoran (minimal 10 huruf)').max(2000),
});

export const BreachNoticeInput = z.object({ to: z.enum(['subjek', 'lembaga']) });
