// The bases of the evaluation: each a SELECT of the records of an area and a period, with the columns the
// figures test; a figure is an aggregate over a base filtered by a named predicate, and the list behind it
// is the same base filtered by the same predicate, so a number can always be questioned.
// Parameters of every base: $1 kab/kota codes, $2 start, $3 end (exclusive), $4 as-of instant.
import {
  ALERT_INCIDENT_DAYS,
  RECURRENCE_DAYS,
  SAFETY_CHECKOUT_HOURS,
  SIGNAL_WINDOW_DAYS,
} from '../../../shared/evaluation/definitions.ts';
import type { Measure, TimingGroup } from '../../../shared/evaluation/evaluation-schema.ts';

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
export const BASES = {
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
      ) AS recurred,
      -- Referrals left open at closing (handed over, migrations/0010_case_closing.sql): where they went.
      (SELECT string_agg(f.handed_over_to || ' / ' || f.handover_follow_up, '; ' ORDER BY f.created_at)
       FROM referrals f WHERE f.case_id = c.id AND f.status IN ('dirujuk', 'diterima')) AS open_referral_handovers,
      EXISTS (SELECT 1 FROM referrals f WHERE f.case_id = c.id AND f.status IN ('dirujuk', 'diterima')) AS has_open_referrals
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

export type BaseName = keyof typeof BASES;

export function assignmentBase(hasRegistry: boolean): string {
  return `
    SELECT a.id, c.region_code, c.kabkota_code, a.created_at AS at, a.case_id,
      ${hasRegistry ? `coalesce((SELECT p.pillar_type FROM pillars p WHERE p.user_id = a.user_id), 'tanpa_registri')` : `'tanpa_registri'`} AS pillar_type
    FROM assignments a JOIN cases c ON c.id = a.case_id
    WHERE ($1::text[] IS NULL OR c.kabkota_code = ANY($1)) AND a.created_at >= $2 AND a.created_at < $3 AND a.created_at <= $4
      AND a.status <> 'dibatalkan'`;
}

// Areas of each coverage target in the scope, with the active pillars registered before the period ended.
export const AREA_BASE = `
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

export const ALERT_BASE = `
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

export function baseSql(name: BaseName, parts: SchemaParts): string {
  if (name === 'assignment') return assignmentBase(parts.pillars);
  if (name === 'area') return AREA_BASE;
  if (name === 'alert') return ALERT_BASE;
  return BASES[name];
}

/** The predicate of each timing group over a base with priority, has_vulnerable and is_harmed. */
export const GROUP_SQL: Record<TimingGroup, string> = {
  all: 'true',
  P1: `priority = 'P1'`,
  P2: `priority = 'P2'`,
  P3: `priority = 'P3'`,
  P4: `priority = 'P4'`,
  vulnerable: 'has_vulnerable',
  harmed: 'is_harmed',
  others: 'NOT is_harmed',
};

export const MEASURE_BASE: Record<Measure, BaseName> = {
  acknowledge: 'report',
  response: 'case',
  resolve: 'case',
};

export const OUTCOME_SQL: Record<string, string> = {
  closed_in_time: 'resolve_measured AND resolve_taken <= resolve_deadline',
  closed_late: 'resolve_measured AND resolve_taken > resolve_deadline',
  open_in_time: 'NOT resolve_measured AND NOT resolve_late',
  open_late: 'NOT resolve_measured AND resolve_late',
};
export const OUTCOMES = Object.keys(OUTCOME_SQL);

/** A set of records: the base it reads, its predicate (may use $5) and its parameter. */
export type RecordSet = { base: BaseName; where: string; param?: string; measure?: Measure };

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
    'cases.closedWithOpenReferrals': { base: 'closedCase', where: 'has_open_referrals' },
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

export function windowParams(w: EvalWindow): unknown[] {
  return [w.kabkota, w.start, w.end, w.asOf];
}

/** Minutes to two decimals, as every time figure is shown. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
