// The place of a spreadsheet row. Unlike a field message, a place cell holds names only ("Sukorejo",
// "Tanggul, Jember", "Kec. Kencong / Kab. Jember"), so each part is looked up whole in the text reader's
// gazetteer (exact, then within one letter) and the parts narrow each other down; a name found in several
// places with nothing to choose between them gives no place and its candidates. Free text falls back to the
// text reader itself.

import { isWithin } from '../region-codes.ts';
import { exactPlaces, type Gazetteer, nearPlaces, type Place } from '../text-reader/gazetteer.ts';
import { readPlace } from '../text-reader/place.ts';
import { placeKey, tokenize } from '../text-reader/tokens.ts';
import type { PlaceOption } from './history-schema.ts';

export type PlaceResolution = { place: PlaceOption | null; candidates: PlaceOption[] };

/** Candidates shown for an ambiguous row at most. */
export const MAX_CANDIDATES = 12;

export function optionOf(g: Gazetteer, code: string): PlaceOption | null {
  const p = g.byCode.get(code);
  if (!p) return null;
  return { code: p.code, name: p.name, level: p.level, kabkotaName: g.byCode.get(p.kabkotaCode)?.name ?? '' };
}

/** The places one part of a cell may name; its marker ("Kec.", "Desa", "Kota", "Kab.") narrows the level. */
function placesOfPart(g: Gazetteer, part: string): Place[] {
  const marker = part.match(/^\s*(desa|ds|kelurahan|kel|kecamatan|kec|kabupaten|kab|kota)\b\.?\s*/i);
  const word = marker?.[1]?.toLowerCase() ?? '';
  const key = placeKey(part.slice(marker?.[0].length ?? 0));
  if (!key) return [];
  const kabkota = (g.kabkota.get(key) ?? []).filter(
    (p) =>
      !word || (word.startsWith('kab') ? /^Kabupaten/.test(p.name) : word === 'kota' && /^Kota/.test(p.name)),
  );
  if (word.startsWith('kab') || word === 'kota') return kabkota;
  const level = word.startsWith('kec') ? 'kecamatan' : word ? 'desa' : null;
  const fits = (p: Place) => !level || p.level === level;
  let names = exactPlaces(g, key).filter(fits);
  if (names.length === 0 && kabkota.length === 0) names = nearPlaces(g, key).filter(fits);
  // a desa named like its own kecamatan ("Semboro" in Kecamatan Semboro): a bare name means the kecamatan
  const kecamatan = new Set(names.filter((p) => p.level === 'kecamatan').map((p) => p.code));
  names = names.filter((p) => p.level !== 'desa' || !kecamatan.has(p.kecamatanCode ?? ''));
  return [...kabkota, ...names];
}

/** Whether `outer` is `inner` or one of its ancestors. */
const holds = (outer: Place, inner: Place) =>
  outer.code === inner.code ||
  (outer.level === 'kabkota' && inner.kabkotaCode === outer.code) ||
  (outer.level === 'kecamatan' && inner.kecamatanCode === outer.code);

/** The place of a row's place cells joined with ", " (or a region code); homeRegion breaks ties. */
export function resolvePlace(g: Gazetteer, text: string, homeRegion?: string): PlaceResolution {
  const code = text.trim().match(/^35(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/)?.[0];
  if (code) return { place: optionOf(g, code), candidates: [] };
  const parts = text
    .split(/[,;/|()]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const sets = parts.map((part) => placesOfPart(g, part));
  // each part's places that every other named part agrees with (as an ancestor or a descendant)
  const agreed = sets.flatMap((set, i) =>
    set.filter((p) =>
      sets.every(
        (other, j) => j === i || other.length === 0 || other.some((o) => holds(o, p) || holds(p, o)),
      ),
    ),
  );
  if (agreed.length === 0) {
    const reading = readPlace(g, tokenize(text), homeRegion ?? null);
    const place = reading.regionCode && reading.confidence >= 0.25 ? optionOf(g, reading.regionCode) : null;
    return {
      place,
      candidates: place
        ? []
        : reading.candidates.flatMap((c) => optionOf(g, c.code) ?? []).slice(0, MAX_CANDIDATES),
    };
  }
  // the places no other agreed place lies within: "Tanggul, Jember" is Tanggul; "Malang" stays three places
  const unique = [...new Map(agreed.map((p) => [p.code, p])).values()];
  let found = unique.filter((p) => !unique.some((q) => q.code !== p.code && holds(p, q)));
  if (found.length > 1 && homeRegion) {
    const home = found.filter((p) => isWithin(p.code, homeRegion));
    if (home.length > 0) found = home;
  }
  if (found.length === 1) return { place: optionOf(g, (found[0] as Place).code), candidates: [] };
  return {
    place: null,
    candidates: found
      .sort((a, b) => a.code.localeCompare(b.code))
      .slice(0, MAX_CANDIDATES)
      .flatMap((p) => optionOf(g, p.code) ?? []),
  };
}
