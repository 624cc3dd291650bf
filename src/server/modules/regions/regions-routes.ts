import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Bakorwil, Region, RegionCode, RegionDetail } from '../../../shared/regions.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { routeTable } from '../../platform/routes.ts';
import * as regions from './regions-service.ts';

/** Regions change only with a new data release: browsers keep them an hour, then revalidate by ETag (304). */
const REGIONS_CACHE = 'private, max-age=3600, stale-while-revalidate=86400';
/** Bakorwil membership can be edited by an admin: always revalidated, a 304 when unchanged. */
const BAKORWIL_CACHE = 'private, no-cache';

/** Regions of Jawa Timur and the Bakorwil that group them. */
export async function regionsRoutes(app: FastifyInstance, deps: { db: Database }): Promise<void> {
  const { db } = deps;
  const on = routeTable(app, ['regions']);

  on.list(
    '/api/regions',
    {
      summary: 'Anak wilayah (parent) atau cari nama (q) / children or name search',
      querystring: z.object({
        parent: RegionCode.optional(),
        q: z.string().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
      item: Region,
    },
    ({ query: { parent, q, limit }, reply }) => {
      reply.header('cache-control', REGIONS_CACHE);
      if (q !== undefined) return regions.searchRegionsByName(db, q, limit);
      if (parent !== undefined) return regions.listChildren(db, parent);
      throw new DomainError('validation_failed', 'Isi parent=KODE atau q=NAMA');
    },
  );
  on.get(
    '/api/regions/:code',
    {
      summary: 'Satu wilayah dengan induk dan Bakorwil-nya',
      params: z.object({ code: RegionCode }),
      reply: RegionDetail,
    },
    ({ params, reply }) => {
      reply.header('cache-control', REGIONS_CACHE);
      return regions.getRegionDetail(db, params.code);
    },
  );
  on.list('/api/bakorwil', { summary: 'Daftar Bakorwil', item: Bakorwil }, ({ request, reply }) => {
    requirePrincipal(request); // signed-in users only
    reply.header('cache-control', BAKORWIL_CACHE);
    return regions.listBakorwil(db);
  });
  on.put(
    '/api/bakorwil/:id',
    {
      summary: 'Ubah Bakorwil (admin)',
      params: z.object({ id: z.string().regex(/^[A-Z0-9-]{1,10}$/) }),
      body: z.object({
        name: z.string().min(3).max(120),
        seat: z.string().min(2).max(80),
        members: z.array(RegionCode),
      }),
      reply: Bakorwil,
    },
    ({ principal, params, body }) => regions.updateBakorwil(db, principal, { id: params.id, ...body }),
  );
}
