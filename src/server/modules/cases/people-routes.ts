import type { FastifyInstance } from 'fastify';
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
import { routeTable } from '../../platform/routes.ts';
import type { CaseDeps } from './cases-service.ts';
import * as people from './people-service.ts';

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
  const on = routeTable(app, ['cases'], deps);
  // Personal data is never kept by the browser's or a proxy's cache (this hook covers this plugin's routes only).
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  on.byId.post(
    '/api/cases/:id/people',
    {
      summary: 'Catat orang rentan bernama (penangan kasus; anak perlu persetujuan wali)',
      body: VulnerablePersonInput,
      reply: VulnerablePersonView,
      status: 201,
    },
    people.addPerson,
  );
  on.byId.list(
    '/api/cases/:id/people',
    {
      summary: 'Orang rentan dalam kasus (tersamar bagi yang bukan penangan; setiap akses dicatat)',
      item: VulnerablePersonView,
    },
    people.listPeople,
  );
  on.get(
    '/api/cases/:id/people/:personId',
    { summary: 'Satu orang rentan dalam kasus', params: PersonParams, reply: VulnerablePersonView },
    ({ principal, params }) => people.getPerson(deps, principal, params.id, params.personId),
  );
  on.put(
    '/api/cases/:id/people/:personId',
    {
      summary: 'Perbaiki data orang rentan (seluruh isian; penangan kasus yang melihat datanya)',
      params: PersonParams,
      body: VulnerablePersonInput,
      reply: VulnerablePersonView,
    },
    ({ principal, params, body }) => people.updatePerson(deps, principal, params.id, params.personId, body),
  );
  on.post(
    '/api/cases/:id/people/:personId/referrals',
    {
      summary: 'Rujuk orang rentan ke layanan (idempoten menurut id)',
      params: PersonParams,
      body: ReferralInput,
      reply: ReferralView,
      status: 201,
    },
    ({ principal, params, body }) => people.referPerson(deps, principal, params.id, params.personId, body),
  );
  on.byId.list(
    '/api/cases/:id/referrals',
    { summary: 'Rujukan dalam kasus (tanpa nama)', item: ReferralView },
    people.listReferrals,
  );
  on.byId.patch(
    '/api/referrals/:id',
    {
      summary: 'Tindak lanjut rujukan: diterima, selesai atau batal',
      body: ReferralUpdate,
      reply: ReferralView,
    },
    people.updateReferral,
  );
  on.byId.get(
    '/api/cases/:id/vulnerable-summary',
    {
      summary: 'Jumlah orang rentan per kelompok (laporan dan yang tercatat bernama)',
      reply: VulnerableSummary,
    },
    people.summarizeVulnerable,
  );
}
