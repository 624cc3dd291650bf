import { z } from 'zod';
import { REGION_LEVELS } from './region-codes.ts';

export const RegionLevel = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof RegionLevel>;

/** A Kemendagri code in Jawa Timur: 35, 35.09, 35.09.01 or 35.09.01.2001. */
export const RegionCode = z
  .string()
  .regex(/^35(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Kode wilayah Kemendagri Jawa Timur, mis. 35.09.01.2001');
export type RegionCode = z.infer<typeof RegionCode>;

export const Region = z.object({
  code: RegionCode,
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
});
export type Region = z.infer<typeof Region>;

export { ancestorCodes, isWithin, kabkotaOf, kecamatanOf, levelOfCode, searchKey } from './region-codes.ts';
