// SQL for closing and reopening a case: what is still open in it, hand-overs of open referrals, the check-ins
// and assignments that end with the case.
import type { RecoveryStep } from '../../../shared/cases/case-rules.ts';
import { RecoveryStep as RecoveryStepEnum } from '../../../shared/cases/case-rules.ts';
import type { OpenItems, OpenReferral } from '../../../shared/cases/closing-rules.ts';
import { toWibIso } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';

/** Check-ins of a case with no later check-out by the same person. */
const OPEN_CHECK_INS = `
  SELECT DISTINCT ON (f.author_id) f.author_id AS "userId", u.display_name AS "displayName", f.occurred_at AS since
  FROM follow_ups f JOIN users u ON u.id = f.author_id
  WHERE f.case_id = $1 AND f.kind = 'check_in'
    AND NOT EXISTS (SELECT 1 FROM follow_ups o WHERE o.case_id = f.case_id AND o.author_id = f.author_id
                    AND o.kind = 'check_out' AND o.occurred_at >= f.occurred_at)
  ORDER BY f.author_id, f.occurred_at DESC`;

/** Everything still open in a case: referrals, recovery steps, dispositions, check-ins, assignments. */
export async function findOpenItems(
  tx: Tx,
  caseId: string,
  recoveryDone: readonly RecoveryStep[],
): Promise<OpenItems> {
  const referrals = await tx.query<Omit<OpenReferral, 'dueAt'> & { dueAt: Date }>(
    `SELECT r.id, r.person_id AS "personId", p.vulnerable_group AS "group", r.service, r.provider, r.status,
            r.due_at AS "dueAt"
     FROM referrals r JOIN vulnerable_people p ON p.id = r.person_id
     WHERE r.case_id = $1 AND r.status IN ('dirujuk', 'diterima') ORDER BY r.due_at, r.id`,
    [caseId],
  );
  const dispositions = await tx.query<{ id: string; agencyId: string; agencyName: string; dueAt: Date }>(
    `SELECT d.id, d.agency_id AS "agencyId", a.name AS "agencyName", d.due_at AS "dueAt"
     FROM dispositions d JOIN agencies a ON a.id = d.agency_id
     WHERE d.case_id = $1 AND d.status = 'terkirim' ORDER BY d.due_at, d.id`,
    [caseId],
  );
  const checkIns = await tx.query<{ userId: string; displayName: string; since: Date }>(OPEN_CHECK_INS, [
    caseId,
  ]);
  const assignments = await tx.query<{ userId: string; displayName: string }>(
    `SELECT a.user_id AS "userId", u.display_name AS "displayName"
     FROM assignments a JOIN users u ON u.id = a.user_id
     WHERE a.case_id = $1 AND a.status = 'ditugaskan' ORDER BY a.created_at`,
    [caseId],
  );
  return {
    openReferrals: referrals.map((r) => ({ ...r, dueAt: toWibIso(r.dueAt) })),
    missingRecoverySteps: RecoveryStepEnum.options.filter((step) => !recoveryDone.includes(step)),
    unansweredDispositions: dispositions.map((d) => ({ ...d, dueAt: toWibIso(d.dueAt) })),
    checkedIn: checkIns.map((c) => ({ ...c, since: toWibIso(c.since) })),
    activeAssignments: assignments,
  };
}

/** Records who takes over a referral that stays open when its case closes. */
export async function recordHandover(
  tx: Tx,
  h: { referralId: string; handedTo: string; followUpBy: string; by: string; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE referrals SET handed_over_to = $2, handover_follow_up = $3, handed_over_at = $4, handed_over_by = $5
     WHERE id = $1`,
    [h.referralId, h.handedTo, h.followUpBy, h.now, h.by],
  );
}

/** Checks out everyone still checked in on the case (their own check-out, stamped at closing); returns them. */
export async function closeCheckIns(tx: Tx, caseId: string, now: Date): Promise<string[]> {
  const rows = await tx.query<{ userId: string }>(
    `INSERT INTO follow_ups (id, case_id, author_id, kind, action, occurred_at, content_hash)
     SELECT gen_random_uuid(), $1, open."userId", 'check_out', 'Check-out otomatis: kasus ditutup', $2,
            'case-closed:' || $1::text
     FROM (${OPEN_CHECK_INS}) open
     RETURNING author_id AS "userId"`,
    [caseId, now],
  );
  return rows.map((row) => row.userId);
}

/** Ends the case's running assignments: they leave "Tugas saya" (the grant stays, so the case stays readable). */
export async function endAssignments(tx: Tx, caseId: string): Promise<number> {
  const rows = await tx.query(
    `UPDATE assignments SET status = 'selesai' WHERE case_id = $1 AND status = 'ditugaskan' RETURNING id`,
    [caseId],
  );
  return rows.length;
}

/** The phase a case had before it was last closed (from its timeline); undefined when never recorded. */
export async function findPhaseBeforeClosing(tx: Tx, caseId: string): Promise<string | undefined> {
  const row = await tx.one<{ phase: string }>(
    `SELECT details->>'from' AS phase FROM case_timeline
     WHERE case_id = $1 AND kind = 'phase_changed' AND details->>'to' = 'selesai'
     ORDER BY at DESC, id DESC LIMIT 1`,
    [caseId],
  );
  return row?.phase;
}

/** Reopens a closed case into `to`; the hand-overs of its still-open referrals are back in the case's hands. */
export async function reopenCase(tx: Tx, caseId: string, to: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE cases SET phase = $2, closed_at = NULL, version = version + 1, updated_at = $3
     WHERE id = $1 AND phase = 'selesai' RETURNING id`,
    [caseId, to, now],
  );
  if (rows.length === 0) return false;
  await tx.query(
    `UPDATE referrals SET handed_over_to = NULL, handover_follow_up = NULL, handed_over_at = NULL, handed_over_by = NULL
     WHERE case_id = $1 AND status IN ('dirujuk', 'diterima')`,
    [caseId],
  );
  return true;
}
