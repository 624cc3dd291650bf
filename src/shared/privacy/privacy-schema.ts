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
