// The two reads behind the evaluation's times (evaluation-timings.ts does the arithmetic): the records of a
// measure counted per narrow time bucket, then the times in the buckets that hold the ranks. SQL only; the
// bases they read are evaluation-bases.ts.
import type { Measure } from '../../../shared/evaluation/evaluation-schema.ts';
import type { Tx } from '../../platform/db.ts';
import { BASES, type EvalWindow, MEASURE_BASE, windowParams } from './evaluation-bases.ts';

/** A record's time bucket: 1% wide on a log scale of the time taken. */
const BUCKET = (m: Measure) => `floor(ln(1 + greatest(${m}_taken, 0)) * 100)::int`;

export type CountedRow = {
  kabkota: string;
  priority: string;
  hasVulnerable: boolean;
  isHarmed: boolean;
  bucket: number | null;
  isWithin: boolean | null;
  n: number;
  min: number | null;
  max: number | null;
};

/**
 * One grouped pass (a hash aggregate the database can run in parallel) counting the measure's records by
 * kab/kota, priority, the vulnerable flags and time bucket, with each group's smallest and largest time.
 */
export function countTimeRows(tx: Tx, w: EvalWindow, m: Measure): Promise<CountedRow[]> {
  return tx.query<CountedRow>(
    `WITH b AS (${BASES[MEASURE_BASE[m]]})
     SELECT kabkota_code AS kabkota, priority, has_vulnerable AS "hasVulnerable", is_harmed AS "isHarmed",
       CASE WHEN ${m}_measured THEN ${BUCKET(m)} END AS bucket,
       ${m}_measured AND ${m}_taken <= ${m}_deadline AS "isWithin", count(*)::int AS n,
       min(${m}_taken) AS min, max(${m}_taken) AS max
     FROM b WHERE ${m}_measured OR ${m}_late GROUP BY 1, 2, 3, 4, 5, 6`,
    windowParams(w),
  );
}

export type FetchedTime = {
  taken: number;
  bucket: number;
  priority: string;
  hasVulnerable: boolean;
  isHarmed: boolean;
  kabkota: string;
};

/**
 * The times in some buckets: `global` buckets over the whole area, and `areas` (kab/kota, bucket) pairs of one
 * kab/kota each. Two parts, each able to use the bucket index; a record may be in both, and `part` keeps the
 * global and the kab/kota rows apart. Equal times come back as one row with their count.
 */
export function fetchBucketTimes(
  tx: Tx,
  w: EvalWindow,
  m: Measure,
  global: readonly number[],
  areas: readonly { kabkota: string; bucket: number }[],
): Promise<(FetchedTime & { part: 'global' | 'area'; n: number })[]> {
  const columns = `${m}_taken AS taken, ${BUCKET(m)} AS bucket, priority, has_vulnerable AS "hasVulnerable",
    is_harmed AS "isHarmed", kabkota_code AS kabkota, count(*)::int AS n`;
  return tx.query<FetchedTime & { part: 'global' | 'area'; n: number }>(
    `WITH b AS NOT MATERIALIZED (${BASES[MEASURE_BASE[m]]})
     SELECT 'global' AS part, ${columns} FROM b WHERE ${m}_measured AND ${BUCKET(m)} = ANY($5::int[])
     GROUP BY 2, 3, 4, 5, 6, 7
     UNION ALL
     SELECT 'area' AS part, ${columns} FROM b
     JOIN unnest($6::text[], $7::int[]) AS x (kabkota, bucket)
       ON x.bucket = ${BUCKET(m)} AND x.kabkota = b.kabkota_code
     WHERE ${m}_measured
     GROUP BY 2, 3, 4, 5, 6, 7`,
    [...windowParams(w), global, areas.map((a) => a.kabkota), areas.map((a) => a.bucket)],
  );
}
