import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EXPORT_KINDS, EXPORT_QUERIES, ExportFile } from '../../../shared/exports/export-schema.ts';
import { attachmentDisposition, requirePrincipal } from '../../platform/http.ts';
import * as exportsService from './exports-service.ts';

const tags = ['exports'];

/** Exports: each list as CSV, XLSX, GeoJSON or HXL, streamed at any size (docs/EXPORTS.md). */
export async function exportsRoutes(app: FastifyInstance, deps: exportsService.ExportDeps): Promise<void> {
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
        const prepared = exportsService.prepareExport(deps, requirePrincipal(request), kind, request.query);
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
  }
}
