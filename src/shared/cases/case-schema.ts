import { z } from 'zod';
import { Instant } from '../calendar-date.ts';
import { KabkotaCode, RegionCode, RegionNamedInKabkota } from '../regions.ts';
import { VersionedRecord } from '../replies.ts';
import { ConflictType, Priority, VulnerableGroup } from '../reports/report-schema.ts';
import { EAST_JAVA_BOUNDS } from '../reports/report-vocabulary.ts';
import { within } from '../text-length-schema.ts';
import { CasePhase, Escalation, RecoveryStep } from './case-rules.ts';
import { AgencyNamed } from './case-work-replies.ts';
import { CLOSING_TEXT } from './closing-rules.ts';
import { PEOPLE_TEXT } from './people-rules.ts';
import { CASE_TEXT } from './text-lengths.ts';

export const CaseView = z.object({
  id: z.string(),
  title: z.string(),
  ...RegionNamedInKabkota.shape,
  conflictType: ConflictType,
  phase: CasePhase,
  recoverySteps: z.array(RecoveryStep),
  outcome: z.string().nullable(),
  summary: z.string(),
  priority: Priority,
  hasVulnerable: z.boolean(),
  ...VersionedRecord.shape,
  closedAt: z.string().nullable(),
  dueResponseAt: z.string(),
  dueResolveAt: z.string(),
  firstResponseAt: z.string().nullable(),
  ...Escalation.shape,
  escalationReason: z.string().nullable(),
  reportIds: z.array(z.string()),
  sharedWith: z.array(z.string()),
  assigneeIds: z.array(z.string()),
  /** The phases the shared rule allows next: the web shows exactly these buttons. */
  allowedPhases: z.array(CasePhase),
  /** Whether the viewer handles the case (and so may see personal data in it). */
  isHandler: z.boolean(),
});
export type CaseView = z.infer<typeof CaseView>;

export const CreateCaseInput = z.object({
  reportIds: z.array(z.uuid()).min(1, 'pilih minimal satu laporan terverifikasi').max(50),
  title: within(z.string().trim(), CASE_TEXT.title).optional(),
});

/** A referral still open when its case closes, handed over: to which service, who follows it up. */
export const HandoverInput = z.object({
  referralId: z.uuid(),
  handedTo: within(z.string().trim(), CLOSING_TEXT.handover),
  followUpBy: within(z.string().trim(), CLOSING_TEXT.handover),
});

export const MoveCaseInput = z.object({
  to: CasePhase,
  outcome: z.string().trim().max(CLOSING_TEXT.outcome.max).optional(),
  version: z.number().int().min(1).optional(),
  /** Closing only: one hand-over for each referral of a vulnerable person still open. */
  handovers: z.array(HandoverInput).max(200).optional(),
});

export const ReopenCaseInput = z.object({
  reason: within(z.string().trim(), CLOSING_TEXT.reopenReason),
});

/** What is still open in a case (GET /api/cases/:id/open-items): listed before closing. */
export const OpenItemsView = z.object({
  openReferrals: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      group: VulnerableGroup,
      service: z.string(),
      provider: z.string(),
      status: z.enum(['dirujuk', 'diterima', 'selesai', 'batal']),
      dueAt: z.string(),
    }),
  ),
  missingRecoverySteps: z.array(RecoveryStep),
  unansweredDispositions: z.array(z.object({ id: z.string(), ...AgencyNamed.shape, dueAt: z.string() })),
  checkedIn: z.array(z.object({ userId: z.string(), displayName: z.string(), since: z.string() })),
  activeAssignments: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});

export const EditCaseInput = z.object({
  version: z.number().int().min(1),
  title: within(z.string().trim(), CASE_TEXT.title).optional(),
  summary: within(z.string().trim(), CASE_TEXT.summary).optional(),
});

export const AttachReportInput = z.object({ reportId: z.uuid() });
export const ShareCaseInput = z.object({
  kabkotaCode: KabkotaCode,
});
export const RecoveryStepInput = z.object({ step: RecoveryStep });

/**
 * A request's own id, made by the client once per form fill: the same request sent again (a double click, a retry
 * after a dropped connection) answers what the first did instead of making a second record. Optional: without
 * it the server makes one, and a retry is a new request.
 */
export const ClientRequestId = z.uuid('id harus UUID buatan perangkat').optional();

export const AssignmentInput = z.object({
  /** The request's id (an assignment is one per case and person: a new task renews it under a new id). */
  id: ClientRequestId,
  userId: z.uuid(),
  task: within(z.string().trim(), CASE_TEXT.task).default(''),
  dueAt: Instant().optional(),
});

export const DispositionInput = z.object({
  /** The disposition's id, made by the client (`ClientRequestId`). */
  id: ClientRequestId,
  agencyId: z.string().min(1).max(64),
  instruction: within(z.string().trim(), CASE_TEXT.instruction),
  dueAt: Instant(),
});

export const DispositionAnswer = z.object({
  status: z.enum(['diterima', 'selesai', 'ditolak']),
  answer: within(z.string().trim(), CASE_TEXT.answer),
});

export const FollowUpInput = z
  .object({
    id: z.uuid('id harus UUID buatan perangkat'),
    kind: z.enum(['tindak_lanjut', 'check_in', 'check_out']).default('tindak_lanjut'),
    action: within(z.string().trim(), CASE_TEXT.followUpAction),
    occurredAt: Instant(),
    regionCode: RegionCode.optional(),
    latitude: z.number().min(EAST_JAVA_BOUNDS.south).max(EAST_JAVA_BOUNDS.north).optional(),
    longitude: z.number().min(EAST_JAVA_BOUNDS.west).max(EAST_JAVA_BOUNDS.east).optional(),
  })
  .strict();
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const ReferralService = z.enum([
  'rehabilitasi_sosial',
  'dukungan_psikososial',
  'logistik',
  'kesehatan',
  'lainnya',
]);

export const VulnerablePersonInput = z
  .object({
    fullName: within(z.string().trim(), PEOPLE_TEXT.fullName),
    nik: z
      .string()
      .regex(/^\d{16}$/, 'NIK 16 angka')
      .optional(),
    age: z.number().int().min(0).max(130).optional(),
    group: VulnerableGroup,
    needs: z.array(z.string().max(100)).max(20).default([]),
    guardianName: within(z.string().trim(), PEOPLE_TEXT.guardianName).optional(),
    guardianConsent: z.boolean().default(false),
  })
  .refine((p) => p.group !== 'anak' || p.guardianConsent, {
    message: 'data anak memerlukan persetujuan orang tua/wali (UU 27/2022)',
    path: ['guardianConsent'],
  });
