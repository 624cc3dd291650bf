// What the workshops API sends back. The routes declare these as their reply schemas; workshop-rules.ts takes
// its types from them (`import type`, so the web bundle carries no zod for them).
import { z } from 'zod';
import { DayPeriod } from '../calendar-date.ts';
import { Stamped } from '../replies.ts';
import { ACTION_STATUSES, ATTENDANCES, WORKSHOP_STATUSES } from './workshop-rules.ts';

/** A workshop as stored: its area (a Bakorwil or a kab/kota), plan, status and linked evaluation. */
export const WorkshopReply = z.object({
  id: z.string(),
  topic: z.string(),
  startsAt: z.string(),
  place: z.string(),
  bakorwilId: z.string().nullable(),
  kabkotaCode: z.string().nullable(),
  areaName: z.string(),
  facilitators: z.array(z.string()),
  status: z.enum(WORKSHOP_STATUSES),
  notes: z.string(),
  evaluation: z.object({ scope: z.string(), ...DayPeriod.shape }).nullable(),
  version: z.number(),
  createdBy: z.string(),
  ...Stamped.shape,
});

/** A workshop in the list, with how many were invited and came, and its action items still open. */
export const WorkshopSummaryReply = WorkshopReply.extend({
  participantCount: z.number(),
  attendedCount: z.number(),
  openActionCount: z.number(),
  overdueActionCount: z.number(),
});

/** An invited person: a user or a pillar of the registry; `roleLabel` is the user's role or the pillar's type. */
export const WorkshopParticipantReply = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  pillarId: z.string().nullable(),
  name: z.string(),
  roleLabel: z.string(),
  kabkotaCode: z.string().nullable(),
  attendance: z.enum(ATTENDANCES),
  attendanceAt: z.string().nullable(),
});

export const WorkshopMaterialReply = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  byteSize: z.number(),
  createdAt: z.string(),
});

/** What a new material answers: enough to show it in the list. */
export const MaterialAddedReply = WorkshopMaterialReply.pick({ id: true, fileName: true, byteSize: true });

/** An outcome of a workshop: who does what by when, tracked until done. */
export const WorkshopActionReply = z.object({
  id: z.string(),
  workshopId: z.string(),
  description: z.string(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  doneNote: z.string().nullable(),
  doneAt: z.string().nullable(),
  isOverdue: z.boolean(),
});

/** An action item with the workshop it came from (the list of one's own items). */
export const WorkshopActionItemReply = WorkshopActionReply.extend({
  workshopTopic: z.string(),
  workshopStartsAt: z.string(),
});

/** One workshop with everything on its page; `canManage`: the viewer runs it. */
export const WorkshopViewReply = WorkshopReply.extend({
  evaluationLink: z.string().nullable(),
  participants: z.array(WorkshopParticipantReply),
  materials: z.array(WorkshopMaterialReply),
  actions: z.array(WorkshopActionReply),
  canManage: z.boolean(),
});

/** The quarterly routine of each Bakorwil the viewer's scope touches, and the reminder of a missed quarter. */
export const WorkshopRoutineReply = z.object({
  quarter: DayPeriod,
  previousQuarter: DayPeriod,
  areas: z.array(
    z.object({
      bakorwilId: z.string(),
      name: z.string(),
      workshopsThisQuarter: z.number(),
      canPlan: z.boolean(),
      reminder: z.object({ quarter: z.string(), sentAt: z.string() }).nullable(),
    }),
  ),
});
