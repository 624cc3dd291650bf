import { levelName } from '../../../shared/early-warning/level-names.ts';
import { climb, HANDLER_LABELS, unacknowledgedReason } from '../../../shared/escalation/ladder.ts';
import { noticeOf } from '../../../shared/notices/notice-texts.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { escalateDue } from '../escalation/escalate-due.ts';
import { loadSettings } from '../levels/model-settings-service.ts';
import { findUsersCovering, notifyUsers } from '../notifications/notifications-service.ts';
import { areaName } from './alert-feeds.ts';
import { publishAlertEvent } from './alerts-service.ts';
import * as store from './alerts-store.ts';

/**
 * Moves every alert nobody acknowledged in time one level up (kab/kota → Bakorwil → province), like a missed
 * case deadline: a fresh deadline at the new level, an entry in the response log, an audit entry, a notice in
 * the new level's inboxes and a live event, each alert in its own transaction. Returns how many moved.
 */
export async function runAlertEscalation(db: Database, clock: Clock): Promise<number> {
  const now = clock.now();
  const { moved, failures } = await escalateDue(db, now, store.listDueAlertIds, (tx, id) =>
    escalateOne(tx, id, now),
  );
  if (failures.length > 0)
    throw new AggregateError(failures, `eskalasi peringatan: ${failures.length} gagal`);
  return moved;
}

async function escalateOne(tx: Tx, id: string, now: Date): Promise<boolean> {
  if (!(await store.lockDueAlert(tx, id, now))) return false;
  const alert = (await store.findAlert(tx, id))!;
  const step = climb(alert.handlingLevel);
  if (!step) return false;
  const { to, roles } = step;
  const settings = await loadSettings(tx);
  const minutes = settings.acknowledgeMinutes[alert.level];
  const reason = unacknowledgedReason(alert.handlingLevel, minutes, levelName(alert.level));
  await store.escalateAlert(tx, id, {
    level: to,
    now,
    dueAcknowledgeAt: new Date(now.getTime() + minutes * 60_000),
  });
  await store.insertAction(tx, {
    alertId: id,
    kind: 'eskalasi',
    action: `Eskalasi ke ${HANDLER_LABELS[to]}: ${reason}`,
    actorId: null,
    at: now,
  });
  await appendAudit(tx, SYSTEM_ACTOR, 'alert.escalated', id, { from: alert.handlingLevel, to, reason });
  await notifyUsers(tx, await findUsersCovering(tx, roles, alert.kabkotaCode), {
    kind: 'alert.escalated',
    subjectType: 'alert',
    subjectId: id,
    title: `Eskalasi peringatan ${levelName(alert.level)}: ${areaName(alert)}`,
    body: reason,
    notice: noticeOf.alert(id, alert.level, areaName(alert), true),
  });
  await publishAlertEvent(tx, 'alert.escalated', (await store.findAlert(tx, id))!);
  return true;
}
