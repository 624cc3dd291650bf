// Times to acknowledge, to first response and to resolution: counts, shares within deadline, and exact
// medians and 90th percentiles per group and kab/kota.
import {
  type Measure,
  shareOf,
  TIMING_GROUPS,
  type TimingGroup,
} from '../../../shared/evaluation/evaluation-schema.ts';
import type { Tx } from '../../platform/db.ts';
import { type EvalWindow, GROUP_SQL, round2 } from './evaluation-bases.ts';
import { countTimeRows, type FetchedTime, fetchBucketTimes } from './evaluation-timings-store.ts';

export type TimingNumbers = {
  measured: number;
  known: number;
  within: number;
  share: number | null;
  median: number | null;
  p90: number | null;
};

// Exact percentiles without sorting every record. percentile_cont sorts each group's times in full (a million
// reports: seconds). Instead: (1) one grouped pass counts each group's times per narrow bucket (1% wide on a
// log scale) and finds which buckets hold the ranks a percentile needs; (2) only the times in those buckets
// are fetched and sorted. The answer is percentile_cont's own: the same two neighbouring times, interpolated.
const FRACTIONS = [0.5, 0.9] as const;

/** A group of records as SQL tests it and as the fetched rows of phase 2 are tested in memory. */
type GroupTest = { sql: string; test: (row: FetchedTime) => boolean };

const GROUP_TEST: Record<TimingGroup, GroupTest> = {
  all: { sql: GROUP_SQL.all, test: () => true },
  P1: { sql: GROUP_SQL.P1, test: (r) => r.priority === 'P1' },
  P2: { sql: GROUP_SQL.P2, test: (r) => r.priority === 'P2' },
  P3: { sql: GROUP_SQL.P3, test: (r) => r.priority === 'P3' },
  P4: { sql: GROUP_SQL.P4, test: (r) => r.priority === 'P4' },
  vulnerable: { sql: GROUP_SQL.vulnerable, test: (r) => r.hasVulnerable },
  harmed: { sql: GROUP_SQL.harmed, test: (r) => r.isHarmed },
  others: { sql: GROUP_SQL.others, test: (r) => !r.isHarmed },
};

/** Where percentile ranks fall: for each fraction, the 1-based ranks below and above and the weight. */
function ranksOf(n: number): { fraction: number; lo: number; hi: number; weight: number }[] {
  return FRACTIONS.map((fraction) => {
    const position = fraction * (n - 1);
    return {
      fraction,
      lo: Math.floor(position) + 1,
      hi: Math.ceil(position) + 1,
      weight: position - Math.floor(position),
    };
  });
}

/** The bucket holding a 1-based rank, and the rank inside it, from a histogram sorted by bucket. */
function locate(histogram: readonly [number, Bin][], rank: number): { bucket: number; offset: number } {
  let seen = 0;
  for (const [bucket, bin] of histogram) {
    if (rank <= seen + bin.n) return { bucket, offset: rank - seen };
    seen += bin.n;
  }
  throw new Error('rank beyond the histogram');
}

/** A bucket of a histogram: how many times, and the smallest and largest of them. */
type Bin = { n: number; min: number; max: number };
type Counted = { measured: number; known: number; within: number; histogram: Map<number, Bin> };
const newCounted = (): Counted => ({ measured: 0, known: 0, within: 0, histogram: new Map() });

/** A target of the percentile search: the global groups ('' area) and, optionally, each kab/kota's records. */
type Target = { area: string; group: TimingGroup; counted: Counted };

/**
 * Phase 1: one grouped pass (a hash aggregate the database can run in parallel) counting records by kab/kota,
 * priority, the vulnerable flags and time bucket; the groups and the kab/kota are summed up here.
 */
async function countTimes(tx: Tx, w: EvalWindow, measure: Measure, byKabkota: boolean): Promise<Target[]> {
  const rows = await countTimeRows(tx, w, measure);
  const global = new Map<TimingGroup, Counted>(TIMING_GROUPS.map((g) => [g, newCounted()]));
  const perKabkota = new Map<string, Counted>();
  const add = (c: Counted, row: (typeof rows)[number]) => {
    c.known += row.n;
    if (row.bucket === null) return;
    c.measured += row.n;
    if (row.isWithin) c.within += row.n;
    const bin = c.histogram.get(row.bucket);
    const [min, max] = [row.min as number, row.max as number];
    if (bin)
      c.histogram.set(row.bucket, {
        n: bin.n + row.n,
        min: Math.min(bin.min, min),
        max: Math.max(bin.max, max),
      });
    else c.histogram.set(row.bucket, { n: row.n, min, max });
  };
  for (const row of rows) {
    const probe = { ...row, taken: 0, bucket: row.bucket ?? -1 };
    for (const g of TIMING_GROUPS) if (GROUP_TEST[g].test(probe)) add(global.get(g)!, row);
    if (byKabkota) {
      let c = perKabkota.get(row.kabkota);
      if (!c) {
        c = newCounted();
        perKabkota.set(row.kabkota, c);
      }
      add(c, row);
    }
  }
  return [
    ...TIMING_GROUPS.map((group) => ({ area: '', group, counted: global.get(group)! })),
    ...[...perKabkota].map(([area, counted]) => ({ area, group: 'all' as const, counted })),
  ];
}

/** Phase 2: the times in the buckets that hold the ranks (one pass), then every target's percentiles. */
async function finishTimes(
  tx: Tx,
  w: EvalWindow,
  measure: Measure,
  targets: readonly Target[],
): Promise<TimingNumbers[]> {
  const plans = targets.map((target) => {
    const c = target.counted;
    if (c.measured === 0) return undefined;
    const histogram = [...c.histogram.entries()].sort((x, y) => x[0] - y[0]);
    const ranks = ranksOf(c.measured);
    return { ranks, located: ranks.flatMap((r) => [locate(histogram, r.lo), locate(histogram, r.hi)]) };
  });
  const globalBuckets = new Set<number>();
  const areaBuckets = new Set<string>();
  // A bucket whose times are all equal needs no fetching: its smallest time is every one of them.
  const isSettled = (target: Target, bucket: number) => {
    const bin = target.counted.histogram.get(bucket);
    return bin !== undefined && bin.min === bin.max;
  };
  targets.forEach((target, i) => {
    for (const l of plans[i]?.located ?? []) {
      if (isSettled(target, l.bucket)) continue;
      if (target.area === '') globalBuckets.add(l.bucket);
      else areaBuckets.add(`${target.area}|${l.bucket}`);
    }
  });
  const areas = [...areaBuckets].map((key) => {
    const [kabkota, bucket] = key.split('|');
    return { kabkota, bucket: Number(bucket) };
  });
  const fetched =
    globalBuckets.size + areas.length === 0
      ? []
      : await fetchBucketTimes(tx, w, measure, [...globalBuckets], areas);
  return targets.map((target, i) => {
    const c = target.counted;
    const numbers: TimingNumbers = {
      measured: c.measured,
      known: c.known,
      within: c.within,
      share: shareOf(c.within, c.known),
      median: null,
      p90: null,
    };
    const plan = plans[i];
    if (!plan) return numbers;
    const test = GROUP_TEST[target.group].test;
    /** The `offset`-th smallest time (1-based) of the target's records in a bucket. */
    const valueAt = (l: { bucket: number; offset: number }): number => {
      if (isSettled(target, l.bucket)) return target.counted.histogram.get(l.bucket)!.min;
      const times = fetched
        .filter(
          (row) =>
            row.bucket === l.bucket &&
            (target.area === ''
              ? row.part === 'global'
              : row.part === 'area' && row.kabkota === target.area) &&
            test(row),
        )
        .sort((x, y) => x.taken - y.taken);
      let seen = 0;
      for (const row of times) {
        seen += row.n;
        if (seen >= l.offset) return row.taken;
      }
      throw new Error('rank beyond the bucket');
    };
    plan.ranks.forEach((rank, r) => {
      const lo = valueAt(plan.located[r * 2]);
      const hi = valueAt(plan.located[r * 2 + 1]);
      const value = round2(lo + (hi - lo) * rank.weight);
      if (rank.fraction === 0.5) numbers.median = value;
      else numbers.p90 = value;
    });
    return numbers;
  });
}

/**
 * Times of one measure: counts, shares, and exact medians and 90th percentiles for every group, and per
 * kab/kota (all records of each) when asked. Two passes over the measure's records in all.
 */
export async function measureTimings(
  tx: Tx,
  w: EvalWindow,
  measure: Measure,
  byKabkota = false,
): Promise<{ groups: Record<TimingGroup, TimingNumbers>; byKabkota: Record<string, TimingNumbers> }> {
  const targets = await countTimes(tx, w, measure, byKabkota);
  const numbers = await finishTimes(tx, w, measure, targets);
  const groups = {} as Record<TimingGroup, TimingNumbers>;
  const perKabkota: Record<string, TimingNumbers> = {};
  targets.forEach((target, i) => {
    if (target.area === '') groups[target.group] = numbers[i];
    else perKabkota[target.area] = numbers[i];
  });
  return { groups, byKabkota: perKabkota };
}
