// Request schemas of the evaluation routes (zod: server side and API docs).
import { z } from 'zod';
import { isIsoDate } from './period.ts';

/** A scope: the province (35), a kab/kota (35.09) or a Bakorwil id (V). */
export const EvaluationScope = z
  .string()
  .regex(/^(35(\.\d{2})?|[IVX]{1,4})$/, 'Lingkup: 35, kode kab/kota (35.09) atau Bakorwil (I–V)');

const day = z.string().refine(isIsoDate, 'tanggal YYYY-MM-DD (WIB)');

export const EvaluationQuery = z.object({
  scope: EvaluationScope.optional(),
  from: day.optional(),
  to: day.optional(),
});
export type EvaluationQuery = z.infer<typeof EvaluationQuery>;

export const ReportFormat = z.enum(['pdf', 'xlsx']);
export type ReportFormat = z.infer<typeof ReportFormat>;
