import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  TextReadAccuracy,
  TextReadFeedbackInput,
  TextReadInput,
  TextReadReply,
} from '../../../shared/text-reader/text-read-schema.ts';
import { wibDate } from '../../../shared/time.ts';
import { routeTable } from '../../platform/routes.ts';
import * as service from './text-read-service.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal YYYY-MM-DD (WIB)');

export async function textReadRoutes(app: FastifyInstance, deps: service.TextReadDeps): Promise<void> {
  const on = routeTable(app, ['text'], deps);

  on.post(
    '/api/text/read',
    {
      summary:
        'Membaca pesan lapangan berbahasa Indonesia menjadi draf laporan: jenis, tipe konflik, wilayah, kelompok rentan, ' +
        'jumlah korban, urgensi, beserta kata-kata penentunya',
      body: TextReadInput,
      reply: TextReadReply,
    },
    (c) => service.read(c.principal, c.body),
  );
  on.direct.post(
    '/api/text/read/feedback',
    {
      summary: 'Menyimpan saran pembaca teks untuk laporan yang sudah dikirim, di samping pilihan pelapor',
      body: TextReadFeedbackInput,
      reply: z.object({ agreed: z.array(z.string()) }),
    },
    service.recordFeedback,
  );
  on.get(
    '/api/text/read/accuracy',
    {
      summary:
        'Ketepatan pembaca teks dalam pemakaian: bagian laporan yang sarannya dipertahankan, per isian',
      querystring: z.object({ from: day.optional(), to: day.optional() }),
      reply: TextReadAccuracy,
    },
    ({ principal, query }) => {
      const today = wibDate(deps.clock.now());
      const monthAgo = wibDate(new Date(deps.clock.now().getTime() - 30 * 24 * 3600 * 1000));
      return service.accuracy(deps, principal, { from: query.from ?? monthAgo, to: query.to ?? today });
    },
  );
}
