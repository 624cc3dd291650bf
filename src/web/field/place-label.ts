// How a region reads in the picker: "Desa Tanggulwetan" with "Kec. Tanggul, Kabupaten Jember" under it.
import type { Lang } from '../../shared/i18n.ts';
import { t } from '../../shared/i18n.ts';
import { isKelurahan } from '../../shared/region-codes.ts';
import { findKnownRegion, type PlaceRegion } from './region-cache.ts';

/** The region's name with its kind: "Desa Tanggulwetan", "Kecamatan Tanggul", "Kabupaten Jember". */
export function placeName(region: Pick<PlaceRegion, 'code' | 'name' | 'level'>, lang: Lang): string {
  switch (region.level) {
    case 'desa':
      return `${t(lang, isKelurahan(region.code) ? 'field.place.kelurahan' : 'field.place.desa')} ${region.name}`;
    case 'kecamatan':
      return `${t(lang, 'field.place.kecamatan')} ${region.name}`;
    default:
      return region.name; // kab/kota names already say "Kabupaten" or "Kota"
  }
}

/** Where the region lies, from the names known on this phone: "Kec. Tanggul, Kabupaten Jember". */
export function placeContext(region: Pick<PlaceRegion, 'parentCode'>, lang: Lang): string {
  const parts: string[] = [];
  let parent = findKnownRegion(region.parentCode);
  while (parent && parent.level !== 'provinsi') {
    parts.push(
      parent.level === 'kecamatan' ? `${t(lang, 'field.place.kecamatanShort')} ${parent.name}` : parent.name,
    );
    parent = findKnownRegion(parent.parentCode);
  }
  return parts.join(', ');
}
