import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzipSync } from 'node:zlib';
import { kabkotaOf } from '../../../shared/region-codes.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';

const brotli = promisify(brotliCompress);

/** The boundary files the boundaries folder must hold (see assets/geo/README.md). */
export const GEO_FILES = {
  kabkota: 'jatim-kabkota.geojson',
  kecamatan: 'jatim-kecamatan.geojson',
} as const;

/**
 * One answer, ready to send: the JSON, its gzip and an ETag, computed once per process; the brotli form (about a
 * third smaller than gzip at its best quality, but seconds to make) on the first request that accepts it, off the
 * event loop.
 */
export type GeoBody = { json: Buffer; gzip: Buffer; etag: string; brotli: () => Promise<Buffer> };

type Feature = { type: 'Feature'; properties: { code?: string; kabkota_code?: string }; geometry: unknown };
type FeatureCollection = { type: 'FeatureCollection'; features: Feature[] };

type GeoCache = {
  kabkota: GeoBody;
  kecamatanAll: GeoBody;
  kecamatanByKabkota: Map<string, GeoBody>;
};

function toBody(collection: FeatureCollection): GeoBody {
  const json = Buffer.from(JSON.stringify(collection));
  let compressed: Promise<Buffer> | undefined;
  return {
    json,
    gzip: gzipSync(json, { level: 9 }),
    brotli: () =>
      (compressed ??= brotli(json, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
      })),
    etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`,
  };
}

async function readCollection(geoDir: string, file: string): Promise<FeatureCollection> {
  const text = await readFile(path.join(geoDir, file), 'utf8');
  const parsed = JSON.parse(text) as FeatureCollection;
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new Error(`${file} is not a GeoJSON FeatureCollection`);
  }
  return parsed;
}

function unavailable(message: string): DomainError {
  return new DomainError('geo_unavailable', message);
}

/**
 * Serves the kab/kota and kecamatan boundaries of the boundaries folder (assets/geo in the package, or GEO_DIR).
 * The files are read once and kept in memory with their gzip and brotli forms. Without a readable folder every
 * call answers geo_unavailable, and the web shows the dashboard without a map.
 */
export function createGeoSource(geoDir: string | undefined) {
  let loading: Promise<GeoCache> | undefined;

  async function load(): Promise<GeoCache> {
    if (!geoDir) {
      throw unavailable('Batas wilayah belum dikonfigurasi (GEO_DIR) / boundaries are not configured');
    }
    loading ??= (async () => {
      const [kabkota, kecamatan] = await Promise.all([
        readCollection(geoDir, GEO_FILES.kabkota),
        readCollection(geoDir, GEO_FILES.kecamatan),
      ]);
      const grouped = new Map<string, Feature[]>();
      for (const feature of kecamatan.features) {
        const parent =
          feature.properties.kabkota_code ?? (feature.properties.code && kabkotaOf(feature.properties.code));
        if (!parent) continue;
        grouped.set(parent, [...(grouped.get(parent) ?? []), feature]);
      }
      return {
        kabkota: toBody(kabkota),
        kecamatanAll: toBody(kecamatan),
        kecamatanByKabkota: new Map(
          [...grouped].map(([code, features]) => [code, toBody({ type: 'FeatureCollection', features })]),
        ),
      };
    })().catch((error: unknown) => {
      loading = undefined; // a folder fixed later is read on the next request
      throw unavailable(
        `Berkas batas wilayah tidak dapat dibaca / boundary files cannot be read: ${(error as Error).message}`,
      );
    });
    return loading;
  }

  return {
    /** The 38 kab/kota of Jawa Timur. Throws geo_unavailable. */
    async getKabkota(): Promise<GeoBody> {
      return (await load()).kabkota;
    },
    /** The kecamatan of one kab/kota, or of the whole province. Throws geo_unavailable or not_found. */
    async getKecamatan(kabkotaCode?: string): Promise<GeoBody> {
      const cache = await load();
      if (!kabkotaCode) return cache.kecamatanAll;
      return foundOr(
        cache.kecamatanByKabkota.get(kabkotaCode),
        `Kab/kota ${kabkotaCode} tidak ada dalam batas wilayah`,
      );
    },
  };
}

export type GeoSource = ReturnType<typeof createGeoSource>;
