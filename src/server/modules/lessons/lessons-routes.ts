import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LessonEdit,
  LessonFields,
  LessonListReply,
  LessonStatus,
  LessonTagsReply,
  LessonViewReply,
} from '../../../shared/lessons/lesson-schema.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { ConflictType } from '../../../shared/reports/report-schema.ts';
import { requirePrincipal } from '../../platform/http.ts';
import * as lessons from './lessons-service.ts';

const tags = ['lessons'];
const IdParams = z.object({ id: z.uuid() });

/** Lessons learned (praktik baik): write, review, publish, and search in Indonesian across regions. */
export async function lessonsRoutes(app: FastifyInstance, deps: lessons.LessonDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/lessons',
    {
      schema: {
        response: { 201: LessonViewReply },
        tags,
        summary: 'Tulis draf praktik baik (dengan peringatan data pribadi)',
        body: LessonFields,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await lessons.createLesson(deps, requirePrincipal(request), request.body)),
  );

  r.get(
    '/api/lessons',
    {
      schema: {
        response: { 200: LessonListReply },
        tags,
        summary: 'Cari praktik baik (bahasa Indonesia, berperingkat, dengan sorotan) / search lessons',
        querystring: z.object({
          q: z.string().trim().min(2).max(200).optional(),
          status: LessonStatus.optional(),
          mine: z.enum(['true', 'false']).optional(),
          type: ConflictType.optional(),
          region: RegionCode.optional(),
          tag: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
      },
    },
    async (request) => {
      const q = request.query;
      return lessons.listLessons(deps, requirePrincipal(request), {
        q: q.q,
        status: q.status,
        mine: q.mine === 'true',
        conflictType: q.type,
        regionCode: q.region,
        tag: q.tag,
        limit: q.limit,
      });
    },
  );

  r.get(
    '/api/lessons/tags',
    {
      schema: {
        response: { 200: LessonTagsReply },
        tags,
        summary: 'Tag praktik baik yang dipakai, terbanyak dahulu / tags in use',
        querystring: z.object({ status: LessonStatus.optional() }),
      },
    },
    async (request) => lessons.listTags(deps, requirePrincipal(request), request.query.status),
  );

  r.get(
    '/api/lessons/:id',
    { schema: { response: { 200: LessonViewReply }, tags, summary: 'Satu praktik baik', params: IdParams } },
    async (request) => lessons.getLesson(deps, requirePrincipal(request), request.params.id),
  );

  r.patch(
    '/api/lessons/:id',
    {
      schema: {
        response: { 200: LessonViewReply },
        tags,
        summary: 'Ubah praktik baik yang belum terbit',
        params: IdParams,
        body: LessonEdit,
      },
    },
    async (request) => lessons.editLesson(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.post(
    '/api/lessons/:id/submit',
    {
      schema: {
        response: { 200: LessonViewReply },
        tags,
        summary: 'Ajukan untuk ditinjau',
        params: IdParams,
      },
    },
    async (request) => lessons.moveLesson(deps, requirePrincipal(request), request.params.id, 'submit'),
  );

  r.post(
    '/api/lessons/:id/publish',
    {
      schema: {
        response: { 200: LessonViewReply },
        tags,
        summary:
          'Terbitkan (koordinator/provinsi); 409 dengan peringatan bila teks tampak memuat data pribadi',
        params: IdParams,
        body: z
          .object({ confirmPersonalData: z.boolean().default(false) })
          .default({ confirmPersonalData: false }),
      },
    },
    async (request) =>
      lessons.moveLesson(deps, requirePrincipal(request), request.params.id, 'publish', {
        confirmPersonalData: request.body.confirmPersonalData,
      }),
  );

  r.post(
    '/api/lessons/:id/return',
    {
      schema: {
        response: { 200: LessonViewReply },
        tags,
        summary: 'Kembalikan ke penulis dengan catatan',
        params: IdParams,
        body: z.object({ note: z.string().trim().min(3).max(2000) }),
      },
    },
    async (request) =>
      lessons.moveLesson(deps, requirePrincipal(request), request.params.id, 'return', {
        note: request.body.note,
      }),
  );
}
