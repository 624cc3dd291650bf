import type { Priority } from '../../shared/reports/report-schema.ts';
import type { SlaMinutes } from '../../shared/reports/triage.ts';
import type { Tx } from '../platform/db.ts';
import type { DemoAgency, DemoCase, DemoDuplicate, DemoPillar, DemoRegions, DemoUser } from './demo-data.ts';

// Bulk writes of the demo data, system rights only: each statement takes a JSON array of rows and inserts
// them with one INSERT … SELECT FROM jsonb_to_recordset, so a chunk of hundreds of rows is one round trip.

const rows = (items: readonly unknown[]) => JSON.stringify(items);

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
  await tx.query(
    `INSERT INTO agencies (id, name, kabkota_code)
     SELECT id, name, kabkota_code FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, kabkota_code text)
     ON CONFLICT (id) DO NOTHING`,
    [rows(agencies.map((a) => ({ id: a.id, name: a.name, kabkota_code: a.kabkotaCode })))],
  );
}

/** Users, all with the same password hash (the demo has one documented password). */
export async function insertUsers(tx: Tx, users: readonly DemoUser[], passwordHash: string): Promise<void> {
  await tx.query(
    `INSERT INTO users (id, username, display_name, role, scope_region_code, scope_bakorwil_id, agency_id,
       password_hash, created_at, password_changed_at)
     SELECT id, username, display_name, role, scope_region_code, scope_bakorwil_id, agency_id, $2, created_at, created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, username text, display_name text, role text,
       scope_region_code text, scope_bakorwil_id text, agency_id text, created_at timestamptz)`,
    [
      rows(
        users.map((u) => ({
          id: u.id,
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          scope_region_code: u.scopeRegionCode,
          scope_bakorwil_id: u.scopeBakorwilId,
          agency_id: u.agencyId,
          created_at: u.createdAt,
        })),
      ),
      passwordHash,
    ],
  );
}

/** Registry entries of the field pillars who have a user account. */
export async function insertPillars(tx: Tx, pillars: readonly DemoPillar[]): Promise<void> {
  await tx.query(
    `INSERT INTO pillars (id, pillar_type, name, name_key, home_region_code, skills, user_id, created_by,
       created_at, updated_at)
     SELECT id, pillar_type, name, name_key, home_region_code, skills, user_id, created_by, created_at, created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, pillar_type text, name text, name_key text,
       home_region_code text, skills text[], user_id uuid, created_by uuid, created_at timestamptz)`,
    [
      rows(
        pillars.map((p) => ({
          id: p.id,
          pillar_type: p.pillarType,
          name: p.name,
          name_key: p.nameKey,
          home_region_code: p.homeRegionCode,
          skills: p.skills,
          user_id: p.userId,
          created_by: p.createdBy,
          created_at: p.createdAt,
        })),
      ),
    ],
  );
}

/** A report row in the columns of the reports table (snake_case), content hash computed by the caller. */
export type ReportRecord = Record<string, unknown>;

export async function insertReports(tx: Tx, reports: readonly ReportRecord[]): Promise<void> {
  await tx.query(
    `INSERT INTO reports (id, kind, conflict_type, triggers, groups_involved, region_code, kabkota_code,
       kecamatan_code, occurred_at, violence_ongoing, description, involved, injured, dead, displaced,
       houses_damaged, vulnerable, has_vulnerable, needs, channel, reporter_id, status, status_reason,
       duplicate_of, priority, priority_rank, priority_reasons, version, content_hash, created_at, updated_at,
       acknowledged_at, acknowledged_by, verified_at, verified_by, due_acknowledge_at, handling_level,
       escalated_at, case_id, dedup_checked_at)
     SELECT id, kind, conflict_type, triggers, groups_involved, region_code, kabkota_code,
       kecamatan_code, occurred_at, violence_ongoing, description, involved, injured, dead, displaced,
       houses_damaged, vulnerable, has_vulnerable, needs, channel, reporter_id, status, status_reason,
       duplicate_of, priority, priority_rank, priority_reasons, version, content_hash, created_at, updated_at,
       acknowledged_at, acknowledged_by, verified_at, verified_by, due_acknowledge_at, handling_level,
       escalated_at, case_id, dedup_checked_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, kind text, conflict_type text, triggers text[],
       groups_involved text, region_code text, kabkota_code text, kecamatan_code text, occurred_at timestamptz,
       violence_ongoing boolean, description text, involved int, injured int, dead int, displaced int,
       houses_damaged int, vulnerable jsonb, has_vulnerable boolean, needs text[], channel text, reporter_id uuid,
       status text, status_reason text, duplicate_of uuid, priority text, priority_rank smallint,
       priority_reasons text[], version int, content_hash text, created_at timestamptz, updated_at timestamptz,
       acknowledged_at timestamptz, acknowledged_by uuid, verified_at timestamptz, verified_by uuid,
       due_acknowledge_at timestamptz, handling_level text, escalated_at timestamptz, case_id uuid,
       dedup_checked_at timestamptz)`,
    [rows(reports)],
  );
}

export async function insertDuplicateSuggestions(tx: Tx, pairs: readonly DemoDuplicate[]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.query(
    `INSERT INTO duplicate_suggestions (report_id, candidate_id, similarity, created_at)
     SELECT report_id, candidate_id, similarity, created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(report_id uuid, candidate_id uuid, similarity real, created_at timestamptz)`,
    [
      rows(
        pairs.map((p) => ({
          report_id: p.reportId,
          candidate_id: p.candidateId,
          similarity: p.similarity,
          created_at: p.createdAt,
        })),
      ),
    ],
  );
}

/** Cases with everything that hangs off them; follow-ups carry the content hash the caller computed. */
export async function insertCases(
  tx: Tx,
  cases: readonly DemoCase[],
  followUpHash: (f: DemoCase['followUps'][number]) => string,
): Promise<void> {
  await tx.query(
    `INSERT INTO cases (id, title, region_code, kabkota_code, conflict_type, phase, recovery_steps, outcome, summary,
       priority, has_vulnerable, version, created_by, created_at, updated_at, closed_at, due_response_at,
       due_resolve_at, first_response_at, handling_level, escalated_at, escalation_reason)
     SELECT id, title, region_code, kabkota_code, conflict_type, phase, recovery_steps, outcome, summary,
       priority, has_vulnerable, version, created_by, created_at, updated_at, closed_at, due_response_at,
       due_resolve_at, first_response_at, handling_level, escalated_at, escalation_reason
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, title text, region_code text, kabkota_code text,
       conflict_type text, phase text, recovery_steps text[], outcome text, summary text, priority text,
       has_vulnerable boolean, version int, created_by uuid, created_at timestamptz, updated_at timestamptz,
       closed_at timestamptz, due_response_at timestamptz, due_resolve_at timestamptz,
       first_response_at timestamptz, handling_level text, escalated_at timestamptz, escalation_reason text)`,
    [
      rows(
        cases.map((c) => ({
          id: c.id,
          title: c.title,
          region_code: c.regionCode,
          kabkota_code: c.kabkotaCode,
          conflict_type: c.conflictType,
          phase: c.phase,
          recovery_steps: c.recoverySteps,
          outcome: c.outcome,
          summary: c.summary,
          priority: c.priority,
          has_vulnerable: c.hasVulnerable,
          version: c.version,
          created_by: c.createdBy,
          created_at: c.createdAt,
          updated_at: c.updatedAt,
          closed_at: c.closedAt,
          due_response_at: c.dueResponseAt,
          due_resolve_at: c.dueResolveAt,
          first_response_at: c.firstResponseAt,
          handling_level: c.handlingLevel,
          escalated_at: c.escalatedAt,
          escalation_reason: c.escalationReason,
        })),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO case_timeline (case_id, at, actor_id, kind, details)
     SELECT case_id, at, actor_id, kind, details
     FROM jsonb_to_recordset($1::jsonb) AS r(case_id uuid, at timestamptz, actor_id uuid, kind text, details jsonb)
     ORDER BY at`,
    [
      rows(
        cases.flatMap((c) =>
          c.timeline.map((t) => ({
            case_id: c.id,
            at: t.at,
            actor_id: t.actorId,
            kind: t.kind,
            details: t.details,
          })),
        ),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO assignments (id, case_id, user_id, assigned_by, task, due_at, status, created_at)
     SELECT id, case_id, user_id, assigned_by, task, due_at, status, created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, case_id uuid, user_id uuid, assigned_by uuid, task text,
       due_at timestamptz, status text, created_at timestamptz)`,
    [
      rows(
        cases.flatMap((c) =>
          c.assignments.map((a) => ({
            id: a.id,
            case_id: c.id,
            user_id: a.userId,
            assigned_by: a.assignedBy,
            task: a.task,
            due_at: a.dueAt,
            status: a.status,
            created_at: a.createdAt,
          })),
        ),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO dispositions (id, case_id, agency_id, instruction, due_at, status, answer, answered_at, answered_by,
       created_by, created_at)
     SELECT id, case_id, agency_id, instruction, due_at, status, answer, answered_at, answered_by, created_by, created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, case_id uuid, agency_id text, instruction text,
       due_at timestamptz, status text, answer text, answered_at timestamptz, answered_by uuid, created_by uuid,
       created_at timestamptz)`,
    [
      rows(
        cases.flatMap((c) =>
          c.dispositions.map((d) => ({
            id: d.id,
            case_id: c.id,
            agency_id: d.agencyId,
            instruction: d.instruction,
            due_at: d.dueAt,
            status: d.status,
            answer: d.answer,
            answered_at: d.answeredAt,
            answered_by: d.answeredBy,
            created_by: d.createdBy,
            created_at: d.createdAt,
          })),
        ),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO follow_ups (id, case_id, author_id, kind, action, occurred_at, region_code, content_hash, created_at)
     SELECT id, case_id, author_id, kind, action, occurred_at, region_code, content_hash, created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, case_id uuid, author_id uuid, kind text, action text,
       occurred_at timestamptz, region_code text, content_hash text, created_at timestamptz)`,
    [
      rows(
        cases.flatMap((c) =>
          c.followUps.map((f) => ({
            id: f.id,
            case_id: c.id,
            author_id: f.authorId,
            kind: f.kind,
            action: f.action,
            occurred_at: f.occurredAt,
            region_code: f.regionCode,
            content_hash: followUpHash(f),
            created_at: f.createdAt,
          })),
        ),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO vulnerable_people (id, case_id, full_name, age, vulnerable_group, needs, guardian_name,
       guardian_consent, created_by, created_at)
     SELECT id, case_id, full_name, age, vulnerable_group, needs, guardian_name, guardian_consent, created_by, created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, case_id uuid, full_name text, age int, vulnerable_group text,
       needs text[], guardian_name text, guardian_consent boolean, created_by uuid, created_at timestamptz)`,
    [
      rows(
        cases.flatMap((c) =>
          c.people.map((p) => ({
            id: p.id,
            case_id: c.id,
            full_name: p.fullName,
            age: p.age,
            vulnerable_group: p.group,
            needs: p.needs,
            guardian_name: p.guardianName,
            guardian_consent: p.guardianConsent,
            created_by: p.createdBy,
            created_at: p.createdAt,
          })),
        ),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO referrals (id, person_id, case_id, service, provider, due_at, status, created_by, created_at,
       completed_at)
     SELECT id, person_id, case_id, service, provider, due_at, status, created_by, created_at, completed_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, person_id uuid, case_id uuid, service text, provider text,
       due_at timestamptz, status text, created_by uuid, created_at timestamptz, completed_at timestamptz)`,
    [
      rows(
        cases.flatMap((c) =>
          c.referrals.map((r) => ({
            id: r.id,
            person_id: r.personId,
            case_id: c.id,
            service: r.service,
            provider: r.provider,
            due_at: r.dueAt,
            status: r.status,
            created_by: r.createdBy,
            created_at: r.createdAt,
            completed_at: r.completedAt,
          })),
        ),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO grants (subject_type, subject_id, grantee_kind, grantee, reason)
     SELECT 'case', subject_id, grantee_kind, grantee, reason
     FROM jsonb_to_recordset($1::jsonb) AS r(subject_id uuid, grantee_kind text, grantee text, reason text)
     ON CONFLICT DO NOTHING`,
    [
      rows(
        cases.flatMap((c) =>
          c.grants.map((g) => ({
            subject_id: c.id,
            grantee_kind: g.kind,
            grantee: g.grantee,
            reason: g.reason,
          })),
        ),
      ),
    ],
  );
}
