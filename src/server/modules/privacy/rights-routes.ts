import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConsentInput,
  ConsentList,
  ConsentQuery,
  ConsentView,
  CorrectionInput,
  LegalHoldInput,
  LegalHoldView,
  PersonFile,
  PersonFileQuery,
  RequestAnswerInput,
  RightsRequestInput,
  RightsRequestList,
  RightsRequestView,
} from '../../../shared/privacy/rights-schema.ts';
import { attachmentDisposition, requirePrincipal } from '../../platform/http.ts';
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

const tags = ['privacy'];
const IdParams = z.object({ id: z.uuid() });

/** The requests of the people in the data (UU 27/2022 Pasal 5–8), for the data protection officer and the admin. */
export async function rightsRoutes(app: FastifyInstance, deps: RightsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/privacy/requests',
    {
      schema: {
        tags,
        summary: 'Catat permintaan subjek data (akses, perbaikan, penghapusan) dengan batas waktunya',
        body: RightsRequestInput,
        response: { 201: RightsRequestView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordRequest(deps, requirePrincipal(request), request.body)),
  );

  r.get(
    '/api/privacy/requests',
    {
      schema: {
        tags,
        summary: 'Daftar permintaan subjek data dengan jam batas waktunya',
        response: { 200: RightsRequestList },
      },
    },
    async (request) => ({ items: await listRequests(deps, requirePrincipal(request)) }),
  );

  r.get(
    '/api/privacy/requests/:id',
    {
      schema: {
        tags,
        summary: 'Satu permintaan subjek data',
        params: IdParams,
        response: { 200: RightsRequestView },
      },
    },
    async (request) => getRequest(deps, requirePrincipal(request), request.params.id),
  );

  r.get(
    '/api/privacy/requests/:id/file',
    {
      schema: {
        tags,
        summary:
          'Berkas data pribadi orang tersebut (JSON; ?format=pdf), setiap catatan dicatat di log akses',
        params: IdParams,
        querystring: PersonFileQuery,
        response: { 200: PersonFile },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (request.query.format === 'json') return personFile(deps, principal, request.params.id);
      const file = await personFilePdf(deps, principal, request.params.id);
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          // A Buffer is sent as it is: Fastify serialises (and checks against the schema) only objects.
          .send(file.bytes as unknown as PersonFile)
      );
    },
  );

  r.post(
    '/api/privacy/requests/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Perbaiki satu kolom dari catatan dalam permintaan perbaikan',
        params: IdParams,
        body: CorrectionInput,
        response: { 200: RightsRequestView },
      },
    },
    async (request) => correctField(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.post(
    '/api/privacy/requests/:id/erasure',
    {
      schema: {
        tags,
        summary:
          'Jalankan penghapusan (anonimisasi); ditolak dengan alasan bila kasus masih terbuka atau ada legal hold',
        params: IdParams,
        response: { 200: RightsRequestView },
      },
    },
    async (request) => runErasure(deps, requirePrincipal(request), request.params.id),
  );

  r.post(
    '/api/privacy/requests/:id/answer',
    {
      schema: {
        tags,
        summary: 'Jawab permintaan akses atau perbaikan dan tutup',
        params: IdParams,
        body: RequestAnswerInput,
        response: { 200: RightsRequestView },
      },
    },
    async (request) => answerRequest(deps, requirePrincipal(request), request.params.id, request.body.answer),
  );

  r.post(
    '/api/privacy/holds',
    {
      schema: {
        tags,
        summary: 'Pasang atau cabut legal hold pada catatan atau kasus',
        body: LegalHoldInput,
        response: { 200: LegalHoldView },
      },
    },
    async (request) => setLegalHold(deps, requirePrincipal(request), request.body),
  );

  r.get(
    '/api/privacy/consents',
    {
      schema: {
        tags,
        summary: 'Persetujuan seseorang: pelapor warga (nomor telepon), pilar atau anak (id catatan)',
        querystring: ConsentQuery,
        response: { 200: ConsentList },
      },
    },
    async (request) => ({ items: await listConsents(deps, requirePrincipal(request), request.query) }),
  );

  r.post(
    '/api/privacy/consents',
    {
      schema: {
        tags,
        summary: 'Catat persetujuan diberikan atau ditarik; penarikan langsung dijalankan',
        body: ConsentInput,
        response: { 200: ConsentView },
      },
    },
    async (request) => recordConsent(deps, requirePrincipal(request), request.body),
  );
}
