import { toWibIso } from '../../../shared/time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { findUsersCovering, notifyUsers } from '../notifications/notifications-service.ts';
import { recordCaseStep } from './cases-service.ts';

/** Default time after a check-in without a check-out before the case's operators are alerted. */
export const DEFAULT_CHECKOUT_HOURS = 6;

/**
 * Finds check-ins with no later check-out by the same person on the same case after `hours`, and raises one
 * safety alert for each: an inbox item for the operators of the case's kab/kota and a timeline entry. The time
 * is the device's time of the check-in (often sent later from an offline outbox).
 */
export async function runSafetyCheck(
  db: Database,
  clock: Clock,
  hours = DEFAULT_CHECKOUT_HOURS,
): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - hours * 3_600_000);
  return db.asSystem(async (tx) => {
    const open = await tx.query<{
      checkInId: string;
      caseId: string;
      userId: string;
      occurredAt: Date;
      displayName: string;
      kabkotaCode: string;
      title: string;
    }>(
      `SELECT f.id AS "checkInId", f.case_id AS "caseId", f.author_id AS "userId", f.occurred_at AS "occurredAt",
              coalesce(p.name, u.display_name) AS "displayName", c.kabkota_code AS "kabkotaCode", c.title
       FROM follow_ups f JOIN users u ON u.id = f.author_id JOIN cases c ON c.id = f.case_id
       LEFT JOIN pillars p ON p.user_id = f.author_id
       WHERE f.kind = 'check_in' AND f.occurred_at < $1
         AND NOT EXISTS (SELECT 1 FROM follow_ups o WHERE o.case_id = f.case_id AND o.author_id = f.author_id
                         AND o.kind = 'check_out' AND o.occurred_at >= f.occurred_at)
         AND NOT EXISTS (SELECT 1 FROM safety_alerts s WHERE s.check_in_id = f.id)
       ORDER BY f.occurred_at LIMIT 200`,
      [cutoff],
    );
    for (const item of open) {
      await tx.query(
        'INSERT INTO safety_alerts (check_in_id, case_id, user_id, raised_at) VALUES ($1, $2, $3, $4)',
        [item.checkInId, item.caseId, item.userId, clock.now()],
      );
      const operators = await findUsersCovering(tx, ['operator'], item.kabkotaCode);
      await notifyUsers(tx, operators, {
        kind: 'safety.no_checkout',
        subjectType: 'case',
        subjectId: item.caseId,
        title: `Keselamatan: ${item.displayName} belum check-out sejak ${toWibIso(item.occurredAt).slice(11, 16)} WIB (${item.title})`,
      });
      await recordCaseStep(tx, 'system', item.caseId, {
        kind: 'safety_alert',
        details: { userId: item.userId, checkInId: item.checkInId },
        at: clock.now(),
      });
    }
    return open.length;
  });
}
