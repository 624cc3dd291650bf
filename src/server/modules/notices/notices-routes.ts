import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NoticeSettings, NoticeSettingsReply } from '../../../shared/notices/notice-schema.ts';
import { requirePrincipal } from '../../platform/http.ts';
import * as notices from './notices-service.ts';

/** One's own notices outside the app: settings and the latest deliveries (GET), settings saved (PUT). */
export async function noticesRoutes(app: FastifyInstance, deps: notices.NoticesDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notices'];

  r.get(
    '/api/notices/settings',
    {
      schema: {
        tags,
        summary: 'Pengaturan pemberitahuan sendiri dan pemberitahuan terakhir',
        response: { 200: NoticeSettingsReply },
      },
    },
    async (request) => notices.getOwnSettings(deps, requirePrincipal(request)),
  );

  r.put(
    '/api/notices/settings',
    {
      schema: {
        tags,
        summary: 'Simpan nomor, e-mail, jenis pemberitahuan per saluran dan jam tenang',
        body: NoticeSettings,
        response: { 200: NoticeSettingsReply },
      },
    },
    async (request) => notices.saveOwnSettings(deps, requirePrincipal(request), request.body),
  );
}
