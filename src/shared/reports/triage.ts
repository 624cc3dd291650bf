// Pure and zod-free: the web bundle imports this file for the live priority, so it may import from
// report-schema.ts only with `import type` (values come from report-vocabulary.ts).
import type { Priority, ReportKind, Trigger, Vulnerable, VulnerableGroup } from './report-schema.ts';
import { VULNERABLE_GROUPS } from './report-vocabulary.ts';

/** The facts triage reads. */
export type TriageFacts = {
  kind: ReportKind;
  triggers: readonly Trigger[];
  violenceOngoing: boolean;
  injured: number;
  dead: number;
  displaced: number;
  housesDamaged: number;
  vulnerable: Vulnerable;
};

/** A reason code: 'dead', 'violence_ongoing', 'vulnerable_harmed:anak', … Labels live in REASON_LABELS. */
export type PriorityReason = string;

type Rule = { priority: Priority; reason: (f: TriageFacts) => PriorityReason[] };

const groupsWith = (f: TriageFacts, field: 'harmed' | 'displaced' | 'atRisk'): VulnerableGroup[] =>
  VULNERABLE_GROUPS.filter((group) => (f.vulnerable[group]?.[field] ?? 0) > 0);

/**
 * The priority table, vulnerable people first. A report takes the highest priority of any matching row,
 * and lists every matching reason of that priority. docs/TRIAGE.md holds the same table in words.
 */
export const PRIORITY_RULES: readonly Rule[] = [
  { priority: 'P1', reason: (f) => groupsWith(f, 'harmed').map((g) => `vulnerable_harmed:${g}`) },
  { priority: 'P1', reason: (f) => groupsWith(f, 'displaced').map((g) => `vulnerable_displaced:${g}`) },
  { priority: 'P1', reason: (f) => (f.dead > 0 ? ['dead'] : []) },
  { priority: 'P1', reason: (f) => (f.violenceOngoing ? ['violence_ongoing'] : []) },
  { priority: 'P2', reason: (f) => groupsWith(f, 'atRisk').map((g) => `vulnerable_at_risk:${g}`) },
  { priority: 'P2', reason: (f) => (f.injured > 0 ? ['injured'] : []) },
  { priority: 'P2', reason: (f) => (f.displaced > 0 ? ['displaced'] : []) },
  { priority: 'P3', reason: (f) => (f.kind === 'kejadian' ? ['incident'] : []) },
  { priority: 'P3', reason: (f) => (f.housesDamaged > 0 ? ['houses_damaged'] : []) },
  { priority: 'P3', reason: (f) => (f.triggers.includes('informasi_provokatif') ? ['provocation'] : []) },
  { priority: 'P4', reason: () => ['signal'] },
];

export const PRIORITY_RANK: Record<Priority, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };

/** Computes the priority and its reasons from the facts of a report. */
export function triage(facts: TriageFacts): { priority: Priority; reasons: PriorityReason[] } {
  for (const priority of ['P1', 'P2', 'P3', 'P4'] as const) {
    const reasons = PRIORITY_RULES.filter((rule) => rule.priority === priority).flatMap((rule) =>
      rule.reason(facts),
    );
    if (reasons.length > 0) return { priority, reasons };
  }
  return { priority: 'P4', reasons: ['signal'] };
}

/** True when the report names vulnerable people in any way (harmed, displaced or at risk). */
export function hasVulnerable(vulnerable: Vulnerable): boolean {
  return VULNERABLE_GROUPS.some((g) => {
    const c = vulnerable[g];
    return (c?.harmed ?? 0) + (c?.displaced ?? 0) + (c?.atRisk ?? 0) > 0;
  });
}

const GROUP_LABELS: Record<VulnerableGroup, { id: string; en: string }> = {
  anak: { id: 'anak', en: 'children' },
  lansia: { id: 'lansia', en: 'elderly people' },
  fakir_miskin: { id: 'warga miskin', en: 'poor residents' },
  ibu_hamil: { id: 'ibu hamil', en: 'pregnant women' },
  disabilitas: { id: 'penyandang disabilitas', en: 'people with disabilities' },
};

const FIXED_LABELS: Record<string, { id: string; en: string }> = {
  dead: { id: 'ada korban meninggal', en: 'people killed' },
  violence_ongoing: { id: 'kekerasan masih berlangsung', en: 'violence still going on' },
  injured: { id: 'ada korban luka', en: 'people injured' },
  displaced: { id: 'ada warga mengungsi', en: 'people displaced' },
  incident: { id: 'kejadian konflik', en: 'conflict incident' },
  houses_damaged: { id: 'rumah rusak', en: 'houses damaged' },
  provocation: { id: 'informasi provokatif beredar', en: 'provocative information spreading' },
  signal: { id: 'sinyal kerawanan', en: 'sign of tension' },
};

/** A reason in words: 'vulnerable_harmed:anak' → "anak terluka" / "children hurt". */
export function describeReason(reason: PriorityReason, lang: 'id' | 'en' = 'id'): string {
  const [code, group] = reason.split(':') as [string, VulnerableGroup | undefined];
  if (group && GROUP_LABELS[group]) {
    const who = GROUP_LABELS[group][lang];
    if (code === 'vulnerable_harmed') return lang === 'id' ? `${who} terluka` : `${who} hurt`;
    if (code === 'vulnerable_displaced') return lang === 'id' ? `${who} mengungsi` : `${who} displaced`;
    if (code === 'vulnerable_at_risk') return lang === 'id' ? `${who} terdampak` : `${who} at risk`;
  }
  return FIXED_LABELS[code]?.[lang] ?? reason;
}

/** Deadlines of a priority, in minutes from intake (settings; these are the defaults). */
export type SlaMinutes = { acknowledge: number; response: number; resolve: number };

export const DEFAULT_SLA: Record<Priority, SlaMinutes> = {
  P1: { acknowledge: 30, response: 120, resolve: 7 * 24 * 60 },
  P2: { acknowledge: 120, response: 480, resolve: 14 * 24 * 60 },
  P3: { acknowledge: 480, response: 48 * 60, resolve: 30 * 24 * 60 },
  P4: { acknowledge: 24 * 60, response: 7 * 24 * 60, resolve: 60 * 24 * 60 },
};

/** The due time `minutes` after `from`. */
export function dueAt(from: Date, minutes: number): Date {
  return new Date(from.getTime() + minutes * 60_000);
}
