import type { FastifyInstance } from 'fastify';
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
import { acceptBytes, uploadedBytes } from '../../platform/byte-bodies.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import { mergeItem } from './merge-service.ts';
import * as items from './provocation-service.ts';
import * as response from './response-service.ts';

/** A kab/kota filter, e.g. 35.10. */
const Kabkota = z
  .string()
  .regex(/^35\.\d{2}$/)
  .optional();

/** The provocation watch: sightings, items, assessment, links, counter-messages, takedown requests, figures. */
export async function provocationRoutes(app: FastifyInstance, deps: items.ProvocationDeps): Promise<void> {
  acceptBytes(app, ['image/jpeg', 'image/png'], items.MAX_SCREENSHOT_BYTES);

  const on = routeTable(app, ['provocation'], deps);

  on.direct.post(
    '/api/provocation/sightings',
    {
      summary: 'Catat penampakan konten provokatif (idempoten menurut id); bergabung ke konten yang sama',
      body: SightingInput,
      reply: SightingCreated,
      status: 201,
    },
    items.recordSighting,
  );
  on.put(
    '/api/provocation/sightings/:id/screenshot',
    {
      summary: 'Unggah tangkapan layar (JPEG/PNG, metadata dihapus); gambar yang sama bergabung ke kontennya',
      params: IdParams,
      reply: ScreenshotStored,
    },
    ({ principal, params: { id }, request: { body } }) => {
      const bytes = uploadedBytes(body, 'Kirim gambar sebagai image/jpeg atau image/png');
      return items.addScreenshot(deps, principal, id, bytes);
    },
  );

  on.byId.file(
    '/api/provocation/sightings/:id/screenshot',
    { summary: 'Tangkapan layar (staf yang melihat kontennya)' },
    items.getScreenshot,
  );

  on.get(
    '/api/provocation/items',
    {
      summary: 'Konten provokatif dalam cakupan Anda, terbaru dahulu',
      querystring: z.object({
        assessment: Assessment.optional(),
        outcome: Outcome.optional(),
        kabkota: Kabkota,
        reportId: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      reply: ItemList,
    },
    ({ principal, query: { reportId, ...filter } }) =>
      reportId
        ? items.listItemsOfReport(deps, principal, reportId)
        : items.listItems(deps, principal, filter),
  );
  on.byId.get(
    '/api/provocation/items/:id',
    { summary: 'Satu konten: penampakan, sebaran, penilaian, tanggapan', reply: ItemDetail },
    items.getItem,
  );
  on.byId.post(
    '/api/provocation/items/:id/assessment',
    {
      summary: 'Nilai konten (provokasi, hoaks, ujaran kebencian, ancaman, bukan masalah); tenggat dimulai',
      body: AssessInput,
      reply: ItemDetail,
    },
    items.assessItem,
  );
  on.byId.post(
    '/api/provocation/items/:id/links',
    { summary: 'Tautkan konten ke laporan atau kasus', body: LinkInput, reply: ItemDetail },
    items.linkItem,
  );
  on.post(
    '/api/provocation/items/:id/merge',
    {
      summary:
        'Gabungkan konten ini ke konten lain yang sama (staf; tercatat di audit): penampakan dan tanggapan pindah',
      params: IdParams,
      body: MergeInput,
      reply: ItemDetail,
    },
    (c) => mergeItem(deps, c.principal, c.params.id, c.body.intoId),
  );
  on.byId.post(
    '/api/provocation/items/:id/counter-messages',
    {
      summary: 'Susun kontra-narasi dan siapa yang membawakannya',
      body: CounterInput,
      reply: ItemDetail,
      status: 201,
    },
    response.draftCounter,
  );
  on.post(
    '/api/provocation/counter-messages/:id/:move',
    {
      summary: 'Ajukan, setujui, kembalikan, atau catat publikasi kontra-narasi',
      params: z.object({ id: z.uuid(), move: CounterMove }),
      body: CounterMoveInput.default({}),
      reply: ItemDetail,
    },
    ({ principal, params: { id, move }, body }) => response.moveCounter(deps, principal, id, move, body),
  );
  on.byId.post(
    '/api/provocation/items/:id/takedowns',
    {
      summary: 'Minta penurunan atau penyelidikan ke lembaga mitra (disposisi pada kasus yang tertaut)',
      body: TakedownInput,
      reply: ItemDetail,
      status: 201,
    },
    response.requestTakedown,
  );
  on.get(
    '/api/provocation/evaluation',
    {
      summary: 'Angka evaluasi: per penilaian dan platform, median waktu tanggap, tanggapan sebelum kejadian',
      querystring: z.object({ kabkota: Kabkota }),
      reply: EvaluationFigures,
    },
    (c) => response.evaluate(deps, c.principal, c.query.kabkota ?? null),
  );
}
