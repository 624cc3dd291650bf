import type { FastifyInstance } from 'fastify';
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
import { acceptBytes, uploadedBytes } from '../../platform/byte-bodies.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import * as agreements from './agreements-service.ts';
import * as groups from './groups-service.ts';

/** The register of actor groups: groups, branches, rivalries, peace agreements and breaches. */
export async function groupsRoutes(app: FastifyInstance, deps: groups.GroupDeps): Promise<void> {
  const on = routeTable(app, ['early-warning'], deps);
  acceptBytes(app, agreements.AGREEMENT_DOCUMENT_TYPES, agreements.MAX_DOCUMENT_BYTES);

  on.list(
    '/api/actor-groups',
    {
      summary: 'Daftar kelompok (perguruan silat, suporter, …)',
      querystring: z.object({ kind: GroupKind.optional(), all: z.enum(['true', 'false']).optional() }),
      item: Group,
    },
    ({ principal, query }) =>
      groups.listGroups(deps, principal, {
        kind: query.kind,
        isActiveOnly: query.all !== 'true',
      }),
  );
  on.direct.post(
    '/api/actor-groups',
    { summary: 'Daftarkan kelompok', body: GroupInput, reply: Group, status: 201 },
    groups.createGroup,
  );
  on.list(
    '/api/actor-groups/branches',
    {
      summary: 'Cabang/ranting dalam wilayah Anda (kontak disamarkan)',
      querystring: z.object({
        group: z.uuid().optional(),
        region: RegionCode.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(200),
      }),
      item: Branch,
    },
    ({ principal, query }) =>
      groups.listBranches(deps, principal, {
        groupId: query.group,
        regionCode: query.region,
        limit: query.limit,
      }),
  );
  on.byId.get(
    '/api/actor-groups/branches/:id',
    {
      summary: 'Satu cabang/ranting (kontak utuh bagi pengelola, tercatat)',
      reply: Branch,
    },
    groups.getBranch,
  );
  on.direct.list(
    '/api/actor-groups/rivalries',
    { summary: 'Rivalitas antar kelompok', item: Rivalry },
    groups.listRivalries,
  );
  on.direct.put(
    '/api/actor-groups/rivalries',
    {
      summary: 'Catat/ubah rivalitas dua kelompok (koordinator, provinsi, admin)',
      body: RivalryInput,
      reply: Rivalry,
    },
    groups.saveRivalry,
  );
  on.byId.get(
    '/api/actor-groups/:id',
    { summary: 'Satu kelompok: cabang, rivalitas, kesepakatan damai', reply: GroupDetail },
    groups.getGroup,
  );
  on.byId.patch(
    '/api/actor-groups/:id',
    {
      summary: 'Ubah kelompok (koordinator, provinsi, admin)',
      body: GroupChange,
      reply: Group,
    },
    groups.updateGroup,
  );
  on.byId.post(
    '/api/actor-groups/:id/branches',
    {
      summary: 'Tambah cabang (kab/kota) atau ranting (kecamatan)',
      body: BranchInput,
      reply: Branch,
      status: 201,
    },
    groups.addBranch,
  );

  on.list(
    '/api/peace-agreements',
    {
      summary: 'Kesepakatan damai dalam wilayah Anda',
      querystring: z.object({
        group: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(100),
      }),
      item: Agreement,
    },
    ({ principal, query }) =>
      agreements.listAgreements(deps, principal, { groupId: query.group, limit: query.limit }),
  );
  on.direct.post(
    '/api/peace-agreements',
    { summary: 'Catat kesepakatan damai', body: AgreementInput, reply: Agreement, status: 201 },
    agreements.createAgreement,
  );
  on.byId.get(
    '/api/peace-agreements/:id',
    { summary: 'Satu kesepakatan damai', reply: Agreement },
    agreements.getAgreement,
  );
  // The document arrives as its own bytes (PDF, JPEG, PNG: the parser above), not as JSON.
  on.put(
    '/api/peace-agreements/:id/document',
    { summary: 'Unggah dokumen kesepakatan (PDF, JPEG, PNG)', params: IdParams, reply: Agreement },
    ({ principal, params, request }) => {
      const body = uploadedBytes(
        request.body,
        'Kirim dokumen sebagai application/pdf, image/jpeg atau image/png',
      );
      const contentType = String(request.headers['content-type'] ?? '')
        .split(';')[0]
        .trim();
      return agreements.putAgreementDocument(deps, principal, params.id, body, contentType);
    },
  );
  on.byId.file(
    '/api/peace-agreements/:id/document',
    { summary: 'Dokumen kesepakatan' },
    agreements.getAgreementDocument,
  );
  on.byId.post(
    '/api/peace-agreements/:id/breaches',
    {
      summary: 'Catat pelanggaran kesepakatan (tautkan laporan)',
      body: BreachInput,
      reply: Agreement,
      status: 201,
    },
    agreements.addBreach,
  );

  for (const subject of ['report', 'case'] as const) {
    const base = subject === 'report' ? '/api/reports/:id/groups' : '/api/cases/:id/groups';
    const named = subject === 'report' ? 'laporan' : 'kasus';
    on.list(
      base,
      { summary: `Kelompok yang disebut ${named}`, params: IdParams, item: Group },
      ({ principal, params }) => groups.listLinkedGroups(deps, principal, subject, params.id),
    );
    on.list(
      base,
      {
        summary: `Tetapkan kelompok yang terlibat dalam ${named}`,
        params: IdParams,
        body: LinkedGroupsInput,
        item: Group,
        method: 'PUT',
      },
      ({ principal, params, body }) =>
        groups.setLinkedGroups(deps, principal, subject, params.id, body.groupIds),
    );
  }
}
