import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Region, RegionCode } from '../../../shared/regions.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http.ts';
import * as regions from './regions-service.ts';

const RegionDetail = Region.extend({
  ancestors: z.array(Region),
  bakorwil: z.object({ id: z.string(), name: z.string() }).nullable(),
});
const Bakorwil = z.object({
  id: z.string(),
  name: z.string(),
  seat: z.string(),
  members: z.array(z.string()),
});

/** Regions change only with a new data release: browsers keep them an hour, then revalidate by ETag (304). */
const REGIONS_CACHE = 'private, max-age=3600, stale-while-revalidate=86400';
/** Bakorwil membership can be edited by an admin: always revalidated, a 304 when unchanged. */
const BAKORWIL_CACHE = 'private, no-cache';

/** Regions of Jawa Timur and the Bakorwil that group them. */
export async function regionsRoutes(app: FastifyInstance, deps: { db: Database }): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Anak wilayah (parent) atau cari nama (q) / children or name search',
        querystring: z.object({
          parent: RegionCode.optional(),
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(Region) }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', REGIONS_CACHE);
      const { parent, q, limit } = request.query;
      if (q !== undefined) return { items: await regions.searchRegionsByName(db, q, limit) };
      if (parent !== undefined) return { items: await regions.listChildren(db, parent) };
      throw new DomainError('validation_failed', 'Isi parent=KODE atau q=NAMA');
    },
  );

  r.get(
    '/api/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: 'Satu wilayah dengan induk dan Bakorwil-nya',
        params: z.object({ code: RegionCode }),
        response: { 200: RegionDetail },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', REGIONS_CACHE);
      return regions.getRegionDetail(db, request.params.code);
    },
  );

  r.get(
    '/api/bakorwil',
    {
      schema: {
        tags: ['regions'],
        summary: 'Daftar Bakorwil',
        response: { 200: z.object({ items: z.array(Bakorwil) }) },
      },
    },
    async (request, reply) => {
      requirePrincipal(request);
      reply.header('cache-control', BAKORWIL_CACHE);
      return { items: await regions.listBakorwil(db) };
    },
  );

  r.put(
    '/api/bakorwil/:id',
    {
      schema: {
        tags: ['regions'],
        summary: 'Ubah Bakorwil (admin)',
        params: z.object({ id: z.string().regex(/^[A-Z0-9-]{1,10}$/) }),
        body: z.object({
          name: z.string().min(3).max(120),
          seat: z.string().min(2).max(80),
          members: z.array(RegionCode),
        }),
        response: { 200: Bakorwil },
      },
    },
    async (request) => {
      const admin = requirePrincipal(request);
      return regions.updateBakorwil(db, admin, { id: request.params.id, ...request.body });
    },
  );
}
