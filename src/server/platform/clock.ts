/** Where services read the time, so tests can move it (deadlines, escalation). */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set by hand. */
export function fakeClock(
  start: Date,
): Clock & { set(date: Date): void; advanceMinutes(minutes: number): void } {
  let current = start;
  return {
    now: () => current,
    set(date) {
      current = date;
    },
    advanceMinutes(minutes) {
      current = new Date(current.getTime() + minutes * 60_000);
    },
  };
}
