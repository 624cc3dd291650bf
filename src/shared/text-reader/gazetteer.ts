// The gazetteer of Jawa Timur the reader resolves places against: 38 kab/kota, 666 kecamatan, 8,494 desa and
// kelurahan, looked up by a spacing-free key and, for spelling slips, by one deleted letter (a symmetric-deletion
// index: "Tangul Wetan" and "Tanggul Wetan" share "tangulwetan"). Built from region rows the caller passes in,
// so this file stays pure; the server and CLI build it once from the regions data the package ships.

import { isWithin, kabkotaOf, kecamatanOf } from '../region-codes.ts';
import { placeKey } from './tokens.ts';

export type PlaceLevel = 'kabkota' | 'kecamatan' | 'desa';
export type Place = {
  code: string;
  name: string;
  level: PlaceLevel;
  kabkotaCode: string;
  kecamatanCode: string | null;
};
export type RegionInput = { code: string; name: string; level: string };

export type Gazetteer = {
  /** Kab/kota by base key ("malang" → Kabupaten Malang and Kota Malang). */
  kabkota: Map<string, Place[]>;
  /** Kecamatan and desa by key. */
  names: Map<string, Place[]>;
  /**
   * Every one-letter deletion of a kecamatan/desa key of six letters or more → the keys it came from. Built on
   * the first misspelt name, so that loading stays fast for the many messages that spell their places right.
   */
  deletions: Map<string, string[]> | null;
  byCode: Map<string, Place>;
  /** Longest name in tokens, to bound the lookup window. */
  maxWords: number;
};

/** Short written forms of kab/kota that field messages use. */
const KABKOTA_ALIASES: Record<string, string> = {
  bwi: 'banyuwangi',
  sby: 'surabaya',
  suroboyo: 'surabaya',
  jbr: 'jember',
  bojonegara: 'bojonegoro',
  lmj: 'lumajang',
  pamekasan: 'pamekasan',
  kotabatu: 'batu',
};

function deletionsOf(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the gazetteer from Kemendagri region rows of Jawa Timur (kabkota, kecamatan, desa levels are used). */
export function buildGazetteer(rows: readonly RegionInput[]): Gazetteer {
  const g: Gazetteer = {
    kabkota: new Map(),
    names: new Map(),
    deletions: null,
    byCode: new Map(),
    maxWords: 1,
  };
  for (const row of rows) {
    const kabkotaCode = kabkotaOf(row.code);
    if (!isWithin(row.code, '35') || !kabkotaCode) continue;
    if (row.level === 'kabkota') {
      const base = row.name.replace(/^(kabupaten|kota)\s+/i, '');
      const place: Place = {
        code: row.code,
        name: row.name,
        level: 'kabkota',
        kabkotaCode,
        kecamatanCode: null,
      };
      push(g.kabkota, placeKey(base), place);
      g.byCode.set(row.code, place);
      continue;
    }
    const level: PlaceLevel | null =
      row.level === 'kecamatan' ? 'kecamatan' : row.level === 'desa' ? 'desa' : null;
    if (!level) continue;
    const kecamatanCode = kecamatanOf(row.code) ?? row.code;
    const place: Place = { code: row.code, name: row.name, level, kabkotaCode, kecamatanCode };
    const key = placeKey(row.name);
    push(g.names, key, place);
    g.byCode.set(row.code, place);
    g.maxWords = Math.max(g.maxWords, row.name.split(/\s+/).length);
  }
  for (const [alias, base] of Object.entries(KABKOTA_ALIASES)) {
    const places = g.kabkota.get(base);
    if (places && !g.kabkota.has(alias)) g.kabkota.set(alias, places);
  }
  return g;
}

function deletionIndex(g: Gazetteer): Map<string, string[]> {
  if (g.deletions) return g.deletions;
  const deletions = new Map<string, string[]>();
  for (const key of g.names.keys()) {
    if (key.length < 6) continue;
    for (const d of deletionsOf(key)) push(deletions, d, key);
  }
  g.deletions = deletions;
  return deletions;
}

/** Kecamatan/desa places with exactly this key. */
export function exactPlaces(g: Gazetteer, key: string): Place[] {
  return g.names.get(key) ?? [];
}

/** Kecamatan/desa places within one edit (deletion, insertion, substitution, adjacent swap) of the key. */
export function nearPlaces(g: Gazetteer, key: string): Place[] {
  if (key.length < 6) return [];
  const deletions = deletionIndex(g);
  const keys = new Set<string>();
  for (const k of deletions.get(key) ?? []) keys.add(k); // the typed word lost a letter
  for (const d of deletionsOf(key)) {
    if (g.names.has(d)) keys.add(d); // the typed word has one letter too many
    for (const k of deletions.get(d) ?? []) keys.add(k); // one letter changed or two swapped
  }
  return [...keys].flatMap((k) => g.names.get(k) ?? []);
}
