import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CoverageReply, CoverageTarget, GapItem } from '../../../shared/pillars/coverage.ts';
import { DryRunReport, ImportJob } from '../../../shared/pillars/pillar-import-rules.ts';
import {
  Availability,
  ListCode,
  ListItem,
  ListItemInput,
  Pillar,
  PillarChanges,
  PillarInput,
  PillarStatus,
} from '../../../shared/pillars/pillar-schema.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { NoContent } from '../../../shared/replies.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { lazyDataCipher, missingDataKeyError, resolveDataKey } from '../../platform/crypto.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http.ts';
import * as coverage from './pillars-coverage.ts';
import { createImportRunner, dryRunImport, getImport, startImport } from './pillars-import.ts';
import { ROSTER_CONTENT_TYPES, readRosterOffThread } from './pillars-roster.ts';
import * as pillars from './pillars-service.ts';

const IdParams = z.object({ id: z.uuid() });
const CodeParams = z.object({ code: ListCode });
/** A region code down to kecamatan, or a Bakorwil id (I–V). */
const CoverageRegion = z
  .string()
  .regex(/^(35(\.\d{2}(\.\d{2})?)?|[IVX]{1,4})$/, 'kode provinsi, kab/kota, kecamatan, atau Bakorwil (I–V)');
const KabkotaCode = RegionCode.refine((code) => code.split('.').length === 2, 'kode kab/kota, mis. 35.10');

const ListQuery = z.object({
  type: ListCode.optional(),
  skill: ListCode.optional(),
  region: RegionCode.optional(),
  availability: Availability.optional(),
  status: PillarStatus.optional(),
  q: z.string().trim().min(2).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  kabkota: KabkotaCode,
  /** The type of rows whose sheet has no type column (a Tagana roster). */
  type: ListCode.optional(),
});

/** Dry runs of a roster one user may ask for in ten minutes. */
export const DRY_RUNS_PER_WINDOW = 20;

/** Rosters up to about 50,000 rows. */
const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

/** Social pillars: the registry, its lists, spreadsheet imports and coverage. */
export async function pillarsRoutes(
  app: FastifyInstance,
  deps: { db: Database; config: Config; clock: Clock },
): Promise<void> {
  const { db, config, clock } = deps;
  // A PostgreSQL deployment without a data key refuses to start: instances must share one key.
  if (config.databaseUrl && !config.dataKey) throw missingDataKeyError();
  const cipher = lazyDataCipher(() =>
    resolveDataKey({ configured: config.dataKey, dataDir: config.dataDir, databaseKind: db.kind }),
  );
  const runner = createImportRunner((error, jobId) =>
    app.log.error({ err: error, jobId }, 'pillar import failed'),
  );
  app.addHook('onClose', async () => runner.stop());
  const service = { db, clock, cipher, runner };

  app.addContentTypeParser(
    Object.keys(ROSTER_CONTENT_TYPES),
    { parseAs: 'buffer', bodyLimit: MAX_ROSTER_BYTES },
    (_request, body, done) => done(null, body),
  );

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pillars'];

  r.get(
    '/api/pillars',
    {
      schema: {
        tags,
        summary: 'Daftar pilar sosial (filter jenis, keahlian, wilayah, kesiagaan; cari nama) / list pillars',
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(Pillar), total: z.number() }) },
      },
    },
    async (request) => {
      const q = request.query;
      return pillars.listPillars(service, requirePrincipal(request), {
        pillarType: q.type,
        skill: q.skill,
        regionCode: q.region,
        availability: q.availability,
        status: q.status,
        q: q.q,
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  r.post(
    '/api/pillars',
    {
      schema: {
        tags,
        summary: 'Daftarkan pilar / register a pillar',
        body: PillarInput,
        response: { 201: Pillar },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pillars.createPillar(service, requirePrincipal(request), request.body)),
  );

  r.get(
    '/api/pillars/types',
    { schema: { tags, summary: 'Jenis pilar', response: { 200: z.object({ items: z.array(ListItem) }) } } },
    async (request) => ({ items: await pillars.listItems(service, requirePrincipal(request), 'types') }),
  );

  r.put(
    '/api/pillars/types/:code',
    {
      schema: {
        tags,
        summary: 'Tambah/ubah jenis pilar (admin)',
        params: CodeParams,
        body: ListItemInput,
        response: { 200: z.object({ items: z.array(ListItem) }) },
      },
    },
    async (request) => ({
      items: await pillars.saveItem(service, requirePrincipal(request), 'types', {
        code: request.params.code,
        ...request.body,
      }),
    }),
  );

  r.get(
    '/api/pillars/skills',
    { schema: { tags, summary: 'Keahlian', response: { 200: z.object({ items: z.array(ListItem) }) } } },
    async (request) => ({ items: await pillars.listItems(service, requirePrincipal(request), 'skills') }),
  );

  r.put(
    '/api/pillars/skills/:code',
    {
      schema: {
        tags,
        summary: 'Tambah/ubah keahlian (admin)',
        params: CodeParams,
        body: ListItemInput,
        response: { 200: z.object({ items: z.array(ListItem) }) },
      },
    },
    async (request) => ({
      items: await pillars.saveItem(service, requirePrincipal(request), 'skills', {
        code: request.params.code,
        ...request.body,
      }),
    }),
  );

  r.get(
    '/api/pillars/coverage',
    {
      schema: {
        tags,
        summary: 'Cakupan pilar per wilayah anak: aktif, target, kekurangan / coverage per child area',
        querystring: z.object({ region: CoverageRegion, type: ListCode }),
        response: { 200: CoverageReply },
      },
    },
    async (request) =>
      coverage.getCoverage(service, requirePrincipal(request), request.query.region, request.query.type),
  );

  r.get(
    '/api/pillars/coverage/gaps',
    {
      schema: {
        tags,
        summary: 'Wilayah di bawah target, paling membutuhkan dulu / gaps ordered by need',
        querystring: z.object({ region: CoverageRegion, type: ListCode }),
        response: { 200: z.object({ items: z.array(GapItem) }) },
      },
    },
    async (request) =>
      coverage.listCoverageGaps(service, requirePrincipal(request), request.query.region, request.query.type),
  );

  r.get(
    '/api/pillars/coverage/targets',
    {
      schema: {
        tags,
        summary: 'Target cakupan per jenis pilar dan tingkat wilayah',
        response: { 200: z.object({ items: z.array(CoverageTarget) }) },
      },
    },
    async (request) => ({ items: await coverage.listTargets(service, requirePrincipal(request)) }),
  );

  r.put(
    '/api/pillars/coverage/targets',
    {
      schema: {
        tags,
        summary: 'Ubah target cakupan (admin); 0 berarti tanpa target',
        body: CoverageTarget,
        response: { 200: z.object({ items: z.array(CoverageTarget) }) },
      },
    },
    async (request) => ({
      items: await coverage.saveTarget(service, requirePrincipal(request), request.body),
    }),
  );

  r.post(
    '/api/pillars/imports',
    {
      schema: {
        tags,
        summary:
          'Impor daftar pilar dari XLSX/CSV: dryRun=true melaporkan tiap baris, dryRun=false mengimpor bertahap / import a roster',
        querystring: ImportQuery,
        response: { 200: DryRunReport, 202: ImportJob },
      },
      // A dry run reads the registry for every row: bounded per user, so it is no tool for bulk look-ups.
      config: {
        rateLimit: {
          max: DRY_RUNS_PER_WINDOW,
          timeWindow: '10 minutes',
          keyGenerator: (request) => `pillar-dry-run:${request.principal?.user.id ?? request.ip}`,
          allowList: (request) => (request.query as { dryRun?: string }).dryRun === 'false',
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const format =
        ROSTER_CONTENT_TYPES[(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()];
      if (!format || !Buffer.isBuffer(request.body)) {
        throw new DomainError(
          'unsupported_media_type',
          'Kirim berkas sebagai XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) atau text/csv',
        );
      }
      const options = { kabkotaCode: request.query.kabkota, defaultType: request.query.type };
      const rows = await readRosterOffThread(request.body, format);
      if (request.query.dryRun === 'true') {
        return reply.status(200).send(await dryRunImport(service, principal, options, rows));
      }
      return reply.status(202).send(await startImport(service, principal, options, rows));
    },
  );

  r.get(
    '/api/pillars/imports/:id',
    {
      schema: {
        tags,
        summary: 'Kemajuan dan laporan per baris dari satu impor / import progress and report',
        params: IdParams,
        response: { 200: ImportJob },
      },
    },
    async (request) => getImport(service, requirePrincipal(request), request.params.id),
  );

  r.get(
    '/api/pillars/:id',
    { schema: { tags, summary: 'Satu pilar', params: IdParams, response: { 200: Pillar } } },
    async (request) => pillars.getPillar(service, requirePrincipal(request), request.params.id),
  );

  r.patch(
    '/api/pillars/:id',
    {
      schema: {
        tags,
        summary: 'Ubah data pilar dari versi yang terakhir dilihat',
        params: IdParams,
        body: PillarChanges,
        response: { 200: Pillar },
      },
    },
    async (request) =>
      pillars.updatePillar(service, requirePrincipal(request), request.params.id, request.body),
  );

  r.delete(
    '/api/pillars/:id',
    { schema: { response: { 204: NoContent }, tags, summary: 'Hapus data pilar', params: IdParams } },
    async (request, reply) => {
      await pillars.deletePillar(service, requirePrincipal(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
