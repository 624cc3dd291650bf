import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionCode } from '../../../shared/regions.ts';
import type { Config } from '../../platform/config.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { createGeoSource, type GeoBody } from './geo-service.ts';

const KabkotaCode = RegionCode.refine((code) => code.split('.').length === 2, 'kode kab/kota, mis. 35.09');

/** Boundaries change with a new data release, not during the day: browsers keep them a day, then revalidate. */
const CACHE_CONTROL = 'private, max-age=86400, stale-while-revalidate=604800';

function send(request: FastifyRequest, reply: FastifyReply, body: GeoBody) {
  reply.header('cache-control', CACHE_CONTROL).header('etag', body.etag).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === body.etag) return reply.status(304).send();
  reply.header('content-type', 'application/geo+json; charset=utf-8');
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (acceptsGzip) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.json);
}

/** Kab/kota and kecamatan boundaries from the configured folder (GEO_DIR), for the dashboard map. */
export async function geoRoutes(app: FastifyInstance, deps: { config: Config }): Promise<void> {
  const source = createGeoSource(deps.config.geoDir);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['geo'];

  r.get(
    '/api/geo/kabkota.geojson',
    {
      schema: {
        tags,
        summary: 'Batas 38 kab/kota Jawa Timur (GeoJSON; 404 geo_unavailable bila GEO_DIR tidak ada)',
      },
    },
    async (request, reply) => {
      requirePrincipal(request);
      return send(request, reply, await source.getKabkota());
    },
  );

  r.get(
    '/api/geo/kecamatan.geojson',
    {
      schema: {
        tags,
        summary: 'Batas kecamatan satu kab/kota (kabkota=35.09), atau seluruh provinsi (GeoJSON)',
        querystring: z.object({ kabkota: KabkotaCode.optional() }),
      },
    },
    async (request, reply) => {
      requirePrincipal(request);
      return send(request, reply, await source.getKecamatan(request.query.kabkota));
    },
  );
}
