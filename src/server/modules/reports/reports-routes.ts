import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { QueryFlag } from '../../../shared/replies.ts';
import {
  AmendmentReply,
  DuplicateSuggestionReply,
  PhotoTakenReply,
  Report,
  ReportAmendment,
  ReportFilters,
  ReportInput,
  Verification,
} from '../../../shared/reports/report-schema.ts';
import { startOfWibDay } from '../../../shared/time.ts';
import { acceptBytes, uploadedBytes } from '../../platform/byte-bodies.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import { MAX_PHOTO_BYTES } from './photo-rules.ts';
import * as reports from './reports-service.ts';

const PhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() });

const ListQuery = ReportFilters.extend({
  mine: QueryFlag,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** Reports: intake, list, amendments, acknowledgement, verification, photos. */
export async function reportsRoutes(app: FastifyInstance, deps: reports.ReportDeps): Promise<void> {
  acceptBytes(app, ['image/jpeg', 'image/png'], MAX_PHOTO_BYTES);

  const on = routeTable(app, ['reports'], deps);

  on.post(
    '/api/reports',
    {
      summary: 'Kirim laporan (idempoten menurut id) / submit a report (idempotent by id)',
      body: ReportInput,
      reply: Report,
      otherReplies: { 201: Report },
    },
    async ({ principal, body, reply }) => {
      const { report, created } = await reports.submitReport(deps, principal, body);
      reply.status(created ? 201 : 200);
      return report;
    },
  );
  on.get(
    '/api/reports',
    {
      summary: 'Daftar laporan menurut prioritas / reports by priority',
      querystring: ListQuery,
      reply: z.object({ items: z.array(Report), nextCursor: z.string().nullable() }),
    },
    ({ principal, query: q }) =>
      reports.listReports(deps, principal, {
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
      }),
  );
  on.byId.get('/api/reports/:id', { summary: 'Satu laporan', reply: Report }, reports.getReport);
  on.patch(
    '/api/reports/:id',
    {
      summary: 'Ubah laporan dari versi yang terakhir dilihat / amend from the version last seen',
      params: IdParams,
      body: ReportAmendment,
      reply: Report,
    },
    ({ principal, params: { id }, body: { version, ...changes } }) =>
      reports.amendReport(deps, principal, id, version, changes),
  );
  on.byId.list(
    '/api/reports/:id/amendments',
    { summary: 'Riwayat perubahan laporan', item: AmendmentReply },
    reports.listAmendments,
  );
  on.byId.post(
    '/api/reports/:id/acknowledgement',
    { summary: 'Operator menerima laporan', reply: Report },
    reports.acknowledgeReport,
  );
  on.byId.post(
    '/api/reports/:id/verification',
    { summary: 'Verifikasi, tolak, atau tandai duplikat', body: Verification, reply: Report },
    reports.verifyReport,
  );
  on.byId.list(
    '/api/reports/:id/duplicates',
    { summary: 'Saran duplikat', item: DuplicateSuggestionReply },
    reports.listDuplicateSuggestions,
  );
  on.put(
    '/api/reports/:id/photos/:photoId',
    {
      summary: 'Unggah foto (JPEG/PNG, idempoten menurut photoId; metadata lokasi dihapus)',
      params: PhotoParams,
      reply: PhotoTakenReply,
      otherReplies: { 201: PhotoTakenReply },
    },
    async ({ principal, params: { id, photoId }, request, reply }) => {
      const body = uploadedBytes(request.body, 'Kirim foto sebagai image/jpeg atau image/png');
      const photo = await reports.addPhoto(deps, principal, id, photoId, body);
      reply.status(photo.created ? 201 : 200);
      return photo;
    },
  );

  on.file('/api/reports/:id/photos/:photoId', { summary: 'Foto laporan', params: PhotoParams }, (c) =>
    reports.getPhoto(deps, c.principal, c.params.id, c.params.photoId),
  );
}
