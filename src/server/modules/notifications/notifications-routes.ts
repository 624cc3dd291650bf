import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../platform/http.ts';
import * as inbox from './notifications-service.ts';

const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const Unread = z.object({ unread: z.number() });

/** The inbox: each user sees and marks only their own notifications. */
export async function notificationsRoutes(app: FastifyInstance, deps: inbox.NotificationDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'Kotak masuk sendiri, terbaru dulu',
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(Notification), unread: z.number() }) },
      },
    },
    async (request) =>
      inbox.listInbox(deps, requirePrincipal(request), {
        isUnreadOnly: request.query.unread === 'true',
        limit: request.query.limit,
      }),
  );

  r.get(
    '/api/notifications/count',
    { schema: { tags, summary: 'Jumlah notifikasi belum dibaca', response: { 200: Unread } } },
    async (request) => ({ unread: await inbox.countUnread(deps, requirePrincipal(request)) }),
  );

  r.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Tandai semua sudah dibaca',
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    async (request) => ({ updated: await inbox.markAllRead(deps, requirePrincipal(request)) }),
  );

  r.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Tandai satu notifikasi sudah dibaca',
        params: z.object({ id: z.uuid() }),
        response: { 200: Notification },
      },
    },
    async (request) => inbox.markRead(deps, requirePrincipal(request), request.params.id),
  );
}
