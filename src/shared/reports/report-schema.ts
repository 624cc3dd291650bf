import { z } from 'zod';
import { CalendarDay, Instant } from '../calendar-date.ts';
import { Escalation } from '../cases/case-rules.ts';
import { levelOfCode } from '../region-codes.ts';
import { RegionCode, RegionNamedInKabkota } from '../regions.ts';
import { QueryFlag, VersionedRecord } from '../replies.ts';
import {
  CONFLICT_TYPES,
  EAST_JAVA_BOUNDS,
  MIN_DESCRIPTION,
  NEEDS,
  REPORT_KINDS,
  TRIGGERS,
  VULNERABLE_GROUPS,
} from './report-vocabulary.ts';

export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

export const ConflictType = z.enum(CONFLICT_TYPES);
export type ConflictType = z.infer<typeof ConflictType>;

/** The article's four triggers, plus provocation and hoaxes spread online. */
export const Trigger = z.enum(TRIGGERS);
export type Trigger = z.infer<typeof Trigger>;

/** Vulnerable groups (UU 39/1999 Pasal 5(3) elucidation; Dinsos Jatim's working list). */
export const VulnerableGroup = z.enum(VULNERABLE_GROUPS);
export type VulnerableGroup = z.infer<typeof VulnerableGroup>;
export { VULNERABLE_GROUPS };

export const Need = z.enum(NEEDS);
export type Need = z.infer<typeof Need>;

export const ReportStatus = z.enum(['baru', 'terverifikasi', 'ditolak', 'duplikat']);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const Priority = z.enum(['P1', 'P2', 'P3', 'P4']);
export type Priority = z.infer<typeof Priority>;

export const Channel = z.enum(['web', 'api', 'odk', 'whatsapp', 'sms', 'import']);

const OUTSIDE = 'di luar Jawa Timur';
/** A position in East Java. */
const Latitude = z.number().min(EAST_JAVA_BOUNDS.south, OUTSIDE).max(EAST_JAVA_BOUNDS.north, OUTSIDE);
const Longitude = z.number().min(EAST_JAVA_BOUNDS.west, OUTSIDE).max(EAST_JAVA_BOUNDS.east, OUTSIDE);

/** Where it happened: a kab/kota, kecamatan or desa; the province alone names no place to handle it. */
const Place = RegionCode.refine(
  (code) => levelOfCode(code) !== 'provinsi',
  'pilih kab/kota, kecamatan atau desa tempat kejadian / choose the kab/kota, kecamatan or desa where it happened',
);

const count = z.number().int('harus bilangan bulat').min(0, 'tidak boleh negatif').max(100_000);

export const VulnerableCounts = z
  .object({ harmed: count.default(0), displaced: count.default(0), atRisk: count.default(0) })
  .strict();
export type VulnerableCounts = z.infer<typeof VulnerableCounts>;

/** Vulnerable people by group; a group left out counts as zero. */
export const Vulnerable = z.partialRecord(VulnerableGroup, VulnerableCounts);
export type Vulnerable = z.infer<typeof Vulnerable>;

/** Everything a reporter states; also what an amendment may change. */
export const ReportFields = z.object({
  kind: ReportKind,
  conflictType: ConflictType,
  triggers: z.array(Trigger).max(5).default([]),
  groupsInvolved: z.string().max(500).default(''),
  regionCode: Place,
  latitude: Latitude.nullable().optional(),
  longitude: Longitude.nullable().optional(),
  occurredAt: Instant('waktu ISO 8601 dengan zona, mis. 2026-08-22T21:30:00+07:00'),
  violenceOngoing: z.boolean().default(false),
  description: z
    .string()
    .trim()
    .min(MIN_DESCRIPTION, `ceritakan minimal ${MIN_DESCRIPTION} karakter`)
    .max(5000),
  involved: count.default(0),
  injured: count.default(0),
  dead: count.default(0),
  displaced: count.default(0),
  housesDamaged: count.default(0),
  vulnerable: Vulnerable.default({}),
  needs: z.array(Need).max(9).default([]),
  channel: Channel.default('web'),
});
export type ReportFields = z.infer<typeof ReportFields>;

export const ReportInput = ReportFields.extend({ id: z.uuid('id harus UUID buatan perangkat') })
  .strict()
  .refine((r) => (r.latitude == null) === (r.longitude == null), {
    message: 'latitude dan longitude diisi bersama',
    path: ['latitude'],
  });
export type ReportInput = z.infer<typeof ReportInput>;

/** An amendment names only what changes: the fields without their defaults, all optional. */
const amendableShape = Object.fromEntries(
  Object.entries(ReportFields.shape).map(([key, schema]) => [
    key,
    (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional(),
  ]),
) as unknown as {
  [K in keyof typeof ReportFields.shape]: z.ZodOptional<z.ZodType<z.output<typeof ReportFields>[K]>>;
};

export const ReportAmendment = z
  .object(amendableShape)
  .extend({ version: z.number().int().min(1) })
  .strict();
export type ReportAmendment = z.infer<typeof ReportAmendment>;

/** A GPS point (WGS84) as a reply gives it; both null when none was sent. */
export const GpsPoint = z.object({ latitude: z.number().nullable(), longitude: z.number().nullable() });

export const Report = z.object({
  id: z.string(),
  kind: ReportKind,
  conflictType: ConflictType,
  triggers: z.array(Trigger),
  groupsInvolved: z.string(),
  ...RegionNamedInKabkota.shape,
  ...GpsPoint.shape,
  occurredAt: z.string(),
  violenceOngoing: z.boolean(),
  description: z.string(),
  involved: z.number(),
  injured: z.number(),
  dead: z.number(),
  displaced: z.number(),
  housesDamaged: z.number(),
  vulnerable: Vulnerable,
  needs: z.array(Need),
  channel: z.string(),
  reporterId: z.string(),
  status: ReportStatus,
  statusReason: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  priority: Priority,
  priorityReasons: z.array(z.string()),
  ...VersionedRecord.shape,
  acknowledgedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  dueAcknowledgeAt: z.string(),
  ...Escalation.shape,
  caseId: z.string().nullable(),
});
export type Report = z.infer<typeof Report>;

/** The filters of the reports list (GET /api/reports), which its export takes too. */
export const ReportFilters = z.object({
  region: RegionCode.optional(),
  kind: ReportKind.optional(),
  type: ConflictType.optional(),
  status: ReportStatus.optional(),
  priority: Priority.optional(),
  channel: Channel.optional(),
  vulnerable: QueryFlag,
  from: CalendarDay.optional(),
  to: CalendarDay.optional(),
  q: z.string().trim().min(2).max(200).optional(),
});

export const Verification = z
  .object({
    status: z.enum(['terverifikasi', 'ditolak', 'duplikat']),
    reason: z.string().trim().max(1000).optional(),
    duplicateOf: z.uuid().optional(),
  })
  .refine((v) => v.status !== 'ditolak' || (v.reason?.length ?? 0) >= 3, {
    message: 'alasan penolakan wajib diisi',
    path: ['reason'],
  })
  .refine((v) => v.status !== 'duplikat' || v.duplicateOf !== undefined, {
    message: 'sebutkan laporan aslinya (duplicateOf)',
    path: ['duplicateOf'],
  });
export type Verification = z.infer<typeof Verification>;

// ── Replies of the report's side routes ─────────────────────────────────────────────────────────

/** One change of a report by its author or an operator: the version it made and the fields it changed. */
export const AmendmentReply = z.object({
  version: z.number(),
  changedBy: z.string(),
  changedAt: z.string(),
  changes: z.record(z.string(), z.unknown()),
});

/** A report that may tell of the same incident, with how alike the two descriptions are (0–1). */
export const DuplicateSuggestionReply = z.object({ candidateId: z.string(), similarity: z.number() });
export type DuplicateSuggestionReply = z.infer<typeof DuplicateSuggestionReply>;

/** A photo taken (201) or already there under the same id (200). */
export const PhotoTakenReply = z.object({
  id: z.string(),
  contentType: z.string(),
  byteSize: z.number(),
  created: z.boolean(),
});
