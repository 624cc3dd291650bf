import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  EXPORT_KINDS,
  EXPORT_QUERIES,
  ExportFile,
  ExportJob,
  ExportJobStarted,
} from '../../../shared/exports/export-schema.ts';
import { sendDownload } from '../../platform/http.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import * as jobs from './export-jobs-service.ts';
import { CONTENT_TYPES } from './exports-rules.ts';
import * as exportsService from './exports-service.ts';

/** Exports: each list as CSV, XLSX, GeoJSON or HXL, streamed at any size (docs/EXPORTS.md). */
export async function exportsRoutes(app: FastifyInstance, deps: jobs.ExportJobDeps): Promise<void> {
  const on = routeTable(app, ['exports'], deps);

  for (const kind of EXPORT_KINDS) {
    on.get(
      `/api/exports/${kind}`,
      {
        summary: `Ekspor ${kind} (csv, xlsx, geojson, hxl) dengan saringan daftarnya, dialirkan / streamed export`,
        querystring: EXPORT_QUERIES[kind],
        reply: ExportFile,
      },
      async ({ principal, query, request, reply }) => {
        const prepared = await exportsService.prepareExport(deps, principal, kind, query);
        const out = new PassThrough();
        prepared.write(out).catch((error: Error) => {
          request.log.warn({ err: error.message, kind }, 'export stopped');
          out.destroy(error);
        });
        // A stream is sent as it is read, never serialised; the schema only documents the reply.
        const { contentType, fileName } = prepared;
        return sendDownload(reply, { contentType, fileName, body: out }, 'no-store');
      },
    );

    // Starting work is always a POST: a link or an image on another site cannot start one.
    on.post(
      `/api/exports/${kind}`,
      {
        summary: `Ekspor ${kind} di latar belakang (202 dengan jobId) / background export`,
        querystring: EXPORT_QUERIES[kind],
        reply: ExportJobStarted,
        status: 202,
      },
      async ({ principal, query, reply }) => {
        const jobId = await jobs.startExportJob(deps, principal, kind, query);
        reply.header('location', `/api/exports/jobs/${jobId}`);
        return { jobId };
      },
    );
  }

  on.byId.get(
    '/api/exports/jobs/:id',
    {
      summary: 'Kemajuan ekspor dan tautan unduhnya / progress and download link',
      reply: ExportJob,
    },
    jobs.getExportJob,
  );
  on.get(
    '/api/exports/jobs/:id/file',
    {
      summary: 'Unduh berkas ekspor (disimpan sehari) / download the file (kept a day)',
      params: IdParams,
      reply: ExportFile,
    },
    async ({ principal, params, reply }) => {
      const file = await jobs.openExportFile(deps, principal, params.id);
      const contentType = CONTENT_TYPES[file.format as keyof typeof CONTENT_TYPES];
      return sendDownload(reply, { contentType, fileName: file.fileName, body: file.stream }, 'no-store');
    },
  );
}
