import type { Tx } from '../platform/db.ts';
import type { DemoExtras } from './demo-extras.ts';

// Bulk writes of the demo's groups, calendar, workshops and lessons, system rights only: one INSERT … SELECT
// FROM jsonb_to_recordset per table.

const rows = (items: readonly unknown[]) => JSON.stringify(items);

export async function insertGroups(tx: Tx, x: DemoExtras, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO actor_groups (id, kind, name, short_name, name_key, description, created_at, updated_at)
     SELECT id, kind, name, "shortName", "nameKey", description, $2, $2
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, kind text, name text, "shortName" text, "nameKey" text, description text)`,
    [rows(x.groups), now],
  );
  await tx.query(
    `INSERT INTO actor_group_branches (id, group_id, level, region_code, name, created_at)
     SELECT id, "groupId", level, "regionCode", name, $2
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "groupId" uuid, level text, "regionCode" text, name text)`,
    [rows(x.branches), now],
  );
  await tx.query(
    `INSERT INTO actor_group_rivalries (group_a, group_b, intensity, status, note, created_at, updated_at)
     SELECT "groupA", "groupB", intensity, status, note, $2, $2
     FROM jsonb_to_recordset($1::jsonb) AS r("groupA" uuid, "groupB" uuid, intensity text, status text, note text)`,
    [rows(x.rivalries), now],
  );
  await tx.query(
    `INSERT INTO peace_agreements (id, title, region_code, place, signed_on, body, case_id, created_by, created_at)
     SELECT id, title, "regionCode", place, "signedOn", body, "caseId", "createdBy", "createdAt"
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, title text, "regionCode" text, place text, "signedOn" date,
       body text, "caseId" uuid, "createdBy" uuid, "createdAt" timestamptz)`,
    [rows(x.agreements)],
  );
  await tx.query(
    `INSERT INTO peace_agreement_parties (agreement_id, group_id)
     SELECT (r->>'agreementId')::uuid, (r->>'groupId')::uuid FROM jsonb_array_elements($1::jsonb) AS r`,
    [rows(x.agreements.flatMap((a) => a.parties.map((groupId) => ({ agreementId: a.id, groupId }))))],
  );
}

export async function insertEvents(tx: Tx, x: DemoExtras): Promise<void> {
  await tx.query(
    `INSERT INTO calendar_events (id, kind, title, description, starts_at, ends_at, region_code, route_region_codes,
       expected_crowd, status, checklist, review, reviewed_by, reviewed_at, created_by, created_at, updated_at)
     SELECT id, kind, title, description, "startsAt", "endsAt", "regionCode",
       ARRAY(SELECT jsonb_array_elements_text("routeRegionCodes")), "expectedCrowd", status, checklist, review,
       "reviewedBy", "reviewedAt", "createdBy", "createdAt", coalesce("reviewedAt", "createdAt")
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, kind text, title text, description text, "startsAt" timestamptz,
       "endsAt" timestamptz, "regionCode" text, "routeRegionCodes" jsonb, "expectedCrowd" int, status text,
       checklist jsonb, review jsonb, "reviewedBy" uuid, "reviewedAt" timestamptz, "createdBy" uuid, "createdAt" timestamptz)`,
    [rows(x.events)],
  );
  await tx.query(
    `INSERT INTO calendar_event_groups (event_id, group_id)
     SELECT (r->>'eventId')::uuid, (r->>'groupId')::uuid FROM jsonb_array_elements($1::jsonb) AS r`,
    [rows(x.events.flatMap((e) => e.groupIds.map((groupId) => ({ eventId: e.id, groupId }))))],
  );
}

export async function insertWorkshops(tx: Tx, x: DemoExtras): Promise<void> {
  await tx.query(
    `INSERT INTO workshops (id, topic, starts_at, place, bakorwil_id, facilitators, status, notes, evaluation_scope,
       evaluation_from, evaluation_to, created_by, created_at, updated_at)
     SELECT id, topic, "startsAt", place, "bakorwilId", ARRAY(SELECT jsonb_array_elements_text(facilitators)), status,
       notes, evaluation->>'scope', (evaluation->>'from')::date, (evaluation->>'to')::date, "createdBy", "createdAt", "createdAt"
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, topic text, "startsAt" timestamptz, place text, "bakorwilId" text,
       facilitators jsonb, status text, notes text, evaluation jsonb, "createdBy" uuid, "createdAt" timestamptz)`,
    [rows(x.workshops)],
  );
  await tx.query(
    `INSERT INTO workshop_participants (workshop_id, user_id, name, role_label, kabkota_code, attendance, attendance_at)
     SELECT r."workshopId", u.id, u.display_name, u.role, left(u.scope_region_code, 5), r.attendance,
       CASE WHEN r.attendance <> 'diundang' THEN r."startsAt" END
     FROM jsonb_to_recordset($1::jsonb) AS r("workshopId" uuid, "userId" uuid, attendance text, "startsAt" timestamptz)
     JOIN users u ON u.id = r."userId"`,
    [
      rows(
        x.workshops.flatMap((w) =>
          w.participants.map((p) => ({ workshopId: w.id, startsAt: w.startsAt, ...p })),
        ),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO workshop_actions (workshop_id, description, owner_user_id, owner_name, due_on, status, done_note,
       done_at, done_by, created_by, created_at)
     SELECT "workshopId", description, "ownerUserId", "ownerName", "dueOn", status, "doneNote", "doneAt",
       CASE WHEN status = 'selesai' THEN "ownerUserId" END, "createdBy", "createdAt"
     FROM jsonb_to_recordset($1::jsonb) AS r("workshopId" uuid, description text, "ownerUserId" uuid, "ownerName" text,
       "dueOn" date, status text, "doneNote" text, "doneAt" timestamptz, "createdBy" uuid, "createdAt" timestamptz)`,
    [
      rows(
        x.workshops.flatMap((w) =>
          w.actions.map((a) => ({ workshopId: w.id, createdBy: w.createdBy, createdAt: w.startsAt, ...a })),
        ),
      ),
    ],
  );
}

export async function insertLessons(tx: Tx, x: DemoExtras): Promise<void> {
  await tx.query(
    `INSERT INTO lessons (id, title, situation, actions_taken, what_worked, what_to_avoid, conflict_type, region_code,
       kabkota_code, tags, status, author_id, created_at, updated_at, submitted_at, published_at, published_by)
     SELECT id, title, situation, "actionsTaken", "whatWorked", "whatToAvoid", "conflictType", "regionCode",
       "kabkotaCode", ARRAY(SELECT jsonb_array_elements_text(tags)), 'terbit', "authorId", "createdAt", "publishedAt",
       "createdAt", "publishedAt", "publishedBy"
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, title text, situation text, "actionsTaken" text, "whatWorked" text,
       "whatToAvoid" text, "conflictType" text, "regionCode" text, "kabkotaCode" text, tags jsonb, "authorId" uuid,
       "createdAt" timestamptz, "publishedAt" timestamptz, "publishedBy" uuid)`,
    [rows(x.lessons)],
  );
  await tx.query(
    `INSERT INTO lesson_cases (lesson_id, case_id)
     SELECT (r->>'lessonId')::uuid, (r->>'caseId')::uuid FROM jsonb_array_elements($1::jsonb) AS r`,
    [rows(x.lessons.flatMap((l) => l.caseIds.map((caseId) => ({ lessonId: l.id, caseId }))))],
  );
}

/** Regions above normal after the levels were computed, with no open alert in them or (for a kab/kota) under them. */
export async function listLevelsWithoutAlert(
  tx: Tx,
  kabkotaCodes: readonly string[],
): Promise<
  {
    regionCode: string;
    regionName: string;
    kabkotaName: string;
    level: 'waspada' | 'siaga' | 'awas';
    factors: unknown[];
  }[]
> {
  return tx.query(
    `SELECT l.region_code AS "regionCode", g.name AS "regionName", k.name AS "kabkotaName", l.level, l.factors
     FROM region_levels l JOIN regions g ON g.code = l.region_code JOIN regions k ON k.code = left(l.region_code, 5)
     WHERE l.level <> 'normal' AND left(l.region_code, 5) = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.status IN ('aktif', 'diterima')
         AND (a.region_code = l.region_code OR a.region_code LIKE l.region_code || '.%'))
     ORDER BY length(l.region_code) DESC, l.region_code`,
    [kabkotaCodes],
  );
}

/** Gives a demo pillar a phone, so that its messages report as its account. */
export async function setPillarPhone(tx: Tx, pillarId: string, phone: string): Promise<void> {
  await tx.query('UPDATE pillars SET phone = $2 WHERE id = $1', [pillarId, phone]);
}
