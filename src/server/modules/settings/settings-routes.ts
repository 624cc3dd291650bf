import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PrivacySettings } from '../../../shared/privacy/retention-rules.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { Priority } from '../../../shared/reports/report-schema.ts';
import type { Database } from '../../platform/db.ts';
import { requirePrincipal } from '../../platform/http.ts';
import * as settings from './settings-service.ts';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(365 * 24 * 60);
const SlaRow = z.object({
  priority: Priority,
  acknowledgeMinutes: minutes,
  responseMinutes: minutes,
  resolveMinutes: minutes,
});
const Agency = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,64}$/, 'huruf kecil, angka dan tanda hubung, mis. polres-jember'),
  name: z.string().trim().min(2).max(200),
  kabkotaCode: RegionCode.nullable().default(null),
  isActive: z.boolean().default(true),
});

/** Settings the admin edits: deadlines per priority and the list of partner agencies. */
export async function settingsRoutes(app: FastifyInstance, deps: { db: Database }): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/settings/sla',
    {
      schema: {
        tags: ['settings'],
        summary: 'Batas waktu per prioritas',
        response: { 200: z.object({ items: z.array(SlaRow) }) },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return { items: await settings.listSla(db) };
    },
  );

  r.put(
    '/api/settings/sla',
    {
      schema: {
        tags: ['settings'],
        summary: 'Ubah batas waktu (admin)',
        body: z.object({ items: z.array(SlaRow).min(1).max(4) }),
        response: { 200: z.object({ items: z.array(SlaRow) }) },
      },
    },
    async (request) => ({
      items: await settings.updateSla(db, requirePrincipal(request), request.body.items),
    }),
  );

  r.get(
    '/api/agencies',
    {
      schema: {
        tags: ['settings'],
        summary: 'Lembaga mitra',
        response: { 200: z.object({ items: z.array(Agency) }) },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return { items: await settings.listAgencies(db) };
    },
  );

  r.put(
    '/api/agencies/:id',
    {
      schema: {
        tags: ['settings'],
        summary: 'Tambah/ubah lembaga mitra (admin)',
        params: z.object({ id: Agency.shape.id }),
        body: Agency.omit({ id: true }),
        response: { 200: Agency },
      },
    },
    async (request) =>
      settings.saveAgency(db, requirePrincipal(request), { id: request.params.id, ...request.body }),
  );

  r.get(
    '/api/settings/privacy',
    {
      schema: {
        tags: ['settings'],
        summary: 'Masa retensi data pribadi dan ambang sinyal anomali (PPDP, admin)',
        response: { 200: PrivacySettings },
      },
    },
    async (request) => settings.readPrivacySettings(db, requirePrincipal(request)),
  );

  r.put(
    '/api/settings/privacy',
    {
      schema: {
        tags: ['settings'],
        summary: 'Ubah masa retensi dan ambang sinyal anomali (PPDP, admin)',
        body: PrivacySettings,
        response: { 200: PrivacySettings },
      },
    },
    async (request) => settings.updatePrivacySettings(db, requirePrincipal(request), request.body),
  );
}
