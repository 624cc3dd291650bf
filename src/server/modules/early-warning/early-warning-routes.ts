import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChecklistKey } from '../../../shared/early-warning/alert-rules.ts';
import {
  CalendarReply,
  EventDetail,
  LevelDetail,
  RecomputeResult,
  RecurringEventView,
} from '../../../shared/early-warning/early-warning-replies.ts';
import {
  CalendarQuery,
  ChecklistInput,
  EventInput,
  LevelItem,
  LevelsQuery,
  OverrideInput,
  OverrideParams,
  ReviewInput,
} from '../../../shared/early-warning/early-warning-schema.ts';
import { EarlyWarningSettings } from '../../../shared/early-warning/level-model.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { itemsOf, NoContent } from '../../../shared/replies.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { alertsRoutes } from './alerts-routes.ts';
import type { AlertDeps } from './alerts-service.ts';
import * as calendar from './calendar-service.ts';
import { groupsRoutes } from './groups-routes.ts';
import * as levels from './levels-service.ts';
import * as settings from './settings-service.ts';

const IdParams = z.object({ id: z.uuid() });

/** Early warning: levels, the model's settings, the calendar of risky gatherings; alerts and the register. */
export async function earlyWarningRoutes(app: FastifyInstance, deps: AlertDeps): Promise<void> {
  await app.register(alertsRoutes, deps);
  await app.register(groupsRoutes, deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['early-warning'];

  r.get(
    '/api/early-warning/levels',
    {
      schema: {
        tags,
        summary: 'Tingkat kerawanan tiap wilayah di bawah parent (35 → kab/kota; 35.09 → kecamatan)',
        querystring: LevelsQuery,
        response: { 200: z.object({ items: z.array(LevelItem) }) },
      },
    },
    async (request) => ({
      items: await levels.listLevels(deps, requirePrincipal(request), request.query.parent),
    }),
  );

  r.get(
    '/api/early-warning/levels/:code',
    {
      schema: {
        tags,
        summary: 'Tingkat satu kecamatan atau kab/kota dengan riwayat perubahannya',
        params: z.object({ code: RegionCode }),
        response: { 200: LevelDetail },
      },
    },
    async (request) => levels.getLevel(deps, requirePrincipal(request), request.params.code),
  );

  r.post(
    '/api/early-warning/recompute',
    {
      schema: {
        tags,
        summary: 'Hitung ulang semua tingkat sekarang (provinsi, admin)',
        response: { 200: RecomputeResult },
      },
    },
    async (request) => levels.recomputeNow(deps, requirePrincipal(request)),
  );

  r.get(
    '/api/early-warning/settings',
    { schema: { tags, summary: 'Ambang dan parameter model', response: { 200: EarlyWarningSettings } } },
    async (request) => settings.getSettings(deps.db, requirePrincipal(request)),
  );

  r.put(
    '/api/early-warning/settings',
    {
      schema: {
        tags,
        summary: 'Ubah ambang dan parameter (admin)',
        body: z.record(z.string(), z.unknown()),
        response: { 200: EarlyWarningSettings },
      },
    },
    async (request) => settings.updateSettings(deps, requirePrincipal(request), request.body),
  );

  r.get(
    '/api/early-warning/calendar',
    {
      schema: {
        tags,
        summary: 'Kalender kerawanan: tanggal berulang dan acara',
        querystring: CalendarQuery,
        response: { 200: CalendarReply },
      },
    },
    async (request) =>
      calendar.listCalendar(deps, requirePrincipal(request), {
        from: request.query.from,
        to: request.query.to,
        regionCode: request.query.region,
      }),
  );

  r.put(
    '/api/early-warning/calendar/overrides/:anchor/:hijriYear',
    {
      schema: {
        response: { 200: itemsOf(RecurringEventView) },
        tags,
        summary: 'Koreksi tanggal 1 Suro atau Idul Fitri sesuai penetapan pemerintah (admin)',
        params: OverrideParams,
        body: OverrideInput,
      },
    },
    async (request) => ({
      items: await calendar.setOverride(deps, requirePrincipal(request), {
        anchor: request.params.anchor,
        hijriYear: request.params.hijriYear,
        date: request.body.date,
        note: request.body.note,
      }),
    }),
  );

  r.delete(
    '/api/early-warning/calendar/overrides/:anchor/:hijriYear',
    {
      schema: {
        response: { 204: NoContent },
        tags,
        summary: 'Hapus koreksi tanggal (admin)',
        params: OverrideParams,
      },
    },
    async (request, reply) => {
      await calendar.deleteOverride(
        deps,
        requirePrincipal(request),
        request.params.anchor,
        request.params.hijriYear,
      );
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/early-warning/events',
    {
      schema: {
        tags,
        summary: 'Catat acara berisiko (pilkades, pemilu, pertandingan, konvoi …)',
        body: EventInput,
        response: { 201: EventDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await calendar.createEvent(deps, requirePrincipal(request), request.body)),
  );

  r.get(
    '/api/early-warning/events/:id',
    {
      schema: {
        tags,
        summary: 'Satu acara dengan kecamatan di rutenya',
        params: IdParams,
        response: { 200: EventDetail },
      },
    },
    async (request) => calendar.getEvent(deps, requirePrincipal(request), request.params.id),
  );

  r.put(
    '/api/early-warning/events/:id/checklist',
    {
      schema: {
        tags,
        summary: 'Daftar periksa risiko sebelum acara',
        params: IdParams,
        body: ChecklistInput,
        response: { 200: EventDetail },
      },
    },
    async (request) =>
      calendar.updateChecklist(deps, requirePrincipal(request), request.params.id, {
        version: request.body.version,
        items: request.body.items.map((item) => ({ ...item, key: item.key as ChecklistKey })),
      }),
  );

  r.put(
    '/api/early-warning/events/:id/review',
    {
      schema: {
        tags,
        summary: 'Evaluasi sesudah acara',
        params: IdParams,
        body: ReviewInput,
        response: { 200: EventDetail },
      },
    },
    async (request) => calendar.saveReview(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.post(
    '/api/early-warning/events/:id/cancel',
    { schema: { tags, summary: 'Batalkan acara', params: IdParams, response: { 200: EventDetail } } },
    async (request) => calendar.cancelEvent(deps, requirePrincipal(request), request.params.id),
  );
}
