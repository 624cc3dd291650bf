import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EXPORT_KINDS,
  EXPORT_QUERIES,
  ExportFile,
  ExportJob,
  ExportJobStarted,
} from '../../../shared/exports/export-schema.ts';
import { attachmentDisposition, requirePrincipal } from '../../platform/http.ts';
import * as jobs from './export-jobs-service.ts';
import { CONTENT_TYPES } from './exports-rules.ts';
import * as exportsService from './exports-service.ts';

const tags = ['exports'];

/** Exports: each list as CSV, XLSX, GeoJSON or HXL, streamed at any size (docs/EXPORTS.md). */
export async function exportsRoutes(app: FastifyInstance, deps: jobs.ExportJobDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  for (const kind of EXPORT_KINDS) {
    r.get(
      `/api/exports/${kind}`,
      {
        schema: {
          tags,
          summary: `Ekspor ${kind} (csv, xlsx, geojson, hxl) dengan saringan daftarnya, dialirkan / streamed export`,
          querystring: EXPORT_QUERIES[kind],
          response: { 200: ExportFile },
        },
      },
      async (request, reply) => {
        const prepared = await exportsService.prepareExport(
          deps,
          requirePrincipal(request),
          kind,
          request.query,
        );
        const out = new PassThrough();
        prepared.write(out).catch((error: Error) => {
          request.log.warn({ err: error.message, kind }, 'export stopped');
          out.destroy(error);
        });
        return (
          reply
            .header('content-type', prepared.contentType)
            .header('content-disposition', attachmentDisposition(prepared.fileName))
            .header('cache-control', 'no-store')
            // A stream is sent as it is read, never serialised; the schema only documents the reply.
            .send(out as unknown as string)
        );
      },
    );

    // Starting work is always a POST: a link or an image on another site cannot start one.
    r.post(
      `/api/exports/${kind}`,
      {
        schema: {
          tags,
          summary: `Ekspor ${kind} di latar belakang (202 dengan jobId) / background export`,
          querystring: EXPORT_QUERIES[kind],
          response: { 202: ExportJobStarted },
        },
      },
      async (request, reply) => {
        const jobId = await jobs.startExportJob(deps, requirePrincipal(request), kind, request.query);
        return reply.status(202).header('location', `/api/exports/jobs/${jobId}`).send({ jobId });
      },
    );
  }

  const IdParams = z.object({ id: z.uuid() });
  r.get(
    '/api/exports/jobs/:id',
    {
      schema: {
        tags,
        summary: 'Kemajuan ekspor dan tautan unduhnya / progress and download link',
        params: IdParams,
        response: { 200: ExportJob },
      },
    },
    async (request) => jobs.getExportJob(deps, requirePrincipal(request), request.params.id),
  );

  r.get(
    '/api/exports/jobs/:id/file',
    {
      schema: {
        tags,
        summary: 'Unduh berkas ekspor (disimpan sehari) / download the file (kept a day)',
        params: IdParams,
        response: { 200: ExportFile },
      },
    },
    async (request, reply) => {
      const file = await jobs.openExportFile(deps, requirePrincipal(request), request.params.id);
      return reply
        .header('content-type', CONTENT_TYPES[file.format as keyof typeof CONTENT_TYPES])
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.stream as unknown as string);
    },
  );
}
