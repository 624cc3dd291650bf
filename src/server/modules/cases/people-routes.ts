import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VulnerablePersonInput } from '../../../shared/cases/case-schema.ts';
import {
  ReferralInput,
  ReferralUpdate,
  ReferralView,
  VulnerablePersonView,
  VulnerableSummary,
} from '../../../shared/cases/people-schema.ts';
import type { Config } from '../../platform/config.ts';
import { lazyDataCipher, missingDataKeyError, resolveDataKey } from '../../platform/crypto.ts';
import { requirePrincipal } from '../../platform/http.ts';
import type { CaseDeps } from './cases-service.ts';
import * as people from './people-service.ts';

const IdParams = z.object({ id: z.uuid() });
const PersonParams = z.object({ id: z.uuid(), personId: z.uuid() });

/** Vulnerable people of a case (personal data: handlers only), their referrals, and the counts by group. */
export async function peopleRoutes(
  app: FastifyInstance,
  caseDeps: CaseDeps & { config: Config },
): Promise<void> {
  const { config, db } = caseDeps;
  // NIKs are sealed with the data key, as pillars' are (a PostgreSQL deployment must configure one).
  if (config.databaseUrl && !config.dataKey) throw missingDataKeyError();
  const cipher = lazyDataCipher(() =>
    resolveDataKey({ configured: config.dataKey, dataDir: config.dataDir, databaseKind: db.kind }),
  );
  const deps: people.PeopleDeps = { ...caseDeps, cipher };
  // NIKs written before they were encrypted are sealed now (SQL cannot reach the key); nothing after the first.
  const sealed = await people.sealPlainNiks(db, cipher);
  if (sealed > 0) app.log.info({ sealed }, 'people: plain NIKs sealed with the data key');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  // Personal data is never kept by the browser's or a proxy's cache (this hook covers this plugin's routes only).
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  r.post(
    '/api/cases/:id/people',
    {
      schema: {
        tags,
        summary: 'Catat orang rentan bernama (penangan kasus; anak perlu persetujuan wali)',
        params: IdParams,
        body: VulnerablePersonInput,
        response: { 201: VulnerablePersonView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await people.addPerson(deps, requirePrincipal(request), request.params.id, request.body)),
  );

  r.get(
    '/api/cases/:id/people',
    {
      schema: {
        tags,
        summary: 'Orang rentan dalam kasus (tersamar bagi yang bukan penangan; setiap akses dicatat)',
        params: IdParams,
        response: { 200: z.object({ items: z.array(VulnerablePersonView) }) },
      },
    },
    async (request) => ({
      items: await people.listPeople(deps, requirePrincipal(request), request.params.id),
    }),
  );

  r.get(
    '/api/cases/:id/people/:personId',
    {
      schema: {
        tags,
        summary: 'Satu orang rentan dalam kasus',
        params: PersonParams,
        response: { 200: VulnerablePersonView },
      },
    },
    async (request) =>
      people.getPerson(deps, requirePrincipal(request), request.params.id, request.params.personId),
  );

  r.put(
    '/api/cases/:id/people/:personId',
    {
      schema: {
        tags,
        summary: 'Perbaiki data orang rentan (seluruh isian; penangan kasus yang melihat datanya)',
        params: PersonParams,
        body: VulnerablePersonInput,
        response: { 200: VulnerablePersonView },
      },
    },
    async (request) =>
      people.updatePerson(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.personId,
        request.body,
      ),
  );

  r.post(
    '/api/cases/:id/people/:personId/referrals',
    {
      schema: {
        tags,
        summary: 'Rujuk orang rentan ke layanan',
        params: PersonParams,
        body: ReferralInput,
        response: { 201: ReferralView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await people.referPerson(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.params.personId,
            request.body,
          ),
        ),
  );

  r.get(
    '/api/cases/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Rujukan dalam kasus (tanpa nama)',
        params: IdParams,
        response: { 200: z.object({ items: z.array(ReferralView) }) },
      },
    },
    async (request) => ({
      items: await people.listReferrals(deps, requirePrincipal(request), request.params.id),
    }),
  );

  r.patch(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Tindak lanjut rujukan: diterima, selesai atau batal',
        params: IdParams,
        body: ReferralUpdate,
        response: { 200: ReferralView },
      },
    },
    async (request) =>
      people.updateReferral(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.get(
    '/api/cases/:id/vulnerable-summary',
    {
      schema: {
        tags,
        summary: 'Jumlah orang rentan per kelompok (laporan dan yang tercatat bernama)',
        params: IdParams,
        response: { 200: VulnerableSummary },
      },
    },
    async (request) => people.summarizeVulnerable(deps, requirePrincipal(request), request.params.id),
  );
}
