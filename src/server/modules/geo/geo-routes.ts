import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KabkotaCode } from '../../../shared/regions.ts';
import type { Config } from '../../platform/config.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { createGeoSource, type GeoBody } from './geo-service.ts';

/** Boundaries change with a new data release, not during the day: browsers keep them a day, then revalidate. */
const CACHE_CONTROL = 'private, max-age=86400, stale-while-revalidate=604800';

async function send(request: FastifyRequest, reply: FastifyReply, body: GeoBody) {
  reply.header('cache-control', CACHE_CONTROL).header('etag', body.etag).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === body.etag) return reply.status(304).send();
  reply.header('content-type', 'application/geo+json; charset=utf-8');
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(await body.brotli());
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.json);
}

/** Kab/kota and kecamatan boundaries shipped in the package (or GEO_DIR), for the dashboard map. */
export async function geoRoutes(app: FastifyInstance, deps: { config: Config }): Promise<void> {
  const source = createGeoSource(deps.config.geoDir);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['geo'];

  r.get(
    '/api/geo/kabkota.geojson',
    {
      schema: {
        tags,
        summary:
          'Batas 38 kab/kota Jawa Timur (GeoJSON; 404 geo_unavailable bila berkas batas tidak terbaca)',
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
