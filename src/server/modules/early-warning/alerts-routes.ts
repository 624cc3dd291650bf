import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreatedWebhook, Delivery, Webhook } from '../../../shared/early-warning/early-warning-replies.ts';
import {
  AlertActionInput,
  AlertCloseInput,
  AlertDetail,
  AlertInput,
  AlertStatus,
  AlertView,
  PublicTextInput,
  WebhookChange,
  WebhookInput,
} from '../../../shared/early-warning/early-warning-schema.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { itemsOf } from '../../../shared/replies.ts';
import { requirePrincipal } from '../../platform/http.ts';
import * as alerts from './alerts-service.ts';
import * as webhooks from './webhooks-service.ts';

const IdParams = z.object({ id: z.uuid() });
const Variant = z.object({ variant: z.enum(['restricted', 'public']).default('restricted') });

/** The address other systems reach this server by, for the absolute links of the Atom feed. */
function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Alerts: raise, list, acknowledge, respond, close; CAP documents and the Atom feed; webhook settings. */
export async function alertsRoutes(app: FastifyInstance, deps: alerts.AlertDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['early-warning'];

  r.post(
    '/api/alerts',
    {
      schema: {
        tags,
        summary: 'Terbitkan peringatan (koordinator, provinsi, admin) / raise an alert by hand',
        body: AlertInput,
        response: { 201: AlertView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await alerts.raiseAlert(deps, requirePrincipal(request), request.body)),
  );

  r.get(
    '/api/alerts',
    {
      schema: {
        tags,
        summary: 'Peringatan dalam wilayah Anda / alerts in your scope',
        querystring: z.object({
          status: AlertStatus.optional(),
          open: z.enum(['true', 'false']).optional(),
          region: RegionCode.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(100),
        }),
        response: { 200: z.object({ items: z.array(AlertView) }) },
      },
    },
    async (request) => {
      const q = request.query;
      return {
        items: await alerts.listAlerts(deps, requirePrincipal(request), {
          status: q.status,
          isOpen: q.open === 'true',
          regionCode: q.region,
          limit: q.limit,
        }),
      };
    },
  );

  // Before /api/alerts/:id, so 'feed.xml' is not read as an id.
  r.get(
    '/api/alerts/feed.xml',
    {
      schema: {
        tags,
        summary: 'Umpan Atom peringatan aktif (variant=public: tanpa masuk, hanya teks yang disetujui)',
        querystring: Variant,
      },
    },
    async (request, reply) => {
      const variant = request.query.variant;
      const xml = await alerts.atomFeed(
        deps,
        variant === 'public' ? null : requirePrincipal(request),
        variant,
        baseUrlOf(request),
      );
      return reply
        .header('content-type', 'application/atom+xml; charset=utf-8')
        .header('cache-control', variant === 'public' ? 'public, max-age=60' : 'private, no-cache')
        .send(xml);
    },
  );

  r.get(
    '/api/alerts/:id',
    {
      schema: {
        tags,
        summary: 'Satu peringatan dengan tindak lanjutnya',
        params: IdParams,
        response: { 200: AlertDetail },
      },
    },
    async (request) => alerts.getAlert(deps, requirePrincipal(request), request.params.id),
  );

  r.get(
    '/api/alerts/:id/cap.xml',
    {
      schema: {
        tags,
        summary: 'Dokumen CAP 1.2 (Restricted; variant=public: teks publik yang disetujui, tanpa masuk)',
        params: IdParams,
        querystring: Variant,
      },
    },
    async (request, reply) => {
      const variant = request.query.variant;
      const xml = await alerts.capXml(
        deps,
        variant === 'public' ? null : requirePrincipal(request),
        request.params.id,
        variant,
      );
      return reply
        .header('content-type', 'application/cap+xml; charset=utf-8')
        .header('cache-control', variant === 'public' ? 'public, max-age=60' : 'private, no-cache')
        .send(xml);
    },
  );

  r.post(
    '/api/alerts/:id/acknowledgement',
    {
      schema: {
        tags,
        summary: 'Terima peringatan (satu operator untuk semua)',
        params: IdParams,
        response: { 200: AlertView },
      },
    },
    async (request) => alerts.acknowledgeAlert(deps, requirePrincipal(request), request.params.id),
  );

  r.post(
    '/api/alerts/:id/actions',
    {
      schema: {
        tags,
        summary: 'Catat tindakan tanggapan / record a response action',
        params: IdParams,
        body: AlertActionInput,
        response: { 201: AlertView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await alerts.addAlertAction(deps, requirePrincipal(request), request.params.id, request.body)),
  );

  r.post(
    '/api/alerts/:id/close',
    {
      schema: {
        tags,
        summary: 'Tutup peringatan',
        params: IdParams,
        body: AlertCloseInput,
        response: { 200: AlertView },
      },
    },
    async (request) =>
      alerts.closeAlert(deps, requirePrincipal(request), request.params.id, request.body.note),
  );

  r.put(
    '/api/alerts/:id/public-text',
    {
      schema: {
        tags,
        summary: 'Setujui teks untuk varian publik CAP',
        params: IdParams,
        body: PublicTextInput,
        response: { 200: AlertView },
      },
    },
    async (request) =>
      alerts.approvePublicText(deps, requirePrincipal(request), request.params.id, request.body),
  );

  // ── Webhooks (admin) ──
  const webhookDeps: webhooks.WebhookDeps = {
    db: deps.db,
    clock: deps.clock,
    allowPrivateTargets: deps.config.webhookAllowPrivate === true,
  };
  r.get(
    '/api/webhooks',
    { schema: { tags, summary: 'Webhook keluar (admin)', response: { 200: itemsOf(Webhook) } } },
    async (request) => ({ items: await webhooks.listWebhooks(deps, requirePrincipal(request)) }),
  );

  r.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Tambah webhook (admin); tanpa secret, dibuatkan dan ditampilkan sekali',
        body: WebhookInput,
        response: { 201: CreatedWebhook },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await webhooks.createWebhook(webhookDeps, requirePrincipal(request), request.body)),
  );

  r.patch(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Ubah webhook (admin)',
        params: IdParams,
        body: WebhookChange,
        response: { 200: Webhook },
      },
    },
    async (request) =>
      webhooks.updateWebhook(webhookDeps, requirePrincipal(request), request.params.id, request.body),
  );

  r.get(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Log pengiriman webhook (admin)',
        params: IdParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: itemsOf(Delivery) },
      },
    },
    async (request) => {
      return {
        items: await webhooks.listDeliveries(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.query.limit,
        ),
      };
    },
  );
}
