// The text reader's HTTP contract: what POST /api/text/read takes and answers, the correction a report form sends
// back after a report was filed from a reading, and the reader's measured agreement with people.
import { z } from 'zod';
import { DayPeriod } from '../calendar-date.ts';
import { RegionCode, RegionCodeName } from '../regions.ts';
import { ConflictType, ReportKind, VulnerableGroup } from '../reports/report-schema.ts';

export const TextReadInput = z.object({
  text: z.string().trim().min(1, 'Teks pesan kosong').max(5000, 'Teks pesan maksimal 5.000 karakter'),
  homeRegion: RegionCode.optional(),
});
export type TextReadInput = z.infer<typeof TextReadInput>;

const Span = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
export const TextEvidence = z.object({ spans: z.array(Span), confidence: z.number().min(0).max(1) });
export const Urgency = z.enum(['segera', 'tinggi', 'sedang', 'rendah']);

export const PlaceCandidate = z.object({
  ...RegionCodeName.shape,
  level: z.enum(['kabkota', 'kecamatan', 'desa']),
  kabkotaCode: z.string(),
  kabkotaName: z.string(),
});

const count = z.number().int().min(0).nullable();

export const TextReadReply = z.object({
  kind: ReportKind,
  conflictType: ConflictType,
  regionCode: z.string().nullable(),
  kabkotaCode: z.string().nullable(),
  kecamatanCode: z.string().nullable(),
  desaCode: z.string().nullable(),
  candidates: z.array(PlaceCandidate),
  vulnerableGroups: z.array(VulnerableGroup),
  injured: count,
  dead: count,
  displaced: count,
  urgency: Urgency,
  violenceOngoing: z.boolean(),
  /** For each field, the words that decided it (character offsets into the text) and a confidence. */
  evidence: z.record(z.string(), TextEvidence),
});
export type TextReadReply = z.infer<typeof TextReadReply>;

/** What the reader suggested for a report that was then filed; the server reads what the person chose. */
export const TextReadSuggestion = z.object({
  kind: ReportKind,
  conflictType: ConflictType,
  regionCode: z.string().nullable(),
  kabkotaCode: z.string().nullable(),
  vulnerableGroups: z.array(VulnerableGroup),
  injured: count,
  dead: count,
  displaced: count,
  violenceOngoing: z.boolean(),
});
export type TextReadSuggestion = z.infer<typeof TextReadSuggestion>;

export const TextReadFeedbackInput = z.object({ reportId: z.uuid(), suggested: TextReadSuggestion });
export type TextReadFeedbackInput = z.infer<typeof TextReadFeedbackInput>;

/** The fields whose agreement is measured, in the order the accuracy lists them. */
export const COMPARED_FIELDS = [
  'kind',
  'conflictType',
  'kabkotaCode',
  'regionCode',
  'vulnerableGroups',
  'injured',
  'dead',
  'displaced',
  'violenceOngoing',
] as const;

export const TextReadAccuracy = z.object({
  ...DayPeriod.shape,
  reports: z.number().int(),
  fields: z.array(
    z.object({
      field: z.enum(COMPARED_FIELDS),
      agreed: z.number().int(),
      /** Share of reports where the person kept the reader's suggestion; null with no reports. */
      rate: z.number().nullable(),
    }),
  ),
});
export type TextReadAccuracy = z.infer<typeof TextReadAccuracy>;
