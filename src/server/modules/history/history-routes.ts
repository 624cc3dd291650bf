import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DryRunReply,
  HistoryImport,
  HistoryImportStarted,
  HistoryPlan,
  HistoryUpload,
} from '../../../shared/history/history-schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http.ts';
import * as history from './history-service.ts';
import { HISTORY_CONTENT_TYPES, MAX_HISTORY_BYTES } from './history-sheet.ts';

const tags = ['history'];

/** The history import: past incidents from a spreadsheet into the early warning's history (docs/HISTORY-IMPORT.md). */
export async function historyRoutes(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock },
): Promise<void> {
  app.addContentTypeParser(
    Object.keys(HISTORY_CONTENT_TYPES),
    { parseAs: 'buffer', bodyLimit: MAX_HISTORY_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.addHook('onClose', async () => history.settleHistoryImports());
  const r = app.withTypeProvider<ZodTypeProvider>();
  const IdParams = z.object({ id: z.uuid() });

  r.post(
    '/api/history-imports',
    {
      schema: {
        tags,
        summary:
          'Unggah berkas riwayat kejadian (XLSX/CSV): judul kolom, contoh, usulan pemetaan / upload a file',
        querystring: z.object({ name: z.string().trim().min(1).max(200).default('riwayat') }),
        response: { 200: HistoryUpload, 201: HistoryUpload },
      },
    },
    async (request, reply) => {
      const format =
        HISTORY_CONTENT_TYPES[(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()];
      if (!format || !Buffer.isBuffer(request.body)) {
        throw new DomainError(
          'unsupported_media_type',
          'Kirim berkas sebagai XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) atau text/csv',
        );
      }
      const upload = await history.uploadHistory(deps, requirePrincipal(request), {
        name: request.query.name,
        format,
        data: request.body,
      });
      return reply.status(upload.known ? 200 : 201).send(upload);
    },
  );

  r.get(
    '/api/history-imports/:id',
    {
      schema: {
        tags,
        summary: 'Satu impor riwayat dan kemajuannya / an import and its progress',
        params: IdParams,
        response: { 200: HistoryImport },
      },
    },
    async (request) => history.getHistoryImport(deps, requirePrincipal(request), request.params.id),
  );

  r.post(
    '/api/history-imports/:id/dry-run',
    {
      schema: {
        tags,
        summary:
          'Uji coba per baris: tempat, jenis, duplikat; tidak menyimpan apa pun / dry run, writes nothing',
        params: IdParams,
        body: HistoryPlan,
        response: { 200: DryRunReply },
      },
    },
    async (request) =>
      history.dryRunHistory(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.post(
    '/api/history-imports/:id/start',
    {
      schema: {
        tags,
        summary: 'Mulai impor di latar belakang (202 dengan jobId) / start the background import',
        params: IdParams,
        body: HistoryPlan,
        response: { 202: HistoryImportStarted },
      },
    },
    async (request, reply) => {
      const jobId = await history.startHistoryImport(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.body,
      );
      return reply.status(202).header('location', `/api/history-imports/${jobId}`).send({ jobId });
    },
  );
}
