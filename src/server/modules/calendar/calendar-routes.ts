import type { FastifyInstance } from 'fastify';
import type { ChecklistKey } from '../../../shared/early-warning/alert-rules.ts';
import {
  CalendarReply,
  EventDetail,
  RecurringEventView,
} from '../../../shared/early-warning/early-warning-replies.ts';
import {
  CalendarQuery,
  ChecklistInput,
  EventInput,
  OverrideInput,
  OverrideParams,
  ReviewInput,
} from '../../../shared/early-warning/early-warning-schema.ts';
import { NoContent } from '../../../shared/replies.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import * as calendar from './calendar-service.ts';

/** The calendar of risky gatherings: recurring dates with the admin's corrections, and one-off events. */
export async function calendarRoutes(app: FastifyInstance, deps: calendar.CalendarDeps): Promise<void> {
  const on = routeTable(app, ['early-warning'], deps);

  on.get(
    '/api/early-warning/calendar',
    {
      summary: 'Kalender kerawanan: tanggal berulang dan acara',
      querystring: CalendarQuery,
      reply: CalendarReply,
    },
    ({ principal, query }) =>
      calendar.listCalendar(deps, principal, { from: query.from, to: query.to, regionCode: query.region }),
  );
  on.list(
    '/api/early-warning/calendar/overrides/:anchor/:hijriYear',
    {
      summary: 'Koreksi tanggal 1 Suro atau Idul Fitri sesuai penetapan pemerintah (admin)',
      params: OverrideParams,
      body: OverrideInput,
      item: RecurringEventView,
      method: 'PUT',
    },
    ({ principal, params, body }) =>
      calendar.setOverride(deps, principal, {
        anchor: params.anchor,
        hijriYear: params.hijriYear,
        date: body.date,
        note: body.note,
      }),
  );
  on.delete(
    '/api/early-warning/calendar/overrides/:anchor/:hijriYear',
    { summary: 'Hapus koreksi tanggal (admin)', params: OverrideParams, reply: NoContent, status: 204 },
    async ({ principal, params }) => {
      await calendar.deleteOverride(deps, principal, params.anchor, params.hijriYear);
      return undefined; // 204: nothing sent back
    },
  );
  on.direct.post(
    '/api/early-warning/events',
    {
      summary: 'Catat acara berisiko (pilkades, pemilu, pertandingan, konvoi …)',
      body: EventInput,
      reply: EventDetail,
      status: 201,
    },
    calendar.createEvent,
  );
  on.byId.get(
    '/api/early-warning/events/:id',
    { summary: 'Satu acara dengan kecamatan di rutenya', reply: EventDetail },
    calendar.getEvent,
  );
  on.put(
    '/api/early-warning/events/:id/checklist',
    {
      summary: 'Daftar periksa risiko sebelum acara',
      params: IdParams,
      body: ChecklistInput,
      reply: EventDetail,
    },
    ({ principal, params, body }) =>
      calendar.updateChecklist(deps, principal, params.id, {
        version: body.version,
        items: body.items.map((item) => ({ ...item, key: item.key as ChecklistKey })),
      }),
  );
  on.byId.put(
    '/api/early-warning/events/:id/review',
    { summary: 'Evaluasi sesudah acara', body: ReviewInput, reply: EventDetail },
    calendar.saveReview,
  );
  on.byId.post(
    '/api/early-warning/events/:id/cancel',
    { summary: 'Batalkan acara', reply: EventDetail },
    calendar.cancelEvent,
  );
}
