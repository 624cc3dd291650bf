// What the early-warning API sends back (levels, settings, the calendar, the register of groups, webhooks).
// The routes declare these as their reply schemas; the web imports the inferred types (`import type`).
import { z } from 'zod';
import { RegionNamed, RegionNamedInKabkota } from '../regions.ts';
import { Stamped } from '../replies.ts';
import { CHECKLIST_KEYS, type ChecklistKey } from './alert-rules.ts';
import { RECURRING_KEYS } from './calendar.ts';
import { EventInput, FactorView, GroupKind, LevelItem } from './early-warning-schema.ts';
import { Level } from './level-model.ts';

// ── Levels ──────────────────────────────────────────────────────────────────────────────────────

export const LevelChange = z.object({
  fromLevel: Level.nullable(),
  toLevel: Level,
  score: z.number(),
  factors: z.array(FactorView),
  changedAt: z.string(),
});
export type LevelChange = z.infer<typeof LevelChange>;

/** One region's level with its latest changes, newest first. */
export const LevelDetail = LevelItem.extend({ changes: z.array(LevelChange) });
export type LevelDetail = z.infer<typeof LevelDetail>;

export const RecomputeResult = z.object({
  regions: z.number().describe('kecamatan dan kab/kota yang dihitung / regions computed'),
  changed: z.number().describe('wilayah yang tingkatnya berubah / regions whose level changed'),
  alerts: z.number().describe('peringatan yang dinaikkan / alerts raised'),
  ms: z.number(),
});
export type RecomputeResult = z.infer<typeof RecomputeResult>;

// ── Calendar ────────────────────────────────────────────────────────────────────────────────────

/** One occurrence of a recurring date (the `RecurringEvent` of `calendar.ts`). */
export const RecurringEventView = z.object({
  key: z.enum(RECURRING_KEYS),
  hijriYear: z.number(),
  title: z.string(),
  titleEn: z.string(),
  startDay: z.string(),
  endDay: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  isOverridden: z.boolean(),
  computedAnchorDay: z.string(),
});

/** The one-off kinds an office records (the recurring dates are computed). */
export const EventKind = EventInput.shape.kind;
export type EventKind = z.infer<typeof EventKind>;

export const ChecklistItem = z.object({
  key: z.enum(CHECKLIST_KEYS as [ChecklistKey, ...ChecklistKey[]]),
  label: z.string(),
  isDone: z.boolean(),
  note: z.string(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const EventReview = z.object({
  summary: z.string(),
  actualCrowd: z.number().optional(),
  hadIncident: z.boolean(),
  incidentReportIds: z.array(z.string()),
  lessons: z.string(),
  day: z.string().optional().describe('hari WIB evaluasi diisi / the WIB day the review was written'),
});
export type EventReview = z.infer<typeof EventReview>;

const NamedGroup = z.object({ id: z.string(), shortName: z.string() });

export const CalendarEvent = z.object({
  id: z.string(),
  kind: EventKind,
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  ...RegionNamed.shape,
  routeRegionCodes: z.array(z.string()),
  expectedCrowd: z.number().nullable(),
  status: z.enum(['terjadwal', 'dibatalkan', 'selesai']),
  checklist: z.array(ChecklistItem),
  checklistDone: z.number(),
  review: EventReview.nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  groups: z.array(NamedGroup),
});
export type CalendarEvent = z.infer<typeof CalendarEvent>;

/** A kecamatan on an event's route: its level and the rival groups present there. */
export const RouteStop = z.object({
  ...RegionNamed.shape,
  level: Level,
  score: z.number(),
  rivalsPresent: z.array(z.string()),
  rivalReports: z.number(),
  lastRivalReportAt: z.string().nullable(),
});
export type RouteStop = z.infer<typeof RouteStop>;

export const EventDetail = CalendarEvent.extend({ route: z.array(RouteStop) });
export type EventDetail = z.infer<typeof EventDetail>;

export const CalendarReply = z.object({
  recurring: z.array(RecurringEventView),
  events: z.array(CalendarEvent),
});
export type CalendarReply = z.infer<typeof CalendarReply>;

// ── Register of actor groups ────────────────────────────────────────────────────────────────────

export const Group = z.object({
  id: z.string(),
  kind: GroupKind,
  name: z.string(),
  shortName: z.string(),
  description: z.string(),
  isActive: z.boolean(),
});
export type Group = z.infer<typeof Group>;

/** A cabang or ranting; `isMasked` when its contact person is shown masked. */
export const Branch = z.object({
  id: z.string(),
  groupId: z.string(),
  groupShortName: z.string(),
  level: z.enum(['cabang', 'ranting']),
  ...RegionNamedInKabkota.shape,
  name: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  isActive: z.boolean(),
  isMasked: z.boolean(),
});
export type Branch = z.infer<typeof Branch>;

export const Intensity = z.enum(['rendah', 'sedang', 'tinggi']);
export type Intensity = z.infer<typeof Intensity>;

export const Rivalry = z.object({
  id: z.string(),
  groupA: z.string(),
  groupAName: z.string(),
  groupB: z.string(),
  groupBName: z.string(),
  intensity: Intensity,
  status: z.enum(['aktif', 'mereda']),
  note: z.string(),
});
export type Rivalry = z.infer<typeof Rivalry>;

export const Agreement = z.object({
  id: z.string(),
  title: z.string(),
  ...RegionNamed.shape,
  place: z.string(),
  signedOn: z.string(),
  body: z.string(),
  caseId: z.string().nullable(),
  hasDocument: z.boolean(),
  documentType: z.string().nullable(),
  createdAt: z.string(),
  parties: z.array(NamedGroup),
  breaches: z.array(
    z.object({ id: z.string(), reportId: z.string(), note: z.string(), notedAt: z.string() }),
  ),
});
export type Agreement = z.infer<typeof Agreement>;

export const GroupDetail = Group.extend({
  branches: z.array(Branch),
  rivalries: z.array(Rivalry),
  agreements: z.array(Agreement),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

// ── Webhooks (admin) ────────────────────────────────────────────────────────────────────────────

/** A webhook: the secret never leaves, only its last four characters. */
export const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  regionCodes: z.array(z.string()),
  isActive: z.boolean(),
  secretHint: z.string(),
  ...Stamped.shape,
});
export type Webhook = z.infer<typeof Webhook>;

/** A new webhook; `secret` only when Sigap generated it, shown this once. */
export const CreatedWebhook = Webhook.extend({ secret: z.string().optional() });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export const Delivery = z.object({
  id: z.string(),
  alertId: z.string(),
  event: z.string(),
  status: z.enum(['menunggu', 'terkirim', 'gagal']),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  log: z.array(
    z.object({
      attempt: z.number(),
      at: z.string(),
      statusCode: z.number().nullable(),
      error: z.string().nullable(),
      durationMs: z.number(),
    }),
  ),
});
export type Delivery = z.infer<typeof Delivery>;
