// The early-warning levels as plain constant lists, lowest first (Indonesian convention: Waspada < Siaga <
// Awas). Zod-free: the web imports them without the schema library; level-model.ts builds its schemas on them.

/** Every level a region can be at. */
export const LEVELS = ['normal', 'waspada', 'siaga', 'awas'] as const;
export type LevelName = (typeof LEVELS)[number];

/** The levels an alert can carry. */
export const ALERT_LEVELS = ['waspada', 'siaga', 'awas'] as const;

/** normal 0 … awas 3; a code that is no level sorts lowest. */
export function levelRank(level: string): number {
  return Math.max(0, LEVELS.indexOf(level as LevelName));
}
