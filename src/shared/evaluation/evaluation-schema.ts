// The evaluation's contract: what GET /api/evaluations/summary answers, and the few pure rules on top of the
// numbers (shares, the vulnerable-first comparison, durations for people). Used by the server and the web;
// zod-free so the web bundle stays small: the types are inferred from evaluation-replies.ts by `import type`
// (the request schemas are in evaluation-query.ts).
import type { z } from 'zod';
import type * as replies from './evaluation-replies.ts';

export const TIMING_GROUPS = ['all', 'P1', 'P2', 'P3', 'P4', 'vulnerable', 'harmed', 'others'] as const;
export type TimingGroup = (typeof TIMING_GROUPS)[number];
export const MEASURES = ['acknowledge', 'response', 'resolve'] as const;
export type Measure = (typeof MEASURES)[number];

// The reply types, inferred from the schemas the routes declare (erased at build: no zod in the web bundle).
/** A number and the filtered list of the records behind it. */
export type Figure = z.infer<typeof replies.FigureReply>;
/** Times (minutes) of one group of records against their deadlines. */
export type TimingStat = z.infer<typeof replies.TimingStatReply>;
/** Are records with vulnerable people harmed or displaced handled faster than the rest? */
export type VulnerableFirst = z.infer<typeof replies.VulnerableFirstReply>;
export type Keyed = z.infer<typeof replies.KeyedReply>;
export type CoverageRow = z.infer<typeof replies.CoverageRowReply>;
export type AlertFigures = z.infer<typeof replies.AlertFiguresReply>;
export type PillarFigures = z.infer<typeof replies.PillarFiguresReply>;
/** Every figure of one period. */
export type PeriodFigures = z.infer<typeof replies.PeriodFiguresReply>;
/** One kab/kota's main figures, for the side-by-side view. */
export type KabkotaRow = z.infer<typeof replies.KabkotaRowReply>;
/** The answer of GET /api/evaluations/summary. */
export type EvaluationSummary = z.infer<typeof replies.EvaluationSummaryReply>;

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
