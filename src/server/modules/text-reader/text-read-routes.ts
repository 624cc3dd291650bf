import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  TextReadAccuracy,
  TextReadFeedbackInput,
  TextReadInput,
  TextReadReply,
} from '../../../shared/text-reader/text-read-schema.ts';
import { wibDate } from '../../../shared/time.ts';
import { requirePrincipal } from '../../platform/http.ts';
import * as service from './text-read-service.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal YYYY-MM-DD (WIB)');

export async function textReadRoutes(app: FastifyInstance, deps: service.TextReadDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/text/read',
    {
      schema: {
        tags: ['text'],
        summary:
          'Membaca pesan lapangan berbahasa Indonesia menjadi draf laporan: jenis, tipe konflik, wilayah, kelompok rentan, ' +
          'jumlah korban, urgensi, beserta kata-kata penentunya',
        body: TextReadInput,
        response: { 200: TextReadReply },
      },
    },
    async (request) => service.read(requirePrincipal(request), request.body),
  );

  r.post(
    '/api/text/read/feedback',
    {
      schema: {
        tags: ['text'],
        summary: 'Menyimpan saran pembaca teks untuk laporan yang sudah dikirim, di samping pilihan pelapor',
        body: TextReadFeedbackInput,
        response: { 200: z.object({ agreed: z.array(z.string()) }) },
      },
    },
    async (request) => service.recordFeedback(deps, requirePrincipal(request), request.body),
  );

  r.get(
    '/api/text/read/accuracy',
    {
      schema: {
        tags: ['text'],
        summary:
          'Ketepatan pembaca teks dalam pemakaian: bagian laporan yang sarannya dipertahankan, per isian',
        querystring: z.object({ from: day.optional(), to: day.optional() }),
        response: { 200: TextReadAccuracy },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const today = wibDate(deps.clock.now());
      const monthAgo = wibDate(new Date(deps.clock.now().getTime() - 30 * 24 * 3600 * 1000));
      return service.accuracy(deps, principal, {
        from: request.query.from ?? monthAgo,
        to: request.query.to ?? today,
      });
    },
  );
}
