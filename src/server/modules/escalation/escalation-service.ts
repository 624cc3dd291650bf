import { OFFICE_LABELS, unacknowledgedReason } from '../../../shared/escalation/ladder.ts';
import { noticeOf } from '../../../shared/notices/notice-texts.ts';
import { dueAt } from '../../../shared/reports/triage.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { publishEvent } from '../../platform/events.ts';
import { addCaseTimeline, publishCaseEvent, recordCaseStep, requireCase } from '../cases/cases-service.ts';
import { notifyCovering } from '../notifications/notifications-service.ts';
import { runBreachClock } from '../privacy/breach-clock-service.ts';
import { escalateDueItems } from '../provocation/response-service.ts';
import { getSla } from '../settings/settings-service.ts';
import { climbWhenDue, escalateDue, type LadderStep } from './escalate-due.ts';
import { caseEscalationReason, missedCaseDeadlines } from './escalation-rules.ts';
import * as store from './escalation-store.ts';

export type EscalationCounts = {
  reports: number;
  cases: number;
  provocation: number;
  /** Breaches of personal data reminded (nearing 3 × 24 h) or escalated (past it). */
  breaches: number;
};

/**
 * Raises every missed deadline one level up the hierarchy (kab/kota → Bakorwil → province): reports nobody
 * acknowledged in time, open cases without a first field response or past their resolution deadline, provocation
 * items and breaches of personal data (reminded near, escalated past, their 3 × 24 hours). Each
 * record gets a fresh deadline at its new level, an audit entry, a notice in the new level's inboxes and a
 * live event, in a transaction of its own, so a long run never holds up requests. A record that fails is
 * left for the next run; the others still escalate, and the run then throws so the job is retried.
 */
export async function runEscalation(db: Database, clock: Clock): Promise<EscalationCounts> {
  const now = clock.now();
  const failures: unknown[] = [];
  const counts: EscalationCounts = { reports: 0, cases: 0, provocation: 0, breaches: 0 };
  const tally = (run: { moved: number; failures: unknown[] }) => {
    failures.push(...run.failures);
    return run.moved;
  };
  counts.reports = tally(
    await escalateDue(
      db,
      now,
      store.listDueReportIds,
      climbWhenDue(store.lockDueReport, escalateReport, now),
    ),
  );
  counts.cases = tally(
    await escalateDue(db, now, store.listDueCaseIds, climbWhenDue(store.lockDueCase, escalateCase, now)),
  );
  counts.provocation = tally(await escalateDueItems(db, now));
  const breaches = await runBreachClock(db, clock);
  counts.breaches = breaches.reminded + breaches.escalated;
  failures.push(...breaches.failures);
  if (failures.length > 0) {
    throw new AggregateError(
      failures,
      `eskalasi: ${failures.length} data gagal, diulang pada putaran berikutnya`,
    );
  }
  return counts;
}

/** Escalates one unacknowledged report, still due, one step up. */
async function escalateReport(
  tx: Tx,
  report: store.DueReport,
  { to, roles }: LadderStep,
  now: Date,
): Promise<void> {
  const { id } = report;
  const sla = await getSla(tx, report.priority);
  const reason = unacknowledgedReason(report.handlingLevel, sla.acknowledge, report.priority);
  await store.escalateReport(tx, id, { level: to, now, dueAcknowledgeAt: dueAt(now, sla.acknowledge) });
  if (report.caseId) {
    await addCaseTimeline(tx, {
      caseId: report.caseId,
      actorId: null,
      kind: 'report_escalated',
      details: { reportId: id, from: report.handlingLevel, to, reason },
      at: now,
    });
  }
  await appendAudit(tx, SYSTEM_ACTOR, 'report.escalated', id, {
    from: report.handlingLevel,
    to,
    reason,
  });
  notifyCovering(tx, roles, [report.kabkotaCode], {
    kind: 'report.escalated',
    subjectType: 'report',
    subjectId: id,
    title: `Eskalasi ke ${OFFICE_LABELS[to]}: laporan ${report.priority} di ${report.regionName} belum diterima`,
    body: reason,
    notice: noticeOf.reportEscalated(id, to, report.priority, report.regionName),
  });
  await publishEvent(tx, {
    type: 'report.escalated',
    subject: { type: 'report', id },
    visibility: { regionCode: report.regionCode, createdBy: report.reporterId },
    summary: {
      priority: report.priority,
      status: report.status,
      regionCode: report.regionCode,
      handlingLevel: to,
    },
  });
}

/** Escalates one late open case, still due, one step up. */
async function escalateCase(tx: Tx, due: store.DueCase, { to, roles }: LadderStep, now: Date): Promise<void> {
  const { id } = due;
  const missed = missedCaseDeadlines(due, now);
  const reason = caseEscalationReason(missed, due, due.priority);
  // The new level gets the priority's full time again for each deadline it inherits already missed.
  const sla = await getSla(tx, due.priority);
  const dueResponseAt = missed.isResponseMissed ? dueAt(now, sla.response) : due.dueResponseAt;
  const resolveAt = missed.isResolveMissed ? dueAt(now, sla.resolve) : due.dueResolveAt;
  const dueResolveAt = new Date(Math.max(resolveAt.getTime(), dueResponseAt.getTime()));
  await store.escalateCase(tx, id, { level: to, now, reason, dueResponseAt, dueResolveAt });
  await recordCaseStep(tx, 'system', id, {
    kind: 'escalated',
    details: { from: due.handlingLevel, to, reason },
    at: now,
  });
  const escalated = await requireCase(tx, id);
  notifyCovering(tx, roles, [escalated.kabkotaCode, ...escalated.sharedWith], {
    kind: 'case.escalated',
    subjectType: 'case',
    subjectId: id,
    title: `Eskalasi ke ${OFFICE_LABELS[to]}: ${escalated.title}`,
    body: reason,
    notice: noticeOf.caseEscalated(id, to, escalated.regionName),
  });
  await publishCaseEvent(tx, 'case.escalated', escalated);
}
