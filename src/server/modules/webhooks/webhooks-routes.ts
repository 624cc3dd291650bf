import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreatedWebhook, Delivery, Webhook } from '../../../shared/early-warning/early-warning-replies.ts';
import { WebhookChange, WebhookInput } from '../../../shared/early-warning/early-warning-schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import * as webhooks from './webhooks-service.ts';

/** Outgoing webhooks (admin): the targets alerts and level changes are posted to, and their delivery log. */
export async function webhooksRoutes(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock; config: { webhookAllowPrivate?: boolean } },
): Promise<void> {
  const webhookDeps: webhooks.WebhookDeps = {
    db: deps.db,
    clock: deps.clock,
    allowPrivateTargets: deps.config.webhookAllowPrivate === true,
  };
  const on = routeTable(app, ['early-warning'], webhookDeps);

  on.direct.list(
    '/api/webhooks',
    { summary: 'Webhook keluar (admin)', item: Webhook },
    webhooks.listWebhooks,
  );
  on.direct.post(
    '/api/webhooks',
    {
      summary: 'Tambah webhook (admin); tanpa secret, dibuatkan dan ditampilkan sekali',
      body: WebhookInput,
      reply: CreatedWebhook,
      status: 201,
    },
    webhooks.createWebhook,
  );
  on.byId.patch(
    '/api/webhooks/:id',
    { summary: 'Ubah webhook (admin)', body: WebhookChange, reply: Webhook },
    webhooks.updateWebhook,
  );
  on.list(
    '/api/webhooks/:id/deliveries',
    {
      summary: 'Log pengiriman webhook (admin)',
      params: IdParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      item: Delivery,
    },
    ({ principal, params, query }) => webhooks.listDeliveries(webhookDeps, principal, params.id, query.limit),
  );
}
