import type { FastifyInstance } from 'fastify';
import { NoticeSettings, NoticeSettingsReply } from '../../../shared/notices/notice-schema.ts';
import { routeTable } from '../../platform/routes.ts';
import * as notices from './notices-service.ts';

/** One's own notices outside the app: settings and the latest deliveries (GET), settings saved (PUT). */
export async function noticesRoutes(app: FastifyInstance, deps: notices.NoticesDeps): Promise<void> {
  const on = routeTable(app, ['notices'], deps);

  on.direct.get(
    '/api/notices/settings',
    { summary: 'Pengaturan pemberitahuan sendiri dan pemberitahuan terakhir', reply: NoticeSettingsReply },
    notices.getOwnSettings,
  );
  on.direct.put(
    '/api/notices/settings',
    {
      summary: 'Simpan nomor, e-mail, jenis pemberitahuan per saluran dan jam tenang',
      body: NoticeSettings,
      reply: NoticeSettingsReply,
    },
    notices.saveOwnSettings,
  );
}
