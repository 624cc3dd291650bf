import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarDay } from '../../../shared/calendar-date.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { itemsOf } from '../../../shared/replies.ts';
import {
  AmendmentReply,
  Channel,
  ConflictType,
  DuplicateSuggestionReply,
  PhotoTakenReply,
  Priority,
  Report,
  ReportAmendment,
  ReportInput,
  ReportKind,
  ReportStatus,
  Verification,
} from '../../../shared/reports/report-schema.ts';
import { startOfWibDay } from '../../../shared/time.ts';
import { DomainError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { MAX_PHOTO_BYTES } from './photo-rules.ts';
import * as reports from './reports-service.ts';

const IdParams = z.object({ id: z.uuid() });
const day = CalendarDay;

const ListQuery = z.object({
  region: RegionCode.optional(),
  kind: ReportKind.optional(),
  type: ConflictType.optional(),
  status: ReportStatus.optional(),
  priority: Priority.optional(),
  channel: Channel.optional(),
  vulnerable: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().min(2).max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** Reports: intake, list, amendments, acknowledgement, verification, photos. */
export async function reportsRoutes(app: FastifyInstance, deps: reports.ReportDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    ['image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES },
    (_request, body, done) => done(null, body),
  );

  r.post(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Kirim laporan (idempoten menurut id) / submit a report (idempotent by id)',
        body: ReportInput,
        response: { 200: Report, 201: Report },
      },
    },
    async (request, reply) => {
      const { report, created } = await reports.submitReport(deps, requirePrincipal(request), request.body);
      return reply.status(created ? 201 : 200).send(report);
    },
  );

  r.get(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Daftar laporan menurut prioritas / reports by priority',
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(Report), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const q = request.query;
      return reports.listReports(deps, requirePrincipal(request), {
        regionCode: q.region,
        kind: q.kind,
        conflictType: q.type,
        status: q.status,
        priority: q.priority,
        channel: q.channel,
        vulnerableOnly: q.vulnerable === 'true',
        mine: q.mine === 'true',
        from: q.from ? startOfWibDay(q.from) : undefined,
        to: q.to ? new Date(startOfWibDay(q.to).getTime() + 86_400_000) : undefined,
        q: q.q,
        cursor: q.cursor,
        limit: q.limit,
      });
    },
  );

  r.get(
    '/api/reports/:id',
    { schema: { tags: ['reports'], summary: 'Satu laporan', params: IdParams, response: { 200: Report } } },
    async (request) => reports.getReport(deps, requirePrincipal(request), request.params.id),
  );

  r.patch(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Ubah laporan dari versi yang terakhir dilihat / amend from the version last seen',
        params: IdParams,
        body: ReportAmendment,
        response: { 200: Report },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return reports.amendReport(deps, requirePrincipal(request), request.params.id, version, changes);
    },
  );

  r.get(
    '/api/reports/:id/amendments',
    {
      schema: {
        tags: ['reports'],
        summary: 'Riwayat perubahan laporan',
        params: IdParams,
        response: { 200: itemsOf(AmendmentReply) },
      },
    },
    async (request) => ({
      items: await reports.listAmendments(deps, requirePrincipal(request), request.params.id),
    }),
  );

  r.post(
    '/api/reports/:id/acknowledgement',
    {
      schema: {
        tags: ['reports'],
        summary: 'Operator menerima laporan',
        params: IdParams,
        response: { 200: Report },
      },
    },
    async (request) => reports.acknowledgeReport(deps, requirePrincipal(request), request.params.id),
  );

  r.post(
    '/api/reports/:id/verification',
    {
      schema: {
        tags: ['reports'],
        summary: 'Verifikasi, tolak, atau tandai duplikat',
        params: IdParams,
        body: Verification,
        response: { 200: Report },
      },
    },
    async (request) => reports.verifyReport(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.get(
    '/api/reports/:id/duplicates',
    {
      schema: {
        tags: ['reports'],
        summary: 'Saran duplikat',
        params: IdParams,
        response: { 200: itemsOf(DuplicateSuggestionReply) },
      },
    },
    async (request) => ({
      items: await reports.listDuplicateSuggestions(deps, requirePrincipal(request), request.params.id),
    }),
  );

  r.put(
    '/api/reports/:id/photos/:photoId',
    {
      schema: {
        tags: ['reports'],
        summary: 'Unggah foto (JPEG/PNG, idempoten menurut photoId; metadata lokasi dihapus)',
        params: z.object({ id: z.uuid(), photoId: z.uuid() }),
        response: { 200: PhotoTakenReply, 201: PhotoTakenReply },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw new DomainError('unsupported_media_type', 'Kirim foto sebagai image/jpeg atau image/png');
      const photo = await reports.addPhoto(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.photoId,
        body,
      );
      return reply.status(photo.created ? 201 : 200).send(photo);
    },
  );

  r.get(
    '/api/reports/:id/photos/:photoId',
    {
      schema: {
        tags: ['reports'],
        summary: 'Foto laporan',
        params: z.object({ id: z.uuid(), photoId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const photo = await reports.getPhoto(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.photoId,
      );
      return reply
        .header('content-type', photo.contentType)
        .header('cache-control', 'private, max-age=3600')
        .send(photo.bytes);
    },
  );
}
