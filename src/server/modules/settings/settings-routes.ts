import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PrivacySettings } from '../../../shared/privacy/retention-rules.ts';
import { Agency, SlaRow } from '../../../shared/settings/settings-schema.ts';
import type { Database } from '../../platform/db.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { routeTable } from '../../platform/routes.ts';
import * as settings from './settings-service.ts';

/** Settings the admin edits: deadlines per priority and the list of partner agencies. */
export async function settingsRoutes(app: FastifyInstance, deps: { db: Database }): Promise<void> {
  const { db } = deps;
  const on = routeTable(app, ['settings'], db);

  on.list('/api/settings/sla', { summary: 'Batas waktu per prioritas', item: SlaRow }, ({ request }) => {
    requirePrincipal(request); // signed-in users only
    return settings.listSla(db);
  });
  on.list(
    '/api/settings/sla',
    {
      summary: 'Ubah batas waktu (admin)',
      body: z.object({ items: z.array(SlaRow).min(1).max(4) }),
      item: SlaRow,
      method: 'PUT',
    },
    ({ principal, body }) => settings.updateSla(db, principal, body.items),
  );
  on.list('/api/agencies', { summary: 'Lembaga mitra', item: Agency }, ({ request }) => {
    requirePrincipal(request); // signed-in users only
    return settings.listAgencies(db);
  });
  on.put(
    '/api/agencies/:id',
    {
      summary: 'Tambah/ubah lembaga mitra (admin)',
      params: z.object({ id: Agency.shape.id }),
      body: Agency.omit({ id: true }),
      reply: Agency,
    },
    ({ principal, params, body }) => settings.saveAgency(db, principal, { id: params.id, ...body }),
  );
  on.direct.get(
    '/api/settings/privacy',
    { summary: 'Masa retensi data pribadi dan ambang sinyal anomali (PPDP, admin)', reply: PrivacySettings },
    settings.readPrivacySettings,
  );
  on.direct.put(
    '/api/settings/privacy',
    {
      summary: 'Ubah masa retensi dan ambang sinyal anomali (PPDP, admin)',
      body: PrivacySettings,
      reply: PrivacySettings,
    },
    settings.updatePrivacySettings,
  );
}
