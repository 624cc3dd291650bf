// The figures of the evaluation other than the times (evaluation-timings.ts), the look-ups the summary needs,
// and the records behind a figure. The SQL they aggregate over: evaluation-bases.ts.
import type { Measure } from '../../../shared/evaluation/evaluation-schema.ts';
import { toWibIso } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';
import {
  ALERT_BASE,
  AREA_BASE,
  assignmentBase,
  BASES,
  type BaseName,
  baseSql,
  type EvalWindow,
  OUTCOME_SQL,
  OUTCOMES,
  type RecordSet,
  round2,
  type SchemaParts,
  windowParams,
} from './evaluation-bases.ts';

/** Looks up the optional tables (to_regclass) and the alert columns the figures read. */
export async function findSchemaParts(tx: Tx): Promise<SchemaParts> {
  const row = await tx.one<{ pillars: boolean; alerts: boolean; alertColumns: number }>(
    `SELECT to_regclass('public.pillars') IS NOT NULL AND to_regclass('public.pillar_coverage_targets') IS NOT NULL AS pillars,
            to_regclass('public.alerts') IS NOT NULL AND to_regclass('public.alert_actions') IS NOT NULL AS alerts,
            (SELECT count(*)::int FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'alerts'
               AND column_name IN ('region_code', 'kabkota_code', 'created_at', 'acknowledged_at', 'due_acknowledge_at')) AS "alertColumns"`,
  );
  return { pillars: row?.pillars ?? false, alerts: (row?.alerts ?? false) && row?.alertColumns === 5 };
}

/**
 * Turns off just-in-time compilation (about 0.7 s to compile a large aggregate that then runs in less) and
 * parallel workers (starting them costs more than they save on a small machine, and the two periods of a
 * summary already run side by side) for the rest of the transaction: docs/decisions/0010.
 */
export async function tuneForAggregates(tx: Tx): Promise<void> {
  await tx.query('SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0');
}

export type ReportCounts = {
  total: number;
  incidents: number;
  byKind: Record<string, number>;
  byType: Record<string, number>;
  byPriority: Record<string, number>;
  byKabkota: Record<string, number>;
  /** P1 reports per kab/kota. */
  p1ByKabkota: Record<string, number>;
  /** Incidents preceded by a signal in the same place, and the signals that preceded an incident. */
  incidentsWithPriorSignal: number;
  priorSignals: number;
};

/**
 * Reports of the window by kind, type, priority and kab/kota, and the signals before incidents: one grouped
 * pass over the signal base (the period and the window before it), summed up here.
 */
export async function countReports(tx: Tx, w: EvalWindow): Promise<ReportCounts> {
  // Grouping by the conditions is cheaper than a filtered count per condition. The signals before the period
  // whose own next incident is too early (PRIOR_LATER) have a query of their own over that window only.
  const rows = await tx.query<{
    kind: string;
    type: string;
    priority: string;
    kabkota: string;
    inPeriod: boolean;
    signalled: boolean;
    prior: boolean;
    n: number;
  }>(
    `WITH b AS (${BASES.signal})
     SELECT kind, conflict_type AS type, priority, kabkota_code AS kabkota, in_period AS "inPeriod",
       is_signalled AS signalled, is_prior_direct AS prior, count(*)::int AS n
     FROM b GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    windowParams(w),
  );
  const later = await tx.one<{ n: number }>(
    `WITH b AS (${BASES.signal}) SELECT count(*)::int AS n FROM b WHERE at < $2 AND is_prior_later`,
    windowParams(w),
  );
  const out: ReportCounts = {
    total: 0,
    incidents: 0,
    byKind: {},
    byType: {},
    byPriority: {},
    byKabkota: {},
    p1ByKabkota: {},
    incidentsWithPriorSignal: 0,
    priorSignals: 0,
  };
  const add = (record: Record<string, number>, key: string, n: number) => {
    record[key] = (record[key] ?? 0) + n;
  };
  out.priorSignals = later?.n ?? 0;
  for (const row of rows) {
    if (row.signalled) out.incidentsWithPriorSignal += row.n;
    if (row.prior) out.priorSignals += row.n;
    if (!row.inPeriod) continue;
    out.total += row.n;
    add(out.byKind, row.kind, row.n);
    add(out.byType, row.type, row.n);
    add(out.byPriority, row.priority, row.n);
    add(out.byKabkota, row.kabkota, row.n);
    if (row.priority === 'P1') add(out.p1ByKabkota, row.kabkota, row.n);
  }
  out.incidents = out.byKind.kejadian ?? 0;
  return out;
}

/** The raw numbers of one timing group; shares and deadlines are added by the service. */

/** Cases opened in the window by phase and by outcome. */
export async function countCases(
  tx: Tx,
  w: EvalWindow,
): Promise<{ opened: number; byPhase: Record<string, number>; byOutcome: Record<string, number> }> {
  const outcomeColumns = OUTCOMES.map((o) => `count(*) FILTER (WHERE ${OUTCOME_SQL[o]})::int AS "${o}"`);
  const rows = await tx.query<Record<string, unknown>>(
    `WITH b AS (${BASES.case})
     SELECT phase, count(*)::int AS n, ${outcomeColumns.join(', ')} FROM b GROUP BY ROLLUP (phase)`,
    windowParams(w),
  );
  const byPhase: Record<string, number> = {};
  let opened = 0;
  const byOutcome: Record<string, number> = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  for (const row of rows) {
    if (row.phase === null) {
      opened = row.n as number;
      for (const o of OUTCOMES) byOutcome[o] = row[o] as number;
    } else byPhase[row.phase as string] = row.n as number;
  }
  return { opened, byPhase, byOutcome };
}

/** Cases closed in the window, and those followed by a recurrence; per kab/kota too. */
export async function countRecurrence(
  tx: Tx,
  w: EvalWindow,
): Promise<{
  closed: number;
  recurred: number;
  withOpenReferrals: number;
  recurredByKabkota: Record<string, number>;
}> {
  const rows = await tx.query<{
    code: string | null;
    closed: number;
    recurred: number;
    withOpenReferrals: number;
  }>(
    `WITH b AS (${BASES.closedCase})
     SELECT kabkota_code AS code, count(*)::int AS closed, count(*) FILTER (WHERE recurred)::int AS recurred,
       count(*) FILTER (WHERE has_open_referrals)::int AS "withOpenReferrals"
     FROM b GROUP BY ROLLUP (kabkota_code)`,
    windowParams(w),
  );
  const total = rows.find((row) => row.code === null);
  return {
    closed: total?.closed ?? 0,
    recurred: total?.recurred ?? 0,
    withOpenReferrals: total?.withOpenReferrals ?? 0,
    recurredByKabkota: Object.fromEntries(
      rows.filter((row) => row.code !== null).map((row) => [row.code as string, row.recurred]),
    ),
  };
}

/** Referrals made in the window: completed, open past due, median minutes to completion; overdue per kab/kota. */
export async function countReferrals(
  tx: Tx,
  w: EvalWindow,
): Promise<{
  made: number;
  completed: number;
  overdue: number;
  medianCompletionMinutes: number | null;
  overdueByKabkota: Record<string, number>;
}> {
  const rows = await tx.query<{
    code: string | null;
    made: number;
    completed: number;
    overdue: number;
    median: number | null;
  }>(
    `WITH b AS (${BASES.referral})
     SELECT kabkota_code AS code, count(*)::int AS made, count(*) FILTER (WHERE completed)::int AS completed,
       count(*) FILTER (WHERE overdue)::int AS overdue,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY completion_taken) FILTER (WHERE completed AND completion_taken IS NOT NULL) AS median
     FROM b GROUP BY ROLLUP (kabkota_code)`,
    windowParams(w),
  );
  const total = rows.find((row) => row.code === null);
  return {
    made: total?.made ?? 0,
    completed: total?.completed ?? 0,
    overdue: total?.overdue ?? 0,
    medianCompletionMinutes:
      total?.median === null || total?.median === undefined ? null : round2(total.median),
    overdueByKabkota: Object.fromEntries(
      rows.filter((row) => row.code !== null).map((row) => [row.code as string, row.overdue]),
    ),
  };
}

/** Alerts raised in the window and how they went. Only when the early-warning tables exist. */
export async function countAlerts(
  tx: Tx,
  w: EvalWindow,
): Promise<{ raised: number; acknowledgedInTime: number; followedByIncident: number; answered: number }> {
  const row = await tx.one<{
    raised: number;
    acknowledgedInTime: number;
    followedByIncident: number;
    answered: number;
  }>(
    `WITH b AS (${ALERT_BASE})
     SELECT count(*)::int AS raised, count(*) FILTER (WHERE acknowledged_in_time)::int AS "acknowledgedInTime",
       count(*) FILTER (WHERE followed_by_incident)::int AS "followedByIncident",
       count(*) FILTER (WHERE answered)::int AS answered
     FROM b`,
    windowParams(w),
  );
  return row ?? { raised: 0, acknowledgedInTime: 0, followedByIncident: 0, answered: 0 };
}

export type CoverageNumbers = {
  pillarType: string;
  label: string;
  areaLevel: string;
  perArea: number;
  areas: number;
  areasMet: number;
  shortfall: number;
  active: number;
};

/** Coverage of each target at the end of the window; per kab/kota shortfall too. Needs the registry. */
export async function measureCoverage(
  tx: Tx,
  w: EvalWindow,
): Promise<{ rows: CoverageNumbers[]; shortfallByKabkota: Record<string, number> }> {
  const rows = await tx.query<CoverageNumbers & { code: string | null }>(
    `WITH b AS (${AREA_BASE})
     SELECT b.pillar_type AS "pillarType", max(pt.label) AS label, b.area_level AS "areaLevel",
       max(b.per_area)::int AS "perArea", b.kabkota_code AS code, count(*)::int AS areas,
       count(*) FILTER (WHERE b.active >= b.per_area)::int AS "areasMet",
       sum(greatest(b.per_area - b.active, 0))::int AS shortfall, sum(b.active)::int AS active
     FROM b JOIN pillar_types pt ON pt.code = b.pillar_type
     GROUP BY GROUPING SETS ((b.pillar_type, b.area_level), (b.pillar_type, b.area_level, b.kabkota_code))
     ORDER BY 1, 3`,
    windowParams(w),
  );
  const shortfallByKabkota: Record<string, number> = {};
  for (const row of rows) {
    if (row.code) shortfallByKabkota[row.code] = (shortfallByKabkota[row.code] ?? 0) + row.shortfall;
  }
  return {
    rows: rows.filter((row) => row.code === null).map(({ code: _, ...rest }) => rest),
    shortfallByKabkota,
  };
}

/** Assignments made in the window per pillar type of the assignee. */
export async function countAssignments(
  tx: Tx,
  w: EvalWindow,
  parts: SchemaParts,
): Promise<Record<string, number>> {
  const rows = await tx.query<{ key: string; n: number }>(
    `WITH b AS (${assignmentBase(parts.pillars)}) SELECT pillar_type AS key, count(*)::int AS n FROM b GROUP BY 1 ORDER BY 1`,
    windowParams(w),
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.n]));
}

/** Check-ins in the window that raised a safety alert (no check-out in time). */
export async function countSafetyAlerts(tx: Tx, w: EvalWindow): Promise<number> {
  const row = await tx.one<{ n: number }>(
    `WITH b AS (${BASES.checkIn}) SELECT count(*) FILTER (WHERE is_alert)::int AS n FROM b`,
    windowParams(w),
  );
  return row?.n ?? 0;
}

/** The labels of pillar types (from the registry's editable list). */
export async function listPillarTypeLabels(tx: Tx): Promise<Record<string, string>> {
  const rows = await tx.query<{ code: string; label: string }>('SELECT code, label FROM pillar_types');
  return Object.fromEntries(rows.map((row) => [row.code, row.label]));
}

/** Deadlines (minutes) per priority, as set now. */
export async function loadDeadlines(tx: Tx): Promise<Record<string, Record<Measure, number>>> {
  const rows = await tx.query<{ priority: string; acknowledge: number; response: number; resolve: number }>(
    `SELECT priority, acknowledge_minutes AS acknowledge, response_minutes AS response, resolve_minutes AS resolve
     FROM sla_settings`,
  );
  return Object.fromEntries(rows.map(({ priority, ...rest }) => [priority, rest]));
}

/** Names of regions by code. */
export async function findRegionNames(tx: Tx, codes: readonly string[]): Promise<Record<string, string>> {
  const rows = await tx.query<{ code: string; name: string }>(
    'SELECT code, name FROM regions WHERE code = ANY($1)',
    [codes],
  );
  return Object.fromEntries(rows.map((row) => [row.code, row.name]));
}

/** Every kab/kota code of the province, in code order. */
export async function listKabkotaCodes(tx: Tx): Promise<string[]> {
  const rows = await tx.query<{ code: string }>(
    `SELECT code FROM regions WHERE level = 'kabkota' ORDER BY code`,
  );
  return rows.map((row) => row.code);
}

/** A Bakorwil with its member kab/kota, if it exists. */
export async function findBakorwil(
  tx: Tx,
  id: string,
): Promise<{ id: string; name: string; members: string[] } | undefined> {
  return tx.one(
    `SELECT b.id, b.name, coalesce(array_agg(m.kabkota_code ORDER BY m.kabkota_code) FILTER (WHERE m.kabkota_code IS NOT NULL), '{}') AS members
     FROM bakorwil b LEFT JOIN bakorwil_members m ON m.bakorwil_id = b.id WHERE b.id = $1 GROUP BY b.id, b.name`,
    [id],
  );
}

// ── The records behind a figure ───────────────────────────────────────────────────────────────

/** One record behind a figure: what it is, where, when, and the minutes when the figure is a time. */
export type RecordItem = {
  type: string;
  id: string;
  regionCode: string;
  at: string;
  tags: string[];
  minutes: number | null;
  deadline: number | null;
  isWithin: boolean | null;
  link: string | null;
};

export const RECORD_TYPE: Record<
  BaseName,
  { type: string; link: (id: string) => string | null; tags: string }
> = {
  report: {
    type: 'report',
    link: (id) => `/api/reports/${id}`,
    tags: 'ARRAY[kind, conflict_type, priority, status]',
  },
  signal: { type: 'report', link: (id) => `/api/reports/${id}`, tags: 'ARRAY[kind, priority]' },
  case: { type: 'case', link: (id) => `/api/cases/${id}`, tags: 'ARRAY[priority, phase, conflict_type]' },
  closedCase: {
    type: 'case',
    link: (id) => `/api/cases/${id}`,
    tags: `ARRAY[priority, conflict_type, CASE WHEN recurred THEN 'kambuh' ELSE 'tidak_kambuh' END, open_referral_handovers]`,
  },
  referral: { type: 'referral', link: () => null, tags: 'ARRAY[status, service, case_id::text]' },
  checkIn: { type: 'follow_up', link: () => null, tags: `ARRAY['check_in', case_id::text]` },
  assignment: { type: 'assignment', link: () => null, tags: 'ARRAY[pillar_type, case_id::text]' },
  area: {
    type: 'region',
    link: (id) => `/api/regions/${id}`,
    tags: `ARRAY[name, pillar_type, active::text || '/' || per_area::text]`,
  },
  alert: { type: 'alert', link: (id) => `/api/alerts/${id}`, tags: 'ARRAY[level, status]' },
};

/** A record behind a figure as read: the minutes and deadline only when the figure is a time. */
export type StoredRecord = {
  id: string;
  regionCode: string;
  at: Date;
  tags: (string | null)[];
  minutes: number | null;
  deadline: number | null;
};

/** The records of a set in the window (RLS applies): the first `limit`, oldest first, and how many in all. */
export async function listRecords(
  tx: Tx,
  w: EvalWindow,
  set: RecordSet,
  parts: SchemaParts,
  limit: number,
): Promise<{ total: number; items: RecordItem[] }> {
  const kind = RECORD_TYPE[set.base];
  const m = set.measure;
  const params = [...windowParams(w), ...(set.param === undefined ? [] : [set.param]), limit];
  const rows = await tx.query<StoredRecord & { total: number }>(
    `WITH b AS (${baseSql(set.base, parts)})
     SELECT id::text AS id, region_code AS "regionCode", at, ${kind.tags} AS tags,
       ${m ? `${m}_taken` : 'NULL::float8'} AS minutes, ${m ? `${m}_deadline` : 'NULL::int'} AS deadline,
       count(*) OVER ()::int AS total
     FROM b WHERE ${set.where}
     ORDER BY at, id LIMIT $${params.length}`,
    params,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      type: kind.type,
      id: row.id,
      regionCode: row.regionCode,
      at: toWibIso(row.at),
      tags: row.tags.filter((tag): tag is string => tag !== null),
      minutes: row.minutes === null ? null : round2(row.minutes),
      deadline: row.deadline,
      isWithin: m ? row.minutes !== null && row.deadline !== null && row.minutes <= row.deadline : null,
      link: kind.link(row.id),
    })),
  };
}
