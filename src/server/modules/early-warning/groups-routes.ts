import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Agreement,
  Branch,
  Group,
  GroupDetail,
  Rivalry,
} from '../../../shared/early-warning/early-warning-replies.ts';
import {
  AgreementInput,
  BranchInput,
  BreachInput,
  GroupChange,
  GroupInput,
  GroupKind,
  LinkedGroupsInput,
  RivalryInput,
} from '../../../shared/early-warning/early-warning-schema.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { itemsOf } from '../../../shared/replies.ts';
import { DomainError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http.ts';
import * as groups from './groups-service.ts';

const IdParams = z.object({ id: z.uuid() });

/** The register of actor groups: groups, branches, rivalries, peace agreements and breaches. */
export async function groupsRoutes(app: FastifyInstance, deps: groups.GroupDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['early-warning'];
  app.addContentTypeParser(
    [...groups.AGREEMENT_DOCUMENT_TYPES],
    { parseAs: 'buffer', bodyLimit: groups.MAX_DOCUMENT_BYTES },
    (_request, body, done) => done(null, body),
  );

  r.get(
    '/api/actor-groups',
    {
      schema: {
        tags,
        summary: 'Daftar kelompok (perguruan silat, suporter, …)',
        querystring: z.object({ kind: GroupKind.optional(), all: z.enum(['true', 'false']).optional() }),
        response: { 200: itemsOf(Group) },
      },
    },
    async (request) => ({
      items: await groups.listGroups(deps, requirePrincipal(request), {
        kind: request.query.kind,
        isActiveOnly: request.query.all !== 'true',
      }),
    }),
  );

  r.post(
    '/api/actor-groups',
    { schema: { tags, summary: 'Daftarkan kelompok', body: GroupInput, response: { 201: Group } } },
    async (request, reply) =>
      reply.status(201).send(await groups.createGroup(deps, requirePrincipal(request), request.body)),
  );

  r.get(
    '/api/actor-groups/branches',
    {
      schema: {
        tags,
        summary: 'Cabang/ranting dalam wilayah Anda (kontak disamarkan)',
        querystring: z.object({
          group: z.uuid().optional(),
          region: RegionCode.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(200),
        }),
        response: { 200: itemsOf(Branch) },
      },
    },
    async (request) => ({
      items: await groups.listBranches(deps, requirePrincipal(request), {
        groupId: request.query.group,
        regionCode: request.query.region,
        limit: request.query.limit,
      }),
    }),
  );

  r.get(
    '/api/actor-groups/branches/:id',
    {
      schema: {
        tags,
        summary: 'Satu cabang/ranting (kontak utuh bagi pengelola, tercatat)',
        params: IdParams,
        response: { 200: Branch },
      },
    },
    async (request) => groups.getBranch(deps, requirePrincipal(request), request.params.id),
  );

  r.get(
    '/api/actor-groups/rivalries',
    { schema: { tags, summary: 'Rivalitas antar kelompok', response: { 200: itemsOf(Rivalry) } } },
    async (request) => ({
      items: await groups.listRivalries(deps, requirePrincipal(request)),
    }),
  );

  r.put(
    '/api/actor-groups/rivalries',
    {
      schema: {
        tags,
        summary: 'Catat/ubah rivalitas dua kelompok (koordinator, provinsi, admin)',
        body: RivalryInput,
        response: { 200: Rivalry },
      },
    },
    async (request) => groups.saveRivalry(deps, requirePrincipal(request), request.body),
  );

  r.get(
    '/api/actor-groups/:id',
    {
      schema: {
        tags,
        summary: 'Satu kelompok: cabang, rivalitas, kesepakatan damai',
        params: IdParams,
        response: { 200: GroupDetail },
      },
    },
    async (request) => groups.getGroup(deps, requirePrincipal(request), request.params.id),
  );

  r.patch(
    '/api/actor-groups/:id',
    {
      schema: {
        tags,
        summary: 'Ubah kelompok (koordinator, provinsi, admin)',
        params: IdParams,
        body: GroupChange,
        response: { 200: Group },
      },
    },
    async (request) => groups.updateGroup(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.post(
    '/api/actor-groups/:id/branches',
    {
      schema: {
        tags,
        summary: 'Tambah cabang (kab/kota) atau ranting (kecamatan)',
        params: IdParams,
        body: BranchInput,
        response: { 201: Branch },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await groups.addBranch(deps, requirePrincipal(request), request.params.id, request.body)),
  );

  r.get(
    '/api/peace-agreements',
    {
      schema: {
        tags,
        summary: 'Kesepakatan damai dalam wilayah Anda',
        querystring: z.object({
          group: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(100),
        }),
        response: { 200: itemsOf(Agreement) },
      },
    },
    async (request) => ({
      items: await groups.listAgreements(deps, requirePrincipal(request), {
        groupId: request.query.group,
        limit: request.query.limit,
      }),
    }),
  );

  r.post(
    '/api/peace-agreements',
    {
      schema: {
        tags,
        summary: 'Catat kesepakatan damai',
        body: AgreementInput,
        response: { 201: Agreement },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await groups.createAgreement(deps, requirePrincipal(request), request.body)),
  );

  r.get(
    '/api/peace-agreements/:id',
    { schema: { tags, summary: 'Satu kesepakatan damai', params: IdParams, response: { 200: Agreement } } },
    async (request) => groups.getAgreement(deps, requirePrincipal(request), request.params.id),
  );

  r.put(
    '/api/peace-agreements/:id/document',
    {
      schema: {
        tags,
        summary: 'Unggah dokumen kesepakatan (PDF, JPEG, PNG)',
        params: IdParams,
        response: { 200: Agreement },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        throw new DomainError(
          'unsupported_media_type',
          'Kirim dokumen sebagai application/pdf, image/jpeg atau image/png',
        );
      }
      const contentType = String(request.headers['content-type'] ?? '')
        .split(';')[0]
        .trim();
      return groups.putAgreementDocument(
        deps,
        requirePrincipal(request),
        request.params.id,
        body,
        contentType,
      );
    },
  );

  r.get(
    '/api/peace-agreements/:id/document',
    { schema: { tags, summary: 'Dokumen kesepakatan', params: IdParams } },
    async (request, reply) => {
      const doc = await groups.getAgreementDocument(deps, requirePrincipal(request), request.params.id);
      return reply
        .header('content-type', doc.contentType)
        .header('cache-control', 'private, max-age=3600')
        .send(doc.bytes);
    },
  );

  r.post(
    '/api/peace-agreements/:id/breaches',
    {
      schema: {
        tags,
        summary: 'Catat pelanggaran kesepakatan (tautkan laporan)',
        params: IdParams,
        body: BreachInput,
        response: { 201: Agreement },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await groups.addBreach(deps, requirePrincipal(request), request.params.id, request.body)),
  );

  for (const subject of ['report', 'case'] as const) {
    const base = subject === 'report' ? '/api/reports/:id/groups' : '/api/cases/:id/groups';
    r.get(
      base,
      {
        schema: {
          tags,
          summary: `Kelompok yang disebut ${subject === 'report' ? 'laporan' : 'kasus'}`,
          params: IdParams,
          response: { 200: itemsOf(Group) },
        },
      },
      async (request) => ({
        items: await groups.listLinkedGroups(deps, requirePrincipal(request), subject, request.params.id),
      }),
    );
    r.put(
      base,
      {
        schema: {
          tags,
          summary: `Tetapkan kelompok yang terlibat dalam ${subject === 'report' ? 'laporan' : 'kasus'}`,
          params: IdParams,
          body: LinkedGroupsInput,
          response: { 200: itemsOf(Group) },
        },
      },
      async (request) => ({
        items: await groups.setLinkedGroups(
          deps,
          requirePrincipal(request),
          subject,
          request.params.id,
          request.body.groupIds,
        ),
      }),
    );
  }
}
