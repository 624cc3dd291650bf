import type { FastifyInstance } from 'fastify';
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
import { QueryFlag } from '../../../shared/replies.ts';
import { IdParams, routeTable } from '../../platform/routes.ts';
import * as closing from './case-closing-service.ts';
import * as work from './case-work-service.ts';
import * as cases from './cases-service.ts';
import { dispatchPillar, suggestDispatch } from './dispatch-service.ts';

/** Cases: open, attach, phases, sharing, assignments, dispositions, follow-ups. */
export async function casesRoutes(app: FastifyInstance, deps: cases.CaseDeps): Promise<void> {
  const on = routeTable(app, ['cases'], deps);

  on.direct.post(
    '/api/cases',
    { summary: 'Buka kasus dari laporan terverifikasi', body: CreateCaseInput, reply: CaseView, status: 201 },
    cases.openCase,
  );
  on.list(
    '/api/cases',
    {
      summary: 'Daftar kasus (papan per tahap)',
      querystring: z.object({
        phase: CasePhase.optional(),
        region: RegionCode.optional(),
        mine: QueryFlag,
        open: QueryFlag,
        limit: z.coerce.number().int().min(1).max(200).default(100),
      }),
      item: CaseView,
    },
    ({ principal, query: q }) =>
      cases.listCases(deps, principal, {
        phase: q.phase,
        regionCode: q.region,
        mine: q.mine === 'true',
        open: q.open === 'true',
        limit: q.limit,
      }),
  );
  on.byId.get('/api/cases/:id', { summary: 'Satu kasus', reply: CaseView }, cases.getCase);
  on.byId.patch(
    '/api/cases/:id',
    {
      summary: 'Ubah judul/ringkasan dari versi yang terakhir dilihat',
      body: EditCaseInput,
      reply: CaseView,
    },
    cases.editCase,
  );
  on.byId.list(
    '/api/cases/:id/timeline',
    { summary: 'Linimasa kasus', item: TimelineEntryReply },
    cases.getTimeline,
  );
  on.byId.post(
    '/api/cases/:id/reports',
    { summary: 'Lampirkan laporan ke kasus', body: AttachReportInput, reply: CaseView },
    cases.attachReport,
  );
  on.byId.post(
    '/api/cases/:id/phase',
    { summary: 'Pindah tahap (409 bila tidak diizinkan)', body: MoveCaseInput, reply: CaseView },
    cases.moveCase,
  );
  on.byId.get(
    '/api/cases/:id/open-items',
    {
      summary:
        'Yang masih terbuka sebelum kasus ditutup (rujukan, pemulihan, disposisi, check-in, penugasan)',
      reply: OpenItemsView,
    },
    closing.getOpenItems,
  );
  on.byId.post(
    '/api/cases/:id/reopen',
    {
      summary: 'Buka kembali kasus yang ditutup (koordinator ke atas, dengan alasan)',
      body: ReopenCaseInput,
      reply: CaseView,
    },
    closing.reopenCase,
  );
  on.byId.post(
    '/api/cases/:id/recovery-steps',
    { summary: 'Catat langkah pemulihan selesai', body: RecoveryStepInput, reply: CaseView },
    cases.completeRecoveryStep,
  );
  on.byId.post(
    '/api/cases/:id/shares',
    { summary: 'Bagikan kasus ke kab/kota lain', body: ShareCaseInput, reply: CaseView },
    cases.shareCase,
  );
  on.byId.list(
    '/api/cases/:id/assignments',
    { summary: 'Penugasan kasus', item: AssignmentReply },
    work.listAssignments,
  );
  on.byId.post(
    '/api/cases/:id/assignments',
    {
      summary: 'Tugaskan orang ke kasus (idempoten menurut id)',
      body: AssignmentInput,
      reply: AssignmentCreatedReply,
      status: 201,
    },
    work.assignPerson,
  );
  on.byId.list(
    '/api/cases/:id/dispositions',
    { summary: 'Disposisi kasus', item: DispositionReply },
    work.listDispositions,
  );
  on.byId.post(
    '/api/cases/:id/dispositions',
    {
      summary: 'Kirim disposisi ke lembaga mitra (idempoten menurut id)',
      body: DispositionInput,
      reply: CreatedReply,
      status: 201,
    },
    work.sendDisposition,
  );
  on.direct.list(
    '/api/dispositions',
    { summary: 'Disposisi yang dapat dilihat (mitra: miliknya)', item: DispositionReply },
    work.listDispositions,
  );
  on.byId.post(
    '/api/dispositions/:id/answer',
    { summary: 'Mitra menjawab disposisi', body: DispositionAnswer, reply: DispositionReply },
    work.answerDisposition,
  );
  on.byId.list(
    '/api/cases/:id/follow-ups',
    { summary: 'Tindak lanjut kasus', item: FollowUpReply },
    work.listFollowUps,
  );
  on.post(
    '/api/cases/:id/follow-ups',
    {
      summary: 'Catat tindak lanjut / check-in / check-out (idempoten menurut id)',
      params: IdParams,
      body: FollowUpInput,
      reply: FollowUpTakenReply,
      otherReplies: { 201: FollowUpTakenReply },
    },
    async (c) => {
      const result = await work.addFollowUp(deps, c.principal, c.params.id, c.body);
      c.reply.status(result.created ? 201 : 200);
      return result;
    },
  );
  on.list(
    '/api/cases/:id/dispatch-suggestions',
    {
      summary: 'Saran pilar untuk dikirim, berurutan dengan alasannya',
      params: IdParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      item: DispatchSuggestionReply,
    },
    (c) => suggestDispatch(deps, c.principal, c.params.id, c.query.limit),
  );
  on.byId.post(
    '/api/cases/:id/dispatch',
    {
      summary: 'Tugaskan pilar dari registri ke kasus',
      body: z.object({
        pillarId: z.uuid(),
        task: z.string().trim().max(500).default(''),
        dueAt: z.iso.datetime({ offset: true }).optional(),
      }),
      reply: AssignmentCreatedReply,
      status: 201,
    },
    dispatchPillar,
  );
}
