// Pure reading of Kemendagri region codes and names. Zod-free, so the web bundle can import it.

/** The four levels of a region code in Jawa Timur. */
export const REGION_LEVELS = ['provinsi', 'kabkota', 'kecamatan', 'desa'] as const;
export type RegionLevelName = (typeof REGION_LEVELS)[number];

/** The level a code denotes, read from its shape. */
export function levelOfCode(code: string): RegionLevelName {
  const parts = code.split('.').length;
  return REGION_LEVELS[parts - 1];
}

/** True when the code is at `level` or above it: `isAtOrAbove('35.09', 'kabkota')`, not '35.09.06'. */
export function isAtOrAbove(code: string, level: RegionLevelName): boolean {
  return REGION_LEVELS.indexOf(levelOfCode(code)) <= REGION_LEVELS.indexOf(level);
}

/** The code one level up ('35.09.06' for '35.09.06.2002'); undefined for the province. */
export function parentOf(code: string): string | undefined {
  const cut = code.lastIndexOf('.');
  return cut > 0 ? code.slice(0, cut) : undefined;
}

/** Kelurahan codes have a desa part starting with 1 (Kemendagri), desa codes with 2. */
export function isKelurahan(code: string): boolean {
  return levelOfCode(code) === 'desa' && code.charAt(9) === '1';
}

/** The kab/kota a code lies in ('35.09' for '35.09.06.2002'); undefined for the province itself. */
export function kabkotaOf(code: string): string | undefined {
  const parts = code.split('.');
  return parts.length >= 2 ? `${parts[0]}.${parts[1]}` : undefined;
}

/** The kecamatan (`35.09.06`) of a code at kecamatan or desa level; undefined above it. */
export function kecamatanOf(code: string): string | undefined {
  return code.length >= 8 ? code.slice(0, 8) : undefined;
}

/** The kecamatan and the kab/kota a code lies in, nearest first ('35.09.06.2002' → ['35.09.06', '35.09']). */
export function areasOf(code: string): string[] {
  return [kecamatanOf(code), kabkotaOf(code)].filter((area): area is string => area !== undefined);
}

/** The codes above `code`, nearest last: '35.09.06.2002' → ['35', '35.09', '35.09.06']. */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('.'));
}

/** True when `code` equals `scope` or lies inside it. */
export function isWithin(code: string, scope: string): boolean {
  return code === scope || code.startsWith(`${scope}.`);
}

/** Lower-case letters and digits only: how names are compared when people type them. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
