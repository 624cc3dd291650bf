import { z } from 'zod';

/** The area levels a coverage target can be set for. */
export const AreaLevel = z.enum(['kabkota', 'kecamatan', 'desa']);
export type AreaLevel = z.infer<typeof AreaLevel>;

/** "Each area of `areaLevel` should have `perArea` active pillars of `pillarType`." */
export const CoverageTarget = z.object({
  pillarType: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  areaLevel: AreaLevel,
  perArea: z.number().int().min(0).max(10000),
});
export type CoverageTarget = z.infer<typeof CoverageTarget>;

/**
 * Active pillars, the target and the gap between them: target and gap are null when no target is set for areas
 * this small (e.g. TKSK per kecamatan, looked at per desa).
 */
export const Coverage = z.object({
  active: z.number(),
  target: z.number().nullable(),
  gap: z.number().nullable(),
});

export const CoverageItem = z.object({
  regionCode: z.string(),
  name: z.string(),
  ...Coverage.shape,
});
export type CoverageItem = z.infer<typeof CoverageItem>;

export const CoverageReply = z.object({
  items: z.array(CoverageItem),
  total: Coverage,
});
export type CoverageReply = z.infer<typeof CoverageReply>;

export const GapItem = CoverageItem.extend({
  gap: z.number(),
  /** Reports (signals and incidents) in the area in the last NEED_WINDOW_DAYS days. */
  recentReports: z.number(),
  lastReportAt: z.string().nullable(),
});
export type GapItem = z.infer<typeof GapItem>;

/** How far back reports count towards need: one quarter, the evaluation's rhythm. */
export const NEED_WINDOW_DAYS = 90;

/** How many areas of each level an area holds, itself included: a kecamatan holds 1 kecamatan and n desa. */
export type AreaCounts = Partial<Record<AreaLevel, number>>;

const DEPTH: Record<AreaLevel, number> = { kabkota: 1, kecamatan: 2, desa: 3 };

/**
 * The target of one area: for each rule at the area's level or finer, per-area × the areas of that level
 * inside it. A rule for coarser areas cannot be split among smaller ones; null when no rule applies.
 */
export function areaTarget(
  level: AreaLevel,
  counts: AreaCounts,
  rules: readonly Pick<CoverageTarget, 'areaLevel' | 'perArea'>[],
): number | null {
  const applicable = rules.filter((rule) => DEPTH[rule.areaLevel] >= DEPTH[level]);
  if (applicable.length === 0) return null;
  return applicable.reduce((sum, rule) => sum + rule.perArea * (counts[rule.areaLevel] ?? 0), 0);
}

/** The shortfall: never negative, since a surplus in one area does not fill a gap in another. */
export function gapOf(active: number, target: number | null): number | null {
  return target === null ? null : Math.max(0, target - active);
}

export type CoverageArea = {
  regionCode: string;
  name: string;
  level: AreaLevel;
  counts: AreaCounts;
  active: number;
};

/**
 * Coverage of an area and its child areas. The total's target is the area's own target (a Bakorwil or the
 * province, having no rule level, sums its children); the total's gap is the sum of the children's gaps,
 * or the area's own shortfall when that is larger (rules for areas coarser than the children).
 */
export function computeCoverage(
  parent: { level: AreaLevel | 'bakorwil' | 'provinsi'; counts: AreaCounts },
  children: readonly CoverageArea[],
  rules: readonly Pick<CoverageTarget, 'areaLevel' | 'perArea'>[],
): CoverageReply {
  const items = children.map((child) => {
    const target = areaTarget(child.level, child.counts, rules);
    return {
      regionCode: child.regionCode,
      name: child.name,
      active: child.active,
      target,
      gap: gapOf(child.active, target),
    };
  });
  const active = items.reduce((sum, item) => sum + item.active, 0);
  const isGrouping = parent.level === 'bakorwil' || parent.level === 'provinsi';
  const target = isGrouping
    ? sumOrNull(items.map((item) => item.target))
    : areaTarget(parent.level as AreaLevel, parent.counts, rules);
  const childGaps = sumOrNull(items.map((item) => item.gap));
  const ownGap = gapOf(active, target);
  const gap = childGaps === null ? ownGap : ownGap === null ? childGaps : Math.max(childGaps, ownGap);
  return { items, total: { active, target, gap } };
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0);
}

/**
 * Orders gaps by need: areas with reports in the last quarter first, and within each group the largest
 * shortfall first; then the area with more recent reports, then the latest report, then the code.
 */
export function compareNeed(a: GapItem, b: GapItem): number {
  const hasA = a.recentReports > 0 ? 1 : 0;
  const hasB = b.recentReports > 0 ? 1 : 0;
  if (hasA !== hasB) return hasB - hasA;
  if (a.gap !== b.gap) return b.gap - a.gap;
  if (a.recentReports !== b.recentReports) return b.recentReports - a.recentReports;
  const lastA = a.lastReportAt ?? '';
  const lastB = b.lastReportAt ?? '';
  if (lastA !== lastB) return lastA < lastB ? 1 : -1;
  return a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : 0;
}
