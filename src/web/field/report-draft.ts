// The report form's state and the pure steps around it: what triage reads, what is missing, what is sent.
import type { MessageKey } from '../../shared/i18n.ts';
import type {
  ConflictType,
  Need,
  ReportInput,
  ReportKind,
  Trigger,
  Vulnerable,
  VulnerableCounts,
  VulnerableGroup,
} from '../../shared/reports/report-schema.ts';
import { MIN_DESCRIPTION, VULNERABLE_GROUPS } from '../../shared/reports/report-vocabulary.ts';
import type { TriageFacts } from '../../shared/reports/triage.ts';
import { toWibIso, wibInputToIso } from '../../shared/time.ts';
import type { Position } from './GpsControl.tsx';
import type { PlaceRegion } from './region-cache.ts';

/** The counts of people and houses, in the order the form asks them. */
export const COUNT_FIELDS = ['involved', 'injured', 'dead', 'displaced', 'housesDamaged'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** The columns of the vulnerable-people grid. */
export const VULNERABLE_FIELDS = ['harmed', 'displaced', 'atRisk'] as const;
export type VulnerableField = (typeof VULNERABLE_FIELDS)[number];

/** Everything the form holds before it becomes a report. */
export type ReportDraft = {
  kind: ReportKind | undefined;
  conflictType: ConflictType | '';
  triggers: Trigger[];
  place: PlaceRegion | undefined;
  position: Position | undefined;
  /** `datetime-local` value, read as WIB whatever the phone's time zone: 2026-07-11T21:30. */
  occurredAt: string;
  violenceOngoing: boolean;
  description: string;
  counts: Record<CountField, number>;
  hasVulnerable: boolean;
  vulnerable: Record<VulnerableGroup, Record<VulnerableField, number>>;
  needs: Need[];
};

/** The current minute in WIB, as a `datetime-local` value. */
export function nowInWib(now = new Date()): string {
  return toWibIso(now).slice(0, 16);
}

/** A blank form, its time set to now. */
export function emptyDraft(now = new Date()): ReportDraft {
  const zero = () => ({ harmed: 0, displaced: 0, atRisk: 0 });
  return {
    kind: undefined,
    conflictType: '',
    triggers: [],
    place: undefined,
    position: undefined,
    occurredAt: nowInWib(now),
    violenceOngoing: false,
    description: '',
    counts: { involved: 0, injured: 0, dead: 0, displaced: 0, housesDamaged: 0 },
    hasVulnerable: false,
    vulnerable: Object.fromEntries(
      VULNERABLE_GROUPS.map((group) => [group, zero()]),
    ) as ReportDraft['vulnerable'],
    needs: [],
  };
}

/** The groups with any vulnerable person counted; nothing when "Ada kelompok rentan?" is not ticked. */
export function vulnerableOf(draft: ReportDraft): Vulnerable {
  if (!draft.hasVulnerable) return {};
  const result: Partial<Record<VulnerableGroup, VulnerableCounts>> = {};
  for (const group of VULNERABLE_GROUPS) {
    const counts = draft.vulnerable[group];
    if (counts.harmed + counts.displaced + counts.atRisk > 0) result[group] = { ...counts };
  }
  return result;
}

/** What the shared triage reads from the form (a form without a kind yet reads as a sinyal). */
export function triageFactsOf(draft: ReportDraft): TriageFacts {
  return {
    kind: draft.kind ?? 'sinyal',
    triggers: draft.triggers,
    violenceOngoing: draft.violenceOngoing,
    injured: draft.counts.injured,
    dead: draft.counts.dead,
    displaced: draft.counts.displaced,
    housesDamaged: draft.counts.housesDamaged,
    vulnerable: vulnerableOf(draft),
  };
}

/** The fields of the form that can be wrong, each with the id of its input (to focus it). */
export type DraftProblem = {
  field: 'kind' | 'conflictType' | 'place' | 'occurredAt' | 'description';
  key: MessageKey;
};

/** What must be fixed before sending, in the order the form shows the fields. */
export function findDraftProblems(draft: ReportDraft, now = new Date()): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.kind) problems.push({ field: 'kind', key: 'field.report.needKind' });
  if (!draft.conflictType) problems.push({ field: 'conflictType', key: 'field.report.needType' });
  if (!draft.place) problems.push({ field: 'place', key: 'field.report.needPlace' });
  const occurredAt = wibInputToIso(draft.occurredAt);
  if (!occurredAt) problems.push({ field: 'occurredAt', key: 'field.report.needWhen' });
  // A few minutes of slack: phone clocks drift.
  else if (Date.parse(occurredAt) > now.getTime() + 5 * 60_000)
    problems.push({ field: 'occurredAt', key: 'field.report.whenFuture' });
  if (draft.description.trim().length < MIN_DESCRIPTION)
    problems.push({ field: 'description', key: 'field.report.needDescription' });
  return problems;
}

/** The API body of a complete draft (call findDraftProblems first). */
export function toReportInput(draft: ReportDraft, id: string): ReportInput {
  if (!draft.kind || !draft.conflictType || !draft.place) throw new Error('incomplete draft');
  return {
    id,
    kind: draft.kind,
    conflictType: draft.conflictType,
    triggers: [...draft.triggers],
    groupsInvolved: '',
    regionCode: draft.place.code,
    ...(draft.position ? { latitude: draft.position.latitude, longitude: draft.position.longitude } : {}),
    occurredAt: wibInputToIso(draft.occurredAt) as string,
    violenceOngoing: draft.violenceOngoing,
    description: draft.description.trim(),
    ...draft.counts,
    vulnerable: vulnerableOf(draft),
    needs: [...draft.needs],
    channel: 'web',
  };
}
