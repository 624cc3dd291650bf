// The breach clock's reminders and escalation (UU 27/2022 Pasal 46 ayat 1: notices within 3 × 24 hours of
// discovery). A breach is handled by the data protection officer, who is province-wide, so it sits at the top step
// of the one escalation ladder from the start: 24 hours before the deadline the officer is reminded, and once the
// deadline passes without both notices it goes to the ladder's province handlers and the admin. The walk is the
// ladder's own (`escalateDue`, decision 0029); each breach is reminded once and escalated once.
import { HANDLERS_AT } from '../../../shared/escalation/ladder.ts';
import { formatDateTimeWIB } from '../../../shared/i18n.ts';
import { BREACH_WARNING_HOURS, breachClock } from '../../../shared/privacy/breach-rules.ts';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { escalateDue } from '../escalation/escalate-due.ts';
import { notifyCovering } from '../notifications/notifications-service.ts';
import { auditBreach } from './breach-service.ts';
import * as store from './breach-store.ts';

/** Who the officer's step is; the province handlers of the ladder and the admin come after a missed deadline. */
export const BREACH_HANDLERS = ['ppdp'] as const;
export const BREACH_ESCALATION_ROLES = [...HANDLERS_AT.provinsi, 'admin', ...BREACH_HANDLERS];

/** The users are province-wide: no kab/kota narrows who is told. */
const PROVINCE_WIDE: readonly string[] = [];

/** What is missing: the notice to the people, to the authority, or both. */
function missingNotices(b: store.BreachRecord): string {
  const missing = [
    ...(b.subjectNoticeAt ? [] : ['subjek data']),
    ...(b.authorityNoticeAt ? [] : ['lembaga']),
  ];
  return `Pemberitahuan kepada ${missing.join(' dan ')} belum dicatat.`;
}

async function remind(tx: Tx, id: string, now: Date): Promise<boolean> {
  const b = await store.lockBreach(tx, id);
  if (!b || b.remindedAt || b.escalatedAt || breachClock(b, now).state !== 'mendekati' || b.closedAt)
    return false;
  await store.markBreach(tx, id, 'reminded', now);
  await auditBreach(tx, SYSTEM_ACTOR, 'privacy.breach_reminded', id);
  notifyCovering(tx, BREACH_HANDLERS, PROVINCE_WIDE, {
    kind: 'privacy.breach_nearing',
    subjectType: 'privacy_breach',
    subjectId: id,
    title: `Batas 3 × 24 jam insiden kebocoran data: ${formatDateTimeWIB(b.dueAt, 'id')}`,
    body: missingNotices(b),
  });
  return true;
}

async function escalate(tx: Tx, id: string, now: Date): Promise<boolean> {
  const b = await store.lockBreach(tx, id);
  if (!b || b.escalatedAt || breachClock(b, now).state !== 'lewat' || b.closedAt) return false;
  await store.markBreach(tx, id, 'escalated', now);
  await auditBreach(tx, SYSTEM_ACTOR, 'privacy.breach_escalated', id, { roles: BREACH_ESCALATION_ROLES });
  notifyCovering(tx, BREACH_ESCALATION_ROLES, PROVINCE_WIDE, {
    kind: 'privacy.breach_escalated',
    subjectType: 'privacy_breach',
    subjectId: id,
    title: `Eskalasi: batas 3 × 24 jam insiden kebocoran data lewat (${formatDateTimeWIB(b.dueAt, 'id')})`,
    body: `${missingNotices(b)} UU 27/2022 Pasal 46 ayat (1).`,
  });
  return true;
}

/**
 * Reminds the officer of every breach nearing its deadline and escalates every breach past it; run by the
 * escalation job each minute. Failures are returned for the job to throw (and retry) after the others went.
 */
export async function runBreachClock(
  db: Database,
  clock: Clock,
): Promise<{ reminded: number; escalated: number; failures: unknown[] }> {
  const now = clock.now();
  const nearing = await escalateDue(
    db,
    now,
    (tx, at, afterId, limit) => store.listNearingBreachIds(tx, at, BREACH_WARNING_HOURS, afterId, limit),
    (tx, id) => remind(tx, id, now),
  );
  const overdue = await escalateDue(db, now, store.listOverdueBreachIds, (tx, id) => escalate(tx, id, now));
  return {
    reminded: nearing.moved,
    escalated: overdue.moved,
    failures: [...nearing.failures, ...overdue.failures],
  };
}
