import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { QueryFlag } from '../../../shared/replies.ts';
import { routeTable } from '../../platform/routes.ts';
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
  const on = routeTable(app, ['notifications'], deps);

  on.get(
    '/api/notifications',
    {
      summary: 'Kotak masuk sendiri, terbaru dulu',
      querystring: z.object({
        unread: QueryFlag,
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      reply: z.object({ items: z.array(Notification), unread: z.number() }),
    },
    ({ principal, query }) =>
      inbox.listInbox(deps, principal, { isUnreadOnly: query.unread === 'true', limit: query.limit }),
  );
  on.get(
    '/api/notifications/count',
    { summary: 'Jumlah notifikasi belum dibaca', reply: Unread },
    async (c) => ({
      unread: await inbox.countUnread(deps, c.principal),
    }),
  );
  on.post(
    '/api/notifications/read-all',
    { summary: 'Tandai semua sudah dibaca', reply: z.object({ updated: z.number() }) },
    async (c) => ({ updated: await inbox.markAllRead(deps, c.principal) }),
  );
  on.byId.post(
    '/api/notifications/:id/read',
    { summary: 'Tandai satu notifikasi sudah dibaca', reply: Notification },
    inbox.markRead,
  );
}
