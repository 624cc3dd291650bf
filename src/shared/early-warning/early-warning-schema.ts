// The early-warning API's contracts, shared by the server's routes and the web.
import { z } from 'zod';
import { CalendarDay, Instant } from '../calendar-date.ts';
import { HandlingLevel } from '../cases/case-rules.ts';
import { ProvinceOrKabkotaCode, RegionCode, RegionNamed, RegionNamedInKabkota } from '../regions.ts';
import { within } from '../text-length-schema.ts';
import { ALERT_STATUSES, CHECKLIST_KEYS } from './alert-rules.ts';
import { ONE_OFF_EVENT_KINDS, RECURRING_ANCHORS } from './calendar.ts';
import { AlertLevel, Level } from './level-model.ts';
import { EW_TEXT } from './text-lengths.ts';

export const FactorView = z.object({
  code: z.enum(['aktivitas', 'kalender', 'rivalitas', 'konten_provokatif', 'wilayah_bawahan']),
  text: z.string(),
  textEn: z.string(),
  points: z.number(),
});

/** One region's level: what the dashboard map colours by. */
export const LevelItem = z.object({
  ...RegionNamed.shape,
  level: Level,
  score: z.number(),
  factors: z.array(FactorView),
  computedAt: z.string().nullable(),
  levelSince: z.string().nullable(),
});
export type LevelItem = z.infer<typeof LevelItem>;

export const LevelsQuery = z.object({
  parent: ProvinceOrKabkotaCode,
});

export const AlertInput = z.object({
  regionCode: RegionCode,
  level: AlertLevel,
  headline: within(z.string().trim(), EW_TEXT.alertHeadline),
  description: within(z.string().trim(), EW_TEXT.alertDescription).default(''),
});
export type AlertInput = z.infer<typeof AlertInput>;

export const AlertStatus = z.enum(ALERT_STATUSES);

export const AlertView = z.object({
  id: z.string(),
  ...RegionNamedInKabkota.shape,
  kabkotaName: z.string(),
  level: AlertLevel,
  source: z.enum(['otomatis', 'manual']),
  headline: z.string(),
  description: z.string(),
  factors: z.array(FactorView),
  status: AlertStatus,
  supersedes: z.string().nullable(),
  handlingLevel: HandlingLevel,
  dueAcknowledgeAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closingNote: z.string().nullable(),
  publicHeadline: z.string().nullable(),
  publicDescription: z.string().nullable(),
  publicApprovedAt: z.string().nullable(),
  createdAt: z.string(),
  acknowledgers: z.array(z.object({ id: z.string(), displayName: z.string() })),
  allowed: z.object({ acknowledge: z.boolean(), act: z.boolean(), close: z.boolean() }),
  capUrl: z.string(),
});
export type AlertView = z.infer<typeof AlertView>;

export const AlertDetail = AlertView.extend({
  actions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['diterima', 'tindakan', 'eskalasi', 'ditutup', 'diganti']),
      action: z.string(),
      caseId: z.string().nullable(),
      actorId: z.string().nullable(),
      actorName: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type AlertDetail = z.infer<typeof AlertDetail>;
export type AlertAction = AlertDetail['actions'][number];

export const AlertActionInput = z.object({
  action: within(z.string().trim(), EW_TEXT.alertAction),
  caseId: z.uuid().optional(),
});
export const AlertCloseInput = z.object({ note: within(z.string().trim(), EW_TEXT.alertCloseNote) });
export const PublicTextInput = z.object({
  headline: within(z.string().trim(), EW_TEXT.publicHeadline),
  description: within(z.string().trim(), EW_TEXT.publicDescription),
});

const day = CalendarDay;
const instant = Instant('waktu ISO 8601 dengan zona, mis. 2026-07-12T19:00:00+07:00');

export const CalendarQuery = z.object({ from: day, to: day, region: RegionCode.optional() });

export const OverrideInput = z.object({
  date: day,
  note: within(z.string().trim(), EW_TEXT.overrideNote).default(''),
});
export const OverrideParams = z.object({
  anchor: z.enum(RECURRING_ANCHORS),
  hijriYear: z.coerce.number().int().min(1400).max(1600),
});

export const EventInput = z.object({
  kind: z.enum(ONE_OFF_EVENT_KINDS),
  title: within(z.string().trim(), EW_TEXT.eventTitle),
  description: within(z.string().trim(), EW_TEXT.eventDescription).default(''),
  startsAt: instant,
  endsAt: instant.optional(),
  regionCode: RegionCode,
  routeRegionCodes: z.array(RegionCode).max(100).default([]),
  expectedCrowd: z.number().int().min(0).max(10_000_000).optional(),
  groupIds: z.array(z.uuid()).max(20).default([]),
});

export const ChecklistInput = z.object({
  version: z.number().int().min(1),
  items: z
    .array(
      z.object({
        key: z.enum(CHECKLIST_KEYS as [string, ...string[]]),
        isDone: z.boolean(),
        note: z.string().max(1000).optional(),
      }),
    )
    .min(1)
    .max(CHECKLIST_KEYS.length),
});

export const ReviewInput = z.object({
  summary: within(z.string().trim(), EW_TEXT.reviewSummary),
  actualCrowd: z.number().int().min(0).max(10_000_000).optional(),
  hadIncident: z.boolean(),
  incidentReportIds: z.array(z.uuid()).max(50).default([]),
  lessons: within(z.string().trim(), EW_TEXT.reviewLessons).default(''),
});

export const GroupKind = z.enum(['perguruan_silat', 'suporter', 'ormas', 'lainnya']);
export type GroupKind = z.infer<typeof GroupKind>;

export const GroupInput = z.object({
  kind: GroupKind,
  name: within(z.string().trim(), EW_TEXT.groupName),
  shortName: within(z.string().trim(), EW_TEXT.groupShortName),
  description: within(z.string().trim(), EW_TEXT.groupDescription).default(''),
});

export const GroupChange = z.object({
  name: within(z.string().trim(), EW_TEXT.groupName).optional(),
  shortName: within(z.string().trim(), EW_TEXT.groupShortName).optional(),
  description: within(z.string().trim(), EW_TEXT.groupDescription).optional(),
  isActive: z.boolean().optional(),
});

export const BranchInput = z.object({
  level: z.enum(['cabang', 'ranting']),
  regionCode: RegionCode,
  name: within(z.string().trim(), EW_TEXT.branchName),
  contactName: within(z.string().trim(), EW_TEXT.branchContactName).nullable().optional(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{8,20}$/, 'nomor telepon, mis. +6281234567890')
    .nullable()
    .optional(),
  address: within(z.string().trim(), EW_TEXT.branchAddress).nullable().optional(),
});

export const RivalryInput = z.object({
  groupIds: z.tuple([z.uuid(), z.uuid()]),
  intensity: z.enum(['rendah', 'sedang', 'tinggi']).default('sedang'),
  status: z.enum(['aktif', 'mereda']).default('aktif'),
  note: within(z.string().trim(), EW_TEXT.rivalryNote).default(''),
});

export const AgreementInput = z.object({
  title: within(z.string().trim(), EW_TEXT.agreementTitle),
  regionCode: RegionCode,
  place: within(z.string().trim(), EW_TEXT.agreementPlace),
  signedOn: day,
  body: within(z.string().trim(), EW_TEXT.agreementBody).default(''),
  groupIds: z.array(z.uuid()).min(2, 'minimal dua pihak').max(20),
  caseId: z.uuid().optional(),
});

export const BreachInput = z.object({
  reportId: z.uuid(),
  note: within(z.string().trim(), EW_TEXT.breachNote).default(''),
});
export const LinkedGroupsInput = z.object({ groupIds: z.array(z.uuid()).max(20) });

export const WebhookInput = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  secret: z
    .string()
    .min(EW_TEXT.webhookSecret.min, 'minimal 16 karakter')
    .max(EW_TEXT.webhookSecret.max)
    .optional(),
  description: within(z.string().trim(), EW_TEXT.webhookDescription).default(''),
  regionCodes: z.array(RegionCode).max(50).default([]),
  isActive: z.boolean().default(true),
});
export const WebhookChange = z.object({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  secret: within(z.string(), EW_TEXT.webhookSecret).optional(),
  description: within(z.string().trim(), EW_TEXT.webhookDescription).optional(),
  regionCodes: z.array(RegionCode).max(50).optional(),
  isActive: z.boolean().optional(),
});
