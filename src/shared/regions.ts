import { z } from 'zod';
import { isAtOrAbove, levelOfCode, REGION_LEVELS } from './region-codes.ts';

export const RegionLevel = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof RegionLevel>;

/** A Kemendagri code in Jawa Timur: 35, 35.09, 35.09.01 or 35.09.01.2001. */
export const RegionCode = z
  .string()
  .regex(/^35(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Kode wilayah Kemendagri Jawa Timur, mis. 35.09.01.2001');
export type RegionCode = z.infer<typeof RegionCode>;

/** A kab/kota code: 35.09. */
export const KabkotaCode = RegionCode.refine(
  (code) => levelOfCode(code) === 'kabkota',
  'kode kab/kota, mis. 35.09',
);

/** The province or one kab/kota: views that drill down one level at a time. */
export const ProvinceOrKabkotaCode = RegionCode.refine(
  (code) => isAtOrAbove(code, 'kabkota'),
  'kode provinsi (35) atau kab/kota (35.09)',
);

/** Where a record is, as a reply names it: its area's code and name. */
export const RegionNamed = z.object({ regionCode: z.string(), regionName: z.string() });

/** A region as a reply names it: its code and name. */
export const RegionCodeName = z.object({ code: z.string(), name: z.string() });

/** Where a record is, and the kab/kota whose office handles it. */
export const RegionNamedInKabkota = RegionNamed.extend({ kabkotaCode: z.string() });

export const Region = z.object({
  code: RegionCode,
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
});
export type Region = z.infer<typeof Region>;

/** A region with the regions above it and its Bakorwil (a kab/kota's, or the one above a kecamatan or desa). */
export const RegionDetail = Region.extend({
  ancestors: z.array(Region),
  bakorwil: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type RegionDetail = z.infer<typeof RegionDetail>;

/** A Bakorwil (coordinating office of the governor) and the kab/kota it coordinates. */
export const Bakorwil = z.object({
  id: z.string(),
  name: z.string(),
  seat: z.string(),
  members: z.array(z.string()),
});
export type Bakorwil = z.infer<typeof Bakorwil>;

export {
  ancestorCodes,
  isAtOrAbove,
  isWithin,
  kabkotaOf,
  kecamatanOf,
  levelOfCode,
  parentOf,
  searchKey,
} from './region-codes.ts';
