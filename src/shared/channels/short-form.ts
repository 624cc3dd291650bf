// The short form for trained pillars: `LAPOR <desa> <jenis> <uraian>`. Forgiving of case and of the separator
// between parts (spaces, #, *, /, comma, full stop, colon or dash); a desa of several words is read up to the
// first word that names a kind. Pure: the gazetteer is passed in.

import { kabkotaOf } from '../region-codes.ts';
import type { ConflictType } from '../reports/report-schema.ts';
import { exactPlaces, type Gazetteer, nearPlaces, type Place } from '../text-reader/gazetteer.ts';
import { placeKey } from '../text-reader/tokens.ts';

/** The kind words of the short form and the conflict type each names (docs/CHANNELS.md lists them). */
export const SHORT_FORM_KINDS: Readonly<Record<string, ConflictType>> = {
  silat: 'antar_perguruan_silat',
  perguruan: 'antar_perguruan_silat',
  pesilat: 'perguruan_silat_vs_warga',
  suporter: 'antar_suporter',
  bonek: 'antar_suporter',
  pilkades: 'pilkades_pemilu',
  pemilu: 'pilkades_pemilu',
  pilkada: 'pilkades_pemilu',
  lahan: 'sengketa_lahan_sda',
  tanah: 'sengketa_lahan_sda',
  tambang: 'sengketa_lahan_sda',
  sara: 'sara_agama',
  agama: 'sara_agama',
  warga: 'antarwarga',
  tawuran: 'antarwarga',
  batas: 'batas_wilayah',
  lain: 'lainnya',
  lainnya: 'lainnya',
};

export type ShortForm = {
  /** The desa as written. */
  place: string;
  conflictType: ConflictType;
  /** The story after the kind word (may be empty). */
  story: string;
};

const KEYWORD = /^\s*lapor(?=$|[\s#*/,.:;-])[\s#*/,.:;-]*/i;
const WORD = /[^\s#*/,.:;-]+/g;

/** Reads a message in the short form; anything else (free text) answers null. */
export function readShortForm(text: string): ShortForm | null {
  const match = KEYWORD.exec(text);
  if (!match) return null;
  const rest = text.slice(match[0].length);
  const parts = [...rest.matchAll(WORD)].map((m) => ({ word: m[0], end: (m.index ?? 0) + m[0].length }));
  const kindAt = parts.findIndex((p, i) => i > 0 && SHORT_FORM_KINDS[p.word.toLowerCase()] !== undefined);
  if (kindAt < 1) return null;
  // The story keeps its own punctuation: the text after the kind word.
  const story = rest
    .slice(parts[kindAt].end)
    .replace(/^[\s#*/,.:;-]+/, '')
    .trim();
  return {
    place: parts
      .slice(0, kindAt)
      .map((p) => p.word)
      .join(' '),
    conflictType: SHORT_FORM_KINDS[parts[kindAt].word.toLowerCase()],
    story,
  };
}

/**
 * The desa or kecamatan a short form names: exact spelling first, then one slip; several of that name are
 * narrowed to the sender's kab/kota. Undefined when none or still several.
 */
export function resolveShortFormPlace(
  gazetteer: Gazetteer,
  place: string,
  homeRegion: string | null,
): Place | undefined {
  const key = placeKey(place);
  if (!key) return undefined;
  let found = exactPlaces(gazetteer, key);
  if (found.length === 0) found = nearPlaces(gazetteer, key);
  const desa = found.filter((p) => p.level === 'desa');
  const pool = desa.length > 0 ? desa : found;
  if (pool.length === 1) return pool[0];
  const home = homeRegion ? kabkotaOf(homeRegion) : undefined;
  const near = home ? pool.filter((p) => p.kabkotaCode === home) : [];
  return near.length === 1 ? near[0] : undefined;
}
