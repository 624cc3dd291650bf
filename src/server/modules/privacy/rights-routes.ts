import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  ConsentInput,
  ConsentQuery,
  ConsentView,
  CorrectionInput,
  LegalHoldInput,
  LegalHoldView,
  PersonFile,
  PersonFileQuery,
  RequestAnswerInput,
  RightsRequestInput,
  RightsRequestView,
} from '../../../shared/privacy/rights-schema.ts';
import { sendDownload } from '../../platform/http.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import { listConsents, recordConsent } from './consent-service.ts';
import {
  answerRequest,
  correctField,
  getRequest,
  listRequests,
  personFile,
  personFilePdf,
  type RightsDeps,
  recordRequest,
  runErasure,
  setLegalHold,
} from './rights-service.ts';

/** A PDF of personal data as a download that no cache keeps. */
export function sendPersonalPdf(
  reply: FastifyReply,
  file: { fileName: string; bytes: Buffer },
): FastifyReply {
  return sendDownload(
    reply,
    { contentType: 'application/pdf', fileName: file.fileName, body: file.bytes },
    'no-store',
  );
}

/** The requests of the people in the data (UU 27/2022 Pasal 5–8), for the data protection officer and the admin. */
export async function rightsRoutes(app: FastifyInstance, deps: RightsDeps): Promise<void> {
  const on = routeTable(app, ['privacy'], deps);

  on.direct.post(
    '/api/privacy/requests',
    {
      summary: 'Catat permintaan subjek data (akses, perbaikan, penghapusan) dengan batas waktunya',
      body: RightsRequestInput,
      reply: RightsRequestView,
      status: 201,
    },
    recordRequest,
  );
  on.direct.list(
    '/api/privacy/requests',
    { summary: 'Daftar permintaan subjek data dengan jam batas waktunya', item: RightsRequestView },
    listRequests,
  );
  on.byId.get(
    '/api/privacy/requests/:id',
    { summary: 'Satu permintaan subjek data', reply: RightsRequestView },
    getRequest,
  );
  on.get(
    '/api/privacy/requests/:id/file',
    {
      summary: 'Berkas data pribadi orang tersebut (JSON; ?format=pdf), setiap catatan dicatat di log akses',
      params: IdParams,
      querystring: PersonFileQuery,
      reply: PersonFile,
    },
    async ({ principal, params, query, reply }) => {
      if (query.format === 'json') return personFile(deps, principal, params.id);
      const file = await personFilePdf(deps, principal, params.id);
      return sendPersonalPdf(reply, file);
    },
  );
  on.byId.post(
    '/api/privacy/requests/:id/corrections',
    {
      summary: 'Perbaiki satu kolom dari catatan dalam permintaan perbaikan',
      body: CorrectionInput,
      reply: RightsRequestView,
    },
    correctField,
  );
  on.byId.post(
    '/api/privacy/requests/:id/erasure',
    {
      summary:
        'Jalankan penghapusan (anonimisasi); ditolak dengan alasan bila kasus masih terbuka atau ada legal hold',
      reply: RightsRequestView,
    },
    runErasure,
  );
  on.post(
    '/api/privacy/requests/:id/answer',
    {
      summary: 'Jawab permintaan akses atau perbaikan dan tutup',
      params: IdParams,
      body: RequestAnswerInput,
      reply: RightsRequestView,
    },
    ({ principal, params, body }) => answerRequest(deps, principal, params.id, body.answer),
  );
  on.direct.post(
    '/api/privacy/holds',
    {
      summary: 'Pasang atau cabut legal hold pada catatan atau kasus',
      body: LegalHoldInput,
      reply: LegalHoldView,
    },
    setLegalHold,
  );
  on.direct.list(
    '/api/privacy/consents',
    {
      summary: 'Persetujuan seseorang: pelapor warga (nomor telepon), pilar atau anak (id catatan)',
      querystring: ConsentQuery,
      item: ConsentView,
    },
    listConsents,
  );
  on.direct.post(
    '/api/privacy/consents',
    {
      summary: 'Catat persetujuan diberikan atau ditarik; penarikan langsung dijalankan',
      body: ConsentInput,
      reply: ConsentView,
    },
    recordConsent,
  );
}
