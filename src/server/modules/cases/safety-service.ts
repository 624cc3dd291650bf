import { toWibIso } from '../../../shared/time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { findUsersCovering, notifyUsers } from '../notifications/notifications-service.ts';
import * as work from './case-work-store.ts';
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
    const open = await work.listCheckInsWithoutCheckOut(tx, cutoff);
    for (const item of open) {
      await work.insertSafetyAlert(tx, item, clock.now());
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
