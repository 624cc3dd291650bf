// Workshops (rapat koordinasi / workshop evaluasi): what is planned, who is invited, what came out of it.
import { z } from 'zod';
import { Instant } from '../calendar-date.ts';
import { EvaluationScope } from '../evaluation/evaluation-query.ts';
import { isIsoDate } from '../evaluation/period.ts';
import { RegionCode } from '../regions.ts';
import { within } from '../text-length-schema.ts';
import { Role } from '../users.ts';
import { ATTENDANCES, WORKSHOP_STATUSES, WORKSHOP_TEXT } from './workshop-rules.ts';

export { MATERIAL_TYPES, MAX_MATERIAL_BYTES } from './workshop-rules.ts';

export const WorkshopStatus = z.enum(WORKSHOP_STATUSES);
export type WorkshopStatus = z.infer<typeof WorkshopStatus>;

const day = z.string().refine(isIsoDate, 'tanggal YYYY-MM-DD');
const instant = Instant();

/** The evaluation a workshop discusses: a scope and a period of WIB dates. */
export const WorkshopEvaluation = z.object({ scope: EvaluationScope, from: day, to: day });

export const WorkshopInput = z
  .object({
    topic: within(z.string().trim(), WORKSHOP_TEXT.topic),
    startsAt: instant,
    place: within(z.string().trim(), WORKSHOP_TEXT.place),
    bakorwilId: z.string().max(20).optional(),
    kabkotaCode: RegionCode.optional(),
    facilitators: z.array(within(z.string().trim(), WORKSHOP_TEXT.facilitator)).max(20).default([]),
    notes: within(z.string(), WORKSHOP_TEXT.notes).default(''),
    evaluation: WorkshopEvaluation.optional(),
  })
  .refine((w) => (w.bakorwilId === undefined) !== (w.kabkotaCode === undefined), {
    message: 'Pilih satu: Bakorwil atau kab/kota',
    path: ['bakorwilId'],
  });
export type WorkshopInput = z.infer<typeof WorkshopInput>;
/** A workshop as the planning form sends it (defaults left to the server). */
export type WorkshopPlan = z.input<typeof WorkshopInput>;

export const WorkshopEdit = z.object({
  version: z.number().int().min(1),
  topic: within(z.string().trim(), WORKSHOP_TEXT.topic).optional(),
  startsAt: instant.optional(),
  place: within(z.string().trim(), WORKSHOP_TEXT.place).optional(),
  facilitators: z.array(within(z.string().trim(), WORKSHOP_TEXT.facilitator)).max(20).optional(),
  notes: within(z.string(), WORKSHOP_TEXT.notes).optional(),
  status: WorkshopStatus.optional(),
  evaluation: WorkshopEvaluation.nullable().optional(),
});
export type WorkshopEdit = z.infer<typeof WorkshopEdit>;
/** A workshop's changes as the edit form sends them. */
export type WorkshopChanges = z.input<typeof WorkshopEdit>;

/** Invitations: named users and pillars, or everyone of a role / pillar type in a region of the area. */
export const InviteInput = z.object({
  userIds: z.array(z.uuid()).max(500).default([]),
  pillarIds: z.array(z.uuid()).max(500).default([]),
  users: z.object({ role: Role, region: z.string().max(20).optional() }).optional(),
  pillars: z.object({ pillarType: z.string().max(40), kabkotaCode: RegionCode.optional() }).optional(),
});
export type InviteInput = z.infer<typeof InviteInput>;
/** An invitation as the participants form sends it. */
export type Invitation = z.input<typeof InviteInput>;

export const Attendance = z.enum(ATTENDANCES);

/** Closing an action item: done, or dropped, with a note. */
export const ActionDone = z.object({
  status: z.enum(['selesai', 'batal']).default('selesai'),
  note: within(z.string(), WORKSHOP_TEXT.actionNote).default(''),
});

export const ActionInput = z.object({
  description: within(z.string().trim(), WORKSHOP_TEXT.actionDescription),
  ownerUserId: z.uuid().optional(),
  ownerName: within(z.string().trim(), WORKSHOP_TEXT.actionOwnerName).optional(),
  dueOn: day,
});
export type ActionInput = z.infer<typeof ActionInput>;
