import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  DryRunReply,
  HistoryImport,
  HistoryImportStarted,
  HistoryPlan,
  HistoryUpload,
} from '../../../shared/history/history-schema.ts';
import { acceptBytes, uploadedFile } from '../../platform/byte-bodies.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import * as history from './history-service.ts';
import { HISTORY_CONTENT_TYPES, MAX_HISTORY_BYTES } from './history-sheet.ts';

/** The history import: past incidents from a spreadsheet into the early warning's history (docs/HISTORY-IMPORT.md). */
export async function historyRoutes(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock },
): Promise<void> {
  acceptBytes(app, Object.keys(HISTORY_CONTENT_TYPES), MAX_HISTORY_BYTES);
  app.addHook('onClose', async () => history.settleHistoryImports());
  const on = routeTable(app, ['history'], deps);

  on.post(
    '/api/history-imports',
    {
      summary:
        'Unggah berkas riwayat kejadian (XLSX/CSV): judul kolom, contoh, usulan pemetaan / upload a file',
      querystring: z.object({ name: z.string().trim().min(1).max(200).default('riwayat') }),
      reply: HistoryUpload,
      otherReplies: { 201: HistoryUpload },
    },
    async (c) => {
      const { format, bytes } = uploadedFile(
        c.request,
        HISTORY_CONTENT_TYPES,
        'Kirim berkas sebagai XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) atau text/csv',
      );
      // The file's type is checked before who asks: a wrong type is 415 for anyone.
      const upload = await history.uploadHistory(deps, c.principal, {
        name: c.query.name,
        format,
        data: bytes,
      });
      c.reply.status(upload.known ? 200 : 201);
      return upload;
    },
  );
  on.byId.get(
    '/api/history-imports/:id',
    {
      summary: 'Satu impor riwayat dan kemajuannya / an import and its progress',
      reply: HistoryImport,
    },
    history.getHistoryImport,
  );
  on.byId.post(
    '/api/history-imports/:id/dry-run',
    {
      summary:
        'Uji coba per baris: tempat, jenis, duplikat; tidak menyimpan apa pun / dry run, writes nothing',
      body: HistoryPlan,
      reply: DryRunReply,
    },
    history.dryRunHistory,
  );
  on.post(
    '/api/history-imports/:id/start',
    {
      summary: 'Mulai impor di latar belakang (202 dengan jobId) / start the background import',
      params: IdParams,
      body: HistoryPlan,
      reply: HistoryImportStarted,
      status: 202,
    },
    async ({ principal, params, body, reply }) => {
      const jobId = await history.startHistoryImport(deps, principal, params.id, body);
      reply.header('location', `/api/history-imports/${jobId}`);
      return { jobId };
    },
  );
}
