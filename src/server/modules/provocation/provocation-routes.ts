import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssessInput,
  Assessment,
  CounterInput,
  CounterMove,
  CounterMoveInput,
  EvaluationFigures,
  ItemDetail,
  ItemList,
  LinkInput,
  MergeInput,
  Outcome,
  ScreenshotStored,
  SightingCreated,
  SightingInput,
  TakedownInput,
} from '../../../shared/provocation/provocation-schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { mergeItem } from './merge-service.ts';
import * as items from './provocation-service.ts';
import * as response from './response-service.ts';

const tags = ['provocation'];
const IdParams = z.object({ id: z.uuid() });

/** The provocation watch: sightings, items, assessment, links, counter-messages, takedown requests, figures. */
export async function provocationRoutes(app: FastifyInstance, deps: items.ProvocationDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    ['image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: items.MAX_SCREENSHOT_BYTES },
    (_request, body, done) => done(null, body),
  );

  r.post(
    '/api/provocation/sightings',
    {
      schema: {
        tags,
        summary: 'Catat penampakan konten provokatif (idempoten menurut id); bergabung ke konten yang sama',
        body: SightingInput,
        response: { 201: SightingCreated },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await items.recordSighting(deps, requirePrincipal(request), request.body)),
  );

  r.put(
    '/api/provocation/sightings/:id/screenshot',
    {
      schema: {
        tags,
        summary:
          'Unggah tangkapan layar (JPEG/PNG, metadata dihapus); gambar yang sama bergabung ke kontennya',
        params: IdParams,
        response: { 200: ScreenshotStored },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        throw new DomainError('unsupported_media_type', 'Kirim gambar sebagai image/jpeg atau image/png');
      }
      return items.addScreenshot(deps, requirePrincipal(request), request.params.id, body);
    },
  );

  r.get(
    '/api/provocation/sightings/:id/screenshot',
    { schema: { tags, summary: 'Tangkapan layar (staf yang melihat kontennya)', params: IdParams } },
    async (request, reply) => {
      const shot = await items.getScreenshot(deps, requirePrincipal(request), request.params.id);
      return reply
        .header('content-type', shot.contentType)
        .header('cache-control', 'private, max-age=3600')
        .send(shot.bytes);
    },
  );

  r.get(
    '/api/provocation/items',
    {
      schema: {
        tags,
        summary: 'Konten provokatif dalam cakupan Anda, terbaru dahulu',
        querystring: z.object({
          assessment: Assessment.optional(),
          outcome: Outcome.optional(),
          kabkota: z
            .string()
            .regex(/^35\.\d{2}$/)
            .optional(),
          reportId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: ItemList },
      },
    },
    async (request) => {
      const { reportId, ...filter } = request.query;
      const principal = requirePrincipal(request);
      if (reportId) return items.listItemsOfReport(deps, principal, reportId);
      return items.listItems(deps, principal, filter);
    },
  );

  r.get(
    '/api/provocation/items/:id',
    {
      schema: {
        tags,
        summary: 'Satu konten: penampakan, sebaran, penilaian, tanggapan',
        params: IdParams,
        response: { 200: ItemDetail },
      },
    },
    async (request) => items.getItem(deps, requirePrincipal(request), request.params.id),
  );

  r.post(
    '/api/provocation/items/:id/assessment',
    {
      schema: {
        tags,
        summary: 'Nilai konten (provokasi, hoaks, ujaran kebencian, ancaman, bukan masalah); tenggat dimulai',
        params: IdParams,
        body: AssessInput,
        response: { 200: ItemDetail },
      },
    },
    async (request) => items.assessItem(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.post(
    '/api/provocation/items/:id/links',
    {
      schema: {
        tags,
        summary: 'Tautkan konten ke laporan atau kasus',
        params: IdParams,
        body: LinkInput,
        response: { 200: ItemDetail },
      },
    },
    async (request) => items.linkItem(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.post(
    '/api/provocation/items/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Gabungkan konten ini ke konten lain yang sama (staf; tercatat di audit): penampakan dan tanggapan pindah',
        params: IdParams,
        body: MergeInput,
        response: { 200: ItemDetail },
      },
    },
    async (request) => mergeItem(deps, requirePrincipal(request), request.params.id, request.body.intoId),
  );

  r.post(
    '/api/provocation/items/:id/counter-messages',
    {
      schema: {
        tags,
        summary: 'Susun kontra-narasi dan siapa yang membawakannya',
        params: IdParams,
        body: CounterInput,
        response: { 201: ItemDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await response.draftCounter(deps, requirePrincipal(request), request.params.id, request.body)),
  );

  r.post(
    '/api/provocation/counter-messages/:id/:move',
    {
      schema: {
        tags,
        summary: 'Ajukan, setujui, kembalikan, atau catat publikasi kontra-narasi',
        params: z.object({ id: z.uuid(), move: CounterMove }),
        body: CounterMoveInput.default({}),
        response: { 200: ItemDetail },
      },
    },
    async (request) =>
      response.moveCounter(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.move,
        request.body,
      ),
  );

  r.post(
    '/api/provocation/items/:id/takedowns',
    {
      schema: {
        tags,
        summary: 'Minta penurunan atau penyelidikan ke lembaga mitra (disposisi pada kasus yang tertaut)',
        params: IdParams,
        body: TakedownInput,
        response: { 201: ItemDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await response.requestTakedown(deps, requirePrincipal(request), request.params.id, request.body),
        ),
  );

  r.get(
    '/api/provocation/evaluation',
    {
      schema: {
        tags,
        summary:
          'Angka evaluasi: per penilaian dan platform, median waktu tanggap, tanggapan sebelum kejadian',
        querystring: z.object({
          kabkota: z
            .string()
            .regex(/^35\.\d{2}$/)
            .optional(),
        }),
        response: { 200: EvaluationFigures },
      },
    },
    async (request) => response.evaluate(deps, requirePrincipal(request), request.query.kabkota ?? null),
  );
}
