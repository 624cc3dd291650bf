// What the case-work API sends back: the timeline, assignments, dispositions, follow-ups and the pillars
// suggested for dispatch. The routes declare these as their reply schemas.
import { z } from 'zod';

/** One entry of a case's timeline; `details` depends on the kind (an attached report, a phase, an answer). */
export const TimelineEntryReply = z.object({
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  kind: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type TimelineEntryReply = z.infer<typeof TimelineEntryReply>;

export const AssignmentReply = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  task: z.string(),
  status: z.string(),
  dueAt: z.string().nullable(),
});
export type AssignmentReply = z.infer<typeof AssignmentReply>;

export const AssignmentCreatedReply = z.object({ id: z.string(), userId: z.string(), status: z.string() });

/** The partner agency a disposition goes to: its id and name. */
export const AgencyNamed = z.object({ agencyId: z.string(), agencyName: z.string() });

/** Where a disposition stands with its partner agency: its status, and the agency's answer once given. */
export const AgencyAnswer = z.object({
  status: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

/** A disposition to a partner agency, with its answer once given. */
export const DispositionReply = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  ...AgencyNamed.shape,
  instruction: z.string(),
  dueAt: z.string(),
  ...AgencyAnswer.shape,
});
export type DispositionReply = z.infer<typeof DispositionReply>;

export const CreatedReply = z.object({ id: z.string() });

export const FollowUpReply = z.object({
  id: z.string(),
  kind: z.string(),
  action: z.string(),
  occurredAt: z.string(),
  authorName: z.string(),
  regionCode: z.string().nullable(),
});

/** A follow-up taken: `created` false when the same client id was already there. */
export const FollowUpTakenReply = z.object({ id: z.string(), created: z.boolean() });

/** A pillar suggested for a case, with its rank and the reasons for it (dispatch-rules.ts). */
export const DispatchSuggestionReply = z.object({
  pillarId: z.string(),
  userId: z.string(),
  name: z.string(),
  pillarType: z.string(),
  homeRegionCode: z.string(),
  skills: z.array(z.string()).readonly(),
  openAssignments: z.number(),
  rank: z.number(),
  proximity: z.enum(['desa', 'kecamatan', 'kabkota', 'tetangga']),
  matchedSkills: z.array(z.string()),
  reasons: z.array(z.string()),
});
export type DispatchSuggestionReply = z.infer<typeof DispatchSuggestionReply>;
