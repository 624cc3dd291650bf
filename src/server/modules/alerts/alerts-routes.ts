import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AlertActionInput,
  AlertCloseInput,
  AlertDetail,
  AlertInput,
  AlertStatus,
  AlertView,
  PublicTextInput,
} from '../../../shared/early-warning/early-warning-schema.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { requirePrincipal } from '../../platform/http.ts';
import type { Principal } from '../../platform/principal.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import * as feeds from './alert-feeds.ts';
import { raiseAlert } from './alert-raising.ts';
import * as alerts from './alerts-service.ts';

const Variant = z.object({ variant: z.enum(['restricted', 'public']).default('restricted') });

/** The address other systems reach this server by, for the absolute links of the Atom feed. */
function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** An XML reply: the public variant may be cached a minute by anyone, the restricted one by nobody. */
function sendXml(reply: FastifyReply, contentType: string, variant: 'restricted' | 'public', xml: string) {
  return reply
    .header('content-type', contentType)
    .header('cache-control', variant === 'public' ? 'public, max-age=60' : 'private, no-cache')
    .send(xml);
}

/** Who reads an XML document: nobody signed in for the public variant, else the signed-in user (or 401). */
function readerOf(request: FastifyRequest, variant: 'restricted' | 'public'): Principal | null {
  return variant === 'public' ? null : requirePrincipal(request);
}

/** Alerts: raise, list, acknowledge, respond, close; CAP documents and the Atom feed. */
export async function alertsRoutes(app: FastifyInstance, deps: alerts.AlertDeps): Promise<void> {
  const on = routeTable(app, ['early-warning'], deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['early-warning'];

  on.direct.post(
    '/api/alerts',
    {
      summary: 'Terbitkan peringatan (koordinator, provinsi, admin) / raise an alert by hand',
      body: AlertInput,
      reply: AlertView,
      status: 201,
    },
    raiseAlert,
  );
  on.list(
    '/api/alerts',
    {
      summary: 'Peringatan dalam wilayah Anda / alerts in your scope',
      querystring: z.object({
        status: AlertStatus.optional(),
        open: z.enum(['true', 'false']).optional(),
        region: RegionCode.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(100),
      }),
      item: AlertView,
    },
    ({ principal, query }) =>
      alerts.listAlerts(deps, principal, {
        status: query.status,
        isOpen: query.open === 'true',
        regionCode: query.region,
        limit: query.limit,
      }),
  );

  // XML replies (the Atom feed, CAP documents) declare no JSON schema; the public variant needs no sign-in.
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
      const xml = await feeds.atomFeed(deps, readerOf(request, variant), variant, baseUrlOf(request));
      return sendXml(reply, 'application/atom+xml; charset=utf-8', variant, xml);
    },
  );

  on.byId.get(
    '/api/alerts/:id',
    { summary: 'Satu peringatan dengan tindak lanjutnya', reply: AlertDetail },
    alerts.getAlert,
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
      const xml = await feeds.capXml(deps, readerOf(request, variant), request.params.id, variant);
      return sendXml(reply, 'application/cap+xml; charset=utf-8', variant, xml);
    },
  );

  on.byId.post(
    '/api/alerts/:id/acknowledgement',
    { summary: 'Terima peringatan (satu operator untuk semua)', reply: AlertView },
    alerts.acknowledgeAlert,
  );
  on.byId.post(
    '/api/alerts/:id/actions',
    {
      summary: 'Catat tindakan tanggapan / record a response action',
      body: AlertActionInput,
      reply: AlertView,
      status: 201,
    },
    alerts.addAlertAction,
  );
  on.post(
    '/api/alerts/:id/close',
    { summary: 'Tutup peringatan', params: IdParams, body: AlertCloseInput, reply: AlertView },
    ({ principal, params, body }) => alerts.closeAlert(deps, principal, params.id, body.note),
  );
  on.byId.put(
    '/api/alerts/:id/public-text',
    {
      summary: 'Setujui teks untuk varian publik CAP',
      body: PublicTextInput,
      reply: AlertView,
    },
    alerts.approvePublicText,
  );
}
