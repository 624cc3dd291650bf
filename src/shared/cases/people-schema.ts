import { z } from 'zod';
import { Instant } from '../calendar-date.ts';
import { VulnerableGroup } from '../reports/report-schema.ts';
import { within } from '../text-length-schema.ts';
import { ClientRequestId, ReferralService, type VulnerablePersonInput } from './case-schema.ts';
import { AGE_BANDS, PEOPLE_TEXT, REFERRAL_STATUSES } from './people-rules.ts';

/** The band a masked view shows instead of an age. */
export const AgeBand = z.enum(AGE_BANDS);
export const ReferralStatus = z.enum(REFERRAL_STATUSES);

/**
 * A named vulnerable person of a case. Handlers of the case get the stored data; everyone else who may see
 * the case gets initials, a masked NIK and an age band (`isMasked: true`).
 */
export const VulnerablePersonView = z.object({
  id: z.string(),
  caseId: z.string(),
  fullName: z.string(),
  nik: z.string().nullable(),
  /** The age in years; null in a masked view, which shows `ageBand` only. */
  age: z.number().nullable(),
  ageBand: AgeBand,
  group: VulnerableGroup,
  needs: z.array(z.string()),
  guardianName: z.string().nullable(),
  guardianConsent: z.boolean(),
  isMasked: z.boolean(),
  createdAt: z.string(),
});
export type VulnerablePersonView = z.infer<typeof VulnerablePersonView>;

/** A named person as the API takes it, to add (POST) or to correct (PUT): the shared `VulnerablePersonInput`. */
export type PersonInput = z.infer<typeof VulnerablePersonInput>;

export const ReferralInput = z.object({
  /** The referral's id, made by the client (`ClientRequestId`). */
  id: ClientRequestId,
  service: ReferralService,
  provider: within(z.string().trim(), PEOPLE_TEXT.provider),
  dueAt: Instant(),
});
export type ReferralInput = z.infer<typeof ReferralInput>;

export const ReferralUpdate = z.object({
  status: ReferralStatus.exclude(['dirujuk']),
  note: within(z.string().trim(), PEOPLE_TEXT.referralNote).default(''),
});
export type ReferralUpdate = z.infer<typeof ReferralUpdate>;

/** A referral as lists show it: the person by id and group only, never by name. */
export const ReferralView = z.object({
  id: z.string(),
  caseId: z.string(),
  personId: z.string(),
  group: VulnerableGroup,
  service: ReferralService,
  provider: z.string(),
  dueAt: z.string(),
  status: ReferralStatus,
  /** Free text may name people: null for viewers who do not handle the case. */
  note: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** Still open after its due time. */
  isOverdue: z.boolean(),
  /** Set when the case closed with this referral open: who took it over and who follows it up. */
  handover: z.object({ handedTo: z.string(), followUpBy: z.string(), at: z.string() }).nullable(),
});
export type ReferralView = z.infer<typeof ReferralView>;

const GroupCount = z.object({
  group: VulnerableGroup,
  /** Sums of what the case's reports say: hurt, displaced, at risk. */
  harmed: z.number(),
  displaced: z.number(),
  atRisk: z.number(),
  /** Named people recorded in the case. */
  named: z.number(),
});

/** The vulnerable people of a case, counted by group: the minimum every case carries. */
export const VulnerableSummary = z.object({
  caseId: z.string(),
  groups: z.array(GroupCount),
  totals: GroupCount.omit({ group: true }),
});
export type VulnerableSummary = z.infer<typeof VulnerableSummary>;
