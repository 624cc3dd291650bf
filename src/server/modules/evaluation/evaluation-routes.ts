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
import { requirePrincipal, sendDownload } from '../../platform/http.ts';
import { routeTable } from '../../platform/routes.ts';
import * as files from './evaluation-files-service.ts';
import * as evaluation from './evaluation-service.ts';

const tags = ['evaluation'];

/** Evaluation: the figures, the records behind each, and the PDF/XLSX reports (kept for downloading again). */
export async function evaluationRoutes(app: FastifyInstance, deps: evaluation.EvaluationDeps): Promise<void> {
  const on = routeTable(app, tags, deps);
  // The report files are bytes with no reply schema (routeTable needs one): Fastify's own shape.
  const r = app.withTypeProvider<ZodTypeProvider>();

  on.direct.get(
    '/api/evaluations/summary',
    {
      summary:
        'Angka evaluasi lingkup dan periode (bawaan: triwulan berjalan) beserta periode sebelumnya / evaluation figures',
      querystring: EvaluationQuery,
      reply: EvaluationSummaryReply,
    },
    evaluation.getSummary,
  );
  on.list(
    '/api/evaluations/definitions',
    {
      summary: 'Definisi setiap angka (id/en) / what each figure means',
      item: FigureDefinitionView,
    },
    ({ request }) => {
      requirePrincipal(request); // signed-in users only
      return Object.entries(DEFINITIONS).map(([id, d]) => ({ id: id as FigureId, ...d }));
    },
  );
  on.direct.get(
    '/api/evaluations/records',
    {
      summary: 'Catatan di balik satu angka / the records behind a figure',
      querystring: EvaluationQuery.extend({
        set: z.string().min(1).max(100),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      reply: FigureRecordsReply,
    },
    evaluation.listFigureRecords,
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
          const { contentType, fileName, bytes } = result.file;
          return sendDownload(reply, { contentType, fileName, body: bytes }, 'default');
        }
        return reply.status(202).header('location', result.job.link).send(result.job);
      },
    );
  }

  on.post(
    '/api/evaluations/reports',
    {
      summary: 'Buat laporan evaluasi di latar belakang / generate a report in the background',
      body: EvaluationQuery.extend({ format: ReportFormat }),
      reply: ReportJob,
      status: 202,
    },
    async ({ principal, body, reply }) => {
      const job = await files.startReport(deps, principal, body);
      reply.header('location', job.link);
      return job;
    },
  );
  on.direct.list(
    '/api/evaluations/reports',
    { summary: 'Laporan evaluasi yang tersimpan / kept reports', item: ReportJob },
    files.listReports,
  );
  on.byId.get(
    '/api/evaluations/reports/:id',
    { summary: 'Kemajuan pembuatan laporan / progress', reply: ReportJob },
    files.getReportJob,
  );
  on.byId.file(
    '/api/evaluations/reports/:id/file',
    { summary: 'Unduh laporan yang sudah jadi / download' },
    files.getReportFile,
  );
}
