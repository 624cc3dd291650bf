// The settings the admin edits as the API reads and answers them: the deadlines of each priority and the
// partner agencies (instansi mitra). The settings routes validate with these and the web reads their types.
import { z } from 'zod';
import { RegionCode } from '../regions.ts';
import { Priority } from '../reports/report-schema.ts';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(365 * 24 * 60);

/** The deadlines (minutes) of one priority: to acknowledge, to a first field response, to resolve. */
export const SlaRow = z.object({
  priority: Priority,
  acknowledgeMinutes: minutes,
  responseMinutes: minutes,
  resolveMinutes: minutes,
});
export type SlaRow = z.infer<typeof SlaRow>;

/** A partner agency: its users see only the dispositions addressed to it. */
export const Agency = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,64}$/, 'huruf kecil, angka dan tanda hubung, mis. polres-jember'),
  name: z.string().trim().min(2).max(200),
  kabkotaCode: RegionCode.nullable().default(null),
  isActive: z.boolean().default(true),
});
export type Agency = z.infer<typeof Agency>;
