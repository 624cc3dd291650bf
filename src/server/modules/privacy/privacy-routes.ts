import type { FastifyInstance } from 'fastify';
import {
  BreachDismissInput,
  BreachInput,
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
import { IdParams, routeTable } from '../../platform/routes.ts';
import {
  closeBreach,
  dismissSuspectedBreach,
  listBreaches,
  recordBreach,
  recordBreachNotice,
} from './breach-service.ts';
import { processingRecord, processingRecordPdf } from './privacy-service.ts';
import { retentionDryRun } from './retention-service.ts';
import { rightsRoutes, sendPersonalPdf } from './rights-routes.ts';
import { searchSubject } from './subject-access-service.ts';

/** Personal data protection (UU 27/2022): the record of processing, for the data protection officer. */
export async function privacyRoutes(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock; config: Config },
): Promise<void> {
  const { db, config, clock } = deps;
  const cipher = lazyDataCipher(() =>
    resolveDataKey({ configured: config.dataKey, dataDir: config.dataDir, databaseKind: db.kind }),
  );
  await rightsRoutes(app, { db, clock, cipher });
  const on = routeTable(app, ['privacy'], deps);

  on.get(
    '/api/privacy/subjects',
    {
      summary:
        'Cari seseorang di seluruh Sigap (PPDP; setiap catatan dicatat di log akses) / subject access search',
      querystring: SubjectSearchQuery,
      reply: SubjectSearchResult,
    },
    ({ principal, query }) => searchSubject({ db, clock, cipher }, principal, query),
  );
  on.get(
    '/api/privacy/processing-record',
    {
      summary:
        'Catatan kegiatan pemrosesan data pribadi (PPDP, admin); ?format=pdf untuk PDF / record of processing',
      querystring: ProcessingRecordQuery,
      reply: ProcessingRecord,
    },
    async ({ principal, query: { format, lang }, reply }) => {
      if (format === 'json') return processingRecord(deps, principal, lang);
      const file = await processingRecordPdf(deps, principal, lang);
      return sendPersonalPdf(reply, file);
    },
  );
  on.direct.post(
    '/api/privacy/breaches',
    {
      summary: 'Catat insiden kebocoran data; jam 3 × 24 jam mulai dari waktu diketahui (PPDP, admin)',
      body: BreachInput,
      reply: BreachView,
      status: 201,
    },
    recordBreach,
  );
  on.direct.list(
    '/api/privacy/breaches',
    {
      summary: 'Register insiden kebocoran data dengan jam dan draf surat pemberitahuan (PPDP, admin)',
      item: BreachView,
    },
    listBreaches,
  );
  on.post(
    '/api/privacy/breaches/:id/notices',
    {
      summary: 'Catat pemberitahuan yang sudah dikirim: kepada subjek data atau kepada lembaga',
      params: IdParams,
      body: BreachNoticeInput,
      reply: BreachView,
    },
    ({ principal, params, body }) => recordBreachNotice(deps, principal, params.id, body.to),
  );
  on.byId.post(
    '/api/privacy/breaches/:id/close',
    {
      summary: 'Tutup insiden (setelah kedua pemberitahuan tercatat)',
      reply: BreachView,
    },
    closeBreach,
  );
  on.post(
    '/api/privacy/breaches/:id/dismiss',
    {
      summary: 'Nyatakan dugaan dari sinyal anomali bukan kebocoran, dengan alasannya (PPDP, admin)',
      params: IdParams,
      body: BreachDismissInput,
      reply: BreachView,
    },
    ({ principal, params, body }) => dismissSuspectedBreach(deps, principal, params.id, body.reason),
  );
  on.direct.get(
    '/api/privacy/retention',
    {
      summary:
        'Uji coba retensi: catatan yang akan dianonimkan sekarang, per tabel (jumlah dan id, tanpa isi; PPDP, admin)',
      reply: RetentionPlan,
    },
    retentionDryRun,
  );
}
