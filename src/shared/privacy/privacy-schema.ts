import { z } from 'zod';

/** One column of the record of processing (a row of the data map). */
export const ProcessingColumn = z.object({
  table: z.string(),
  column: z.string(),
  category: z.enum(['umum', 'spesifik']),
  specific: z.array(z.enum(['anak', 'disabilitas', 'kesehatan'])),
  purpose: z.string(),
  basis: z.string(),
  retention: z.string(),
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
