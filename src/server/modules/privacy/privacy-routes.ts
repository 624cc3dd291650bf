import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BreachDismissInput,
  BreachInput,
  BreachList,
  BreachNoticeInput,
  BreachView,
  ProcessingRecord,
  ProcessingRecordQuery,
  SubjectSearchQuery,
  SubjectSearchResult,
} from '../../../shared/privacy/privacy-schema.ts';
import { RetentionPlan } from '../../../shared/privacy/retention-rules.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { lazyDataCipher, resolveDataKey } from '../../platform/crypto.ts';
import type { Database } from '../../platform/db.ts';
import { attachmentDisposition, requirePrincipal } from '../../platform/http.ts';
import {
  closeBreach,
  dismissSuspectedBreach,
  listBreaches,
  recordBreach,
  recordBreachNotice,
} from './breach-service.ts';
import { processingRecord, processingRecordPdf } from './privacy-service.ts';
import { retentionDryRun } from './retention-service.ts';
import { rightsRoutes } from './rights-routes.ts';
import { searchSubject } from './subject-access-service.ts';

const tags = ['privacy'];

/** Personal data protection (UU 27/2022): the record of processing, for the data protection officer. */
export async function privacyRoutes(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock; config: Config },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config, clock } = deps;
  const cipher = lazyDataCipher(() =>
    resolveDataKey({ configured: config.dataKey, dataDir: config.dataDir, databaseKind: db.kind }),
  );
  await rightsRoutes(app, { db, clock, cipher });

  r.get(
    '/api/privacy/subjects',
    {
      schema: {
        tags,
        summary:
          'Cari seseorang di seluruh Sigap (PPDP; setiap catatan dicatat di log akses) / subject access search',
        querystring: SubjectSearchQuery,
        response: { 200: SubjectSearchResult },
      },
    },
    async (request) => searchSubject({ db, clock, cipher }, requirePrincipal(request), request.query),
  );

  r.get(
    '/api/privacy/processing-record',
    {
      schema: {
        tags,
        summary:
          'Catatan kegiatan pemrosesan data pribadi (PPDP, admin); ?format=pdf untuk PDF / record of processing',
        querystring: ProcessingRecordQuery,
        response: { 200: ProcessingRecord },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { format, lang } = request.query;
      if (format === 'json') return processingRecord(deps, principal, lang);
      const file = await processingRecordPdf(deps, principal, lang);
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          // A Buffer is sent as it is: Fastify serialises (and checks against the schema) only objects.
          .send(file.bytes as unknown as ProcessingRecord)
      );
    },
  );

  const IdParams = z.object({ id: z.uuid() });

  r.post(
    '/api/privacy/breaches',
    {
      schema: {
        tags,
        summary: 'Catat insiden kebocoran data; jam 3 × 24 jam mulai dari waktu diketahui (PPDP, admin)',
        body: BreachInput,
        response: { 201: BreachView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordBreach(deps, requirePrincipal(request), request.body)),
  );

  r.get(
    '/api/privacy/breaches',
    {
      schema: {
        tags,
        summary: 'Register insiden kebocoran data dengan jam dan draf surat pemberitahuan (PPDP, admin)',
        response: { 200: BreachList },
      },
    },
    async (request) => ({ items: await listBreaches(deps, requirePrincipal(request)) }),
  );

  r.post(
    '/api/privacy/breaches/:id/notices',
    {
      schema: {
        tags,
        summary: 'Catat pemberitahuan yang sudah dikirim: kepada subjek data atau kepada lembaga',
        params: IdParams,
        body: BreachNoticeInput,
        response: { 200: BreachView },
      },
    },
    async (request) =>
      recordBreachNotice(deps, requirePrincipal(request), request.params.id, request.body.to),
  );

  r.post(
    '/api/privacy/breaches/:id/close',
    {
      schema: {
        tags,
        summary: 'Tutup insiden (setelah kedua pemberitahuan tercatat)',
        params: IdParams,
        response: { 200: BreachView },
      },
    },
    async (request) => closeBreach(deps, requirePrincipal(request), request.params.id),
  );

  r.post(
    '/api/privacy/breaches/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Nyatakan dugaan dari sinyal anomali bukan kebocoran, dengan alasannya (PPDP, admin)',
        params: IdParams,
        body: BreachDismissInput,
        response: { 200: BreachView },
      },
    },
    async (request) =>
      dismissSuspectedBreach(deps, requirePrincipal(request), request.params.id, request.body.reason),
  );

  r.get(
    '/api/privacy/retention',
    {
      schema: {
        tags,
        summary:
          'Uji coba retensi: catatan yang akan dianonimkan sekarang, per tabel (jumlah dan id, tanpa isi; PPDP, admin)',
        response: { 200: RetentionPlan },
      },
    },
    async (request) => retentionDryRun(deps, requirePrincipal(request)),
  );
}
