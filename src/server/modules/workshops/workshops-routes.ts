import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CalendarDay } from '../../../shared/calendar-date.ts';
import { QueryFlag } from '../../../shared/replies.ts';
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
import { acceptBytes, uploadedBytes } from '../../platform/byte-bodies.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import * as work from './workshop-work-service.ts';
import * as workshops from './workshops-service.ts';

const day = CalendarDay;

/** Workshops (rapat koordinasi / workshop evaluasi): plan, invite, attendance, materials, action items. */
export async function workshopsRoutes(app: FastifyInstance, deps: workshops.WorkshopDeps): Promise<void> {
  acceptBytes(app, MATERIAL_TYPES, MAX_MATERIAL_BYTES);

  const on = routeTable(app, ['workshops'], deps);

  on.direct.post(
    '/api/workshops',
    {
      summary: 'Rencanakan workshop evaluasi / rapat koordinasi',
      body: WorkshopInput,
      reply: WorkshopViewReply,
      status: 201,
    },
    workshops.planWorkshop,
  );
  on.direct.list(
    '/api/workshops',
    {
      summary: 'Daftar workshop yang terlihat',
      querystring: z.object({
        from: day.optional(),
        to: day.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      item: WorkshopSummaryReply,
    },
    workshops.listWorkshops,
  );
  on.direct.get(
    '/api/workshops/routine',
    {
      summary: 'Rutinitas triwulan: workshop per Bakorwil triwulan ini dan pengingat triwulan lalu',
      reply: WorkshopRoutineReply,
    },
    workshops.getRoutine,
  );
  on.byId.get(
    '/api/workshops/:id',
    { summary: 'Satu workshop: peserta, materi, tindak lanjut', reply: WorkshopViewReply },
    workshops.getWorkshop,
  );
  on.byId.patch(
    '/api/workshops/:id',
    { summary: 'Ubah workshop dari versi terakhir', body: WorkshopEdit, reply: WorkshopViewReply },
    workshops.editWorkshop,
  );
  on.byId.post(
    '/api/workshops/:id/participants',
    {
      summary: 'Undang peserta: pengguna menurut peran/wilayah, pilar menurut jenis/wilayah',
      body: InviteInput,
      reply: WorkshopViewReply,
    },
    work.inviteParticipants,
  );
  on.put(
    '/api/workshops/:id/participants/:participantId/attendance',
    {
      summary: 'Catat kehadiran',
      params: z.object({ id: z.uuid(), participantId: z.uuid() }),
      body: z.object({ attendance: Attendance }),
      reply: WorkshopViewReply,
    },
    ({ principal, params: { id, participantId }, body }) =>
      work.recordAttendance(deps, principal, id, participantId, body.attendance),
  );
  on.post(
    '/api/workshops/:id/materials',
    {
      summary: 'Lampirkan materi (PDF, PPTX, DOCX, XLSX, JPEG, PNG; maks. 10 MB); nama berkas di ?name=',
      params: IdParams,
      querystring: z.object({ name: z.string().min(1).max(200) }),
      reply: MaterialAddedReply,
      status: 201,
    },
    ({ principal, params: { id }, query, request }) => {
      const body = uploadedBytes(request.body, 'Materi berupa PDF, PPTX, DOCX, XLSX, JPEG atau PNG');
      return work.addMaterial(deps, principal, id, {
        fileName: query.name,
        contentType: String(request.headers['content-type']).split(';')[0].trim(),
        bytes: body,
      });
    },
  );

  on.file(
    '/api/workshops/:id/materials/:materialId',
    { summary: 'Unduh materi', params: z.object({ id: z.uuid(), materialId: z.uuid() }) },
    ({ principal, params }) => work.getMaterial(deps, principal, params.id, params.materialId),
  );

  on.byId.post(
    '/api/workshops/:id/actions',
    {
      summary: 'Catat hasil sebagai tindak lanjut',
      body: ActionInput,
      reply: WorkshopActionReply,
      status: 201,
    },
    work.addAction,
  );
  on.list(
    '/api/workshop-actions',
    {
      summary: 'Tindak lanjut workshop (bawaan: yang masih terbuka)',
      querystring: z.object({ mine: QueryFlag, open: QueryFlag }),
      item: WorkshopActionItemReply,
    },
    ({ principal, query }) =>
      work.listActions(deps, principal, {
        mine: query.mine === 'true',
        open: query.open !== 'false',
      }),
  );
  on.byId.post(
    '/api/workshop-actions/:id/done',
    {
      summary: 'Tutup tindak lanjut (selesai atau batal)',
      body: ActionDone,
      reply: WorkshopActionReply,
    },
    work.completeAction,
  );
}
