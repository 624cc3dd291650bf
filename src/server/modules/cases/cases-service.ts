// Over 450 lines on purpose: the case's own life (open, move phase, close, reopen) in one place; case work is in case-work-service.ts.
import type { CasePhase } from '../../../shared/cases/case-rules.ts';
import {
  isCaseHandler,
  nextPhases,
  type RecoveryStep,
  refuseMove,
} from '../../../shared/cases/case-rules.ts';
import type { CaseView } from '../../../shared/cases/case-schema.ts';
import {
  findReferralsWithoutHandover,
  type Handover,
  isCaseClosed,
} from '../../../shared/cases/closing-rules.ts';
import '../../../shared/messages/office.ts';
import { t } from '../../../shared/i18n.ts';
import { type Action, can } from '../../../shared/permissions/index.ts';
import { isConflictType } from '../../../shared/reports/report-vocabulary.ts';
import { dueAt } from '../../../shared/reports/triage.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { publishEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import {
  findUsersCovering,
  type NewNotification,
  notifyUsers,
} from '../notifications/notifications-service.ts';
import { findRegion } from '../regions/regions-service.ts';
import { findReport, findReportsForCase } from '../reports/reports-service.ts';
import { getSla } from '../settings/settings-service.ts';
import * as store from './cases-store.ts';
import * as closing from './closing-store.ts';

export type CaseDeps = { db: Database; clock: Clock };

/** A new case's title when the operator gives none, in Sigap's working language: the type, then the place. */
function defaultTitle(conflictType: string, place: string): string {
  const type = isConflictType(conflictType) ? conflictType : 'lainnya';
  return t('id', `op.case.defaultTitle.${type}`, { place });
}

/** A stored case as the viewer sees it: the allowed next phases and whether they handle it. */
export function toView(principal: Principal, c: store.CaseRecord): CaseView {
  return {
    ...c,
    conflictType: c.conflictType as CaseView['conflictType'],
    allowedPhases: [...nextPhases(c.phase)],
    isHandler: isCaseHandler(principal.actor, c),
  };
}

/** A case the actor may see, or undefined: how other modules look a case up inside their transaction. */
export function findCase(tx: Tx, id: string): Promise<store.CaseRecord | undefined> {
  return store.findCase(tx, id);
}

/** Adds an entry to a case's timeline inside the caller's transaction (escalation writes its steps here). */
export function addCaseTimeline(tx: Tx, entry: Parameters<typeof store.addTimeline>[1]): Promise<void> {
  return store.addTimeline(tx, entry);
}

/** One step in a case's life: the timeline's words and the audit's record of it. */
export interface CaseStep {
  kind: string;
  details: Record<string, unknown>;
  at: Date;
  /** The audit action when it is not `case.<kind>` (dispositions and referrals keep their own names). */
  action?: string;
  /** What the audit keeps when it differs from the timeline (the chain is never erased: ids, never free text). */
  audit?: Record<string, unknown>;
}

/**
 * Writes a step to the case's timeline and the audit chain in the caller's transaction: every change to a case
 * is told in both, by the principal (or by the system, as the safety check does).
 */
export async function recordCaseStep(
  tx: Tx,
  by: Principal | 'system',
  caseId: string,
  step: CaseStep,
): Promise<void> {
  await store.addTimeline(tx, {
    caseId,
    actorId: by === 'system' ? null : by.user.id,
    kind: step.kind,
    details: step.details,
    at: step.at,
  });
  await appendAudit(
    tx,
    by === 'system' ? SYSTEM_ACTOR : by.audit,
    step.action ?? `case.${step.kind}`,
    { type: 'case', id: caseId },
    step.audit ?? step.details,
  );
}

/**
 * Hands a case over in the caller's transaction (shared with a kab/kota, assigned to a person, sent to an agency):
 * opens it to the grantee, records the step, and puts the news in the inbox of those it concerns.
 */
export async function handOverCase(
  tx: Tx,
  principal: Principal,
  caseId: string,
  handOver: {
    grant: store.CaseGrant;
    step: CaseStep;
    tell: readonly string[];
    news: Omit<NewNotification, 'subjectType' | 'subjectId'>;
  },
): Promise<void> {
  await store.grantCase(tx, caseId, handOver.grant);
  await recordCaseStep(tx, principal, caseId, handOver.step);
  await notifyUsers(tx, handOver.tell, { ...handOver.news, subjectType: 'case', subjectId: caseId });
}

/** A case the actor may see, or not_found. Must run inside the actor's transaction. */
export async function requireCase(tx: Tx, id: string): Promise<store.CaseRecord> {
  return foundOr(await store.findCase(tx, id), 'Kasus tidak ditemukan');
}

/**
 * A case the principal handles (operators of its kab/kota, …), or forbidden; not_found when invisible. The
 * principal's role must also take `action` (by default `case.handle`, the office's moves): a relawan assigned to
 * the case handles it in the field, through follow-ups, not by editing, moving or sharing it.
 */
export async function requireHandledCase(
  tx: Tx,
  principal: Principal,
  id: string,
  action: Action = 'case.handle',
): Promise<store.CaseRecord> {
  const found = await requireCase(tx, id);
  authorize(principal, action, 'Peran Anda tidak dapat melakukan ini pada kasus');
  if (!isCaseHandler(principal.actor, found) && !can(principal.user.role, 'case.oversee')) {
    throw new DomainError('forbidden', 'Anda bukan penangan kasus ini');
  }
  return found;
}

/** A case the principal handles and may still change: forbidden, not_found, or refused when closed. */
export async function requireOpenCase(
  tx: Tx,
  principal: Principal,
  id: string,
  action: Action = 'case.handle',
): Promise<store.CaseRecord> {
  const found = await requireHandledCase(tx, principal, id, action);
  refuseIfClosed(found);
  return found;
}

/** A closed case is read-only until a koordinator (or above) reopens it: every change is refused. */
export function refuseIfClosed(c: { phase: CasePhase }): void {
  if (isCaseClosed(c.phase)) {
    throw new DomainError('invalid_transition', 'Kasus sudah ditutup; koordinator dapat membukanya kembali', {
      phase: c.phase,
    });
  }
}

/** Reads a changed case again, publishes the change to live subscribers and returns the principal's view of it. */
export async function publishCaseChange(
  tx: Tx,
  principal: Principal,
  id: string,
  type = 'case.updated',
): Promise<CaseView> {
  const changed = await requireCase(tx, id);
  await publishCaseEvent(tx, type, changed);
  return toView(principal, changed);
}

/** Publishes a change of a case to live subscribers (delivered when the transaction commits). */
export async function publishCaseEvent(tx: Tx, type: string, c: store.CaseRecord): Promise<void> {
  await publishEvent(tx, {
    type,
    subject: { type: 'case', id: c.id },
    visibility: { regionCode: c.regionCode, grants: await store.listCaseGrants(tx, c.id) },
    summary: {
      phase: c.phase,
      priority: c.priority,
      regionCode: c.regionCode,
      handlingLevel: c.handlingLevel,
    },
  });
}

/** Opens a case from verified reports that are in no case yet. */
export async function openCase(
  deps: CaseDeps,
  principal: Principal,
  input: { reportIds: string[]; title?: string },
): Promise<CaseView> {
  authorize(principal, 'case.handle', 'Hanya operator yang membuka kasus');
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const reports = await findReportsForCase(tx, input.reportIds);
    const missing = input.reportIds.filter((id) => !reports.some((r) => r.id === id));
    if (missing.length > 0)
      throw new DomainError('not_found', `Laporan tidak ditemukan: ${missing.join(', ')}`);
    const unfit = reports.filter((r) => r.status !== 'terverifikasi' || r.caseId);
    if (unfit.length > 0) {
      throw new DomainError('invalid_transition', 'Hanya laporan terverifikasi yang belum masuk kasus', {
        reportIds: unfit.map((r) => r.id),
      });
    }
    const lead = reports[0];
    const sla = await getSla(tx, lead.priority);
    const start = new Date(Math.min(...reports.map((r) => r.createdAt.getTime())));
    const id = await store.insertCase(tx, {
      title: input.title ?? defaultTitle(lead.conflictType, lead.regionName),
      regionCode: lead.regionCode,
      kabkotaCode: lead.kabkotaCode,
      conflictType: lead.conflictType,
      priority: lead.priority,
      hasVulnerable: reports.some((r) => r.hasVulnerable),
      createdBy: principal.user.id,
      now,
      dueResponseAt: dueAt(start, sla.response),
      dueResolveAt: dueAt(start, sla.resolve),
    });
    await store.attachReports(tx, id, input.reportIds, now);
    // Reports from other kab/kota share the case with those kab/kota.
    for (const other of new Set(reports.map((r) => r.kabkotaCode).filter((k) => k !== lead.kabkotaCode))) {
      await store.grantCase(tx, id, { kind: 'region', grantee: other, reason: 'shared' });
    }
    await recordCaseStep(tx, principal, id, {
      kind: 'opened',
      details: { reportIds: input.reportIds },
      at: now,
    });
    return publishCaseChange(tx, principal, id, 'case.created');
  });
}

/** Attaches a verified report to an open case. */
export async function attachReport(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  { reportId }: { reportId: string },
): Promise<CaseView> {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireOpenCase(tx, principal, caseId);
    const report = foundOr(await findReport(tx, reportId), 'Laporan tidak ditemukan');
    if (report.caseId) throw new DomainError('invalid_transition', 'Laporan sudah masuk kasus');
    if (report.status === 'ditolak' || report.status === 'duplikat') {
      throw new DomainError(
        'invalid_transition',
        `Laporan berstatus ${report.status} tidak dapat dilampirkan`,
      );
    }
    await store.attachReports(tx, caseId, [reportId], now);
    await store.absorbReportFacts(tx, caseId);
    if (report.kabkotaCode !== current.kabkotaCode) {
      await store.grantCase(tx, caseId, { kind: 'region', grantee: report.kabkotaCode, reason: 'shared' });
    }
    await recordCaseStep(tx, principal, caseId, {
      kind: 'report_attached',
      details: { reportId },
      at: now,
    });
    return publishCaseChange(tx, principal, caseId);
  });
}

/**
 * Moves a case to the next phase per the shared table. Closing needs an outcome and honours the people in
 * the case: it is refused while a vulnerable person's referral is open without a hand-over (the open items
 * in the error's details); when it goes through, hand-overs are recorded, check-ins closed and assignments
 * ended, in the same transaction.
 */
export async function moveCase(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  input: { to: CasePhase; outcome?: string; version?: number; handovers?: Handover[] },
): Promise<CaseView> {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireHandledCase(tx, principal, caseId);
    const refusal = refuseMove(current.phase, input.to, input.outcome);
    if (refusal) throw new DomainError('invalid_transition', refusal, { allowed: nextPhases(current.phase) });
    const settled =
      input.to === 'selesai'
        ? await settleOpenWork(tx, principal, current, input.handovers ?? [], now)
        : undefined;
    if (
      !(await store.updatePhase(
        tx,
        caseId,
        input.to,
        input.to === 'selesai' ? (input.outcome ?? null) : null,
        now,
        input.version,
      ))
    ) {
      throw new DomainError('version_conflict', 'Kasus sudah diubah orang lain; muat ulang lalu ulangi');
    }
    await recordCaseStep(tx, principal, caseId, {
      kind: 'phase_changed',
      details: { from: current.phase, to: input.to, ...settled },
      at: now,
      audit: {
        from: current.phase,
        to: input.to,
        ...(settled
          ? {
              handedOver: settled.handedOver.map((h) => h.referralId),
              checkedOut: settled.checkedOut,
              assignmentsEnded: settled.assignmentsEnded,
            }
          : {}),
      },
    });
    return publishCaseChange(tx, principal, caseId);
  });
}

/**
 * What closing does for the people in a case, before its phase changes: refuses while an open referral has no
 * hand-over, then records the hand-overs, checks out whoever is still checked in and ends the assignments.
 * Returns what it did, for the timeline (texts) and the audit entry (ids only).
 */
async function settleOpenWork(
  tx: Tx,
  principal: Principal,
  current: store.CaseRecord,
  handovers: Handover[],
  now: Date,
) {
  const items = await closing.findOpenItems(tx, current.id, current.recoverySteps);
  const unknown = handovers.filter((h) => !items.openReferrals.some((r) => r.id === h.referralId));
  if (unknown.length > 0) {
    throw new DomainError(
      'validation_failed',
      'Serah terima hanya untuk rujukan yang masih terbuka di kasus ini',
      {
        fields: unknown.map((h) => ({ path: `handovers.${h.referralId}`, message: 'rujukan tidak terbuka' })),
      },
    );
  }
  const missing = findReferralsWithoutHandover(items.openReferrals, handovers);
  if (missing.length > 0) {
    throw new DomainError(
      'invalid_transition',
      'Rujukan orang rentan masih terbuka: selesaikan dulu, atau catat serah terimanya (ke layanan mana, siapa yang menindaklanjuti)',
      { openItems: items, referralsWithoutHandover: missing },
    );
  }
  const handedOver = handovers.map((h) => ({
    referralId: h.referralId,
    handedTo: h.handedTo.trim(),
    followUpBy: h.followUpBy.trim(),
  }));
  for (const h of handedOver) await closing.recordHandover(tx, { ...h, by: principal.user.id, now });
  const checkedOut = await closing.closeCheckIns(tx, current.id, now);
  const assignmentsEnded = await closing.endAssignments(tx, current.id);
  return {
    handedOver,
    checkedOut,
    assignmentsEnded,
    leftOpen: {
      recoverySteps: items.missingRecoverySteps,
      dispositions: items.unansweredDispositions.map((d) => d.id),
    },
  };
}

/** Marks a pemulihan sub-step done. */
export async function completeRecoveryStep(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  { step }: { step: RecoveryStep },
): Promise<CaseView> {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireHandledCase(tx, principal, caseId);
    if (current.phase !== 'pemulihan') {
      throw new DomainError('invalid_transition', 'Langkah pemulihan hanya dicatat pada tahap pemulihan');
    }
    await store.addRecoveryStep(tx, caseId, step, now);
    await recordCaseStep(tx, principal, caseId, {
      kind: 'recovery_step',
      details: { step },
      at: now,
    });
    return toView(principal, await requireCase(tx, caseId));
  });
}

/** Edits title or summary from the version the editor saw; a stale version is refused. */
export async function editCase(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  input: { version: number; title?: string; summary?: string },
): Promise<CaseView> {
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireOpenCase(tx, principal, caseId);
    if (!(await store.updateDetails(tx, caseId, input.version, input, deps.clock.now()))) {
      throw new DomainError('version_conflict', 'Kasus sudah diubah orang lain; muat ulang lalu ulangi');
    }
    await appendAudit(tx, principal, 'case.edited', caseId, {
      fields: Object.keys(input).filter((k) => k !== 'version'),
    });
    return publishCaseChange(tx, principal, caseId);
  });
}

/** Shares a case with another kab/kota whose groups are involved: its operators become handlers. */
export async function shareCase(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  { kabkotaCode }: { kabkotaCode: string },
): Promise<CaseView> {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireOpenCase(tx, principal, caseId);
    if (kabkotaCode === current.kabkotaCode)
      throw new DomainError('validation_failed', 'Kasus sudah milik kab/kota ini');
    const known = await findRegion(tx, kabkotaCode);
    if (known?.level !== 'kabkota')
      throw new DomainError('validation_failed', `Kab/kota ${kabkotaCode} tidak dikenal`);
    await handOverCase(tx, principal, caseId, {
      grant: { kind: 'region', grantee: kabkotaCode, reason: 'shared' },
      step: { kind: 'shared', details: { kabkotaCode }, at: now },
      tell: await findUsersCovering(tx, ['operator'], kabkotaCode),
      news: { kind: 'case.shared', title: `Kasus dibagikan ke wilayah Anda: ${current.title}` },
    });
    return publishCaseChange(tx, principal, caseId);
  });
}

export async function getCase(deps: CaseDeps, principal: Principal, caseId: string): Promise<CaseView> {
  return deps.db.asActor(principal.actor, async (tx) => toView(principal, await requireCase(tx, caseId)));
}

export async function listCases(
  deps: CaseDeps,
  principal: Principal,
  filter: Omit<store.CaseFilter, 'assignedTo'> & { mine?: boolean },
) {
  const rows = await deps.db.asActor(principal.actor, (tx) =>
    store.listCases(tx, { ...filter, assignedTo: filter.mine ? principal.user.id : undefined }),
  );
  return rows.map((c) => toView(principal, c));
}

export async function getTimeline(deps: CaseDeps, principal: Principal, caseId: string) {
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireCase(tx, caseId);
    authorize(principal, 'case.timeline', 'Mitra hanya melihat disposisinya');
    return store.listTimeline(tx, caseId);
  });
}
