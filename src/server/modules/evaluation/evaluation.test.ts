import { beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, testAppWith } from '../../../../test/harness.ts';
import type { EvaluationSummary, TimingStat } from '../../../shared/evaluation/evaluation-schema.ts';
import { fakeClock } from '../../platform/clock.ts';
import { AS_OF, type Dataset, QUARTER } from './evaluation-dataset.ts';
import { EVALUATION_PEOPLE, seedEvaluationData } from './evaluation-test-helpers.ts';

// The answers below are worked out by hand from evaluation-dataset.ts.
//  acknowledge (minutes): R1 10 (P1, harmed) · R2 20 (P1, harmed) · R3 40 (P1) · R4 60 (P2, vulnerable at risk)
//                         · R5 600 (P3) · R7 100 (P4) · R6 never, past due · R9 not yet due
//  response: C1 60 (harmed) · C2 180 (harmed) · C4 1000 · C3 none, past due
//  resolve:  C1 7200 (harmed) · C3 20000 · C2 open, past due · C4 open, not due

describe('the evaluation of a hand-made quarter (Bakorwil V, Triwulan III 2026)', () => {
  const { t, koordinator, operatorJember, operatorBanyuwangi, relawan, volunteer } = testAppWith(
    EVALUATION_PEOPLE,
    { clock: fakeClock(AS_OF) },
  );
  let data: Dataset;
  let summary: EvaluationSummary;
  let hasAlerts: boolean;
  let hasPillars: boolean;

  const get = (user: TestUser, url: string) => t.call(user, 'GET', url);
  const summaryUrl = (scope: string, period = QUARTER) =>
    `/api/evaluations/summary?scope=${scope}&from=${period.from}&to=${period.to}`;

  beforeAll(async () => {
    data = await seedEvaluationData(t, { operatorJember, relawan, volunteer });
    const parts = await t.db.asSystem((tx) =>
      tx.one<{ alerts: boolean; pillars: boolean }>(
        `SELECT to_regclass('public.alerts') IS NOT NULL AS alerts, to_regclass('public.pillars') IS NOT NULL AS pillars`,
      ),
    );
    hasAlerts = parts!.alerts;
    hasPillars = parts!.pillars;
    const res = await get(koordinator, summaryUrl('V'));
    expect(res.statusCode).toBe(200);
    summary = res.json();
  });

  /** A breakdown of the summary as its counts by key. */
  const countsOf = (list: { key: string; count: { value: number } }[]) =>
    Object.fromEntries(list.map((k) => [k.key, k.count.value]));
  const pick = (s: TimingStat) => ({
    measured: s.measured,
    known: s.known,
    within: s.within,
    median: s.median,
    p90: s.p90,
  });

  it('counts the reports of the quarter by kind, type, priority and kab/kota, and leaves Surabaya out', () => {
    const r = summary.current.reports;
    expect(r.total.value).toBe(8);
    expect(countsOf(r.byKind)).toEqual({
      sinyal: 5,
      kejadian: 3,
    });
    expect(countsOf(r.byPriority)).toEqual({
      P1: 3,
      P2: 1,
      P3: 1,
      P4: 3,
    });
    expect(countsOf(r.byType)).toEqual({
      antar_perguruan_silat: 6,
      antar_suporter: 1,
      lainnya: 1,
    });
    expect(countsOf(r.byKabkota)).toEqual({
      '35.08': 1,
      '35.09': 7,
    });
    expect(summary.scope).toMatchObject({ code: 'V', kind: 'bakorwil' });
    expect(summary.scope.kabkota).toHaveLength(7);
  });

  it('finds the signals that came before incidents in the same kecamatan (R10 from the quarter before too)', () => {
    const r = summary.current.reports;
    expect(r.incidents.value).toBe(3);
    expect(r.incidentsWithPriorSignal.value).toBe(1);
    expect(r.priorSignals.value).toBe(2);
  });

  it('computes the time to acknowledge: medians, 90th percentiles and shares within deadline', () => {
    const a = summary.current.timings.acknowledge;
    expect(pick(a.all)).toEqual({ measured: 6, known: 7, within: 4, median: 50, p90: 350 });
    expect(a.all.share).toBeCloseTo(4 / 7, 10);
    expect(pick(a.P1)).toEqual({ measured: 3, known: 3, within: 2, median: 20, p90: 36 });
    expect(a.P1.deadline).toBe(30);
    expect(a.P1.share).toBeCloseTo(2 / 3, 10);
    expect(pick(a.vulnerable)).toEqual({ measured: 3, known: 3, within: 3, median: 20, p90: 52 });
    expect(pick(a.harmed)).toEqual({ measured: 2, known: 2, within: 2, median: 15, p90: 19 });
    expect(pick(a.others)).toEqual({ measured: 4, known: 5, within: 2, median: 80, p90: 450 });
    expect(a.all.deadline).toBeNull();
  });

  it('computes the time to first field response and to resolution per case', () => {
    const r = summary.current.timings.response;
    expect(pick(r.all)).toEqual({ measured: 3, known: 4, within: 2, median: 180, p90: 836 });
    expect(r.all.share).toBe(0.5);
    expect(pick(r.P1)).toEqual({ measured: 2, known: 3, within: 1, median: 120, p90: 168 });
    expect(r.P1.deadline).toBe(120);
    expect(pick(r.harmed)).toEqual({ measured: 2, known: 2, within: 1, median: 120, p90: 168 });
    expect(pick(r.others)).toEqual({ measured: 1, known: 2, within: 1, median: 1000, p90: 1000 });
    const d = summary.current.timings.resolve;
    expect(pick(d.all)).toEqual({ measured: 2, known: 3, within: 1, median: 13600, p90: 18720 });
    expect(pick(d.harmed)).toEqual({ measured: 1, known: 2, within: 1, median: 7200, p90: 7200 });
    expect(pick(d.others)).toEqual({ measured: 1, known: 1, within: 0, median: 20000, p90: 20000 });
    expect(d.others.share).toBe(0);
  });

  it('answers the vulnerable-first check: harmed or displaced vulnerable people were handled faster', () => {
    expect(summary.current.vulnerableFirst.acknowledge).toEqual({
      harmedMedian: 15,
      othersMedian: 80,
      harmedShare: 1,
      othersShare: 0.4,
      isFaster: true,
    });
    expect(summary.current.vulnerableFirst.response.isFaster).toBe(true);
    expect(summary.current.vulnerableFirst.resolve.isFaster).toBe(true);
  });

  it('counts cases by phase and outcome, and the recurrence in the same desa within 90 days', () => {
    const c = summary.current.cases;
    expect(c.opened.value).toBe(4);
    expect(countsOf(c.byPhase)).toEqual({
      pencegahan: 1,
      penghentian: 1,
      selesai: 2,
    });
    expect(countsOf(c.byOutcome)).toEqual({
      closed_in_time: 1,
      closed_late: 1,
      open_in_time: 1,
      open_late: 1,
    });
    expect(c.closed.value).toBe(2);
    expect(c.recurred.value).toBe(1);
  });

  it('follows the referrals of vulnerable people: made, completed, open past due, median to completion', () => {
    const f = summary.current.referrals;
    expect([f.made.value, f.completed.value, f.overdue.value]).toEqual([4, 2, 1]);
    expect(f.medianCompletionMinutes).toBe(1620);
  });

  it('counts alerts and their answers when early warning exists', () => {
    const a = summary.current.alerts;
    if (!hasAlerts) {
      expect(a.available).toBe(false);
      return;
    }
    expect(a.available).toBe(true);
    if (!a.available) return;
    expect([
      a.raised.value,
      a.acknowledgedInTime?.value,
      a.followedByIncident?.value,
      a.answered?.value,
    ]).toEqual([2, 1, 1, 1]);
  });

  it('measures pillar coverage at the end of the quarter, assignments per pillar and safety alerts', async () => {
    const p = summary.current.pillars;
    expect(p.safetyAlerts.value).toBe(1);
    if (!hasPillars) {
      expect(p.registry).toBe(false);
      expect(p.assignments.map((a) => [a.key, a.count.value])).toEqual([['tanpa_registri', 2]]);
      return;
    }
    expect(countsOf(p.assignments)).toEqual({
      tagana: 1,
      tanpa_registri: 1,
    });
    const kecamatan = await t.db.asSystem((tx) =>
      tx.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM regions r JOIN bakorwil_members m ON m.kabkota_code = left(r.code, 5)
         WHERE r.level = 'kecamatan' AND m.bakorwil_id = 'V'`,
      ),
    );
    const tksk = p.coverage.find((c) => c.pillarType === 'tksk' && c.areaLevel === 'kecamatan');
    expect(tksk).toMatchObject({ areas: kecamatan!.n, areasMet: 1, active: 1, shortfall: kecamatan!.n - 1 });
  });

  it('puts the quarter before beside it, and every kab/kota side by side', () => {
    const prev = summary.previous;
    expect(prev.period).toMatchObject({ from: '2026-04-01', to: '2026-06-30', label: 'Triwulan II 2026' });
    expect(prev.reports.total.value).toBe(2);
    expect(prev.timings.acknowledge.all.median).toBe(75);
    const jember = summary.byKabkota.find((k) => k.code === '35.09')!;
    expect([jember.reports.value, jember.p1.value, jember.acknowledge.median]).toEqual([7, 3, 40]);
    expect(jember.recurred.value).toBe(1);
    expect(jember.referralsOverdue.value).toBe(1);
    expect(summary.byKabkota.find((k) => k.code === '35.08')!.acknowledge.median).toBe(100);
    expect(summary.byKabkota.map((k) => k.code)).toHaveLength(7);
  });

  it('links every figure to the records behind it', async () => {
    const p1 = summary.current.timings.acknowledge.P1;
    const res = await get(koordinator, p1.link);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((i: { minutes: number }) => i.minutes)).toEqual([10, 20, 40]);
    expect(body.items.map((i: { isWithin: boolean }) => i.isWithin)).toEqual([true, true, false]);
    const recurred = (await get(koordinator, summary.current.cases.recurred.link)).json();
    expect(recurred.items.map((i: { id: string }) => i.id)).toEqual([data.cases.C1]);
    const p1Reports = summary.current.reports.byPriority.find((k) => k.key === 'P1')!;
    expect(p1Reports.count.link).toBe(
      '/api/evaluations/records?scope=V&from=2026-07-01&to=2026-09-30&set=reports.priority%3DP1',
    );
    const listed = (await get(koordinator, p1Reports.count.link)).json();
    expect(listed.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [data.reports.R1, data.reports.R2, data.reports.R3].sort(),
    );
    expect((await get(koordinator, summary.current.referrals.overdue.link)).json().total).toBe(1);
    expect((await get(koordinator, summary.current.pillars.safetyAlerts.link)).json().total).toBe(1);
    expect((await get(koordinator, summary.current.reports.priorSignals.link)).json().total).toBe(2);
  });

  it("defaults to the user's own area and the current quarter", async () => {
    const res = await get(koordinator, '/api/evaluations/summary');
    expect(res.statusCode).toBe(200);
    expect(res.json().scope.code).toBe('V');
    expect(res.json().current.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('lets an operator evaluate their own kab/kota only', async () => {
    const own = await get(operatorJember, summaryUrl('35.09'));
    expect(own.statusCode).toBe(200);
    expect(own.json().current.reports.total.value).toBe(7);
    expect((await get(operatorJember, summaryUrl('V'))).statusCode).toBe(403);
    expect((await get(operatorBanyuwangi, summaryUrl('35.09'))).statusCode).toBe(403);
  });

  it('refuses field volunteers, unknown scopes and upside-down periods', async () => {
    expect((await get(relawan, summaryUrl('35.09'))).statusCode).toBe(403);
    expect((await t.app.inject({ url: summaryUrl('V') })).statusCode).toBe(401);
    expect((await get(koordinator, summaryUrl('VII'))).statusCode).toBe(404);
    expect(
      (await get(koordinator, '/api/evaluations/summary?scope=V&from=2026-09-30&to=2026-07-01')).statusCode,
    ).toBe(400);
    expect(
      (await get(koordinator, `/api/evaluations/records?scope=V&from=2026-07-01&to=2026-09-30&set=nothing`))
        .statusCode,
    ).toBe(400);
  });
});
