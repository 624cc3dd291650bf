import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarDay } from '../../../shared/calendar-date.ts';
import { itemsOf } from '../../../shared/replies.ts';
import {
  MaterialAddedReply,
  WorkshopActionItemReply,
  WorkshopActionReply,
  WorkshopRoutineReply,
  WorkshopSummaryReply,
  WorkshopViewReply,
} from '../../../shared/workshops/workshop-replies.ts';
import {
  ActionDone,
  ActionInput,
  Attendance,
  InviteInput,
  MATERIAL_TYPES,
  MAX_MATERIAL_BYTES,
  WorkshopEdit,
  WorkshopInput,
} from '../../../shared/workshops/workshop-schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { attachmentDisposition, requirePrincipal } from '../../platform/http.ts';
import * as work from './workshop-work-service.ts';
import * as workshops from './workshops-service.ts';

const tags = ['workshops'];
const IdParams = z.object({ id: z.uuid() });
const day = CalendarDay;

/** Workshops (rapat koordinasi / workshop evaluasi): plan, invite, attendance, materials, action items. */
export async function workshopsRoutes(app: FastifyInstance, deps: workshops.WorkshopDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    [...MATERIAL_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_MATERIAL_BYTES },
    (_request, body, done) => done(null, body),
  );

  r.post(
    '/api/workshops',
    {
      schema: {
        tags,
        summary: 'Rencanakan workshop evaluasi / rapat koordinasi',
        body: WorkshopInput,
        response: { 201: WorkshopViewReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await workshops.planWorkshop(deps, requirePrincipal(request), request.body)),
  );

  r.get(
    '/api/workshops',
    {
      schema: {
        tags,
        summary: 'Daftar workshop yang terlihat',
        querystring: z.object({
          from: day.optional(),
          to: day.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: itemsOf(WorkshopSummaryReply) },
      },
    },
    async (request) => ({
      items: await workshops.listWorkshops(deps, requirePrincipal(request), request.query),
    }),
  );

  r.get(
    '/api/workshops/routine',
    {
      schema: {
        tags,
        summary: 'Rutinitas triwulan: workshop per Bakorwil triwulan ini dan pengingat triwulan lalu',
        response: { 200: WorkshopRoutineReply },
      },
    },
    async (request) => workshops.getRoutine(deps, requirePrincipal(request)),
  );

  r.get(
    '/api/workshops/:id',
    {
      schema: {
        tags,
        summary: 'Satu workshop: peserta, materi, tindak lanjut',
        params: IdParams,
        response: { 200: WorkshopViewReply },
      },
    },
    async (request) => workshops.getWorkshop(deps, requirePrincipal(request), request.params.id),
  );

  r.patch(
    '/api/workshops/:id',
    {
      schema: {
        tags,
        summary: 'Ubah workshop dari versi terakhir',
        params: IdParams,
        body: WorkshopEdit,
        response: { 200: WorkshopViewReply },
      },
    },
    async (request) =>
      workshops.editWorkshop(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.post(
    '/api/workshops/:id/participants',
    {
      schema: {
        tags,
        summary: 'Undang peserta: pengguna menurut peran/wilayah, pilar menurut jenis/wilayah',
        params: IdParams,
        body: InviteInput,
        response: { 200: WorkshopViewReply },
      },
    },
    async (request) =>
      work.inviteParticipants(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.put(
    '/api/workshops/:id/participants/:participantId/attendance',
    {
      schema: {
        tags,
        summary: 'Catat kehadiran',
        params: z.object({ id: z.uuid(), participantId: z.uuid() }),
        body: z.object({ attendance: Attendance }),
        response: { 200: WorkshopViewReply },
      },
    },
    async (request) =>
      work.recordAttendance(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.participantId,
        request.body.attendance,
      ),
  );

  r.post(
    '/api/workshops/:id/materials',
    {
      schema: {
        tags,
        summary: 'Lampirkan materi (PDF, PPTX, DOCX, XLSX, JPEG, PNG; maks. 10 MB); nama berkas di ?name=',
        params: IdParams,
        querystring: z.object({ name: z.string().min(1).max(200) }),
        response: { 201: MaterialAddedReply },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw new DomainError('unsupported_media_type', 'Materi berupa PDF, PPTX, DOCX, XLSX, JPEG atau PNG');
      const material = await work.addMaterial(deps, requirePrincipal(request), request.params.id, {
        fileName: request.query.name,
        contentType: String(request.headers['content-type']).split(';')[0].trim(),
        bytes: body,
      });
      return reply.status(201).send(material);
    },
  );

  r.get(
    '/api/workshops/:id/materials/:materialId',
    { schema: { tags, summary: 'Unduh materi', params: z.object({ id: z.uuid(), materialId: z.uuid() }) } },
    async (request, reply) => {
      const m = await work.getMaterial(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.materialId,
      );
      return reply
        .header('content-type', m.contentType)
        .header('content-disposition', attachmentDisposition(m.fileName))
        .send(m.bytes);
    },
  );

  r.post(
    '/api/workshops/:id/actions',
    {
      schema: {
        tags,
        summary: 'Catat hasil sebagai tindak lanjut',
        params: IdParams,
        body: ActionInput,
        response: { 201: WorkshopActionReply },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await work.addAction(deps, requirePrincipal(request), request.params.id, request.body)),
  );

  r.get(
    '/api/workshop-actions',
    {
      schema: {
        tags,
        summary: 'Tindak lanjut workshop (bawaan: yang masih terbuka)',
        querystring: z.object({
          mine: z.enum(['true', 'false']).optional(),
          open: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: itemsOf(WorkshopActionItemReply) },
      },
    },
    async (request) => ({
      items: await work.listActions(deps, requirePrincipal(request), {
        mine: request.query.mine === 'true',
        open: request.query.open !== 'false',
      }),
    }),
  );

  r.post(
    '/api/workshop-actions/:id/done',
    {
      schema: {
        tags,
        summary: 'Tutup tindak lanjut (selesai atau batal)',
        params: IdParams,
        body: ActionDone,
        response: { 200: WorkshopActionReply },
      },
    },
    async (request) => work.completeAction(deps, requirePrincipal(request), request.params.id, request.body),
  );
}
