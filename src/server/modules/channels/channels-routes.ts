// WhatsApp (Cloud API webhook) and SMS (a generic gateway webhook) in; the queue of messages without a place and
// the messages of a report for the office. The webhooks read their bodies raw: the signature covers the bytes.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ChannelMessageList,
  DeliveryReply,
  PlaceMessageInput,
  PlaceMessageReply,
  SmsDelivery,
} from '../../../shared/channels/channel-schema.ts';
import { ReplyInput, ReplyResult } from '../../../shared/channels/reply-schema.ts';
import { acceptBytes } from '../../platform/byte-bodies.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import { whatsAppMediaFetcher } from './channels-outbox.ts';
import { replyToSender } from './channels-reply.ts';
import * as service from './channels-service.ts';
import * as view from './channels-view-service.ts';
import { MalformedDelivery, readWhatsAppDelivery } from './whatsapp-rules.ts';

type RouteDeps = { db: Database; clock: Clock; config: Config; jobs?: () => Jobs | undefined };

const ErrorReply = z.object({ error: z.object({ code: z.string(), message: z.string() }).loose() });

function disabled(): DomainError {
  return new DomainError('not_found', 'Kanal ini belum diaktifkan / this channel is not configured');
}

/** A body the webhook cannot read: 400 with the reason; logged by the error handler without the content. */
function malformed(reason: string): DomainError {
  return new DomainError('bad_request', `Kiriman tidak dapat dibaca / malformed delivery: ${reason}`);
}

export async function channelsRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const channelDeps: service.ChannelDeps = {
    ...deps,
    config: deps.config,
    fetchMedia: deps.config.whatsapp?.send ? whatsAppMediaFetcher(deps.config.whatsapp.send) : undefined,
  };

  await app.register(async (hooks) => webhookRoutes(hooks, deps, channelDeps));
  const on = routeTable(app, ['channels'], channelDeps);

  on.get(
    '/api/channels/queue',
    {
      summary: 'Pesan WhatsApp/SMS yang belum ditempatkan di wilayah Anda (koordinator, provinsi)',
      reply: ChannelMessageList,
    },
    async ({ principal }) => ({ items: await view.listQueue(channelDeps, principal) }),
  );
  on.post(
    '/api/channels/queue/:id/place',
    {
      summary: 'Menempatkan pesan dengan tangan: pesan menjadi laporan di kab/kota, kecamatan atau desa ini',
      params: IdParams,
      body: PlaceMessageInput,
      reply: PlaceMessageReply,
    },
    ({ principal, params, body }) => service.placeMessage(channelDeps, principal, params.id, body.regionCode),
  );
  on.get(
    '/api/reports/:id/messages',
    {
      summary:
        'Pesan WhatsApp/SMS asal laporan, dengan saran pembaca teks; nomor disamarkan bagi yang tidak menangani',
      params: IdParams,
      reply: ChannelMessageList,
    },
    async ({ principal, params }) => ({
      items: await view.listReportMessages(channelDeps, principal, params.id),
    }),
  );
  on.byId.post(
    '/api/reports/:id/reply',
    {
      summary: 'Membalas pengirim laporan WhatsApp/SMS dengan templat atau teks singkat (tercatat di audit)',
      body: ReplyInput,
      reply: ReplyResult,
    },
    replyToSender,
  );
}

/** The webhooks, in their own context: their bodies are read raw, as the signature covers the bytes. */
async function webhookRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  channelDeps: service.ChannelDeps,
): Promise<void> {
  const on = routeTable(app, ['channels'], channelDeps);
  // These routes read JSON and forms as raw bytes (the rest of the app keeps its parsers).
  app.removeContentTypeParser('application/json');
  acceptBytes(app, ['application/json', 'application/x-www-form-urlencoded']);

  on.get(
    '/api/channels/whatsapp',
    {
      summary:
        'Jabat tangan verifikasi webhook WhatsApp Cloud API (hub.mode, hub.verify_token, hub.challenge)',
      querystring: z.object({
        'hub.mode': z.string().max(40).optional(),
        'hub.verify_token': z.string().max(500).optional(),
        'hub.challenge': z.string().max(500).optional(),
      }),
      reply: z.string(),
      otherReplies: { 403: ErrorReply, 404: ErrorReply },
    },
    ({ query: q, reply }) => {
      const wa = deps.config.whatsapp;
      if (!wa) throw disabled();
      if (q['hub.mode'] !== 'subscribe' || !service.sameSecret(q['hub.verify_token'], wa.verifyToken)) {
        throw new DomainError('forbidden', 'Token verifikasi salah / wrong verify token');
      }
      return reply.type('text/plain; charset=utf-8').send(q['hub.challenge'] ?? '');
    },
  );

  on.post(
    '/api/channels/whatsapp',
    {
      summary:
        'Kiriman webhook WhatsApp: pesan teks, lokasi dan foto menjadi laporan (atau menunggu tempat); status pengiriman',
      reply: DeliveryReply,
      otherReplies: { 400: ErrorReply, 401: ErrorReply, 404: ErrorReply },
    },
    async ({ request }) => {
      const wa = deps.config.whatsapp;
      if (!wa) throw disabled();
      const raw = rawBody(request);
      const signature = request.headers['x-hub-signature-256'];
      if (
        !service.validWhatsAppSignature(
          raw,
          typeof signature === 'string' ? signature : undefined,
          wa.appSecret,
        )
      ) {
        throw new DomainError(
          'unauthenticated',
          'Tanda tangan X-Hub-Signature-256 tidak sah / bad signature',
        );
      }
      let delivery: ReturnType<typeof readWhatsAppDelivery>;
      try {
        delivery = readWhatsAppDelivery(JSON.parse(raw.toString('utf8')));
      } catch (error) {
        if (error instanceof MalformedDelivery) throw malformed(error.message);
        if (error instanceof SyntaxError) throw malformed('not JSON');
        throw error;
      }
      await service.recordDeliveryStatuses(channelDeps, delivery.statuses);
      const outcomes = [];
      for (const m of delivery.messages) outcomes.push(await service.takeIn(channelDeps, 'whatsapp', m));
      return { received: outcomes.length, outcomes };
    },
  );

  on.post(
    '/api/channels/sms',
    {
      summary:
        'Webhook gateway SMS (JSON atau form: from, text, id, receivedAt) dengan header x-sigap-secret',
      reply: DeliveryReply,
      otherReplies: { 400: ErrorReply, 401: ErrorReply, 404: ErrorReply },
    },
    async ({ request }) => {
      const sms = deps.config.sms;
      if (!sms) throw disabled();
      const secret = request.headers['x-sigap-secret'];
      if (!service.sameSecret(typeof secret === 'string' ? secret : undefined, sms.secret)) {
        throw new DomainError('unauthenticated', 'Rahasia x-sigap-secret salah / wrong gateway secret');
      }
      const raw = rawBody(request).toString('utf8');
      let fields: unknown;
      if ((request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        fields = Object.fromEntries(new URLSearchParams(raw));
      } else {
        try {
          fields = JSON.parse(raw);
        } catch {
          throw malformed('not JSON');
        }
      }
      const parsed = SmsDelivery.safeParse(fields);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw malformed(`${issue.path.join('.') || 'body'}: ${issue.code}`);
      }
      const d = parsed.data;
      const receivedAt =
        d.receivedAt === undefined
          ? deps.clock.now()
          : new Date(
              typeof d.receivedAt === 'number' && d.receivedAt < 1e11 ? d.receivedAt * 1000 : d.receivedAt,
            );
      const outcome = await service.takeIn(channelDeps, 'sms', {
        providerId: d.id,
        from: d.from,
        receivedAt,
        type: 'text',
        text: d.text,
        latitude: null,
        longitude: null,
        mediaId: null,
      });
      return { received: 1, outcomes: [outcome] };
    },
  );
}

function rawBody(request: FastifyRequest): Buffer {
  if (Buffer.isBuffer(request.body)) return request.body;
  throw malformed('empty body');
}
