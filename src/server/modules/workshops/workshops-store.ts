// Over 450 lines on purpose: every statement on the workshop tables, each a few lines, kept beside each other.
// SQL of workshops: the plan, participants and attendance, materials, action items and reminders.

import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import type {
  Workshop,
  WorkshopAction,
  WorkshopActionItem,
  WorkshopParticipant,
  WorkshopSummary,
} from '../../../shared/workshops/workshop-rules.ts';
import type { Tx } from '../../platform/db.ts';

export type WorkshopRecord = Workshop;

const SELECT = `
  SELECT w.id, w.topic, w.starts_at AS "startsAt", w.place, w.bakorwil_id AS "bakorwilId", w.kabkota_code AS "kabkotaCode",
    coalesce(b.name, g.name) AS "areaName", w.facilitators, w.status, w.notes, w.evaluation_scope AS "evaluationScope",
    to_char(w.evaluation_from, 'YYYY-MM-DD') AS "evaluationFrom", to_char(w.evaluation_to, 'YYYY-MM-DD') AS "evaluationTo",
    w.version, w.created_by AS "createdBy", w.created_at AS "createdAt", w.updated_at AS "updatedAt"
  FROM workshops w LEFT JOIN bakorwil b ON b.id = w.bakorwil_id LEFT JOIN regions g ON g.code = w.kabkota_code`;

function toWorkshop(row: Record<string, unknown>): WorkshopRecord {
  const { evaluationScope, evaluationFrom, evaluationTo, ...rest } = row;
  return {
    ...(rest as Omit<WorkshopRecord, 'evaluation'>),
    startsAt: toWibIso(row.startsAt as Date),
    createdAt: toWibIso(row.createdAt as Date),
    updatedAt: toWibIso(row.updatedAt as Date),
    evaluation: evaluationScope
      ? { scope: evaluationScope as string, from: evaluationFrom as string, to: evaluationTo as string }
      : null,
  };
}

export type WorkshopRow = {
  topic: string;
  startsAt: string;
  place: string;
  bakorwilId: string | null;
  kabkotaCode: string | null;
  facilitators: string[];
  notes: string;
  evaluation: { scope: string; from: string; to: string } | null;
};

/** The evaluation a workshop discusses as its three columns (scope, from, to), all null when it has none. */
function evaluationColumns(evaluation: WorkshopRow['evaluation']): (string | null)[] {
  return [evaluation?.scope ?? null, evaluation?.from ?? null, evaluation?.to ?? null];
}

export async function insertWorkshop(
  tx: Tx,
  w: WorkshopRow & { createdBy: string; now: Date },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO workshops (topic, starts_at, place, bakorwil_id, kabkota_code, facilitators, notes, evaluation_scope,
       evaluation_from, evaluation_to, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
    [
      w.topic,
      w.startsAt,
      w.place,
      w.bakorwilId,
      w.kabkotaCode,
      w.facilitators,
      w.notes,
      ...evaluationColumns(w.evaluation),
      w.createdBy,
      w.now,
    ],
  );
}

export async function updateWorkshop(
  tx: Tx,
  id: string,
  version: number,
  w: Omit<WorkshopRow, 'bakorwilId' | 'kabkotaCode'> & { status: string },
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE workshops SET topic = $3, starts_at = $4, place = $5, facilitators = $6, notes = $7, status = $8,
       evaluation_scope = $9, evaluation_from = $10, evaluation_to = $11, version = version + 1, updated_at = $12
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      w.topic,
      w.startsAt,
      w.place,
      w.facilitators,
      w.notes,
      w.status,
      ...evaluationColumns(w.evaluation),
      now,
    ],
  );
  return rows.length === 1;
}

export async function findWorkshop(tx: Tx, id: string): Promise<WorkshopRecord | undefined> {
  const row = await tx.one(`${SELECT} WHERE w.id = $1`, [id]);
  return row ? toWorkshop(row) : undefined;
}

/** Workshops the actor sees, latest first, with their participants, attendance and open action items. */
export async function listWorkshops(
  tx: Tx,
  now: Date,
  filter: { from?: Date; to?: Date; limit: number },
): Promise<WorkshopSummary[]> {
  const rows = await tx.query(
    `SELECT s.*,
       (SELECT count(*) FROM workshop_participants p WHERE p.workshop_id = s.id)::int AS "participantCount",
       (SELECT count(*) FROM workshop_participants p WHERE p.workshop_id = s.id AND p.attendance = 'hadir')::int AS "attendedCount",
       (SELECT count(*) FROM workshop_actions a WHERE a.workshop_id = s.id AND a.status = 'terbuka')::int AS "openActionCount",
       (SELECT count(*) FROM workshop_actions a WHERE a.workshop_id = s.id AND a.status = 'terbuka'
          AND a.due_on < ($4::timestamptz AT TIME ZONE 'Asia/Jakarta')::date)::int AS "overdueActionCount"
     FROM (${SELECT} WHERE ($1::timestamptz IS NULL OR w.starts_at >= $1) AND ($2::timestamptz IS NULL OR w.starts_at < $2)
           ORDER BY w.starts_at DESC LIMIT $3) s
     ORDER BY s."startsAt" DESC`,
    [filter.from ?? null, filter.to ?? null, filter.limit, now],
  );
  return rows.map((row) => ({
    ...toWorkshop(row),
    participantCount: Number(row.participantCount),
    attendedCount: Number(row.attendedCount),
    openActionCount: Number(row.openActionCount),
    overdueActionCount: Number(row.overdueActionCount),
  }));
}

/** True when the actor may plan and run workshops of the area (the database's own rule). */
export async function canRunArea(
  tx: Tx,
  bakorwilId: string | null,
  kabkotaCode: string | null,
): Promise<boolean> {
  const row = await tx.one<{ ok: boolean }>('SELECT sigap_runs_workshop($1, $2) AS ok', [
    bakorwilId,
    kabkotaCode,
  ]);
  return row?.ok ?? false;
}

/** The kab/kota of an area: its members for a Bakorwil, itself for a kab/kota. */
export async function areaKabkota(
  tx: Tx,
  bakorwilId: string | null,
  kabkotaCode: string | null,
): Promise<string[]> {
  if (kabkotaCode) return [kabkotaCode];
  const rows = await tx.query<{ code: string }>(
    'SELECT kabkota_code AS code FROM bakorwil_members WHERE bakorwil_id = $1 ORDER BY 1',
    [bakorwilId],
  );
  return rows.map((row) => row.code);
}

export type ParticipantRecord = WorkshopParticipant;

export async function listParticipants(tx: Tx, workshopId: string): Promise<ParticipantRecord[]> {
  const rows = await tx.query<Record<string, unknown>>(
    `SELECT id, user_id AS "userId", pillar_id AS "pillarId", name, role_label AS "roleLabel", kabkota_code AS "kabkotaCode",
       attendance, attendance_at AS "attendanceAt"
     FROM workshop_participants WHERE workshop_id = $1 ORDER BY kabkota_code NULLS FIRST, name`,
    [workshopId],
  );
  return rows.map((row) => ({
    ...(row as ParticipantRecord),
    attendanceAt: toWibIsoOrNull(row.attendanceAt as Date),
  }));
}

/** Invites users: by id, or every active user of `role` whose scope lies in `regions`. Returns the new invitees. */
export async function inviteUsers(
  tx: Tx,
  workshopId: string,
  byIds: readonly string[],
  byRole: { role: string; regions: readonly string[]; bakorwilIds: readonly string[] } | null,
): Promise<string[]> {
  const rows = await tx.query<{ userId: string }>(
    `INSERT INTO workshop_participants (workshop_id, user_id, name, role_label, kabkota_code)
     SELECT $1, u.id, u.display_name, u.role, left(u.scope_region_code, 5)
     FROM users u
     WHERE u.is_active AND (u.id = ANY($2::uuid[])
       OR ($3::text IS NOT NULL AND u.role = $3 AND (
         EXISTS (SELECT 1 FROM unnest($4::text[]) p WHERE u.scope_region_code = p OR u.scope_region_code LIKE p || '.%')
         OR u.scope_bakorwil_id = ANY($5::text[]))))
     ON CONFLICT DO NOTHING RETURNING user_id AS "userId"`,
    [workshopId, byIds, byRole?.role ?? null, byRole?.regions ?? [], byRole?.bakorwilIds ?? []],
  );
  return rows.map((row) => row.userId);
}

/** Invites pillars of the registry (as far as the actor sees them): by id, or every active one of a type. */
export async function invitePillars(
  tx: Tx,
  workshopId: string,
  byIds: readonly string[],
  byType: { pillarType: string; kabkota: readonly string[] } | null,
): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO workshop_participants (workshop_id, pillar_id, user_id, name, role_label, kabkota_code)
     SELECT $1, p.id, NULL, p.name, p.pillar_type, p.kabkota_code FROM pillars p
     WHERE p.status = 'aktif' AND (p.id = ANY($2::uuid[])
       OR ($3::text IS NOT NULL AND p.pillar_type = $3 AND p.kabkota_code = ANY($4::text[])))
     ON CONFLICT DO NOTHING RETURNING id`,
    [workshopId, byIds, byType?.pillarType ?? null, byType?.kabkota ?? []],
  );
  return rows.length;
}

export async function hasPillarRegistry(tx: Tx): Promise<boolean> {
  const row = await tx.one<{ ok: boolean }>(`SELECT to_regclass('public.pillars') IS NOT NULL AS ok`);
  return row?.ok ?? false;
}

export async function setAttendance(
  tx: Tx,
  workshopId: string,
  participantId: string,
  attendance: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE workshop_participants SET attendance = $3, attendance_at = CASE WHEN $3 = 'diundang' THEN NULL ELSE $4::timestamptz END
     WHERE id = $2 AND workshop_id = $1 RETURNING id`,
    [workshopId, participantId, attendance, now],
  );
  return rows.length === 1;
}

export async function insertMaterial(
  tx: Tx,
  m: {
    workshopId: string;
    fileName: string;
    contentType: string;
    bytes: Buffer;
    sha256: string;
    by: string;
    now: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO workshop_materials (workshop_id, file_name, content_type, bytes, byte_size, sha256, uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [m.workshopId, m.fileName, m.contentType, m.bytes, m.bytes.length, m.sha256, m.by, m.now],
  );
}

export async function listMaterials(
  tx: Tx,
  workshopId: string,
): Promise<{ id: string; fileName: string; contentType: string; byteSize: number; createdAt: string }[]> {
  const rows = await tx.query<{
    id: string;
    fileName: string;
    contentType: string;
    byteSize: number;
    createdAt: Date;
  }>(
    `SELECT id, file_name AS "fileName", content_type AS "contentType", byte_size AS "byteSize", created_at AS "createdAt"
     FROM workshop_materials WHERE workshop_id = $1 ORDER BY created_at`,
    [workshopId],
  );
  return rows.map((row) => ({ ...row, createdAt: toWibIso(row.createdAt) }));
}

export async function findMaterial(
  tx: Tx,
  workshopId: string,
  id: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer } | undefined> {
  return tx.one(
    `SELECT file_name AS "fileName", content_type AS "contentType", bytes FROM workshop_materials WHERE workshop_id = $1 AND id = $2`,
    [workshopId, id],
  );
}

export type ActionRecord = WorkshopAction;

const SELECT_ACTION = `
  SELECT id, workshop_id AS "workshopId", description, owner_user_id AS "ownerUserId", owner_name AS "ownerName",
    to_char(due_on, 'YYYY-MM-DD') AS "dueOn", status, done_note AS "doneNote", done_at AS "doneAt",
    (status = 'terbuka' AND due_on < ($1::timestamptz AT TIME ZONE 'Asia/Jakarta')::date) AS "isOverdue"
  FROM workshop_actions`;

function toAction(row: Record<string, unknown>): ActionRecord {
  return { ...(row as ActionRecord), doneAt: toWibIsoOrNull(row.doneAt as Date) };
}

export async function insertAction(
  tx: Tx,
  a: {
    workshopId: string;
    description: string;
    ownerUserId: string | null;
    ownerName: string;
    dueOn: string;
    by: string;
    now: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO workshop_actions (workshop_id, description, owner_user_id, owner_name, due_on, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [a.workshopId, a.description, a.ownerUserId, a.ownerName, a.dueOn, a.by, a.now],
  );
}

export async function listActions(
  tx: Tx,
  now: Date,
  filter: { workshopId?: string; ownerUserId?: string; openOnly?: boolean },
): Promise<ActionRecord[]> {
  const rows = await tx.query(
    `${SELECT_ACTION} WHERE ($2::uuid IS NULL OR workshop_id = $2) AND ($3::uuid IS NULL OR owner_user_id = $3)
       AND (NOT $4 OR status = 'terbuka') ORDER BY due_on, id`,
    [now, filter.workshopId ?? null, filter.ownerUserId ?? null, filter.openOnly ?? false],
  );
  return rows.map(toAction);
}

/**
 * Action items across workshops with the topic and date of the workshop each came from. An owner reads their
 * own items even when the workshop itself is out of their sight (the topic is then left empty).
 */
export async function listActionItems(
  tx: Tx,
  now: Date,
  filter: { ownerUserId?: string; openOnly: boolean; limit: number },
): Promise<WorkshopActionItem[]> {
  const rows = await tx.query(
    `SELECT a.*, coalesce(w.topic, '') AS "workshopTopic", w.starts_at AS "workshopStartsAt"
     FROM (${SELECT_ACTION} WHERE ($2::uuid IS NULL OR owner_user_id = $2) AND (NOT $3 OR status = 'terbuka')) a
     LEFT JOIN workshops w ON w.id = a."workshopId"
     ORDER BY a."dueOn", a.id LIMIT $4`,
    [now, filter.ownerUserId ?? null, filter.openOnly, filter.limit],
  );
  return rows.map((row) => ({
    ...toAction(row),
    workshopTopic: row.workshopTopic as string,
    workshopStartsAt: row.workshopStartsAt ? toWibIso(row.workshopStartsAt as Date) : '',
  }));
}

export async function findAction(tx: Tx, now: Date, id: string): Promise<ActionRecord | undefined> {
  const row = await tx.one(`${SELECT_ACTION} WHERE id = $2`, [now, id]);
  return row ? toAction(row) : undefined;
}

export async function completeAction(
  tx: Tx,
  id: string,
  done: { status: 'selesai' | 'batal'; note: string; by: string; now: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE workshop_actions SET status = $2, done_note = $3, done_by = $4, done_at = $5 WHERE id = $1 AND status = 'terbuka' RETURNING id`,
    [id, done.status, done.note, done.by, done.now],
  );
  return rows.length === 1;
}

/**
 * Each Bakorwil the actor's scope touches: its workshops (not cancelled) from `start` to `end`, whether the
 * actor may plan one, and the reminder recorded for `reminderQuarter`, if any.
 */
export async function listRoutine(
  tx: Tx,
  quarter: { start: Date; end: Date; reminderQuarter: string },
): Promise<
  {
    bakorwilId: string;
    name: string;
    workshopsThisQuarter: number;
    canPlan: boolean;
    reminderSentAt: Date | null;
  }[]
> {
  return tx.query(
    `SELECT b.id AS "bakorwilId", b.name,
       (SELECT count(*) FROM workshops w WHERE w.bakorwil_id = b.id AND w.status <> 'batal'
          AND w.starts_at >= $1 AND w.starts_at < $2)::int AS "workshopsThisQuarter",
       sigap_runs_workshop(b.id, NULL) AS "canPlan",
       (SELECT r.sent_at FROM workshop_reminders r WHERE r.bakorwil_id = b.id AND r.quarter = $3) AS "reminderSentAt"
     FROM bakorwil b
     WHERE sigap_area_touches_scope(b.id, NULL)
     ORDER BY b.id`,
    [quarter.start, quarter.end, quarter.reminderQuarter],
  );
}

// ── Reminders (system job, owner rights) ──────────────────────────────────────────────────────

/**
 * Bakorwil with no workshop (not cancelled) from the start of the last quarter to the end of this one, and
 * not yet reminded for the last quarter.
 */
export async function listBakorwilToRemind(
  tx: Tx,
  quarter: { key: string; start: Date; nextEnd: Date },
): Promise<{ id: string; name: string }[]> {
  return tx.query(
    `SELECT b.id, b.name FROM bakorwil b
     WHERE NOT EXISTS (SELECT 1 FROM workshops w WHERE w.bakorwil_id = b.id AND w.status <> 'batal'
                         AND w.starts_at >= $1 AND w.starts_at < $2)
       AND NOT EXISTS (SELECT 1 FROM workshop_reminders r WHERE r.bakorwil_id = b.id AND r.quarter = $3)
     ORDER BY b.id`,
    [quarter.start, quarter.nextEnd, quarter.key],
  );
}

/** The active koordinator users of a Bakorwil and every active provinsi user. */
export async function listReminderRecipients(tx: Tx, bakorwilId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM users WHERE is_active AND ((role = 'koordinator' AND scope_bakorwil_id = $1) OR role = 'provinsi')`,
    [bakorwilId],
  );
  return rows.map((row) => row.id);
}

/** Records the reminder once per Bakorwil and quarter; undefined when another run recorded it first. */
export async function insertReminder(
  tx: Tx,
  r: { bakorwilId: string; quarter: string; recipients: number; now: Date },
): Promise<string | undefined> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO workshop_reminders (bakorwil_id, quarter, recipients, sent_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (bakorwil_id, quarter) DO NOTHING RETURNING id`,
    [r.bakorwilId, r.quarter, r.recipients, r.now],
  );
  return row?.id;
}
