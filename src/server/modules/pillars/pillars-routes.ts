import type { FastifyInstance } from 'fastify';
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
import { KabkotaCode, RegionCode } from '../../../shared/regions.ts';
import { itemsOf, NoContent } from '../../../shared/replies.ts';
import { acceptBytes, uploadedFile } from '../../platform/byte-bodies.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { lazyDataCipher, missingDataKeyError, resolveDataKey } from '../../platform/crypto.ts';
import type { Database } from '../../platform/db.ts';
import { routeTable } from '../../platform/routes.ts';
import * as coverage from './pillars-coverage.ts';
import { createImportRunner, dryRunImport, getImport, startImport } from './pillars-import.ts';
import { ROSTER_CONTENT_TYPES, readRosterOffThread } from './pillars-roster.ts';
import * as pillars from './pillars-service.ts';

const CodeParams = z.object({ code: ListCode });
/** A region code down to kecamatan, or a Bakorwil id (I–V). */
const CoverageRegion = z
  .string()
  .regex(/^(35(\.\d{2}(\.\d{2})?)?|[IVX]{1,4})$/, 'kode provinsi, kab/kota, kecamatan, atau Bakorwil (I–V)');

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

  acceptBytes(app, Object.keys(ROSTER_CONTENT_TYPES), MAX_ROSTER_BYTES);

  const on = routeTable(app, ['pillars'], service);
  const coverageQuery = z.object({ region: CoverageRegion, type: ListCode });

  on.get(
    '/api/pillars',
    {
      summary: 'Daftar pilar sosial (filter jenis, keahlian, wilayah, kesiagaan; cari nama) / list pillars',
      querystring: ListQuery,
      reply: z.object({ items: z.array(Pillar), total: z.number() }),
    },
    ({ principal, query: q }) =>
      pillars.listPillars(service, principal, {
        pillarType: q.type,
        skill: q.skill,
        regionCode: q.region,
        availability: q.availability,
        status: q.status,
        q: q.q,
        limit: q.limit,
        offset: q.offset,
      }),
  );
  on.direct.post(
    '/api/pillars',
    { summary: 'Daftarkan pilar / register a pillar', body: PillarInput, reply: Pillar, status: 201 },
    pillars.createPillar,
  );
  // The two lists an admin keeps: pillar types and skills.
  for (const [list, name] of [
    ['types', 'jenis pilar'],
    ['skills', 'keahlian'],
  ] as const) {
    on.list(`/api/pillars/${list}`, { summary: name[0].toUpperCase() + name.slice(1), item: ListItem }, (c) =>
      pillars.listItems(service, c.principal, list),
    );
    on.list(
      `/api/pillars/${list}/:code`,
      {
        summary: `Tambah/ubah ${name} (admin)`,
        params: CodeParams,
        body: ListItemInput,
        item: ListItem,
        method: 'PUT',
      },
      ({ principal, params, body }) =>
        pillars.saveItem(service, principal, list, { code: params.code, ...body }),
    );
  }
  on.get(
    '/api/pillars/coverage',
    {
      summary: 'Cakupan pilar per wilayah anak: aktif, target, kekurangan / coverage per child area',
      querystring: coverageQuery,
      reply: CoverageReply,
    },
    ({ principal, query }) => coverage.getCoverage(service, principal, query.region, query.type),
  );
  on.get(
    '/api/pillars/coverage/gaps',
    {
      summary: 'Wilayah di bawah target, paling membutuhkan dulu / gaps ordered by need',
      querystring: coverageQuery,
      reply: itemsOf(GapItem),
    },
    ({ principal, query }) => coverage.listCoverageGaps(service, principal, query.region, query.type),
  );
  on.direct.list(
    '/api/pillars/coverage/targets',
    { summary: 'Target cakupan per jenis pilar dan tingkat wilayah', item: CoverageTarget },
    coverage.listTargets,
  );
  on.direct.list(
    '/api/pillars/coverage/targets',
    {
      summary: 'Ubah target cakupan (admin); 0 berarti tanpa target',
      body: CoverageTarget,
      item: CoverageTarget,
      method: 'PUT',
    },
    coverage.saveTarget,
  );
  on.post(
    '/api/pillars/imports',
    {
      summary:
        'Impor daftar pilar dari XLSX/CSV: dryRun=true melaporkan tiap baris, dryRun=false mengimpor bertahap / import a roster',
      querystring: ImportQuery,
      reply: DryRunReport,
      otherReplies: { 202: ImportJob },
      options: {
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
    },
    async ({ principal, query, request, reply }) => {
      const { format, bytes } = uploadedFile(
        request,
        ROSTER_CONTENT_TYPES,
        'Kirim berkas sebagai XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) atau text/csv',
      );
      const options = { kabkotaCode: query.kabkota, defaultType: query.type };
      const rows = await readRosterOffThread(bytes, format);
      if (query.dryRun === 'true') return dryRunImport(service, principal, options, rows);
      reply.status(202);
      return startImport(service, principal, options, rows);
    },
  );
  on.byId.get(
    '/api/pillars/imports/:id',
    {
      summary: 'Kemajuan dan laporan per baris dari satu impor / import progress and report',
      reply: ImportJob,
    },
    getImport,
  );
  on.byId.get('/api/pillars/:id', { summary: 'Satu pilar', reply: Pillar }, pillars.getPillar);
  on.byId.patch(
    '/api/pillars/:id',
    {
      summary: 'Ubah data pilar dari versi yang terakhir dilihat',
      body: PillarChanges,
      reply: Pillar,
    },
    pillars.updatePillar,
  );
  on.byId.delete(
    '/api/pillars/:id',
    { summary: 'Hapus data pilar', reply: NoContent, status: 204 },
    pillars.deletePillar,
  );
}
