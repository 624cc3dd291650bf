// How the dashboard map colours areas: pure, so the legend and the map always agree.

/** One class of the legend: its colour and the words under it. */
export type LegendClass = { fill: string; from: number; to: number };

/** No number for the area (outside the viewer's scope, or no target set). */
export const NO_DATA_FILL = '#dde1e6';

/** Counts of reports: white for none, then four steps of orange to dark red. */
const COUNT_FILLS = ['#ffffff', '#fddcb5', '#f6a565', '#d95f1e', '#8c2d04'] as const;

/**
 * Classes for counts up to `max`: zero on its own, then up to four equal steps (1–3, 4–6, …), never
 * splitting a step below one.
 */
export function countClasses(max: number): LegendClass[] {
  const classes: LegendClass[] = [{ fill: COUNT_FILLS[0], from: 0, to: 0 }];
  if (max <= 0) return classes;
  const step = Math.max(1, Math.ceil(max / 4));
  for (let i = 0; i < 4 && i * step + 1 <= max; i++) {
    classes.push({ fill: COUNT_FILLS[i + 1], from: i * step + 1, to: Math.min(max, (i + 1) * step) });
  }
  return classes;
}

/** The fill of `value` among `classes` (the last class takes anything larger). */
export function fillOf(value: number, classes: readonly LegendClass[]): string {
  const found = classes.find((c) => value >= c.from && value <= c.to);
  return (found ?? classes[classes.length - 1]).fill;
}

/** Coverage gaps: green when the target is met, then deeper red the more pillars are missing. */
export const GAP_FILLS = { met: '#b7dfc5', small: '#f6a565', large: '#c0162b' } as const;

/** The fill of a coverage gap: met, short by up to `largeFrom - 1`, or short by more. */
export function gapFill(gap: number | null | undefined, largeFrom = 3): string {
  if (gap === null || gap === undefined) return NO_DATA_FILL;
  if (gap <= 0) return GAP_FILLS.met;
  return gap < largeFrom ? GAP_FILLS.small : GAP_FILLS.large;
}

/** Early-warning levels, lowest first, in the colours East Java's warnings use. */
export const WARNING_FILLS = {
  normal: '#b7dfc5',
  waspada: '#ffe066',
  siaga: '#f59b42',
  awas: '#c0162b',
} as const;

export function warningFill(level: string | undefined): string {
  return (level && WARNING_FILLS[level as keyof typeof WARNING_FILLS]) || NO_DATA_FILL;
}
