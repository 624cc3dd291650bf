import { labelOf } from '../../../shared/evaluation/definitions.ts';
import {
  compareVulnerableFirst,
  type EvaluationSummary,
  type Figure,
  type KabkotaRow,
  type Keyed,
  MEASURES,
  type Measure,
  type PeriodFigures,
  TIMING_GROUPS,
  type TimingGroup,
  type TimingStat,
} from '../../../shared/evaluation/evaluation-schema.ts';
import {
  type Period,
  periodInstants,
  periodLabel,
  previousPeriod,
  quarterOf,
  refusePeriod,
} from '../../../shared/evaluation/period.ts';
import { kabkotaOf } from '../../../shared/region-codes.ts';
import { isWithin } from '../../../shared/regions.ts';
import { ConflictType } from '../../../shared/reports/report-schema.ts';
import { toWibIso } from '../../../shared/time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import * as bases from './evaluation-bases.ts';
import * as store from './evaluation-store.ts';
import * as timings from './evaluation-timings.ts';

export type EvaluationDeps = { db: Database; clock: Clock };

/** The area an evaluation covers. */
export type EvaluationScopeInfo = EvaluationSummary['scope'];

/** The request: a scope and a period, both already resolved. */
export type EvaluationRequest = { scope: EvaluationScopeInfo; period: Period };

/** What the caller reports as the work goes on: a step name and 0..100. */
export type ProgressFn = (step: string, percent: number) => Promise<void>;

function requireEvaluator(principal: Principal): void {
  authorize(principal, 'evaluation.view', 'Evaluasi hanya untuk operator, koordinator dan provinsi');
}

/** The user's own area: their Bakorwil, their kab/kota, or the province. */
export function defaultScopeOf(principal: Principal): string {
  if (principal.user.scopeBakorwilId) return principal.user.scopeBakorwilId;
  return kabkotaOf(principal.user.scopeRegionCode ?? '35') ?? '35';
}

/**
 * Resolves a scope (35, a kab/kota code, or a Bakorwil id) to its kab/kota; refuses a scope reaching beyond
 * the principal's own region scope (an operator of Jember cannot evaluate Bakorwil V as a whole).
 */
export async function resolveScope(
  deps: Pick<EvaluationDeps, 'db'>,
  principal: Principal,
  scope: string | undefined,
): Promise<EvaluationScopeInfo> {
  requireEvaluator(principal);
  const code = scope ?? defaultScopeOf(principal);
  const info = await deps.db.asSystem(async (tx): Promise<EvaluationScopeInfo | undefined> => {
    if (code === '35') {
      return {
        code,
        kind: 'provinsi',
        name: 'Provinsi Jawa Timur',
        kabkota: await store.listKabkotaCodes(tx),
      };
    }
    if (/^35\.\d{2}$/.test(code)) {
      const names = await store.findRegionNames(tx, [code]);
      return names[code] ? { code, kind: 'kabkota', name: names[code], kabkota: [code] } : undefined;
    }
    const bakorwil = await store.findBakorwil(tx, code);
    return bakorwil ? { code, kind: 'bakorwil', name: bakorwil.name, kabkota: bakorwil.members } : undefined;
  });
  if (!info || info.kabkota.length === 0) throw new DomainError('not_found', `Lingkup ${code} tidak dikenal`);
  const covered = info.kabkota.every((k) => principal.actor.scope.some((prefix) => isWithin(k, prefix)));
  if (!covered) throw new DomainError('forbidden', `Lingkup ${info.name} di luar wilayah Anda`);
  return info;
}

/** The period asked for, or the current quarter (WIB) when none is given. */
export function resolvePeriod(clock: Clock, from: string | undefined, to: string | undefined): Period {
  if (!from && !to) return quarterOf(clock.now());
  if (!from || !to) throw new DomainError('validation_failed', 'Isi tanggal awal (from) dan akhir (to)');
  const period = { from, to };
  const problem = refusePeriod(period);
  if (problem) throw new DomainError('validation_failed', problem);
  return period;
}

/** Scope and period of a request, checked. */
export async function resolveRequest(
  deps: EvaluationDeps,
  principal: Principal,
  query: { scope?: string; from?: string; to?: string },
): Promise<EvaluationRequest> {
  const period = resolvePeriod(deps.clock, query.from, query.to);
  const scope = await resolveScope(deps, principal, query.scope);
  return { scope, period };
}

/** The link to the records behind a figure. */
export function recordsLink(scope: string, period: Period, set: string): string {
  const params = new URLSearchParams({ scope, from: period.from, to: period.to, set });
  return `/api/evaluations/records?${params.toString()}`;
}

export function windowOf(scope: EvaluationScopeInfo, period: Period, asOf: Date): bases.EvalWindow {
  const { start, end } = periodInstants(period);
  // The province holds every kab/kota: no area filter at all (cheaper than comparing 38 codes per row).
  return { kabkota: scope.kind === 'provinsi' ? null : scope.kabkota, start, end, asOf };
}

type Deadlines = Awaited<ReturnType<typeof store.loadDeadlines>>;

function toTimingStat(
  numbers: timings.TimingNumbers,
  measure: Measure,
  group: TimingGroup,
  deadlines: Deadlines,
  link: string,
): TimingStat {
  const deadline = /^P[1-4]$/.test(group) ? (deadlines[group]?.[measure] ?? null) : null;
  return { ...numbers, deadline, link };
}

/**
 * Runs one read of the evaluation. The figures are aggregates over whole areas: row-level security would
 * evaluate its policy functions on every row (about 30 µs each, 30 s for a million reports), and for a scope
 * lying wholly inside the principal's region scope it would pass every row the area filter selects anyway
 * (sigap_in_scope holds for each of them). So, once resolveScope has checked the area, the reads run with
 * owner rights and every query filters by the area's kab/kota itself (docs/decisions, evaluation reads).
 */
export function reader(deps: EvaluationDeps): <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> {
  return (fn) =>
    deps.db.asSystem(async (tx) => {
      await store.tuneForAggregates(tx);
      return fn(tx);
    });
}

/** Reads on at most `lanes` connections at once, started in the order they were asked for. */
type Lanes = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

function readInLanes(deps: EvaluationDeps, lanes: number, tick: () => Promise<void>): Lanes {
  const read = reader(deps);
  const waiting: (() => void)[] = [];
  let running = 0;
  const acquire = (): Promise<void> => {
    if (running < lanes) {
      running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  // A freed lane goes straight to the next read waiting, so no later read can overtake it.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async (fn) => {
    await acquire();
    let value: Awaited<ReturnType<typeof fn>>;
    try {
      value = await read(fn);
    } finally {
      release();
    }
    await tick();
    return value;
  };
}

/** Awaits every promise of an object at once, keeping each result under its name. */
async function allNamed<T extends Record<string, Promise<unknown>>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const values = await Promise.all(Object.values(promises));
  return Object.fromEntries(Object.keys(promises).map((key, i) => [key, values[i]])) as {
    [K in keyof T]: Awaited<T[K]>;
  };
}

/** The raw numbers of one period; each read is its own transaction, in the summary's lanes. */
async function readPeriod(step: Lanes, w: bases.EvalWindow, parts: bases.SchemaParts, withKabkota: boolean) {
  const timing = (kind: 'acknowledge' | 'response' | 'resolve') =>
    step((tx) => timings.measureTimings(tx, w, kind, withKabkota));
  const { counts, acknowledge, response, resolve, ...rest } = await allNamed({
    counts: step((tx) => store.countReports(tx, w)),
    acknowledge: timing('acknowledge'),
    response: timing('response'),
    resolve: timing('resolve'),
    cases: step((tx) => store.countCases(tx, w)),
    recurrence: step((tx) => store.countRecurrence(tx, w)),
    referrals: step((tx) => store.countReferrals(tx, w)),
    alerts: step((tx) => (parts.alerts ? store.countAlerts(tx, w) : Promise.resolve(undefined))),
    coverage: step((tx) => (parts.pillars ? store.measureCoverage(tx, w) : Promise.resolve(undefined))),
    assignments: step((tx) => store.countAssignments(tx, w, parts)),
    safety: step((tx) => store.countSafetyAlerts(tx, w)),
  });
  return {
    counts,
    timings: { acknowledge: acknowledge.groups, response: response.groups, resolve: resolve.groups },
    ...rest,
    byKabkota: withKabkota
      ? { acknowledge: acknowledge.byKabkota, response: response.byKabkota, resolve: resolve.byKabkota }
      : undefined,
  };
}

type RawPeriod = Awaited<ReturnType<typeof readPeriod>>;
const STEPS_PER_PERIOD = 11;

/** Every figure of one period from its raw numbers, each with the link to the records behind it. */
function toPeriodFigures(
  raw: RawPeriod,
  scope: EvaluationScopeInfo,
  period: Period,
  context: {
    deadlines: Deadlines;
    names: Record<string, string>;
    labels: Record<string, string>;
    parts: bases.SchemaParts;
  },
): PeriodFigures {
  const fig = (value: number, set: string): Figure => ({ value, link: recordsLink(scope.code, period, set) });
  const keyed = (record: Record<string, number>, order: readonly string[], setOf: (key: string) => string) =>
    order
      .filter((key) => record[key] !== undefined)
      .map((key): Keyed => ({ key, label: labelOf(key), count: fig(record[key], setOf(key)) }));
  const { counts, cases, recurrence, referrals } = raw;
  const timings = Object.fromEntries(
    MEASURES.map((measure) => [
      measure,
      Object.fromEntries(
        TIMING_GROUPS.map((g) => [
          g,
          toTimingStat(
            raw.timings[measure][g],
            measure,
            g,
            context.deadlines,
            recordsLink(scope.code, period, `${measure}.${g}`),
          ),
        ]),
      ),
    ]),
  ) as PeriodFigures['timings'];
  const a = raw.alerts;
  return {
    period: { ...period, label: periodLabel(period) },
    reports: {
      total: fig(counts.total, 'reports'),
      byKind: keyed(counts.byKind, ['sinyal', 'kejadian'], (k) => `reports.kind=${k}`),
      byType: keyed(counts.byType, ConflictType.options, (k) => `reports.type=${k}`),
      byPriority: keyed(counts.byPriority, ['P1', 'P2', 'P3', 'P4'], (k) => `reports.priority=${k}`),
      byKabkota: scope.kabkota
        .filter((k) => counts.byKabkota[k] !== undefined)
        .map((k) => ({
          key: k,
          label: context.names[k] ?? k,
          count: fig(counts.byKabkota[k], `reports.kabkota=${k}`),
        })),
      incidents: fig(counts.incidents, 'incidents'),
      incidentsWithPriorSignal: fig(counts.incidentsWithPriorSignal, 'incidents.signalled'),
      priorSignals: fig(counts.priorSignals, 'signals.prior'),
    },
    timings,
    vulnerableFirst: Object.fromEntries(
      MEASURES.map((m) => [m, compareVulnerableFirst(timings[m].harmed, timings[m].others)]),
    ) as PeriodFigures['vulnerableFirst'],
    cases: {
      opened: fig(cases.opened, 'cases'),
      byPhase: keyed(
        cases.byPhase,
        ['pencegahan', 'penghentian', 'pemulihan', 'selesai'],
        (k) => `cases.phase=${k}`,
      ),
      byOutcome: keyed(cases.byOutcome, bases.OUTCOMES, (k) => `cases.outcome=${k}`),
      closed: fig(recurrence.closed, 'cases.closed'),
      recurred: fig(recurrence.recurred, 'cases.recurred'),
      closedWithOpenReferrals: fig(recurrence.withOpenReferrals, 'cases.closedWithOpenReferrals'),
    },
    referrals: {
      made: fig(referrals.made, 'referrals.made'),
      completed: fig(referrals.completed, 'referrals.completed'),
      overdue: fig(referrals.overdue, 'referrals.overdue'),
      medianCompletionMinutes: referrals.medianCompletionMinutes,
    },
    alerts: a
      ? {
          available: true,
          raised: fig(a.raised, 'alerts.raised'),
          acknowledgedInTime: fig(a.acknowledgedInTime, 'alerts.acknowledgedInTime'),
          followedByIncident: fig(a.followedByIncident, 'alerts.followedByIncident'),
          answered: fig(a.answered, 'alerts.answered'),
        }
      : { available: false, reason: 'Peringatan dini belum tersedia di basis data ini' },
    pillars: {
      registry: context.parts.pillars,
      coverage: (raw.coverage?.rows ?? []).map((row) => ({
        ...row,
        link: recordsLink(scope.code, period, `pillars.gaps=${row.pillarType}.${row.areaLevel}`),
      })),
      assignments: Object.entries(raw.assignments).map(([key, n]) => ({
        key,
        label: context.labels[key] ?? labelOf(key),
        count: fig(n, `assignments=${key}`),
      })),
      safetyAlerts: fig(raw.safety, 'safety'),
    },
  };
}

/** The kab/kota of the scope side by side for the period (the Bakorwil's sinergi view). */
function toKabkotaRows(
  raw: RawPeriod,
  scope: EvaluationScopeInfo,
  period: Period,
  names: Record<string, string>,
): KabkotaRow[] {
  const empty: timings.TimingNumbers = {
    measured: 0,
    known: 0,
    within: 0,
    share: null,
    median: null,
    p90: null,
  };
  return scope.kabkota.map((code) => {
    const link = (set: string) => recordsLink(code, period, set);
    const stat = (m: Measure): TimingStat => ({
      ...(raw.byKabkota?.[m][code] ?? empty),
      deadline: null,
      link: link(`${m}.all`),
    });
    return {
      code,
      name: names[code] ?? code,
      reports: { value: raw.counts.byKabkota[code] ?? 0, link: link('reports') },
      p1: { value: raw.counts.p1ByKabkota[code] ?? 0, link: link('reports.priority=P1') },
      acknowledge: stat('acknowledge'),
      response: stat('response'),
      resolve: stat('resolve'),
      recurred: { value: raw.recurrence.recurredByKabkota[code] ?? 0, link: link('cases.recurred') },
      referralsOverdue: { value: raw.referrals.overdueByKabkota[code] ?? 0, link: link('referrals.overdue') },
      coverageShortfall: raw.coverage ? (raw.coverage.shortfallByKabkota[code] ?? 0) : null,
    };
  });
}

/**
 * The evaluation of a scope and period beside the period before, with every kab/kota side by side. The
 * caller has checked the scope (resolveRequest); each read is its own transaction, so long work commits in
 * chunks and progress can be reported between them.
 */
export async function computeSummary(
  deps: EvaluationDeps,
  _principal: Principal,
  request: EvaluationRequest,
  onProgress?: ProgressFn,
): Promise<EvaluationSummary> {
  const asOf = deps.clock.now();
  const { scope } = request;
  const read = reader(deps);
  const context = await read(async (tx) => {
    const parts = await store.findSchemaParts(tx);
    return {
      parts,
      deadlines: await store.loadDeadlines(tx),
      names: await store.findRegionNames(tx, scope.kabkota),
      labels: parts.pillars ? await store.listPillarTypeLabels(tx) : {},
    };
  });
  let done = 0;
  const total = STEPS_PER_PERIOD * 2;
  // Reporting progress is a write of its own: one at a time, in order.
  let reporting = Promise.resolve();
  const tick = () => {
    done++;
    const percent = Math.round((done / total) * 100);
    reporting = reporting.then(() => onProgress?.(`${done}/${total}`, percent));
    return reporting;
  };
  const previousRange = previousPeriod(request.period);
  // Two lanes for both periods, the current period's reads (the larger ones first) ahead of the previous
  // period's: the two cores stay busy until the end, and a summary holds at most two connections of the
  // owner pool, so sign-ins and jobs, which share that pool, keep the others.
  const step = readInLanes(deps, 2, tick);
  const [current, previous] = await Promise.all([
    readPeriod(step, windowOf(scope, request.period, asOf), context.parts, true),
    readPeriod(step, windowOf(scope, previousRange, asOf), context.parts, false),
  ]);
  await reporting;
  return {
    scope,
    generatedAt: toWibIso(asOf),
    current: toPeriodFigures(current, scope, request.period, context),
    previous: toPeriodFigures(previous, scope, previousRange, context),
    byKabkota: toKabkotaRows(current, scope, request.period, context.names),
  };
}

/** GET /api/evaluations/summary. */
export async function getSummary(
  deps: EvaluationDeps,
  principal: Principal,
  query: { scope?: string; from?: string; to?: string },
): Promise<EvaluationSummary> {
  return computeSummary(deps, principal, await resolveRequest(deps, principal, query));
}

/** The records behind one figure (GET /api/evaluations/records). */
export async function listFigureRecords(
  deps: EvaluationDeps,
  principal: Principal,
  query: { scope?: string; from?: string; to?: string; set: string; limit: number },
): Promise<{ set: string; total: number; items: store.RecordItem[] }> {
  const set = bases.findRecordSet(query.set);
  if (!set) throw new DomainError('validation_failed', `Himpunan data tidak dikenal: ${query.set}`);
  const request = await resolveRequest(deps, principal, query);
  const w = windowOf(request.scope, request.period, deps.clock.now());
  return reader(deps)(async (tx) => {
    const parts = await store.findSchemaParts(tx);
    if ((set.base === 'alert' && !parts.alerts) || (set.base === 'area' && !parts.pillars)) {
      return { set: query.set, total: 0, items: [] };
    }
    const result = await store.listRecords(tx, w, set, parts, query.limit);
    return { set: query.set, ...result };
  });
}
