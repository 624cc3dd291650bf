// The evaluation's contract: what GET /api/evaluations/summary answers, and the few pure rules on top of the
// numbers (shares, the vulnerable-first comparison, durations for people). Used by the server and the web;
// zod-free so the web bundle stays small (the request schemas are in evaluation-query.ts).
import type { Period } from './period.ts';

/** A number and the filtered list of the records behind it. */
export type Figure = { value: number; link: string };

/** Times (minutes) of one group of records against their deadlines. */
export type TimingStat = {
  /** Records with a time (acknowledged, answered, closed). */
  measured: number;
  /** Measured records plus those past their deadline without a time: the denominator of `share`. */
  known: number;
  /** Records done within their own priority's deadline. */
  within: number;
  /** within / known, 0..1; null when nothing is known yet. */
  share: number | null;
  median: number | null;
  p90: number | null;
  /** The deadline in minutes when the group has one priority (P1…); null for mixed groups. */
  deadline: number | null;
  link: string;
};

export const TIMING_GROUPS = ['all', 'P1', 'P2', 'P3', 'P4', 'vulnerable', 'harmed', 'others'] as const;
export type TimingGroup = (typeof TIMING_GROUPS)[number];
export const MEASURES = ['acknowledge', 'response', 'resolve'] as const;
export type Measure = (typeof MEASURES)[number];

/** Are records with vulnerable people harmed or displaced handled faster than the rest? */
export type VulnerableFirst = {
  harmedMedian: number | null;
  othersMedian: number | null;
  harmedShare: number | null;
  othersShare: number | null;
  /** true/false when both groups have a median; null otherwise. */
  isFaster: boolean | null;
};

export type Keyed = { key: string; label: string; count: Figure };

export type CoverageRow = {
  pillarType: string;
  label: string;
  areaLevel: string;
  perArea: number;
  areas: number;
  areasMet: number;
  shortfall: number;
  active: number;
  link: string;
};

export type AlertFigures =
  | { available: false; reason: string }
  | {
      available: true;
      raised: Figure;
      acknowledgedInTime: Figure | null;
      followedByIncident: Figure | null;
      answered: Figure | null;
    };

export type PillarFigures = {
  /** false when the pillar registry (migration 0004) is not in this database. */
  registry: boolean;
  coverage: CoverageRow[];
  assignments: Keyed[];
  safetyAlerts: Figure;
};

/** Every figure of one period. */
export type PeriodFigures = {
  period: Period & { label: string };
  reports: {
    total: Figure;
    byKind: Keyed[];
    byType: Keyed[];
    byPriority: Keyed[];
    byKabkota: Keyed[];
    incidents: Figure;
    incidentsWithPriorSignal: Figure;
    priorSignals: Figure;
  };
  timings: Record<Measure, Record<TimingGroup, TimingStat>>;
  vulnerableFirst: Record<Measure, VulnerableFirst>;
  cases: {
    opened: Figure;
    byPhase: Keyed[];
    byOutcome: Keyed[];
    closed: Figure;
    recurred: Figure;
    /** Closed in the period with a referral still open (handed over): normally 0. */
    closedWithOpenReferrals: Figure;
  };
  referrals: { made: Figure; completed: Figure; overdue: Figure; medianCompletionMinutes: number | null };
  alerts: AlertFigures;
  pillars: PillarFigures;
};

/** One kab/kota's main figures, for the side-by-side view. */
export type KabkotaRow = {
  code: string;
  name: string;
  reports: Figure;
  p1: Figure;
  acknowledge: TimingStat;
  response: TimingStat;
  resolve: TimingStat;
  recurred: Figure;
  referralsOverdue: Figure;
  coverageShortfall: number | null;
};

/** The answer of GET /api/evaluations/summary. */
export type EvaluationSummary = {
  scope: { code: string; kind: 'provinsi' | 'bakorwil' | 'kabkota'; name: string; kabkota: string[] };
  generatedAt: string;
  current: PeriodFigures;
  previous: PeriodFigures;
  byKabkota: KabkotaRow[];
};

/** within / known as a fraction, or null when nothing is known. */
export function shareOf(within: number, known: number): number | null {
  return known === 0 ? null : within / known;
}

/** The vulnerable-first comparison of two timing groups. */
export function compareVulnerableFirst(harmed: TimingStat, others: TimingStat): VulnerableFirst {
  const isFaster = harmed.median === null || others.median === null ? null : harmed.median < others.median;
  return {
    harmedMedian: harmed.median,
    othersMedian: others.median,
    harmedShare: harmed.share,
    othersShare: others.share,
    isFaster,
  };
}

/** Minutes for people: '45 mnt', '2 j 5 mnt', '3 h 4 j' (id) or '45 min', '2 h 5 min', '3 d 4 h' (en). */
export function formatMinutes(minutes: number | null, lang: 'id' | 'en' = 'id'): string {
  if (minutes === null || Number.isNaN(minutes)) return '–';
  const u = lang === 'id' ? { m: 'mnt', h: 'j', d: 'h' } : { m: 'min', h: 'h', d: 'd' };
  const total = Math.round(minutes);
  if (total < 60) return `${total} ${u.m}`;
  if (total < 24 * 60) {
    const h = Math.floor(total / 60);
    const m = total % 60;
    return m === 0 ? `${h} ${u.h}` : `${h} ${u.h} ${m} ${u.m}`;
  }
  const d = Math.floor(total / (24 * 60));
  const h = Math.round((total - d * 24 * 60) / 60);
  return h === 0 ? `${d} ${u.d}` : `${d} ${u.d} ${h} ${u.h}`;
}

/** A share for people: 0.8333 → '83,3%' (id) or '83.3%' (en); null → '–'. */
export function formatShare(share: number | null, lang: 'id' | 'en' = 'id'): string {
  if (share === null) return '–';
  const text = (Math.round(share * 1000) / 10).toFixed(1);
  return `${lang === 'id' ? text.replace('.', ',') : text}%`;
}
