// The limits of the early-warning model's settings, as plain numbers and one pure rule: the server's schema
// (level-model.ts) is built from them, and the settings page checks a form against them without loading zod.

export type SettingLimit = { min: number; max: number; isInteger: boolean };

/** Thresholds (`rise`, `fall`) are scores; the rest are named as the settings are. */
export const SETTING_LIMITS = {
  score: { min: 0, max: 100, isInteger: false },
  windowDays: { min: 3, max: 60, isInteger: true },
  halfLifeDays: { min: 1, max: 60, isInteger: false },
  historyDays: { min: 30, max: 1095, isInteger: true },
  smoothingDays: { min: 0, max: 365, isInteger: true },
  floorPerDay: { min: 0.001, max: 5, isInteger: false },
  lookaheadDays: { min: 1, max: 60, isInteger: true },
  acknowledgeMinutes: { min: 5, max: 10_080, isInteger: true },
} as const satisfies Record<string, SettingLimit>;

type Thresholds = { waspada: number; siaga: number; awas: number };

/**
 * How the thresholds stand to each other: rising waspada < siaga < awas, each falling threshold below its
 * rising one (hysteresis), falling waspada < siaga < awas.
 */
export function thresholdOrder(rise: Thresholds, fall: Thresholds) {
  return {
    isRiseInOrder: rise.waspada < rise.siaga && rise.siaga < rise.awas,
    isFallBelowRise: fall.waspada < rise.waspada && fall.siaga < rise.siaga && fall.awas < rise.awas,
    isFallInOrder: fall.waspada < fall.siaga && fall.siaga < fall.awas,
  };
}
