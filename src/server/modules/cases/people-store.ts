import type { ReferralStatus } from '../../../shared/cases/people-rules.ts';
import type { VulnerableGroup } from '../../../shared/reports/report-schema.ts';
import { toWibIso } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';

/** A named vulnerable person: personal data, for handlers only (the service masks it). */
export type PersonRecord = {
  id: string;
  caseId: string;
  fullName: string;
  nik: string | null;
  age: number | null;
  group: VulnerableGroup;
  needs: string[];
  guardianName: string | null;
  guardianConsent: boolean;
  createdAt: string;
};

/** A person as stored: the NIK sealed (the service opens it with the data key). */
export type PersonRow = Omit<PersonRecord, 'nik'> & { nikEncrypted: Buffer | null };

/** A NIK as written: sealed, with its keyed hash for matching. */
export type SealedNik = { encrypted: Buffer; hash: string } | null;

const SELECT_PERSON = `
  SELECT p.id, p.case_id AS "caseId", p.full_name AS "fullName", p.nik_encrypted AS "nikEncrypted", p.age,
    p.vulnerable_group AS "group",
    p.needs, p.guardian_name AS "guardianName", p.guardian_consent AS "guardianConsent", p.created_at AS "createdAt"
  FROM vulnerable_people p`;

function toPerson(row: Record<string, unknown>): PersonRow {
  return { ...row, createdAt: toWibIso(row.createdAt as Date) } as PersonRow;
}

/** What the form says about a person, in the column order of the insert and the update (full_name … consent). */
function personFields(
  p: Omit<PersonRecord, 'id' | 'caseId' | 'createdAt' | 'nik'> & { nik: SealedNik },
): unknown[] {
  return [
    p.fullName,
    p.nik?.encrypted ?? null,
    p.nik?.hash ?? null,
    p.age,
    p.group,
    p.needs,
    p.guardianName,
    p.guardianConsent,
  ];
}

export async function insertPerson(
  tx: Tx,
  p: Omit<PersonRecord, 'id' | 'createdAt' | 'nik'> & { nik: SealedNik; createdBy: string; now: Date },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO vulnerable_people (case_id, full_name, nik_encrypted, nik_hash, age, vulnerable_group, needs,
       guardian_name, guardian_consent, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [p.caseId, ...personFields(p), p.createdBy, p.now],
  );
}

/** Replaces a person's record; false when the case has no such person (or row-level security hides it). */
export async function updatePerson(
  tx: Tx,
  caseId: string,
  id: string,
  p: Omit<PersonRecord, 'id' | 'caseId' | 'createdAt' | 'nik'> & { nik: SealedNik },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE vulnerable_people SET full_name = $3, nik = NULL, nik_encrypted = $4, nik_hash = $5, age = $6,
       vulnerable_group = $7, needs = $8, guardian_name = $9, guardian_consent = $10
     WHERE case_id = $1 AND id = $2 RETURNING id`,
    [caseId, id, ...personFields(p)],
  );
  return rows.length === 1;
}

/** People whose NIK is still in plain text (written before NIKs were sealed), a chunk at a time; owner only. */
export async function findPlainNiks(tx: Tx, limit: number): Promise<{ id: string; nik: string }[]> {
  return tx.query(`SELECT id, nik FROM vulnerable_people WHERE nik IS NOT NULL ORDER BY id LIMIT ${limit}`);
}

/** Replaces a plain NIK with its sealed form. */
export async function sealNik(tx: Tx, id: string, nik: Exclude<SealedNik, null>): Promise<void> {
  await tx.query('UPDATE vulnerable_people SET nik = NULL, nik_encrypted = $2, nik_hash = $3 WHERE id = $1', [
    id,
    nik.encrypted,
    nik.hash,
  ]);
}

/** Named people of a case are vulnerable people: the case is flagged so. */
export async function markCaseVulnerable(tx: Tx, caseId: string): Promise<void> {
  await tx.query('UPDATE cases SET has_vulnerable = true WHERE id = $1 AND NOT has_vulnerable', [caseId]);
}

export async function findPerson(tx: Tx, caseId: string, personId: string): Promise<PersonRow | undefined> {
  const row = await tx.one(`${SELECT_PERSON} WHERE p.case_id = $1 AND p.id = $2`, [caseId, personId]);
  return row ? toPerson(row) : undefined;
}

export async function listPeople(tx: Tx, caseId: string): Promise<PersonRow[]> {
  const rows = await tx.query(`${SELECT_PERSON} WHERE p.case_id = $1 ORDER BY p.created_at, p.id`, [caseId]);
  return rows.map(toPerson);
}

/** A referral with the group of its person (never the name). */
export type ReferralRecord = {
  id: string;
  caseId: string;
  personId: string;
  group: VulnerableGroup;
  service: string;
  provider: string;
  dueAt: Date;
  status: ReferralStatus;
  note: string;
  createdAt: Date;
  completedAt: Date | null;
  handedOverTo: string | null;
  handoverFollowUp: string | null;
  handedOverAt: Date | null;
};

const SELECT_REFERRAL = `
  SELECT r.id, r.case_id AS "caseId", r.person_id AS "personId", p.vulnerable_group AS "group", r.service,
    r.provider, r.due_at AS "dueAt", r.status, r.note, r.created_at AS "createdAt", r.completed_at AS "completedAt",
    r.handed_over_to AS "handedOverTo", r.handover_follow_up AS "handoverFollowUp", r.handed_over_at AS "handedOverAt"
  FROM referrals r JOIN vulnerable_people p ON p.id = r.person_id`;

/** Stores a referral under its id; false when the id is already taken (a retry of the same referral). */
export async function insertReferral(
  tx: Tx,
  r: {
    id: string;
    caseId: string;
    personId: string;
    service: string;
    provider: string;
    dueAt: string;
    createdBy: string;
    now: Date;
  },
): Promise<boolean> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO referrals (id, case_id, person_id, service, provider, due_at, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [r.id, r.caseId, r.personId, r.service, r.provider, r.dueAt, r.createdBy, r.now],
  );
  return row !== undefined;
}

export async function findReferral(tx: Tx, id: string): Promise<ReferralRecord | undefined> {
  return tx.one<ReferralRecord>(`${SELECT_REFERRAL} WHERE r.id = $1`, [id]);
}

export async function listReferrals(tx: Tx, caseId: string): Promise<ReferralRecord[]> {
  return tx.query<ReferralRecord>(`${SELECT_REFERRAL} WHERE r.case_id = $1 ORDER BY r.due_at, r.id`, [
    caseId,
  ]);
}

/** Moves a referral if it still has status `from` (a concurrent update wins otherwise); completion is stamped. */
export async function updateReferralStatus(
  tx: Tx,
  id: string,
  from: ReferralStatus,
  to: ReferralStatus,
  note: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE referrals SET status = $3, note = CASE WHEN $4 = '' THEN note ELSE $4 END,
       completed_at = CASE WHEN $3 = 'selesai' THEN $5::timestamptz ELSE completed_at END
     WHERE id = $1 AND status = $2 RETURNING id`,
    [id, from, to, note, now],
  );
  return rows.length === 1;
}

/** Per vulnerable group, the sums of the counts the case's reports carry (jsonb `vulnerable`). */
export async function sumReportedVulnerable(
  tx: Tx,
  caseId: string,
): Promise<{ group: string; harmed: number; displaced: number; atRisk: number }[]> {
  return tx.query(
    `SELECT v.key AS "group",
       sum(coalesce((v.value ->> 'harmed')::int, 0))::int AS harmed,
       sum(coalesce((v.value ->> 'displaced')::int, 0))::int AS displaced,
       sum(coalesce((v.value ->> 'atRisk')::int, 0))::int AS "atRisk"
     FROM reports r CROSS JOIN LATERAL jsonb_each(r.vulnerable) AS v
     WHERE r.case_id = $1 AND r.status NOT IN ('ditolak', 'duplikat')
     GROUP BY v.key`,
    [caseId],
  );
}

export async function countPeopleByGroup(
  tx: Tx,
  caseId: string,
): Promise<{ group: string; named: number }[]> {
  return tx.query(
    `SELECT vulnerable_group AS "group", count(*)::int AS named FROM vulnerable_people WHERE case_id = $1
     GROUP BY vulnerable_group`,
    [caseId],
  );
}
