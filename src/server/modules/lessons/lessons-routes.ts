import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  LessonEdit,
  LessonFields,
  LessonListReply,
  LessonReturn,
  LessonStatus,
  LessonTagsReply,
  LessonViewReply,
} from '../../../shared/lessons/lesson-schema.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { QueryFlag } from '../../../shared/replies.ts';
import { ConflictType } from '../../../shared/reports/report-schema.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import * as lessons from './lessons-service.ts';

/** Lessons learned (praktik baik): write, review, publish, and search in Indonesian across regions. */
export async function lessonsRoutes(app: FastifyInstance, deps: lessons.LessonDeps): Promise<void> {
  const on = routeTable(app, ['lessons'], deps);
  const move = lessons.moveLesson;

  on.direct.post(
    '/api/lessons',
    {
      summary: 'Tulis draf praktik baik (dengan peringatan data pribadi)',
      body: LessonFields,
      reply: LessonViewReply,
      status: 201,
    },
    lessons.createLesson,
  );
  on.get(
    '/api/lessons',
    {
      summary: 'Cari praktik baik (bahasa Indonesia, berperingkat, dengan sorotan) / search lessons',
      querystring: z.object({
        q: z.string().trim().min(2).max(200).optional(),
        status: LessonStatus.optional(),
        mine: QueryFlag,
        type: ConflictType.optional(),
        region: RegionCode.optional(),
        tag: z.string().max(40).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(30),
      }),
      reply: LessonListReply,
    },
    ({ principal, query: q }) =>
      lessons.listLessons(deps, principal, {
        q: q.q,
        status: q.status,
        mine: q.mine === 'true',
        conflictType: q.type,
        regionCode: q.region,
        tag: q.tag,
        limit: q.limit,
      }),
  );
  on.get(
    '/api/lessons/tags',
    {
      summary: 'Tag praktik baik yang dipakai, terbanyak dahulu / tags in use',
      querystring: z.object({ status: LessonStatus.optional() }),
      reply: LessonTagsReply,
    },
    (c) => lessons.listTags(deps, c.principal, c.query.status),
  );
  on.byId.get(
    '/api/lessons/:id',
    { summary: 'Satu praktik baik', reply: LessonViewReply },
    lessons.getLesson,
  );
  on.byId.patch(
    '/api/lessons/:id',
    { summary: 'Ubah praktik baik yang belum terbit', body: LessonEdit, reply: LessonViewReply },
    lessons.editLesson,
  );
  on.post(
    '/api/lessons/:id/submit',
    { summary: 'Ajukan untuk ditinjau', params: IdParams, reply: LessonViewReply },
    (c) => move(deps, c.principal, c.params.id, 'submit'),
  );
  on.post(
    '/api/lessons/:id/publish',
    {
      summary: 'Terbitkan (koordinator/provinsi); 409 dengan peringatan bila teks tampak memuat data pribadi',
      params: IdParams,
      body: z
        .object({ confirmPersonalData: z.boolean().default(false) })
        .default({ confirmPersonalData: false }),
      reply: LessonViewReply,
    },
    ({ principal, params: { id }, body }) =>
      move(deps, principal, id, 'publish', { confirmPersonalData: body.confirmPersonalData }),
  );
  on.post(
    '/api/lessons/:id/return',
    {
      summary: 'Kembalikan ke penulis dengan catatan',
      params: IdParams,
      body: LessonReturn,
      reply: LessonViewReply,
    },
    ({ principal, params: { id }, body }) => move(deps, principal, id, 'return', { note: body.note }),
  );
}
