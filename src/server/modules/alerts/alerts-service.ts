// Alerts inside Sigap: reading, acknowledging, responding and closing. Raising one is in alert-raising.ts, the
// escalation in alert-escalation.ts, the CAP/Atom/webhook output in alert-feeds.ts.
import { allowedAlertMoves, canAcknowledgeAlert } from '../../../shared/early-warning/alert-rules.ts';
import type { AlertView } from '../../../shared/early-warning/early-warning-schema.ts';
import { levelName } from '../../../shared/early-warning/level-names.ts';
import { HANDLER_LABELS, HANDLERS_AT } from '../../../shared/escalation/ladder.ts';
import { can } from '../../../shared/permissions/index.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { publishEvent } from '../../platform/events.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { findCase } from '../cases/cases-service.ts';
import { findUsersCovering, notifyUsers } from '../notifications/notifications-service.ts';
import { queueDeliveries, recordDeliveries } from '../webhooks/webhooks-service.ts';
import { ALERTS_REFUSED, areaName, webhookBody } from './alert-feeds.ts';
import * as store from './alerts-store.ts';

/** What the alert services need; `jobs` is a getter because jobs start after the app (they log through it). */
export type AlertDeps = {
  db: Database;
  clock: Clock;
  config: { geoDir: string | undefined; webhookAllowPrivate?: boolean };
  jobs?: () => Jobs | undefined;
};

/** An alert record as the principal sees it, with who may acknowledge it and what the principal may do. */
export function toView(
  principal: Principal | null,
  a: store.AlertRecord,
  acknowledgers: AlertView['acknowledgers'],
): AlertView {
  const moves = allowedAlertMoves(a.status);
  const role = principal?.user.role ?? '';
  return {
    id: a.id,
    regionCode: a.regionCode,
    regionName: a.regionName,
    kabkotaCode: a.kabkotaCode,
    kabkotaName: a.kabkotaName,
    level: a.level,
    source: a.source,
    headline: a.headline,
    description: a.description,
    factors: a.factors,
    status: a.status,
    supersedes: a.supersedes,
    handlingLevel: a.handlingLevel,
    dueAcknowledgeAt: toWibIso(a.dueAcknowledgeAt),
    acknowledgedAt: toWibIsoOrNull(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    escalatedAt: toWibIsoOrNull(a.escalatedAt),
    closedAt: toWibIsoOrNull(a.closedAt),
    closingNote: a.closingNote,
    publicHeadline: a.publicHeadline,
    publicDescription: a.publicDescription,
    publicApprovedAt: toWibIsoOrNull(a.publicApprovedAt),
    createdAt: toWibIso(a.createdAt),
    acknowledgers,
    allowed: {
      acknowledge: moves.acknowledge && canAcknowledgeAlert(role, a.handlingLevel),
      act: moves.act && can(role, 'alert.respond'),
      close: moves.close && can(role, 'alert.respond'),
    },
    capUrl: `/api/alerts/${a.id}/cap.xml`,
  };
}

/** The live event of an alert's change, seen by those whose scope holds its region. */
export async function publishAlertEvent(tx: Tx, type: string, a: store.AlertRecord): Promise<void> {
  await publishEvent(tx, {
    type,
    subject: { type: 'alert', id: a.id },
    visibility: { regionCode: a.regionCode },
    summary: { level: a.level, status: a.status, regionCode: a.regionCode, handlingLevel: a.handlingLevel },
  });
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

/** Alerts in the principal's scope, newest first. */
export async function listAlerts(
  deps: AlertDeps,
  principal: Principal,
  filter: Omit<store.AlertFilter, 'isPublic'>,
): Promise<AlertView[]> {
  authorize(principal, 'alert.view', ALERTS_REFUSED);
  return deps.db.asActor(principal.actor, async (tx) => {
    const rows = await store.listAlerts(tx, filter);
    const acknowledgers = new Map<string, AlertView['acknowledgers']>();
    for (const code of new Set(rows.map((a) => a.kabkotaCode))) {
      acknowledgers.set(code, await store.findAcknowledgers(tx, code));
    }
    return rows.map((a) => toView(principal, a, acknowledgers.get(a.kabkotaCode) ?? []));
  });
}

async function requireAlert(tx: Tx, id: string, lock = false): Promise<store.AlertRecord> {
  return foundOr(await store.findAlert(tx, id, lock), 'Peringatan tidak ditemukan');
}

/** One alert with its response so far. */
export async function getAlert(
  deps: AlertDeps,
  principal: Principal,
  id: string,
): Promise<AlertView & { actions: (Omit<store.AlertAction, 'at'> & { at: string })[] }> {
  authorize(principal, 'alert.view', ALERTS_REFUSED);
  return deps.db.asActor(principal.actor, async (tx) => {
    const alert = await requireAlert(tx, id);
    const actions = await store.listActions(tx, id);
    return {
      ...(await viewAlert(tx, principal, alert)),
      actions: actions.map((a) => ({ ...a, at: toWibIso(a.at) })),
    };
  });
}

// ── Response ─────────────────────────────────────────────────────────────────────────────────────

/** An alert as `principal` sees it, with the operators who must acknowledge it. */
export async function viewAlert(tx: Tx, principal: Principal, alert: store.AlertRecord): Promise<AlertView> {
  return toView(principal, alert, await store.findAcknowledgers(tx, alert.kabkotaCode));
}

/** Runs one response to an alert: refused to those who do not respond, the alert locked in their transaction. */
async function respondToAlert<T>(
  deps: AlertDeps,
  principal: Principal,
  id: string,
  respond: (tx: Tx, alert: store.AlertRecord, now: Date) => Promise<T>,
): Promise<T> {
  authorize(principal, 'alert.respond', ALERTS_REFUSED);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => respond(tx, await requireAlert(tx, id, true), now));
}

/** Moves an alert to `status` (acknowledged, closed, replaced) and logs the move among its actions. */
export async function moveAlert(
  tx: Tx,
  id: string,
  move: {
    status: 'diterima' | 'ditutup' | 'diganti';
    action: string;
    note?: string;
    userId: string | null;
    now: Date;
  },
): Promise<void> {
  await store.setStatus(tx, id, { status: move.status, now: move.now, userId: move.userId, note: move.note });
  await store.insertAction(tx, {
    alertId: id,
    kind: move.status,
    action: move.action,
    actorId: move.userId,
    at: move.now,
  });
}

/**
 * Acknowledges an alert for every operator of its kab/kota; the others are told who took it. A retry by the
 * user who acknowledged it, while it is still acknowledged, answers the alert as it is and records nothing.
 */
export async function acknowledgeAlert(
  deps: AlertDeps,
  principal: Principal,
  id: string,
): Promise<AlertView> {
  return respondToAlert(deps, principal, id, async (tx, alert, now) => {
    if (alert.status === 'diterima' && alert.acknowledgedBy === principal.user.id) {
      return viewAlert(tx, principal, alert);
    }
    if (!allowedAlertMoves(alert.status).acknowledge) {
      throw new DomainError(
        'invalid_transition',
        `Peringatan berstatus ${alert.status} tidak dapat diterima lagi`,
      );
    }
    if (!canAcknowledgeAlert(principal.user.role, alert.handlingLevel)) {
      throw new DomainError(
        'forbidden',
        `Peringatan ini diterima oleh ${HANDLER_LABELS.kabkota} atau tingkat penanganannya`,
      );
    }
    const userId = principal.user.id;
    await moveAlert(tx, id, { status: 'diterima', action: 'Peringatan diterima', userId, now });
    await appendAudit(tx, principal, 'alert.acknowledged', id, { handlingLevel: alert.handlingLevel });
    const others = (await findUsersCovering(tx, HANDLERS_AT.kabkota, alert.kabkotaCode)).filter(
      (u) => u !== principal.user.id,
    );
    await notifyUsers(tx, others, {
      kind: 'alert.acknowledged',
      subjectType: 'alert',
      subjectId: id,
      title: `Peringatan ${levelName(alert.level)} ${areaName(alert)} sudah diterima`,
      body: `Diterima oleh ${principal.user.displayName}`,
    });
    const updated = await requireAlert(tx, id);
    await publishAlertEvent(tx, 'alert.acknowledged', updated);
    return viewAlert(tx, principal, updated);
  });
}

/** Records a response action (a dispatched team, a meeting, a case opened …) on an open alert. */
export async function addAlertAction(
  deps: AlertDeps,
  principal: Principal,
  id: string,
  input: { action: string; caseId?: string },
): Promise<AlertView> {
  return respondToAlert(deps, principal, id, async (tx, alert, now) => {
    if (!allowedAlertMoves(alert.status).act) {
      throw new DomainError('invalid_transition', 'Peringatan sudah ditutup');
    }
    if (input.caseId && !(await findCase(tx, input.caseId))) {
      throw new DomainError('not_found', 'Kasus tidak ditemukan');
    }
    await store.insertAction(tx, {
      alertId: id,
      kind: 'tindakan',
      action: input.action,
      caseId: input.caseId,
      actorId: principal.user.id,
      at: now,
    });
    await appendAudit(tx, principal, 'alert.action_added', id, { caseId: input.caseId ?? null });
    await publishAlertEvent(tx, 'alert.updated', alert);
    return viewAlert(tx, principal, alert);
  });
}

/** Closes an acknowledged alert with a note on how it was answered. */
export async function closeAlert(
  deps: AlertDeps,
  principal: Principal,
  id: string,
  note: string,
): Promise<AlertView> {
  const result = await respondToAlert(deps, principal, id, async (tx, alert, now) => {
    if (!allowedAlertMoves(alert.status).close) {
      throw new DomainError(
        'invalid_transition',
        alert.status === 'aktif' ? 'Terima peringatan dulu sebelum menutupnya' : 'Peringatan sudah ditutup',
      );
    }
    await moveAlert(tx, id, { status: 'ditutup', action: note, note, userId: principal.user.id, now });
    await appendAudit(tx, principal, 'alert.closed', id);
    const closed = await requireAlert(tx, id);
    await publishAlertEvent(tx, 'alert.closed', closed);
    const deliveryIds = await recordDeliveries(
      tx,
      closed,
      'alert.closed',
      webhookBody('alert.closed', closed, deps.config.geoDir, now),
      now,
    );
    return { view: await viewAlert(tx, principal, closed), deliveryIds };
  });
  await queueDeliveries(deps.db, deps.jobs?.(), result.deliveryIds);
  return result.view;
}

/** Approves the text of the public variant (no group names unless the operator chose to). */
export async function approvePublicText(
  deps: AlertDeps,
  principal: Principal,
  id: string,
  input: { headline: string; description: string },
): Promise<AlertView> {
  return respondToAlert(deps, principal, id, async (tx, alert, now) => {
    if (alert.status === 'ditutup' || alert.status === 'diganti') {
      throw new DomainError('invalid_transition', 'Peringatan sudah ditutup');
    }
    await store.setPublicText(tx, id, { ...input, userId: principal.user.id, now });
    await appendAudit(tx, principal, 'alert.public_text_approved', id);
    return viewAlert(tx, principal, await requireAlert(tx, id));
  });
}
