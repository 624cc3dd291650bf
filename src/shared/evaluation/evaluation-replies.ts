// What the evaluation API sends back besides the summary: the figures' definitions and the kept reports.
import { z } from 'zod';
import { FIGURE_IDS } from './definitions.ts';

const InTwoLanguages = z.object({ id: z.string(), en: z.string() });

/** What one figure means, in Bahasa Indonesia and English. */
export const FigureDefinitionView = z.object({
  id: z.enum(FIGURE_IDS),
  title: InTwoLanguages,
  text: InTwoLanguages,
});

/** A kept evaluation report: its parameters, progress, and where to fetch it. */
export const ReportJob = z.object({
  id: z.string(),
  format: z.enum(['pdf', 'xlsx']),
  scope: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(['antri', 'berjalan', 'selesai', 'gagal']),
  progress: z.number(),
  step: z.string(),
  fileName: z.string().nullable(),
  byteSize: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  link: z.string().describe('GET: kemajuan / progress'),
  fileLink: z.string().nullable().describe('GET: berkasnya, setelah selesai / the file, once done'),
});
export type ReportJob = z.infer<typeof ReportJob>;
