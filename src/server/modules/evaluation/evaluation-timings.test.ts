import { beforeAll, describe, expect, it } from 'vitest';
import { testAppWith } from '../../../../test/harness.ts';
import { TIMING_GROUPS } from '../../../shared/evaluation/evaluation-schema.ts';
import { measureTimings } from './evaluation-timings.ts';

describe('exact percentiles from bucket counts', () => {
  const { t, operator } = testAppWith({ operator: { role: 'operator', region: '35.09' } });
  beforeAll(async () => {
    // 600 reports with scattered acknowledgement times, many ties (a quarter all equal), in two kab/kota and all priorities.
    await t.db.asSystem((tx) =>
      tx.query(
        `INSERT INTO reports (id, kind, conflict_type, region_code, kabkota_code, occurred_at, description, reporter_id,
           priority, priority_rank, priority_reasons, has_vulnerable, content_hash, created_at, due_acknowledge_at, acknowledged_at)
         SELECT gen_random_uuid(), 'sinyal', 'lainnya', k.code, k.code, timestamptz '2026-07-01 00:00+07' + i * interval '1 hour',
           'uji', $1, p.priority, substr(p.priority, 2)::int,
           CASE WHEN i % 7 = 0 THEN ARRAY['vulnerable_harmed:anak'] ELSE ARRAY['signal'] END, i % 3 = 0, 'x',
           timestamptz '2026-07-01 00:05+07' + i * interval '1 hour', timestamptz '2026-07-01 00:35+07' + i * interval '1 hour',
           CASE WHEN i % 11 = 0 THEN NULL
                -- a quarter of them after exactly 20 minutes: buckets of equal times, read from their bounds
                WHEN i % 4 = 1 THEN timestamptz '2026-07-01 00:05+07' + i * interval '1 hour' + interval '20 minutes'
                ELSE timestamptz '2026-07-01 00:05+07' + i * interval '1 hour' + ((i * 7919) % 997 + (i % 5) * 0.37) * interval '1 minute' END
         FROM generate_series(1, 600) AS i
         CROSS JOIN LATERAL (SELECT CASE WHEN i % 2 = 0 THEN '35.09' ELSE '35.08' END AS code) k
         CROSS JOIN LATERAL (SELECT 'P' || (1 + i % 4) AS priority) p`,
        [operator.id],
      ),
    );
  });

  it("gives percentile_cont's own medians and 90th percentiles for every group and kab/kota", async () => {
    const w = {
      kabkota: ['35.08', '35.09'],
      start: new Date('2026-07-01T00:00:00+07:00'),
      end: new Date('2026-10-01T00:00:00+07:00'),
      asOf: new Date('2026-10-15T00:00:00+07:00'),
    };
    const result = await t.db.asSystem((tx) => measureTimings(tx, w, 'acknowledge', true));
    const groupSql: Record<string, string> = {
      all: 'true',
      P1: "priority = 'P1'",
      P2: "priority = 'P2'",
      P3: "priority = 'P3'",
      P4: "priority = 'P4'",
      vulnerable: 'has_vulnerable',
      harmed: "'vulnerable_harmed:anak' = ANY(priority_reasons)",
      others: "NOT ('vulnerable_harmed:anak' = ANY(priority_reasons))",
    };
    const reference = async (where: string) =>
      (await t.db.asSystem((tx) =>
        tx.one<{ pct: number[] }>(
          `SELECT percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - created_at)::float8 / 60) AS pct
           FROM reports WHERE acknowledged_at IS NOT NULL AND ${where}`,
        ),
      ))!.pct.map((v) => Math.round(v * 100) / 100);
    for (const g of TIMING_GROUPS) {
      expect([result.groups[g].median, result.groups[g].p90], g).toEqual(await reference(groupSql[g]));
    }
    for (const code of ['35.08', '35.09']) {
      const k = result.byKabkota[code];
      expect([k.median, k.p90], code).toEqual(await reference(`kabkota_code = '${code}'`));
    }
    expect(result.groups.all.measured).toBe(600 - 54);
  });
});
