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
import { routeTable } from '../../platform/routes.ts';
import * as closing from './case-closing-service.ts';
import * as work from './case-work-service.ts';
import * as cases from './cases-service.ts';
import { dispatchPillar, suggestDispatch } from './dispatch-service.ts';

const params = z.object({ id: z.uuid() });

/** Cases: open, attach, phases, sharing, assignments, dispositions, follow-ups. */
export async function casesRoutes(app: FastifyInstance, deps: cases.CaseDeps): Promise<void> {
  const on = routeTable(app, ['cases']);

  on.post(
    '/api/cases',
    { summary: 'Buka kasus dari laporan terverifikasi', body: CreateCaseInput, reply: CaseView, status: 201 },
    ({ principal, body }) => cases.openCase(deps, principal, body),
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
  on.get('/api/cases/:id', { summary: 'Satu kasus', params, reply: CaseView }, (c) =>
    cases.getCase(deps, c.principal, c.params.id),
  );
  on.patch(
    '/api/cases/:id',
    {
      summary: 'Ubah judul/ringkasan dari versi yang terakhir dilihat',
      params,
      body: EditCaseInput,
      reply: CaseView,
    },
    (c) => cases.editCase(deps, c.principal, c.params.id, c.body),
  );
  on.list('/api/cases/:id/timeline', { summary: 'Linimasa kasus', params, item: TimelineEntryReply }, (c) =>
    cases.getTimeline(deps, c.principal, c.params.id),
  );
  on.post(
    '/api/cases/:id/reports',
    { summary: 'Lampirkan laporan ke kasus', params, body: AttachReportInput, reply: CaseView },
    (c) => cases.attachReport(deps, c.principal, c.params.id, c.body.reportId),
  );
  on.post(
    '/api/cases/:id/phase',
    { summary: 'Pindah tahap (409 bila tidak diizinkan)', params, body: MoveCaseInput, reply: CaseView },
    (c) => cases.moveCase(deps, c.principal, c.params.id, c.body),
  );
  on.get(
    '/api/cases/:id/open-items',
    {
      summary:
        'Yang masih terbuka sebelum kasus ditutup (rujukan, pemulihan, disposisi, check-in, penugasan)',
      params,
      reply: OpenItemsView,
    },
    (c) => closing.getOpenItems(deps, c.principal, c.params.id),
  );
  on.post(
    '/api/cases/:id/reopen',
    {
      summary: 'Buka kembali kasus yang ditutup (koordinator ke atas, dengan alasan)',
      params,
      body: ReopenCaseInput,
      reply: CaseView,
    },
    (c) => closing.reopenCase(deps, c.principal, c.params.id, c.body),
  );
  on.post(
    '/api/cases/:id/recovery-steps',
    { summary: 'Catat langkah pemulihan selesai', params, body: RecoveryStepInput, reply: CaseView },
    (c) => cases.completeRecoveryStep(deps, c.principal, c.params.id, c.body.step),
  );
  on.post(
    '/api/cases/:id/shares',
    { summary: 'Bagikan kasus ke kab/kota lain', params, body: ShareCaseInput, reply: CaseView },
    (c) => cases.shareCase(deps, c.principal, c.params.id, c.body.kabkotaCode),
  );
  on.list('/api/cases/:id/assignments', { summary: 'Penugasan kasus', params, item: AssignmentReply }, (c) =>
    work.listAssignments(deps, c.principal, c.params.id),
  );
  on.post(
    '/api/cases/:id/assignments',
    {
      summary: 'Tugaskan orang ke kasus (idempoten menurut id)',
      params,
      body: AssignmentInput,
      reply: AssignmentCreatedReply,
      status: 201,
    },
    (c) => work.assignPerson(deps, c.principal, c.params.id, c.body),
  );
  on.list(
    '/api/cases/:id/dispositions',
    { summary: 'Disposisi kasus', params, item: DispositionReply },
    (c) => work.listDispositions(deps, c.principal, c.params.id),
  );
  on.post(
    '/api/cases/:id/dispositions',
    {
      summary: 'Kirim disposisi ke lembaga mitra (idempoten menurut id)',
      params,
      body: DispositionInput,
      reply: CreatedReply,
      status: 201,
    },
    (c) => work.sendDisposition(deps, c.principal, c.params.id, c.body),
  );
  on.list(
    '/api/dispositions',
    { summary: 'Disposisi yang dapat dilihat (mitra: miliknya)', item: DispositionReply },
    (c) => work.listDispositions(deps, c.principal),
  );
  on.post(
    '/api/dispositions/:id/answer',
    { summary: 'Mitra menjawab disposisi', params, body: DispositionAnswer, reply: DispositionReply },
    (c) => work.answerDisposition(deps, c.principal, c.params.id, c.body),
  );
  on.list('/api/cases/:id/follow-ups', { summary: 'Tindak lanjut kasus', params, item: FollowUpReply }, (c) =>
    work.listFollowUps(deps, c.principal, c.params.id),
  );
  on.post(
    '/api/cases/:id/follow-ups',
    {
      summary: 'Catat tindak lanjut / check-in / check-out (idempoten menurut id)',
      params,
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
      params,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      item: DispatchSuggestionReply,
    },
    (c) => suggestDispatch(deps, c.principal, c.params.id, c.query.limit),
  );
  on.post(
    '/api/cases/:id/dispatch',
    {
      summary: 'Tugaskan pilar dari registri ke kasus',
      params,
      body: z.object({
        pillarId: z.uuid(),
        task: z.string().trim().max(500).default(''),
        dueAt: z.iso.datetime({ offset: true }).optional(),
      }),
      reply: AssignmentCreatedReply,
      status: 201,
    },
    (c) => dispatchPillar(deps, c.principal, c.params.id, c.body),
  );
}
