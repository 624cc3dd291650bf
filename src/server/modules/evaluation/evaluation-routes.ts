import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFINITIONS, type FigureId } from '../../../shared/evaluation/definitions.ts';
import { EvaluationQuery, ReportFormat } from '../../../shared/evaluation/evaluation-query.ts';
import {
  EvaluationSummaryReply,
  FigureDefinitionView,
  FigureRecordsReply,
  ReportJob,
} from '../../../shared/evaluation/evaluation-replies.ts';
import { attachmentDisposition, requirePrincipal } from '../../platform/http.ts';
import * as files from './evaluation-files-service.ts';
import * as evaluation from './evaluation-service.ts';

const tags = ['evaluation'];
const IdParams = z.object({ id: z.uuid() });

/** Evaluation: the figures, the records behind each, and the PDF/XLSX reports (kept for downloading again). */
export async function evaluationRoutes(app: FastifyInstance, deps: evaluation.EvaluationDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/evaluations/summary',
    {
      schema: {
        tags,
        summary:
          'Angka evaluasi lingkup dan periode (bawaan: triwulan berjalan) beserta periode sebelumnya / evaluation figures',
        querystring: EvaluationQuery,
        response: { 200: EvaluationSummaryReply },
      },
    },
    async (request) => evaluation.getSummary(deps, requirePrincipal(request), request.query),
  );

  r.get(
    '/api/evaluations/definitions',
    {
      schema: {
        tags,
        summary: 'Definisi setiap angka (id/en) / what each figure means',
        response: { 200: z.object({ items: z.array(FigureDefinitionView) }) },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return { items: Object.entries(DEFINITIONS).map(([id, d]) => ({ id: id as FigureId, ...d })) };
    },
  );

  r.get(
    '/api/evaluations/records',
    {
      schema: {
        tags,
        summary: 'Catatan di balik satu angka / the records behind a figure',
        querystring: EvaluationQuery.extend({
          set: z.string().min(1).max(100),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: FigureRecordsReply },
      },
    },
    async (request) => evaluation.listFigureRecords(deps, requirePrincipal(request), request.query),
  );

  // Making a report is work (and keeps a file): a POST, so a link or an image on another site cannot start it.
  for (const format of ReportFormat.options) {
    r.post(
      `/api/evaluations/report.${format}`,
      {
        schema: {
          tags,
          summary: `Buat laporan evaluasi ${format.toUpperCase()}: langsung untuk satu kab/kota, 202 dengan tautan proses untuk lingkup lebih besar`,
          querystring: EvaluationQuery,
        },
      },
      async (request, reply) => {
        const result = await files.requestReport(deps, requirePrincipal(request), {
          ...request.query,
          format,
        });
        if (result.kind === 'file') {
          return reply
            .header('content-type', result.file.contentType)
            .header('content-disposition', attachmentDisposition(result.file.fileName))
            .send(result.file.bytes);
        }
        return reply.status(202).header('location', result.job.link).send(result.job);
      },
    );
  }

  r.post(
    '/api/evaluations/reports',
    {
      schema: {
        tags,
        summary: 'Buat laporan evaluasi di latar belakang / generate a report in the background',
        body: EvaluationQuery.extend({ format: ReportFormat }),
        response: { 202: ReportJob },
      },
    },
    async (request, reply) => {
      const job = await files.startReport(deps, requirePrincipal(request), request.body);
      return reply.status(202).header('location', job.link).send(job);
    },
  );

  r.get(
    '/api/evaluations/reports',
    {
      schema: {
        tags,
        summary: 'Laporan evaluasi yang tersimpan / kept reports',
        response: { 200: z.object({ items: z.array(ReportJob) }) },
      },
    },
    async (request) => ({ items: await files.listReports(deps, requirePrincipal(request)) }),
  );

  r.get(
    '/api/evaluations/reports/:id',
    {
      schema: {
        tags,
        summary: 'Kemajuan pembuatan laporan / progress',
        params: IdParams,
        response: { 200: ReportJob },
      },
    },
    async (request) => files.getReportJob(deps, requirePrincipal(request), request.params.id),
  );

  r.get(
    '/api/evaluations/reports/:id/file',
    { schema: { tags, summary: 'Unduh laporan yang sudah jadi / download', params: IdParams } },
    async (request, reply) => {
      const file = await files.getReportFile(deps, requirePrincipal(request), request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .send(file.bytes);
    },
  );
}
