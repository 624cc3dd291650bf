import { beforeAll, describe, expect, it } from 'vitest';
import { testAppWith } from '../../../../test/harness.ts';
import { type EvalWindow, findRecordSet } from './evaluation-bases.ts';
import { countReports, listRecords } from './evaluation-store.ts';

// The stored links (migrations/0009_report_links.sql) against the figure's definition written as windows over
// every report, which is how the figure was computed before the links: the same numbers and the same records,
// whatever order reports arrive in and however they are amended later.
const REFERENCE = `
  SELECT w.* FROM (
    SELECT r.id, r.kind, r.occurred_at,
      (r.occurred_at >= $2) AS in_period,
      count(*) FILTER (WHERE r.kind = 'sinyal') OVER before_it AS signals_before,
      count(*) FILTER (WHERE r.kind = 'kejadian' AND r.occurred_at >= $2) OVER after_it AS incidents_after
    FROM reports r
    WHERE ($1::text[] IS NULL OR r.kabkota_code = ANY($1)) AND r.occurred_at >= $2 - interval '30 days' AND r.occurred_at < $3
    WINDOW
      before_it AS (PARTITION BY coalesce(r.kecamatan_code, r.region_code) ORDER BY r.occurred_at
        RANGE BETWEEN interval '30 days' PRECEDING AND interval '1 microsecond' PRECEDING),
      after_it AS (PARTITION BY coalesce(r.kecamatan_code, r.region_code) ORDER BY r.occurred_at
        RANGE BETWEEN interval '1 microsecond' FOLLOWING AND interval '30 days' FOLLOWING)
  ) w WHERE w.occurred_at <= $4`;

const WINDOWS: EvalWindow[] = [
  // A quarter whose first month has signals from the month before it and incidents both sides of its start.
  {
    kabkota: null,
    start: new Date('2026-04-01T00:00:00+07:00'),
    end: new Date('2026-07-01T00:00:00+07:00'),
    asOf: new Date('2026-11-01T00:00:00+07:00'),
  },
  {
    kabkota: ['35.09'],
    start: new Date('2026-03-10T00:00:00+07:00'),
    end: new Date('2026-05-20T00:00:00+07:00'),
    asOf: new Date('2026-11-01T00:00:00+07:00'),
  },
  // The as-of instant inside the period: what happened after it is not counted.
  {
    kabkota: ['35.09', '35.10'],
    start: new Date('2026-01-01T00:00:00+07:00'),
    end: new Date('2027-01-01T00:00:00+07:00'),
    asOf: new Date('2026-05-01T00:00:00+07:00'),
  },
];

describe('signals before incidents from the stored links', () => {
  const { t, operator } = testAppWith({ operator: { role: 'operator', region: '35.09' } });
  let places: string[];

  async function expectSameAsReference(label: string): Promise<void> {
    for (const w of WINDOWS) {
      const params = [w.kabkota, w.start, w.end, w.asOf];
      const reference = await t.db.asSystem((tx) =>
        tx.query<{
          id: string;
          kind: string;
          in_period: boolean;
          signals_before: number;
          incidents_after: number;
        }>(REFERENCE, params),
      );
      const signalled = reference
        .filter((r) => r.in_period && r.kind === 'kejadian' && Number(r.signals_before) > 0)
        .map((r) => r.id)
        .sort();
      const prior = reference
        .filter((r) => r.kind === 'sinyal' && Number(r.incidents_after) > 0)
        .map((r) => r.id)
        .sort();
      const { incidentsWithPriorSignal, priorSignals } = await t.db.asSystem((tx) => countReports(tx, w));
      const counts = { incidentsWithPriorSignal, priorSignals };
      const where = `${label}, ${w.start.toISOString()}..${w.end.toISOString()}`;
      expect(counts, where).toEqual({
        incidentsWithPriorSignal: signalled.length,
        priorSignals: prior.length,
      });
      // The data are dense enough for both figures to be far from empty and far from everything.
      expect(signalled.length, where).toBeGreaterThan(5);
      expect(prior.length, where).toBeGreaterThan(5);
      expect(prior.length, where).toBeLessThan(reference.filter((r) => r.kind === 'sinyal').length);
      for (const [set, expected] of [
        ['incidents.signalled', signalled],
        ['signals.prior', prior],
      ] as const) {
        const listed = await t.db.asSystem(async (tx) =>
          listRecords(tx, w, findRecordSet(set)!, { pillars: true, alerts: true }, 10_000),
        );
        expect(listed.items.map((item) => item.id).sort(), `${set} ${where}`).toEqual(expected);
      }
    }
    // And the links are what a recomputation from scratch gives.
    const stale = await t.db.asSystem(async (tx) => {
      await tx.query(
        'CREATE TEMP TABLE before_relink ON COMMIT DROP AS SELECT id, prior_signal_at, next_incident_at FROM reports',
      );
      await tx.query('SELECT sigap_relink_reports(NULL)');
      return tx.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM reports r JOIN before_relink b USING (id)
         WHERE r.prior_signal_at IS DISTINCT FROM b.prior_signal_at OR r.next_incident_at IS DISTINCT FROM b.next_incident_at`,
      );
    });
    expect(stale?.n, label).toBe(0);
  }

  beforeAll(async () => {
    // Desa of two kecamatan in Jember and one in Banyuwangi, and the two kab/kota themselves.
    const desa = await t.db.asSystem((tx) =>
      tx.query<{ code: string }>(
        `(SELECT code FROM regions WHERE level = 'desa' AND code LIKE '35.09.06.%' ORDER BY code LIMIT 2)
         UNION ALL (SELECT code FROM regions WHERE level = 'desa' AND code LIKE '35.09.07.%' ORDER BY code LIMIT 1)
         UNION ALL (SELECT code FROM regions WHERE level = 'desa' AND code LIKE '35.10.01.%' ORDER BY code LIMIT 1)`,
      ),
    );
    places = [...desa.map((row) => row.code), '35.09', '35.10'];
    // 400 reports one statement each, in a scrambled time order, on few places and coarse times (many ties),
    // from February to August 2026.
    for (let i = 0; i < 400; i++) {
      const place = places[(i * 7) % places.length];
      const hours = ((i * 7919) % 160) * 24 + (i % 3) * 12;
      await t.db.asSystem((tx) =>
        tx.query(
          `INSERT INTO reports (id, kind, conflict_type, region_code, kabkota_code, kecamatan_code, occurred_at, description,
             reporter_id, priority, priority_rank, content_hash, due_acknowledge_at)
           VALUES (gen_random_uuid(), $1, 'lainnya', $2, left($2, 5), CASE WHEN length($2) > 8 THEN left($2, 8) END,
             timestamptz '2026-02-15 00:00+07' + $3 * interval '1 hour', 'uji', $4, 'P4', 4, 'x', now())`,
          [i % 3 === 0 ? 'kejadian' : 'sinyal', place, hours, operator.id],
        ),
      );
    }
  });

  it('counts and lists the same incidents and signals as windows over every report', async () => {
    await expectSameAsReference('as inserted');
  });

  it('stays right when reports are moved in time and place or change kind, one by one and in bulk', async () => {
    await t.db.asSystem(async (tx) => {
      const ids = (await tx.query<{ id: string }>('SELECT id FROM reports ORDER BY id LIMIT 60')).map(
        (r) => r.id,
      );
      for (const [n, id] of ids.entries()) {
        if (n % 3 === 0) {
          await tx.query(`UPDATE reports SET occurred_at = occurred_at + interval '9 days' WHERE id = $1`, [
            id,
          ]);
        } else if (n % 3 === 1) {
          await tx.query(
            `UPDATE reports SET kind = CASE kind WHEN 'sinyal' THEN 'kejadian' ELSE 'sinyal' END WHERE id = $1`,
            [id],
          );
        } else {
          const to = places[n % places.length];
          await tx.query(
            `UPDATE reports SET region_code = $2, kabkota_code = left($2, 5),
               kecamatan_code = CASE WHEN length($2) > 8 THEN left($2, 8) END WHERE id = $1`,
            [id, to],
          );
        }
      }
      await tx.query(
        `UPDATE reports SET occurred_at = occurred_at - interval '20 days' WHERE id IN (SELECT id FROM reports ORDER BY id DESC LIMIT 40)`,
      );
    });
    await expectSameAsReference('after amendments');
  });
});
