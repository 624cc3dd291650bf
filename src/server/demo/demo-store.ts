import type { Priority } from '../../shared/reports/report-schema.ts';
import type { SlaMinutes } from '../../shared/reports/triage.ts';
import type { Tx } from '../platform/db.ts';
import type { DemoAgency, DemoCase, DemoDuplicate, DemoPillar, DemoRegions, DemoUser } from './demo-data.ts';
import { insertRecordset } from './demo-recordset.ts';

// Bulk writes of the demo data, system rights only: each statement takes a JSON array of rows and inserts
// them with one INSERT … SELECT FROM jsonb_to_recordset (demo-recordset.ts).

export async function countReports(tx: Tx): Promise<number> {
  return (await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM reports'))!.n;
}

export async function findUsernames(tx: Tx, usernames: readonly string[]): Promise<string[]> {
  const found = await tx.query<{ username: string }>(
    'SELECT username FROM users WHERE lower(username) = ANY($1::text[]) ORDER BY username',
    [usernames.map((u) => u.toLowerCase())],
  );
  return found.map((row) => row.username);
}

/** The kab/kota, kecamatan and desa/kelurahan under the given kab/kota codes; empty lists when not loaded. */
export async function loadRegions(tx: Tx, kabkotaCodes: readonly string[]): Promise<DemoRegions> {
  const all = await tx.query<{ code: string; name: string; level: string; parentCode: string }>(
    `SELECT code, name, level, parent_code AS "parentCode" FROM regions
     WHERE left(code, 5) = ANY($1::text[]) ORDER BY code`,
    [kabkotaCodes],
  );
  return {
    kabkota: all.filter((r) => r.level === 'kabkota').map(({ code, name }) => ({ code, name })),
    kecamatan: all.filter((r) => r.level === 'kecamatan'),
    desa: all.filter((r) => r.level === 'desa'),
  };
}

export async function findBakorwilMembers(tx: Tx, id: string): Promise<string[]> {
  const found = await tx.query<{ code: string }>(
    'SELECT kabkota_code AS code FROM bakorwil_members WHERE bakorwil_id = $1 ORDER BY 1',
    [id],
  );
  return found.map((row) => row.code);
}

export async function loadSlaTable(tx: Tx): Promise<Record<Priority, SlaMinutes>> {
  const found = await tx.query<{ priority: Priority } & SlaMinutes>(
    `SELECT priority, acknowledge_minutes AS acknowledge, response_minutes AS response, resolve_minutes AS resolve
     FROM sla_settings`,
  );
  return Object.fromEntries(found.map(({ priority, ...sla }) => [priority, sla])) as Record<
    Priority,
    SlaMinutes
  >;
}

/** Partner agencies; one that already exists (same id) is left as it is. */
export async function insertAgencies(tx: Tx, agencies: readonly DemoAgency[]): Promise<void> {
  await insertRecordset(tx, 'agencies', 'id text, name text, kabkota_code text', agencies, {
    tail: 'ON CONFLICT (id) DO NOTHING',
  });
}

/** Users, all with the same password hash (the demo has one documented password). */
export async function insertUsers(tx: Tx, users: readonly DemoUser[], passwordHash: string): Promise<void> {
  await insertRecordset(
    tx,
    'users',
    `id uuid, username text, display_name text, role text, scope_region_code text, scope_bakorwil_id text,
       agency_id text, created_at timestamptz`,
    users,
    { computed: { password_hash: '$2', password_changed_at: 'created_at' }, params: [passwordHash] },
  );
}

/** Registry entries of the field pillars who have a user account. */
export async function insertPillars(tx: Tx, pillars: readonly DemoPillar[]): Promise<void> {
  await insertRecordset(
    tx,
    'pillars',
    `id uuid, pillar_type text, name text, name_key text, home_region_code text, skills text[], user_id uuid,
       created_by uuid, created_at timestamptz`,
    pillars,
    { computed: { updated_at: 'created_at' } },
  );
}

/** A report row in the columns of the reports table (snake_case), content hash computed by the caller. */
export type ReportRecord = Record<string, unknown>;

export async function insertReports(tx: Tx, reports: readonly ReportRecord[]): Promise<void> {
  await insertRecordset(
    tx,
    'reports',
    `id uuid, kind text, conflict_type text, triggers text[], groups_involved text, region_code text,
       kabkota_code text, kecamatan_code text, occurred_at timestamptz, violence_ongoing boolean, description text,
       involved int, injured int, dead int, displaced int, houses_damaged int, vulnerable jsonb,
       has_vulnerable boolean, needs text[], channel text, reporter_id uuid, status text, status_reason text,
       duplicate_of uuid, priority text, priority_rank smallint, priority_reasons text[], version int,
       content_hash text, created_at timestamptz, updated_at timestamptz, acknowledged_at timestamptz,
       acknowledged_by uuid, verified_at timestamptz, verified_by uuid, due_acknowledge_at timestamptz,
       handling_level text, escalated_at timestamptz, case_id uuid, dedup_checked_at timestamptz`,
    reports,
    { byColumn: true },
  );
}

export async function insertDuplicateSuggestions(tx: Tx, pairs: readonly DemoDuplicate[]): Promise<void> {
  if (pairs.length === 0) return;
  await insertRecordset(
    tx,
    'duplicate_suggestions',
    'report_id uuid, candidate_id uuid, similarity real, created_at timestamptz',
    pairs,
  );
}

/** Cases with everything that hangs off them; follow-ups carry the content hash the caller computed. */
export async function insertCases(
  tx: Tx,
  cases: readonly DemoCase[],
  followUpHash: (f: DemoCase['followUps'][number]) => string,
): Promise<void> {
  await insertRecordset(
    tx,
    'cases',
    `id uuid, title text, region_code text, kabkota_code text, conflict_type text, phase text,
       recovery_steps text[], outcome text, summary text, priority text, has_vulnerable boolean, version int,
       created_by uuid, created_at timestamptz, updated_at timestamptz, closed_at timestamptz,
       due_response_at timestamptz, due_resolve_at timestamptz, first_response_at timestamptz,
       handling_level text, escalated_at timestamptz, escalation_reason text`,
    cases,
  );
  const under = <T extends object>(list: (c: DemoCase) => readonly T[]) =>
    cases.flatMap((c) => list(c).map((item) => ({ ...item, caseId: c.id })));
  await insertRecordset(
    tx,
    'case_timeline',
    'case_id uuid, at timestamptz, actor_id uuid, kind text, details jsonb',
    under((c) => c.timeline),
    { tail: 'ORDER BY at' },
  );
  await insertRecordset(
    tx,
    'assignments',
    `id uuid, case_id uuid, user_id uuid, assigned_by uuid, task text, due_at timestamptz, status text,
       created_at timestamptz`,
    under((c) => c.assignments),
  );
  await insertRecordset(
    tx,
    'dispositions',
    `id uuid, case_id uuid, agency_id text, instruction text, due_at timestamptz, status text, answer text,
       answered_at timestamptz, answered_by uuid, created_by uuid, created_at timestamptz`,
    under((c) => c.dispositions),
  );
  await insertRecordset(
    tx,
    'follow_ups',
    `id uuid, case_id uuid, author_id uuid, kind text, action text, occurred_at timestamptz, region_code text,
       content_hash text, created_at timestamptz`,
    under((c) => c.followUps.map((f) => ({ ...f, contentHash: followUpHash(f) }))),
  );
  await insertRecordset(
    tx,
    'vulnerable_people',
    `id uuid, case_id uuid, full_name text, age int, vulnerable_group text, needs text[], guardian_name text,
       guardian_consent boolean, created_by uuid, created_at timestamptz`,
    under((c) => c.people.map((p) => ({ ...p, vulnerableGroup: p.group }))),
  );
  await insertRecordset(
    tx,
    'referrals',
    `id uuid, person_id uuid, case_id uuid, service text, provider text, due_at timestamptz, status text,
       created_by uuid, created_at timestamptz, completed_at timestamptz`,
    under((c) => c.referrals),
  );
  await insertRecordset(
    tx,
    'grants',
    'subject_id uuid, grantee_kind text, grantee text, reason text',
    cases.flatMap((c) =>
      c.grants.map((g) => ({ subjectId: c.id, granteeKind: g.kind, grantee: g.grantee, reason: g.reason })),
    ),
    { computed: { subject_type: "'case'" }, tail: 'ON CONFLICT DO NOTHING' },
  );
}
