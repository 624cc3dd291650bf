import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CasePhase } from '../../../shared/cases/case-rules.ts';
import {
  AssignmentInput,
  AttachReportInput,
  CaseView,
  CreateCaseInput,
  DispositionAnswer,
  DispositionInput,
  EditCaseInput,
  FollowUpInput,
  MoveCaseInput,
  OpenItemsView,
  RecoveryStepInput,
  ReopenCaseInput,
  ShareCaseInput,
} from '../../../shared/cases/case-schema.ts';
import {
  AssignmentCreatedReply,
  AssignmentReply,
  CreatedReply,
  DispatchSuggestionReply,
  DispositionReply,
  FollowUpReply,
  FollowUpTakenReply,
  TimelineEntryReply,
} from '../../../shared/cases/case-work-replies.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { itemsOf } from '../../../shared/replies.ts';
import { requirePrincipal } from '../../platform/http.ts';
import * as closing from './case-closing-service.ts';
import * as work from './case-work-service.ts';
import * as cases from './cases-service.ts';
import { dispatchPillar, suggestDispatch } from './dispatch-service.ts';

const IdParams = z.object({ id: z.uuid() });

/** Cases: open, attach, phases, sharing, assignments, dispositions, follow-ups. */
export async function casesRoutes(app: FastifyInstance, deps: cases.CaseDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  r.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Buka kasus dari laporan terverifikasi',
        body: CreateCaseInput,
        response: { 201: CaseView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.openCase(deps, requirePrincipal(request), request.body)),
  );

  r.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Daftar kasus (papan per tahap)',
        querystring: z.object({
          phase: CasePhase.optional(),
          region: RegionCode.optional(),
          mine: z.enum(['true', 'false']).optional(),
          open: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(100),
        }),
        response: { 200: z.object({ items: z.array(CaseView) }) },
      },
    },
    async (request) => {
      const q = request.query;
      return {
        items: await cases.listCases(deps, requirePrincipal(request), {
          phase: q.phase,
          regionCode: q.region,
          mine: q.mine === 'true',
          open: q.open === 'true',
          limit: q.limit,
        }),
      };
    },
  );

  r.get(
    '/api/cases/:id',
    { schema: { tags, summary: 'Satu kasus', params: IdParams, response: { 200: CaseView } } },
    async (request) => cases.getCase(deps, requirePrincipal(request), request.params.id),
  );

  r.patch(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'Ubah judul/ringkasan dari versi yang terakhir dilihat',
        params: IdParams,
        body: EditCaseInput,
        response: { 200: CaseView },
      },
    },
    async (request) => cases.editCase(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.get(
    '/api/cases/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Linimasa kasus',
        params: IdParams,
        response: { 200: itemsOf(TimelineEntryReply) },
      },
    },
    async (request) => ({
      items: await cases.getTimeline(deps, requirePrincipal(request), request.params.id),
    }),
  );

  r.post(
    '/api/cases/:id/reports',
    {
      schema: {
        tags,
        summary: 'Lampirkan laporan ke kasus',
        params: IdParams,
        body: AttachReportInput,
        response: { 200: CaseView },
      },
    },
    async (request) =>
      cases.attachReport(deps, requirePrincipal(request), request.params.id, request.body.reportId),
  );

  r.post(
    '/api/cases/:id/phase',
    {
      schema: {
        tags,
        summary: 'Pindah tahap (409 bila tidak diizinkan)',
        params: IdParams,
        body: MoveCaseInput,
        response: { 200: CaseView },
      },
    },
    async (request) => cases.moveCase(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.get(
    '/api/cases/:id/open-items',
    {
      schema: {
        tags,
        summary:
          'Yang masih terbuka sebelum kasus ditutup (rujukan, pemulihan, disposisi, check-in, penugasan)',
        params: IdParams,
        response: { 200: OpenItemsView },
      },
    },
    async (request) => closing.getOpenItems(deps, requirePrincipal(request), request.params.id),
  );

  r.post(
    '/api/cases/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Buka kembali kasus yang ditutup (koordinator ke atas, dengan alasan)',
        params: IdParams,
        body: ReopenCaseInput,
        response: { 200: CaseView },
      },
    },
    async (request) => closing.reopenCase(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.post(
    '/api/cases/:id/recovery-steps',
    {
      schema: {
        tags,
        summary: 'Catat langkah pemulihan selesai',
        params: IdParams,
        body: RecoveryStepInput,
        response: { 200: CaseView },
      },
    },
    async (request) =>
      cases.completeRecoveryStep(deps, requirePrincipal(request), request.params.id, request.body.step),
  );

  r.post(
    '/api/cases/:id/shares',
    {
      schema: {
        tags,
        summary: 'Bagikan kasus ke kab/kota lain',
        params: IdParams,
        body: ShareCaseInput,
        response: { 200: CaseView },
      },
    },
    async (request) =>
      cases.shareCase(deps, requirePrincipal(request), request.params.id, request.body.kabkotaCode),
  );

  r.get(
    '/api/cases/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Penugasan kasus',
        params: IdParams,
        response: { 200: itemsOf(AssignmentReply) },
      },
    },
    async (request) => ({
      items: await work.listAssignments(deps, requirePrincipal(request), request.params.id),
    }),
  );

  r.post(
    '/api/cases/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Tugaskan orang ke kasus',
        params: IdParams,
        body: AssignmentInput,
        response: { 201: AssignmentCreatedReply },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await work.assignPerson(deps, requirePrincipal(request), request.params.id, request.body)),
  );

  r.get(
    '/api/cases/:id/dispositions',
    {
      schema: {
        tags,
        summary: 'Disposisi kasus',
        params: IdParams,
        response: { 200: itemsOf(DispositionReply) },
      },
    },
    async (request) => ({
      items: await work.listDispositions(deps, requirePrincipal(request), request.params.id),
    }),
  );

  r.post(
    '/api/cases/:id/dispositions',
    {
      schema: {
        tags,
        summary: 'Kirim disposisi ke lembaga mitra',
        params: IdParams,
        body: DispositionInput,
        response: { 201: CreatedReply },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await work.sendDisposition(deps, requirePrincipal(request), request.params.id, request.body)),
  );

  r.get(
    '/api/dispositions',
    {
      schema: {
        tags,
        summary: 'Disposisi yang dapat dilihat (mitra: miliknya)',
        response: { 200: itemsOf(DispositionReply) },
      },
    },
    async (request) => ({
      items: await work.listDispositions(deps, requirePrincipal(request)),
    }),
  );

  r.post(
    '/api/dispositions/:id/answer',
    {
      schema: {
        tags,
        summary: 'Mitra menjawab disposisi',
        params: IdParams,
        body: DispositionAnswer,
        response: { 200: DispositionReply },
      },
    },
    async (request) =>
      work.answerDisposition(deps, requirePrincipal(request), request.params.id, request.body),
  );

  r.get(
    '/api/cases/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Tindak lanjut kasus',
        params: IdParams,
        response: { 200: itemsOf(FollowUpReply) },
      },
    },
    async (request) => ({
      items: await work.listFollowUps(deps, requirePrincipal(request), request.params.id),
    }),
  );

  r.post(
    '/api/cases/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Catat tindak lanjut / check-in / check-out (idempoten menurut id)',
        params: IdParams,
        body: FollowUpInput,
        response: { 200: FollowUpTakenReply, 201: FollowUpTakenReply },
      },
    },
    async (request, reply) => {
      const result = await work.addFollowUp(deps, requirePrincipal(request), request.params.id, request.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  r.get(
    '/api/cases/:id/dispatch-suggestions',
    {
      schema: {
        tags,
        summary: 'Saran pilar untuk dikirim, berurutan dengan alasannya',
        params: IdParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: itemsOf(DispatchSuggestionReply) },
      },
    },
    async (request) => ({
      items: await suggestDispatch(deps, requirePrincipal(request), request.params.id, request.query.limit),
    }),
  );

  r.post(
    '/api/cases/:id/dispatch',
    {
      schema: {
        tags,
        summary: 'Tugaskan pilar dari registri ke kasus',
        params: IdParams,
        body: z.object({
          pillarId: z.uuid(),
          task: z.string().trim().max(500).default(''),
          dueAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 201: AssignmentCreatedReply },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await dispatchPillar(deps, requirePrincipal(request), request.params.id, request.body)),
  );
}
