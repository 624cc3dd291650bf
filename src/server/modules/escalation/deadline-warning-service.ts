// "A deadline about to pass": before the escalation job raises a record for a missed deadline, the handlers at
// the record's level are told that most of its time has gone (ladder.ts, DEADLINE_WARNING_SHARE) — an in-app
// notice and, for those who opted into the kind `tenggat`, WhatsApp, SMS or e-mail through the same fan-out.
import { DEADLINE_WARNING_SHARE, HANDLERS_AT } from '../../../shared/escalation/ladder.ts';
import { noticeOf } from '../../../shared/notices/notice-texts.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { requireCase } from '../cases/cases-service.ts';
import { notifyCovering } from '../notifications/notifications-service.ts';
import { listNearDeadlines, markWarned, type NearDeadline } from './deadline-warning-store.ts';
import { deadlineWarningTitle } from './escalation-rules.ts';

/** How many records of each kind one run warns of; the rest are taken a minute later. */
const PER_RUN = 500;

/**
 * Warns of every deadline about to pass, once per record, deadline and due time: each in a transaction of its
 * own that marks the warning and queues the notices with its commit, so a rerun or a second instance sends
 * nothing more, and a record acknowledged, answered or closed in the meantime gets none. A record that fails
 * is left for the next run; the others still go, then the run throws so the job is retried. Returns how many.
 */
export async function warnNearingDeadlines(db: Database, clock: Clock): Promise<number> {
  const now = clock.now();
  const left = 1 - DEADLINE_WARNING_SHARE;
  const near = await db.asSystem((tx) => listNearDeadlines(tx, now, left, PER_RUN));
  const failures: unknown[] = [];
  let warned = 0;
  for (const item of near) {
    try {
      if (await db.asSystem((tx) => warnOne(tx, item, now, left))) warned++;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(
      failures,
      `tenggat: ${failures.length} data gagal, diulang pada putaran berikutnya`,
    );
  }
  return warned;
}

async function warnOne(tx: Tx, item: NearDeadline, now: Date, left: number): Promise<boolean> {
  const record = await markWarned(tx, item, now, left);
  if (!record) return false;
  const areas =
    item.subjectType === 'case'
      ? [record.kabkotaCode, ...(await requireCase(tx, item.id)).sharedWith]
      : [record.kabkotaCode];
  notifyCovering(tx, HANDLERS_AT[record.handlingLevel], areas, {
    kind: `${item.subjectType}.deadline_near`,
    subjectType: item.subjectType,
    subjectId: item.id,
    title: deadlineWarningTitle(item, record),
    notice: noticeOf.deadline(
      { type: item.subjectType, id: item.id, grade: record.priority, place: record.regionName },
      item.deadline,
      record.dueAt,
    ),
  });
  return true;
}
