// The SQL of the evaluation. Every figure is an aggregate over one "base" (the records of an area and a
// period, with the columns the figures test) filtered by a named predicate; the list behind a figure is the
// same base filtered by the same predicate (listRecords), so a number can always be questioned.
// Parameters of every base: $1 kab/kota codes, $2 start, $3 end (exclusive), $4 as-of instant.
import {
  ALERT_INCIDENT_DAYS,
  RECURRENCE_DAYS,
  SAFETY_CHECKOUT_HOURS,
  SIGNAL_WINDOW_DAYS,
} from '../../../shared/evaluation/definitions.ts';
import {
  type Measure,
  shareOf,
  TIMING_GROUPS,
  type TimingGroup,
} from '../../../shared/evaluation/evaluation-schema.ts';
import { toWibIso } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';

/** The area and time an evaluation reads. */
export type EvalWindow = {
  /** The area's kab/kota; null for the whole province (no filter). */
  kabkota: readonly string[] | null;
  start: Date;
  end: Date;
  asOf: Date;
};

const minutesBetween = (later: string, earlier: string) =>
  `(extract(epoch FROM ${later} - ${earlier})::float8 / 60)`;

/** The signal window in hours: the same as its days in WIB (no daylight saving), and plain arithmetic. */
const SIGNAL_WINDOW = `interval '${SIGNAL_WINDOW_DAYS * 24} hours'`;
/** A signal whose next incident in the same place falls in the period and within the window after it. */
const PRIOR_DIRECT = `(r.kind = 'sinyal' AND r.occurred_at <= $4 AND r.next_incident_at >= $2 AND r.next_incident_at < $3
  AND r.next_incident_at <= r.occurred_at + ${SIGNAL_WINDOW})`;
/**
 * A signal before the period whose next incident is also before it: it still counts when the first incident
 * of the period in its place (f, below) falls within the window after it.
 */
const PRIOR_LATER = `(r.kind = 'sinyal' AND r.occurred_at <= $4 AND r.next_incident_at < $2
  AND f.first_at <= r.occurred_at + ${SIGNAL_WINDOW})`;

/** The bases: one SELECT each, with `id`, `region_code`, `kabkota_code`, `at` and the tested columns. */
const BASES = {
  // Every column a report figure reads is in reports_evaluation_idx (migrations/0009_evaluation_columns.sql):
  // a year of a province is an index-only scan. is_harmed and acknowledge_minutes are stored columns of the same expressions.
  report: `
    SELECT r.id, r.region_code, r.kabkota_code, r.occurred_at AS at, r.kind, r.conflict_type, r.priority,
      r.status, r.has_vulnerable, r.is_harmed,
      r.acknowledge_minutes AS acknowledge_taken,
      s.acknowledge_minutes AS acknowledge_deadline,
      r.acknowledge_minutes IS NOT NULL AS acknowledge_measured,
      (r.acknowledge_minutes IS NULL AND r.created_at + s.acknowledge_minutes * interval '1 minute' < $4) AS acknowledge_late
    FROM reports r JOIN sla_settings s ON s.priority = r.priority
    WHERE ($1::text[] IS NULL OR r.kabkota_code = ANY($1)) AND r.occurred_at >= $2 AND r.occurred_at < $3`,
  // Reports from SIGNAL_WINDOW_DAYS before the period on, with their links to the signal before and the
  // incident after them in the same place (kept as reports arrive: migrations/0009_evaluation_columns.sql),
  // which are in reports_evaluation_idx like every report column the figures read.
  signal: `
    SELECT r.id, r.region_code, r.kabkota_code, r.occurred_at AS at, r.kind, r.conflict_type, r.priority,
      r.occurred_at >= $2 AS in_period,
      (r.kind = 'kejadian' AND r.occurred_at >= $2 AND r.occurred_at <= $4
        AND r.prior_signal_at >= r.occurred_at - ${SIGNAL_WINDOW}) AS is_signalled,
      ${PRIOR_DIRECT} AS is_prior_direct,
      coalesce(${PRIOR_LATER}, false) AS is_prior_later,
      coalesce(${PRIOR_DIRECT} OR ${PRIOR_LATER}, false) AS is_prior
    FROM reports r
    -- The first incident of the period in each place, for the signals before it (PRIOR_LATER); a query that
    -- reads none of its columns does not join it at all.
    LEFT JOIN (
      SELECT coalesce(i.kecamatan_code, i.region_code) AS place, min(i.occurred_at) AS first_at
      FROM reports i
      WHERE ($1::text[] IS NULL OR i.kabkota_code = ANY($1)) AND i.kind = 'kejadian'
        AND i.occurred_at >= $2 AND i.occurred_at < $3 AND i.occurred_at <= $2 + ${SIGNAL_WINDOW}
      GROUP BY 1
    ) f ON f.place = coalesce(r.kecamatan_code, r.region_code)
    WHERE ($1::text[] IS NULL OR r.kabkota_code = ANY($1))
      AND r.occurred_at >= $2 - ${SIGNAL_WINDOW} AND r.occurred_at < $3`,
  case: `
    SELECT c.id, c.region_code, c.kabkota_code, c.created_at AS at, c.priority, c.phase, c.conflict_type,
      c.has_vulnerable, st.is_harmed, st.start_at,
      ${minutesBetween('c.first_response_at', 'st.start_at')} AS response_taken,
      s.response_minutes AS response_deadline,
      c.first_response_at IS NOT NULL AS response_measured,
      (c.first_response_at IS NULL AND st.start_at + s.response_minutes * interval '1 minute' < $4) AS response_late,
      ${minutesBetween('c.closed_at', 'st.start_at')} AS resolve_taken,
      s.resolve_minutes AS resolve_deadline,
      c.closed_at IS NOT NULL AS resolve_measured,
      (c.closed_at IS NULL AND st.start_at + s.resolve_minutes * interval '1 minute' < $4) AS resolve_late
    FROM cases c JOIN sla_settings s ON s.priority = c.priority
    CROSS JOIN LATERAL (
      SELECT coalesce(min(r.created_at), c.created_at) AS start_at, coalesce(bool_or(r.is_harmed), false) AS is_harmed
      FROM reports r WHERE r.case_id = c.id
    ) st
    WHERE ($1::text[] IS NULL OR c.kabkota_code = ANY($1)) AND c.created_at >= $2 AND c.created_at < $3`,
  closedCase: `
    SELECT c.id, c.region_code, c.kabkota_code, c.closed_at AS at, c.priority, c.conflict_type,
      EXISTS (
        SELECT 1 FROM reports r
        WHERE r.kabkota_code = c.kabkota_code AND r.region_code = c.region_code AND r.kind = 'kejadian'
          AND r.conflict_type = c.conflict_type AND r.case_id IS DISTINCT FROM c.id
          AND r.occurred_at > c.closed_at AND r.occurred_at <= c.closed_at + interval '${RECURRENCE_DAYS} days'
          AND r.occurred_at <= $4
      ) AS recurred
    FROM cases c
    WHERE ($1::text[] IS NULL OR c.kabkota_code = ANY($1)) AND c.closed_at >= $2 AND c.closed_at < $3`,
  referral: `
    SELECT f.id, c.region_code, c.kabkota_code, f.created_at AS at, f.status, f.service, f.case_id,
      f.status = 'selesai' AS completed,
      (f.status IN ('dirujuk', 'diterima') AND f.due_at < $4) AS overdue,
      ${minutesBetween('f.completed_at', 'f.created_at')} AS completion_taken
    FROM referrals f JOIN cases c ON c.id = f.case_id
    WHERE ($1::text[] IS NULL OR c.kabkota_code = ANY($1)) AND f.created_at >= $2 AND f.created_at < $3`,
  checkIn: `
    SELECT f.id, c.region_code, c.kabkota_code, f.occurred_at AS at, f.case_id,
      (f.occurred_at + interval '${SAFETY_CHECKOUT_HOURS} hours' < $4 AND NOT EXISTS (
        SELECT 1 FROM follow_ups o
        WHERE o.case_id = f.case_id AND o.author_id = f.author_id AND o.kind = 'check_out'
          AND o.occurred_at >= f.occurred_at AND o.occurred_at <= f.occurred_at + interval '${SAFETY_CHECKOUT_HOURS} hours'
      )) AS is_alert
    FROM follow_ups f JOIN cases c ON c.id = f.case_id
    WHERE f.kind = 'check_in' AND ($1::text[] IS NULL OR c.kabkota_code = ANY($1)) AND f.occurred_at >= $2 AND f.occurred_at < $3`,
  // Built only when the pillar registry (0004) exists: see assignmentBase().
  assignment: '',
  area: '',
  alert: '',
} as const;

type BaseName = keyof typeof BASES;

function assignmentBase(hasRegistry: boolean): string {
  return `
    SELECT a.id, c.region_code, c.kabkota_code, a.created_at AS at, a.case_id,
      ${hasRegistry ? `coalesce((SELECT p.pillar_type FROM pillars p WHERE p.user_id = a.user_id), 'tanpa_registri')` : `'tanpa_registri'`} AS pillar_type
    FROM assignments a JOIN cases c ON c.id = a.case_id
    WHERE ($1::text[] IS NULL OR c.kabkota_code = ANY($1)) AND a.created_at >= $2 AND a.created_at < $3 AND a.created_at <= $4
      AND a.status <> 'dibatalkan'`;
}

// Areas of each coverage target in the scope, with the active pillars registered before the period ended.
const AREA_BASE = `
  SELECT a.code AS id, a.code AS region_code, left(a.code, 5) AS kabkota_code, least($3::timestamptz, $4::timestamptz)::timestamptz AS at,
    a.name, t.pillar_type, t.area_level, t.per_area, coalesce(n.active, 0)::int AS active
  FROM pillar_coverage_targets t
  JOIN regions a ON a.level = t.area_level AND ($1::text[] IS NULL OR left(a.code, 5) = ANY($1))
  LEFT JOIN (
    SELECT p.pillar_type, x.level, x.code, count(*)::int AS active
    FROM pillars p
    CROSS JOIN LATERAL (VALUES ('kabkota', p.kabkota_code), ('kecamatan', p.kecamatan_code), ('desa', p.home_region_code)) AS x (level, code)
    WHERE p.status = 'aktif' AND p.created_at < least($3::timestamptz, $4::timestamptz) AND ($1::text[] IS NULL OR p.kabkota_code = ANY($1))
    GROUP BY 1, 2, 3
  ) n ON n.pillar_type = t.pillar_type AND n.level = t.area_level AND n.code = a.code
  -- Coverage is a state at the end of the window: the start ($2) is not used, only typed.
  WHERE t.per_area > 0 AND $2::timestamptz IS NOT NULL`;

const ALERT_BASE = `
  SELECT a.id, a.region_code, a.kabkota_code, a.created_at AS at, a.level, a.status,
    (a.acknowledged_at IS NOT NULL AND a.acknowledged_at <= a.due_acknowledge_at) AS acknowledged_in_time,
    EXISTS (
      SELECT 1 FROM reports r
      WHERE r.kabkota_code = a.kabkota_code AND (r.region_code = a.region_code OR r.region_code LIKE a.region_code || '.%')
        AND r.kind = 'kejadian' AND r.occurred_at > a.created_at
        AND r.occurred_at <= a.created_at + interval '${ALERT_INCIDENT_DAYS} days'
    ) AS followed_by_incident,
    EXISTS (
      SELECT 1 FROM alert_actions x WHERE x.alert_id = a.id AND (x.kind = 'tindakan' OR x.case_id IS NOT NULL)
    ) AS answered
  FROM alerts a
  WHERE ($1::text[] IS NULL OR a.kabkota_code = ANY($1)) AND a.created_at >= $2 AND a.created_at < $3 AND a.created_at <= $4`;

/** Which optional parts of the schema this database has (the pillar registry, early-warning alerts). */
export type SchemaParts = { pillars: boolean; alerts: boolean };

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

function baseSql(name: BaseName, parts: SchemaParts): string {
  if (name === 'assignment') return assignmentBase(parts.pillars);
  if (name === 'area') return AREA_BASE;
  if (name === 'alert') return ALERT_BASE;
  return BASES[name];
}

/** The predicate of each timing group over a base with priority, has_vulnerable and is_harmed. */
const GROUP_SQL: Record<TimingGroup, string> = {
  all: 'true',
  P1: `priority = 'P1'`,
  P2: `priority = 'P2'`,
  P3: `priority = 'P3'`,
  P4: `priority = 'P4'`,
  vulnerable: 'has_vulnerable',
  harmed: 'is_harmed',
  others: 'NOT is_harmed',
};

const MEASURE_BASE: Record<Measure, BaseName> = {
  acknowledge: 'report',
  response: 'case',
  resolve: 'case',
};

const OUTCOME_SQL: Record<string, string> = {
  closed_in_time: 'resolve_measured AND resolve_taken <= resolve_deadline',
  closed_late: 'resolve_measured AND resolve_taken > resolve_deadline',
  open_in_time: 'NOT resolve_measured AND NOT resolve_late',
  open_late: 'NOT resolve_measured AND resolve_late',
};
export const OUTCOMES = Object.keys(OUTCOME_SQL);

/** A set of records: the base it reads, its predicate (may use $5) and its parameter. */
type RecordSet = { base: BaseName; where: string; param?: string; measure?: Measure };

/**
 * Parses a set id as the summary's links name them: 'reports', 'reports.priority=P1', 'acknowledge.harmed',
 * 'cases.outcome=closed_late', 'pillars.gaps=tksk.kecamatan' … Undefined for an unknown id.
 */
export function findRecordSet(id: string): RecordSet | undefined {
  const [name, param] = id.split('=', 2) as [string, string | undefined];
  const keyed: Record<string, { base: BaseName; where: string }> = {
    'reports.kind': { base: 'report', where: 'kind = $5' },
    'reports.type': { base: 'report', where: 'conflict_type = $5' },
    'reports.priority': { base: 'report', where: 'priority = $5' },
    'reports.kabkota': { base: 'report', where: 'kabkota_code = $5' },
    'cases.phase': { base: 'case', where: 'phase = $5' },
    assignments: { base: 'assignment', where: 'pillar_type = $5' },
  };
  if (param !== undefined) {
    if (!/^[A-Za-z0-9_.]{1,60}$/.test(param)) return undefined;
    if (keyed[name]) return { ...keyed[name], param };
    if (name === 'cases.outcome' && OUTCOME_SQL[param]) return { base: 'case', where: OUTCOME_SQL[param] };
    if (name === 'pillars.gaps') {
      return { base: 'area', where: `pillar_type || '.' || area_level = $5 AND active < per_area`, param };
    }
    return undefined;
  }
  const plain: Record<string, { base: BaseName; where: string }> = {
    reports: { base: 'report', where: 'true' },
    incidents: { base: 'report', where: `kind = 'kejadian'` },
    'incidents.signalled': { base: 'signal', where: 'is_signalled' },
    'signals.prior': { base: 'signal', where: 'is_prior' },
    cases: { base: 'case', where: 'true' },
    'cases.closed': { base: 'closedCase', where: 'true' },
    'cases.recurred': { base: 'closedCase', where: 'recurred' },
    'referrals.made': { base: 'referral', where: 'true' },
    'referrals.completed': { base: 'referral', where: 'completed' },
    'referrals.overdue': { base: 'referral', where: 'overdue' },
    'alerts.raised': { base: 'alert', where: 'true' },
    'alerts.acknowledgedInTime': { base: 'alert', where: 'acknowledged_in_time' },
    'alerts.followedByIncident': { base: 'alert', where: 'followed_by_incident' },
    'alerts.answered': { base: 'alert', where: 'answered' },
    safety: { base: 'checkIn', where: 'is_alert' },
  };
  if (plain[name]) return plain[name];
  const [measure, group] = name.split('.') as [Measure, TimingGroup];
  if (MEASURE_BASE[measure] && GROUP_SQL[group]) {
    return {
      base: MEASURE_BASE[measure],
      where: `${GROUP_SQL[group]} AND (${measure}_measured OR ${measure}_late)`,
      measure,
    };
  }
  return undefined;
}

function windowParams(w: EvalWindow): unknown[] {
  return [w.kabkota, w.start, w.end, w.asOf];
}

// ── Figures ───────────────────────────────────────────────────────────────────────────────────

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
export type TimingNumbers = {
  measured: number;
  known: number;
  within: number;
  share: number | null;
  median: number | null;
  p90: number | null;
};

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

// Exact percentiles without sorting every record. percentile_cont sorts each group's times in full (a million
// reports: seconds). Instead: (1) one grouped pass counts each group's times per narrow bucket (1% wide on a
// log scale) and finds which buckets hold the ranks a percentile needs; (2) only the times in those buckets
// are fetched and sorted. The answer is percentile_cont's own: the same two neighbouring times, interpolated.
const BUCKET = (m: Measure) => `floor(ln(1 + greatest(${m}_taken, 0)) * 100)::int`;
const FRACTIONS = [0.5, 0.9] as const;

/** A group of records as SQL tests it and as the fetched rows of phase 2 are tested in memory. */
type GroupTest = { sql: string; test: (row: FetchedTime) => boolean };
type FetchedTime = {
  taken: number;
  bucket: number;
  priority: string;
  hasVulnerable: boolean;
  isHarmed: boolean;
  kabkota: string;
};

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
  const m = measure;
  const rows = await tx.query<{
    kabkota: string;
    priority: string;
    hasVulnerable: boolean;
    isHarmed: boolean;
    bucket: number | null;
    isWithin: boolean | null;
    n: number;
    min: number | null;
    max: number | null;
  }>(
    `WITH b AS (${BASES[MEASURE_BASE[m]]})
     SELECT kabkota_code AS kabkota, priority, has_vulnerable AS "hasVulnerable", is_harmed AS "isHarmed",
       CASE WHEN ${m}_measured THEN ${BUCKET(m)} END AS bucket,
       ${m}_measured AND ${m}_taken <= ${m}_deadline AS "isWithin", count(*)::int AS n,
       min(${m}_taken) AS min, max(${m}_taken) AS max
     FROM b WHERE ${m}_measured OR ${m}_late GROUP BY 1, 2, 3, 4, 5, 6`,
    windowParams(w),
  );
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
  const pairs = [...areaBuckets].map((key) => key.split('|'));
  // Two parts, each able to use the bucket index: the global buckets, and each kab/kota's own buckets. A
  // record may be in both; `part` keeps the global targets and the kab/kota targets to their own rows. Equal
  // times come back as one row with their count.
  const b = BASES[MEASURE_BASE[measure]];
  const columns = `${measure}_taken AS taken, ${BUCKET(measure)} AS bucket, priority, has_vulnerable AS "hasVulnerable",
    is_harmed AS "isHarmed", kabkota_code AS kabkota, count(*)::int AS n`;
  const fetched =
    globalBuckets.size + pairs.length === 0
      ? []
      : await tx.query<FetchedTime & { part: 'global' | 'area'; n: number }>(
          `WITH b AS NOT MATERIALIZED (${b})
           SELECT 'global' AS part, ${columns} FROM b WHERE ${measure}_measured AND ${BUCKET(measure)} = ANY($5::int[])
           GROUP BY 2, 3, 4, 5, 6, 7
           UNION ALL
           SELECT 'area' AS part, ${columns} FROM b
           JOIN unnest($6::text[], $7::int[]) AS x (kabkota, bucket)
             ON x.bucket = ${BUCKET(measure)} AND x.kabkota = b.kabkota_code
           WHERE ${measure}_measured
           GROUP BY 2, 3, 4, 5, 6, 7`,
          [
            ...windowParams(w),
            [...globalBuckets],
            pairs.map(([area]) => area),
            pairs.map(([, bucket]) => Number(bucket)),
          ],
        );
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
): Promise<{ closed: number; recurred: number; recurredByKabkota: Record<string, number> }> {
  const rows = await tx.query<{ code: string | null; closed: number; recurred: number }>(
    `WITH b AS (${BASES.closedCase})
     SELECT kabkota_code AS code, count(*)::int AS closed, count(*) FILTER (WHERE recurred)::int AS recurred
     FROM b GROUP BY ROLLUP (kabkota_code)`,
    windowParams(w),
  );
  const total = rows.find((row) => row.code === null);
  return {
    closed: total?.closed ?? 0,
    recurred: total?.recurred ?? 0,
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

const RECORD_TYPE: Record<BaseName, { type: string; link: (id: string) => string | null; tags: string }> = {
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
    tags: `ARRAY[priority, conflict_type, CASE WHEN recurred THEN 'kambuh' ELSE 'tidak_kambuh' END]`,
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
  const rows = await tx.query<{
    id: string;
    regionCode: string;
    at: Date;
    tags: (string | null)[];
    minutes: number | null;
    deadline: number | null;
    total: number;
  }>(
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
