// Region names for the place picker, kept on the phone so that "Tanggulwetan" is found without a signal.
//
// The choice: on the first online visit of a user with a kab/kota (or smaller) area, the app fetches the names of
// that whole kab/kota — its kecamatan, then the desa/kelurahan of each (Jember: 31 + 248 names, ~30 small
// requests, a few seconds on 3G) — through the existing `GET /api/regions?parent=`. Every answer of a name
// search (`GET /api/regions?q=`) is kept as well, so places outside the area that were found once are found again
// offline. Region names are public reference data: they stay after sign-out. Refreshed every 30 days.
import { kabkotaOf, type RegionLevelName, searchKey } from '../../shared/region-codes.ts';
import type { Scope } from '../../shared/users.ts';
import { request } from '../api.ts';
import { findRecord, listRecords, putRecords } from './idb.ts';

/** A region as the picker keeps it: the API's fields plus the key names are matched by. */
export type PlaceRegion = {
  code: string;
  name: string;
  level: RegionLevelName;
  parentCode: string | null;
  key: string;
};

type ApiRegion = { code: string; name: string; level: RegionLevelName; parentCode: string | null };

const REFRESH_AFTER_MS = 30 * 24 * 60 * 60 * 1000;
const LEVEL_RANK: Record<RegionLevelName, number> = { desa: 0, kecamatan: 1, kabkota: 2, provinsi: 3 };

/** Every region known on this phone, by code (filled from IndexedDB on first use). */
const known = new Map<string, PlaceRegion>();
let loading: Promise<void> | undefined;

function loadKnown(): Promise<void> {
  loading ??= listRecords<PlaceRegion>('regions')
    .then((records) => {
      for (const record of records) known.set(record.code, record);
    })
    .catch(() => undefined);
  return loading;
}

/** Keeps regions from an API answer on the phone. */
export async function rememberRegions(regions: readonly ApiRegion[]): Promise<PlaceRegion[]> {
  await loadKnown();
  const records = regions.map((region) => ({
    code: region.code,
    name: region.name,
    level: region.level,
    parentCode: region.parentCode,
    key: searchKey(region.name),
  }));
  for (const record of records) known.set(record.code, record);
  await putRecords('regions', records).catch(() => undefined);
  return records;
}

/** Best matches first: the exact name, then names that start with it, then desa before larger areas. */
function rank(regions: PlaceRegion[], key: string): PlaceRegion[] {
  const score = (region: PlaceRegion) => (region.key === key ? 0 : region.key.startsWith(key) ? 1 : 2);
  return regions.sort(
    (a, b) =>
      score(a) - score(b) ||
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      a.name.localeCompare(b.name, 'id') ||
      a.code.localeCompare(b.code),
  );
}

/** The shortest text worth searching for. */
export const MIN_SEARCH_LENGTH = 3;

/** Regions on this phone whose name contains `text` (the province itself is never a place of report). */
export async function searchOnDevice(text: string, limit = 20): Promise<PlaceRegion[]> {
  const key = searchKey(text);
  if (key.length < MIN_SEARCH_LENGTH) return [];
  await loadKnown();
  const found = [...known.values()].filter(
    (region) => region.level !== 'provinsi' && region.key.includes(key),
  );
  return rank(found, key).slice(0, limit);
}

/** Asks the server, keeps the answer (and the parents needed to tell same-named desa apart) on the phone. */
export async function searchOnServer(text: string, limit = 20): Promise<PlaceRegion[]> {
  const { items } = await request<{ items: ApiRegion[] }>(
    'GET',
    `/api/regions?q=${encodeURIComponent(text)}&limit=${limit}`,
  );
  const regions = await rememberRegions(items.filter((region) => region.level !== 'provinsi'));
  await rememberParents(regions);
  return rank(regions, searchKey(text));
}

async function rememberParents(regions: readonly PlaceRegion[]): Promise<void> {
  const missing = [
    ...new Set(
      regions.map((region) => region.parentCode).filter((code): code is string => !!code && !known.has(code)),
    ),
  ].slice(0, 8);
  await Promise.all(
    missing.map(async (code) => {
      const detail = await request<ApiRegion & { ancestors: ApiRegion[] }>('GET', `/api/regions/${code}`);
      await rememberRegions([detail, ...detail.ancestors]);
    }),
  ).catch(() => undefined); // the names still show, only without their kecamatan
}

/** The region with this code, if known on this phone. */
export function findKnownRegion(code: string | null): PlaceRegion | undefined {
  return code ? known.get(code) : undefined;
}

/**
 * Fetches the region names of the user's kab/kota once (then every 30 days). Users whose area is the province or
 * a Bakorwil rely on the names their searches brought.
 */
export async function prefetchRegionsOf(scope: Scope): Promise<void> {
  if (scope.kind !== 'region') return;
  const kabkota = kabkotaOf(scope.code);
  if (!kabkota) return;
  const markKey = `regions:${kabkota}`;
  const mark = await findRecord<{ key: string; at: string }>('meta', markKey);
  if (mark && Date.now() - Date.parse(mark.at) < REFRESH_AFTER_MS) return;
  const detail = await request<ApiRegion & { ancestors: ApiRegion[] }>('GET', `/api/regions/${kabkota}`);
  const { items: kecamatan } = await request<{ items: ApiRegion[] }>('GET', `/api/regions?parent=${kabkota}`);
  await rememberRegions([detail, ...detail.ancestors, ...kecamatan]);
  // Four at a time: quick on a good line, gentle on a weak one.
  for (let index = 0; index < kecamatan.length; index += 4) {
    const answers = await Promise.all(
      kecamatan
        .slice(index, index + 4)
        .map((parent) => request<{ items: ApiRegion[] }>('GET', `/api/regions?parent=${parent.code}`)),
    );
    await rememberRegions(answers.flatMap((answer) => answer.items));
  }
  await putRecords('meta', [{ key: markKey, at: new Date().toISOString() }]);
}
