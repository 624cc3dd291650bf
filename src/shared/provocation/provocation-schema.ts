// The shapes of the provocation watch (pantauan konten provokatif) shared by the server's routes and the web.
import { z } from 'zod';
import { Instant } from '../calendar-date.ts';
import { HandlingLevel } from '../cases/case-rules.ts';
import { AgencyAnswer, AgencyNamed } from '../cases/case-work-replies.ts';
import { RegionCode, RegionCodeName } from '../regions.ts';
import { within } from '../text-length-schema.ts';
import { ASSESSMENTS, CARRIERS, OUTCOMES, PLATFORMS, PROVOCATION_TEXT } from './provocation-vocabulary.ts';

export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/** What the content is, as judged by staff. */
export const Assessment = z.enum(ASSESSMENTS);
export type Assessment = z.infer<typeof Assessment>;

/** Where the content stands: still going round, taken down by the platform, or answered by a clarification. */
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/** Who carries a counter-message to the people who saw the content. */
export const Carrier = z.enum(CARRIERS);
export type Carrier = z.infer<typeof Carrier>;

export const CounterStatus = z.enum(['draf', 'diajukan', 'disetujui', 'dikembalikan', 'dipublikasikan']);
export type CounterStatus = z.infer<typeof CounterStatus>;

export { HandlingLevel };

const Iso = Instant();

/** A sighting sent by a pillar or an operator: the client's id makes a retry harmless. */
export const SightingInput = z
  .object({
    id: z.uuid(),
    links: z.array(z.string().trim().min(4).max(2000)).max(10).default([]),
    platform: Platform,
    text: z.string().trim().max(5000).optional(),
    seenAt: Iso,
    regionCodes: z
      .array(RegionCode.refine((c) => c.length >= 5, 'Pilih kab/kota, kecamatan atau desa'))
      .min(1, 'Sebutkan minimal satu wilayah tempat konten beredar')
      .max(20),
    groupIds: z.array(z.uuid()).max(10).default([]),
    posterAccount: z.string().trim().max(200).optional(),
    reportId: z.uuid().optional(),
  })
  .refine((s) => s.links.length > 0 || (s.text ?? '').length > 0, {
    message: 'Isi tautan atau teks konten (tangkapan layar dapat diunggah sesudahnya)',
    path: ['text'],
  });
export type SightingInput = z.input<typeof SightingInput>;

export const SightingCreated = z.object({ id: z.uuid(), itemId: z.uuid(), merged: z.boolean() });
export type SightingCreated = z.infer<typeof SightingCreated>;

export const ScreenshotStored = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  merged: z.boolean(),
  contentType: z.string(),
  byteSize: z.number(),
});

export const Sighting = z.object({
  id: z.uuid(),
  seenAt: z.string(),
  platform: Platform,
  links: z.array(z.string()),
  text: z.string().nullable(),
  regionCodes: z.array(z.string()),
  hasScreenshot: z.boolean(),
  /** The poster's account: in full for those who may see it, masked for everyone else. */
  posterAccount: z.string().nullable(),
  reportId: z.uuid().nullable(),
  reportedBy: z.string(),
});
export type Sighting = z.infer<typeof Sighting>;

export const SpreadPlace = z.object({
  ...RegionCodeName.shape,
  count: z.number(),
  firstSeenAt: z.string(),
});
export const Spread = z.object({
  sightings: z.number(),
  kecamatan: z.array(SpreadPlace),
  /** Sightings in the first 48 hours after the first one. */
  within48h: z.number(),
  /** Hours from the first sighting to the latest. */
  hoursSpan: z.number(),
  perDay: z.array(z.object({ day: z.string(), count: z.number() })),
});
export type Spread = z.infer<typeof Spread>;

export const CounterMessage = z.object({
  id: z.uuid(),
  body: z.string(),
  carrier: Carrier,
  carrierName: z.string(),
  status: CounterStatus,
  reviewNote: z.string().nullable(),
  draftedBy: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  postedWhere: z.string().nullable(),
  postedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CounterMessage = z.infer<typeof CounterMessage>;

export const Takedown = z.object({
  id: z.uuid(),
  kind: z.enum(['takedown', 'investigasi']),
  dispositionId: z.uuid(),
  caseId: z.uuid(),
  ...AgencyNamed.shape,
  ...AgencyAnswer.shape,
  dueAt: z.string(),
  createdAt: z.string(),
});
export type Takedown = z.infer<typeof Takedown>;

export const ItemSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  platform: Platform,
  assessment: Assessment.nullable(),
  outcome: Outcome,
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  sightingCount: z.number(),
  kecamatanCount: z.number(),
  regionCodes: z.array(z.string()),
  groups: z.array(z.object({ id: z.uuid(), shortName: z.string() })),
  dueAt: z.string().nullable(),
  handlingLevel: HandlingLevel,
  answered: z.boolean(),
  /** Counter-messages awaiting review. */
  pendingReview: z.number(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const ItemList = z.object({ items: z.array(ItemSummary) });
export type ItemList = z.infer<typeof ItemList>;

export const ItemDetail = ItemSummary.extend({
  links: z.array(z.string()),
  assessmentNote: z.string(),
  sightings: z.array(Sighting),
  spread: Spread,
  response: z.object({ counterMessages: z.array(CounterMessage), takedowns: z.array(Takedown) }),
  reports: z.array(
    z.object({ id: z.uuid(), kind: z.string(), regionCode: z.string(), createdAt: z.string() }),
  ),
  cases: z.array(z.object({ id: z.uuid(), title: z.string() })),
  version: z.number(),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

export const AssessInput = z.object({
  assessment: Assessment,
  note: within(z.string().trim(), PROVOCATION_TEXT.assessmentNote).default(''),
  groupIds: z.array(z.uuid()).max(10).optional(),
  outcome: Outcome.optional(),
});
export type AssessInput = z.input<typeof AssessInput>;

export const LinkInput = z
  .object({ reportId: z.uuid().optional(), caseId: z.uuid().optional() })
  .refine((l) => Boolean(l.reportId) !== Boolean(l.caseId), 'Pilih satu laporan atau satu kasus');

export const CounterInput = z.object({
  body: z
    .string()
    .trim()
    .min(PROVOCATION_TEXT.counterBody.min, 'Kontra-narasi minimal 10 karakter')
    .max(PROVOCATION_TEXT.counterBody.max),
  carrier: Carrier,
  carrierName: within(z.string().trim(), PROVOCATION_TEXT.carrierName).default(''),
});
export type CounterInput = z.input<typeof CounterInput>;

export const CounterMove = z.enum(['submit', 'approve', 'return', 'post']);
export type CounterMove = z.infer<typeof CounterMove>;

export const CounterMoveInput = z.object({
  note: z.string().trim().max(2000).optional(),
  postedWhere: z.string().trim().max(500).optional(),
});

export const TakedownInput = z.object({
  kind: z.enum(['takedown', 'investigasi']),
  agencyId: z.string().min(1).max(60),
  caseId: z.uuid(),
  instruction: within(z.string().trim(), PROVOCATION_TEXT.takedownInstruction),
});
export type TakedownInput = z.input<typeof TakedownInput>;

/** Merge this item into another one (the same content the matching missed). */
export const MergeInput = z.object({ intoId: z.uuid('Pilih konten tujuan') });
export type MergeInput = z.infer<typeof MergeInput>;

export const EvaluationFigures = z.object({
  items: z.number(),
  byAssessment: z.record(z.string(), z.number()),
  byPlatform: z.record(z.string(), z.number()),
  medianHoursToCounter: z.number().nullable(),
  medianHoursToTakedown: z.number().nullable(),
  /** Of items followed by an incident in one of their kecamatan, the share answered before it; null when none. */
  answeredBeforeIncident: z.number().nullable(),
  itemsWithIncident: z.number(),
});
export type EvaluationFigures = z.infer<typeof EvaluationFigures>;
