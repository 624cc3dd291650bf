import {
  type AlertHandlingLevel,
  allowedAlertMoves,
  CAP_BY_LEVEL,
  CAP_INSTRUCTIONS,
  canAcknowledgeAlert,
} from '../../../shared/early-warning/alert-rules.ts';
import {
  type AlertLevel,
  type EarlyWarningSettings,
  type Factor,
  LEVEL_LABELS,
} from '../../../shared/early-warning/level-model.ts';
import { climb, describeMinutes, HANDLERS_AT } from '../../../shared/escalation/ladder.ts';
import { noticeOf } from '../../../shared/notices/notice-texts.ts';
import { can } from '../../../shared/permissions/index.ts';
import { kabkotaOf, levelOfCode } from '../../../shared/regions.ts';
import { toWibIso } from '../../../shared/time.ts';
import { isInViewerScope } from '../../../shared/visibility.ts';
import { type AuditActor, appendAudit, SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { publishEvent } from '../../platform/events.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { escalateDue } from '../escalation/escalate-due.ts';
import { findUsersCovering, notifyUsers } from '../notifications/notifications-service.ts';
import * as store from './alerts-store.ts';
import { type CapDocument, renderAtom, renderCap } from './cap-xml.ts';
import { capPolygon } from './geo-areas.ts';
import { loadSettings } from './settings-service.ts';
import { queueDeliveries, recordDeliveries } from './webhooks-service.ts';

/** What the alert services need; `jobs` is a getter because jobs start after the app (they log through it). */
export type AlertDeps = {
  db: Database;
  clock: Clock;
  config: { geoDir: string | undefined; webhookAllowPrivate?: boolean };
  jobs?: () => Jobs | undefined;
};

/** CAP <sender>: the office's domain, unique per originator as CAP asks. */
export const CAP_SENDER = 'sigap.dinsos.jatimprov.go.id';
const SENDER_NAME = 'Dinas Sosial Provinsi Jawa Timur (Sigap)';
const RESTRICTION =
  'Hanya untuk Dinas Sosial, pilar sosial dan mitra penanganan konflik. Jangan disebarkan ke publik: ' +
  'menyebut kelompok secara terbuka dapat memperkeruh keadaan.';

const HANDLER_LABELS: Record<AlertHandlingLevel, string> = {
  kabkota: 'operator kab/kota',
  bakorwil: 'koordinator Bakorwil',
  provinsi: 'Dinsos Provinsi',
};

/** An alert as the API shows it. */
export type AlertView = {
  id: string;
  regionCode: string;
  regionName: string;
  kabkotaCode: string;
  kabkotaName: string;
  level: AlertLevel;
  source: 'otomatis' | 'manual';
  headline: string;
  description: string;
  factors: Factor[];
  status: store.AlertRecord['status'];
  supersedes: string | null;
  handlingLevel: AlertHandlingLevel;
  dueAcknowledgeAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  escalatedAt: string | null;
  closedAt: string | null;
  closingNote: string | null;
  publicHeadline: string | null;
  publicDescription: string | null;
  publicApprovedAt: string | null;
  createdAt: string;
  /** The operators of the kab/kota: any one of them acknowledges for all. */
  acknowledgers: { id: string; displayName: string }[];
  /** What the viewer may do now (the shared rule; the web shows exactly these buttons). */
  allowed: { acknowledge: boolean; act: boolean; close: boolean };
  capUrl: string;
};

const iso = (date: Date | null) => (date ? toWibIso(date) : null);

function toView(
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
    acknowledgedAt: iso(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    escalatedAt: iso(a.escalatedAt),
    closedAt: iso(a.closedAt),
    closingNote: a.closingNote,
    publicHeadline: a.publicHeadline,
    publicDescription: a.publicDescription,
    publicApprovedAt: iso(a.publicApprovedAt),
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

/** "Kecamatan Tanggul, Kabupaten Jember": how an alert names its area. */
export function areaName(a: { regionLevel: string; regionName: string; kabkotaName: string }): string {
  if (a.regionLevel === 'kabkota') return a.kabkotaName;
  const prefix = a.regionLevel === 'kecamatan' ? 'Kecamatan' : 'Desa/Kelurahan';
  return `${prefix} ${a.regionName}, ${a.kabkotaName}`;
}

// ── Raising ──────────────────────────────────────────────────────────────────────────────────────

export type NewAlert = {
  regionCode: string;
  level: AlertLevel;
  source: 'otomatis' | 'manual';
  headline: string;
  description: string;
  factors: Factor[];
};

/**
 * Raises an alert in the caller's transaction: replaces open alerts of the region at a lower level, notifies
 * every operator of the kab/kota, publishes the live event and records the webhook deliveries. A level-model
 * alert is not raised when the region already has an open alert at that level or higher.
 * Returns the alert and the deliveries to queue after commit, or undefined when nothing was raised.
 */
export async function raiseAlertInTx(
  tx: Tx,
  actor: { audit: AuditActor; userId: string | null },
  input: NewAlert,
  context: { now: Date; settings: EarlyWarningSettings; geoDir: string | undefined },
): Promise<{ alert: store.AlertRecord; deliveryIds: string[] } | undefined> {
  const { now, settings } = context;
  const open = await store.listOpenAlertsOf(tx, input.regionCode);
  const rank = (level: AlertLevel) => ['waspada', 'siaga', 'awas'].indexOf(level);
  if (input.source === 'otomatis' && open.some((o) => rank(o.level) >= rank(input.level))) return undefined;
  const replaced = open.filter((o) => rank(o.level) < rank(input.level));
  const kabkotaCode = kabkotaOf(input.regionCode) as string;
  const id = await store.insertAlert(tx, {
    ...input,
    kabkotaCode,
    supersedes: replaced[0]?.id ?? null,
    dueAcknowledgeAt: new Date(now.getTime() + settings.acknowledgeMinutes[input.level] * 60_000),
    createdBy: actor.userId,
    now,
  });
  for (const old of replaced) {
    await store.setStatus(tx, old.id, {
      status: 'diganti',
      now,
      userId: actor.userId,
      note: `Diganti peringatan ${id}`,
    });
    await store.insertAction(tx, {
      alertId: old.id,
      kind: 'diganti',
      action: `Diganti peringatan ${LEVEL_LABELS[input.level].id}`,
      actorId: actor.userId,
      at: now,
    });
  }
  await appendAudit(
    tx,
    actor.audit,
    'alert.raised',
    { type: 'alert', id },
    {
      level: input.level,
      source: input.source,
      regionCode: input.regionCode,
      replaced: replaced.map((o) => o.id),
    },
  );
  const alert = (await store.findAlert(tx, id))!;
  const operators = await findUsersCovering(tx, HANDLERS_AT.kabkota, kabkotaCode);
  await notifyUsers(tx, operators, {
    kind: 'alert.raised',
    subjectType: 'alert',
    subjectId: id,
    title: `${LEVEL_LABELS[input.level].id}: ${areaName(alert)}`,
    body: `Terima dalam ${describeMinutes(settings.acknowledgeMinutes[input.level])}. ${input.headline}`,
    notice: noticeOf.alert(id, input.level, areaName(alert), false),
  });
  await publishAlertEvent(tx, 'alert.raised', alert);
  const deliveryIds = await recordDeliveries(
    tx,
    alert,
    'alert.raised',
    webhookBody('alert.raised', alert, context.geoDir, now),
    now,
  );
  return { alert, deliveryIds };
}

async function publishAlertEvent(tx: Tx, type: string, a: store.AlertRecord): Promise<void> {
  await publishEvent(tx, {
    type,
    subject: { type: 'alert', id: a.id },
    visibility: { regionCode: a.regionCode },
    summary: { level: a.level, status: a.status, regionCode: a.regionCode, handlingLevel: a.handlingLevel },
  });
}

/** Raises an alert by hand (koordinator, provinsi, admin) in a region of their scope. */
export async function raiseAlert(
  deps: AlertDeps,
  principal: Principal,
  input: { regionCode: string; level: AlertLevel; headline: string; description: string },
): Promise<AlertView> {
  authorize(
    principal,
    'alert.raise',
    'Hanya koordinator, provinsi atau admin yang dapat menerbitkan peringatan',
  );
  if (levelOfCode(input.regionCode) === 'provinsi') {
    throw new DomainError('validation_failed', 'Pilih kab/kota, kecamatan atau desa');
  }
  if (!isInViewerScope(principal.actor, input.regionCode)) {
    throw new DomainError('forbidden', 'Wilayah di luar cakupan Anda');
  }
  const now = deps.clock.now();
  const result = await deps.db.asActor(principal.actor, async (tx) => {
    const region = await tx.one('SELECT 1 FROM regions WHERE code = $1', [input.regionCode]);
    if (!region) throw new DomainError('validation_failed', `Kode wilayah ${input.regionCode} tidak dikenal`);
    const settings = await loadSettings(tx);
    const raised = await raiseAlertInTx(
      tx,
      { audit: principal.audit, userId: principal.user.id },
      { ...input, source: 'manual', factors: [] },
      { now, settings, geoDir: deps.config.geoDir },
    );
    const { alert, deliveryIds } = raised!;
    return {
      view: toView(principal, alert, await store.findAcknowledgers(tx, alert.kabkotaCode)),
      deliveryIds,
    };
  });
  await queueDeliveries(deps.db, deps.jobs?.(), result.deliveryIds);
  return result.view;
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

const ALERTS_REFUSED = 'Peran Anda tidak melihat peringatan';

async function requireAlert(tx: Tx, id: string, lock = false): Promise<store.AlertRecord> {
  const found = await store.findAlert(tx, id, lock);
  if (!found) throw new DomainError('not_found', 'Peringatan tidak ditemukan');
  return found;
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
      ...toView(principal, alert, await store.findAcknowledgers(tx, alert.kabkotaCode)),
      actions: actions.map((a) => ({ ...a, at: toWibIso(a.at) })),
    };
  });
}

// ── Response ─────────────────────────────────────────────────────────────────────────────────────

/** Acknowledges an alert for every operator of its kab/kota; the others are told who took it. */
export async function acknowledgeAlert(
  deps: AlertDeps,
  principal: Principal,
  id: string,
): Promise<AlertView> {
  authorize(principal, 'alert.respond', ALERTS_REFUSED);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const alert = await requireAlert(tx, id, true);
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
    await store.setStatus(tx, id, { status: 'diterima', now, userId: principal.user.id });
    await store.insertAction(tx, {
      alertId: id,
      kind: 'diterima',
      action: 'Peringatan diterima',
      actorId: principal.user.id,
      at: now,
    });
    await appendAudit(
      tx,
      principal.audit,
      'alert.acknowledged',
      { type: 'alert', id },
      { handlingLevel: alert.handlingLevel },
    );
    const others = (await findUsersCovering(tx, HANDLERS_AT.kabkota, alert.kabkotaCode)).filter(
      (u) => u !== principal.user.id,
    );
    await notifyUsers(tx, others, {
      kind: 'alert.acknowledged',
      subjectType: 'alert',
      subjectId: id,
      title: `Peringatan ${LEVEL_LABELS[alert.level].id} ${areaName(alert)} sudah diterima`,
      body: `Diterima oleh ${principal.user.displayName}`,
    });
    const updated = await requireAlert(tx, id);
    await publishAlertEvent(tx, 'alert.acknowledged', updated);
    return toView(principal, updated, await store.findAcknowledgers(tx, alert.kabkotaCode));
  });
}

/** Records a response action (a dispatched team, a meeting, a case opened …) on an open alert. */
export async function addAlertAction(
  deps: AlertDeps,
  principal: Principal,
  id: string,
  input: { action: string; caseId?: string },
): Promise<AlertView> {
  authorize(principal, 'alert.respond', ALERTS_REFUSED);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const alert = await requireAlert(tx, id, true);
    if (!allowedAlertMoves(alert.status).act) {
      throw new DomainError('invalid_transition', 'Peringatan sudah ditutup');
    }
    if (input.caseId && !(await tx.one('SELECT 1 FROM cases WHERE id = $1', [input.caseId]))) {
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
    await appendAudit(
      tx,
      principal.audit,
      'alert.action_added',
      { type: 'alert', id },
      { caseId: input.caseId ?? null },
    );
    await publishAlertEvent(tx, 'alert.updated', alert);
    return toView(principal, alert, await store.findAcknowledgers(tx, alert.kabkotaCode));
  });
}

/** Closes an acknowledged alert with a note on how it was answered. */
export async function closeAlert(
  deps: AlertDeps,
  principal: Principal,
  id: string,
  note: string,
): Promise<AlertView> {
  authorize(principal, 'alert.respond', ALERTS_REFUSED);
  const now = deps.clock.now();
  const result = await deps.db.asActor(principal.actor, async (tx) => {
    const alert = await requireAlert(tx, id, true);
    if (!allowedAlertMoves(alert.status).close) {
      throw new DomainError(
        'invalid_transition',
        alert.status === 'aktif' ? 'Terima peringatan dulu sebelum menutupnya' : 'Peringatan sudah ditutup',
      );
    }
    await store.setStatus(tx, id, { status: 'ditutup', now, userId: principal.user.id, note });
    await store.insertAction(tx, {
      alertId: id,
      kind: 'ditutup',
      action: note,
      actorId: principal.user.id,
      at: now,
    });
    await appendAudit(tx, principal.audit, 'alert.closed', { type: 'alert', id });
    const closed = await requireAlert(tx, id);
    await publishAlertEvent(tx, 'alert.closed', closed);
    const deliveryIds = await recordDeliveries(
      tx,
      closed,
      'alert.closed',
      webhookBody('alert.closed', closed, deps.config.geoDir, now),
      now,
    );
    return {
      view: toView(principal, closed, await store.findAcknowledgers(tx, alert.kabkotaCode)),
      deliveryIds,
    };
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
  authorize(principal, 'alert.respond', ALERTS_REFUSED);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const alert = await requireAlert(tx, id, true);
    if (alert.status === 'ditutup' || alert.status === 'diganti') {
      throw new DomainError('invalid_transition', 'Peringatan sudah ditutup');
    }
    await store.setPublicText(tx, id, { ...input, userId: principal.user.id, now });
    await appendAudit(tx, principal.audit, 'alert.public_text_approved', { type: 'alert', id });
    const updated = await requireAlert(tx, id);
    return toView(principal, updated, await store.findAcknowledgers(tx, alert.kabkotaCode));
  });
}

// ── Escalation ───────────────────────────────────────────────────────────────────────────────────

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
  const reason = `Belum diterima ${HANDLER_LABELS[alert.handlingLevel]} dalam ${describeMinutes(minutes)} (${LEVEL_LABELS[alert.level].id})`;
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
  await appendAudit(
    tx,
    SYSTEM_ACTOR,
    'alert.escalated',
    { type: 'alert', id },
    { from: alert.handlingLevel, to, reason },
  );
  await notifyUsers(tx, await findUsersCovering(tx, roles, alert.kabkotaCode), {
    kind: 'alert.escalated',
    subjectType: 'alert',
    subjectId: id,
    title: `Eskalasi peringatan ${LEVEL_LABELS[alert.level].id}: ${areaName(alert)}`,
    body: reason,
    notice: noticeOf.alert(id, alert.level, areaName(alert), true),
  });
  await publishAlertEvent(tx, 'alert.escalated', (await store.findAlert(tx, id))!);
  return true;
}

// ── CAP and Atom ─────────────────────────────────────────────────────────────────────────────────

export type CapVariant = 'restricted' | 'public';

/** The CAP 1.2 document of an alert: Restricted with the full text, or Public with the approved text only. */
export function capDocumentOf(
  a: store.AlertRecord,
  variant: CapVariant,
  geoDir: string | undefined,
): CapDocument {
  const cap = CAP_BY_LEVEL[a.level];
  const isPublic = variant === 'public';
  const identifier = (id: string) => `sigap-${id}${isPublic ? '-publik' : ''}`;
  return {
    identifier: identifier(a.id),
    sender: CAP_SENDER,
    sent: a.createdAt,
    msgType: a.supersedes ? 'Update' : 'Alert',
    scope: isPublic ? 'Public' : 'Restricted',
    restriction: isPublic ? undefined : RESTRICTION,
    references:
      a.supersedes && a.supersedesCreatedAt
        ? `${CAP_SENDER},${identifier(a.supersedes)},${toWibIso(a.supersedesCreatedAt)}`
        : undefined,
    info: {
      language: 'id-ID',
      category: 'Security',
      event: 'Kerawanan konflik sosial',
      responseType: cap.responseType,
      urgency: cap.urgency,
      severity: cap.severity,
      certainty: cap.certainty,
      eventCode: [{ valueName: 'SIGAP_LEVEL', value: a.level }],
      effective: a.createdAt,
      expires: a.closedAt ?? undefined,
      senderName: SENDER_NAME,
      headline: isPublic ? (a.publicHeadline ?? '') : a.headline,
      description: isPublic ? (a.publicDescription ?? '') : restrictedDescription(a),
      instruction: CAP_INSTRUCTIONS[a.level],
      parameters: [
        { valueName: 'SIGAP_STATUS', value: a.status },
        { valueName: 'SIGAP_BATAS_TERIMA', value: toWibIso(a.dueAcknowledgeAt) },
      ],
      area: {
        areaDesc: areaName(a),
        polygon: capPolygon(geoDir, a.regionCode),
        geocodes: [{ valueName: 'KEMENDAGRI', value: a.regionCode }],
      },
    },
  };
}

function restrictedDescription(a: store.AlertRecord): string {
  if (a.factors.length === 0) return a.description;
  const factors = a.factors.map((f) => `- ${f.text}`).join('\n');
  return `${a.description}\n\nFaktor penyumbang:\n${factors}`.trim();
}

function webhookBody(event: string, a: store.AlertRecord, geoDir: string | undefined, now: Date): string {
  return JSON.stringify({
    event,
    sentAt: toWibIso(now),
    alert: {
      id: a.id,
      regionCode: a.regionCode,
      regionName: areaName(a),
      level: a.level,
      status: a.status,
      headline: a.headline,
      description: a.description,
      dueAcknowledgeAt: toWibIso(a.dueAcknowledgeAt),
      createdAt: toWibIso(a.createdAt),
    },
    cap: renderCap(capDocumentOf(a, 'restricted', geoDir)),
  });
}

/**
 * The CAP document of one alert. The restricted variant needs a signed-in staff user who may see the alert;
 * the public variant exists only once an operator approved its text, and needs no sign-in.
 */
export async function capXml(
  deps: AlertDeps,
  principal: Principal | null,
  id: string,
  variant: CapVariant,
): Promise<string> {
  const alert =
    variant === 'public'
      ? await deps.db.asSystem((tx) => store.findAlert(tx, id))
      : await restrictedAlert(deps, principal, id);
  if (!alert || (variant === 'public' && !alert.publicHeadline)) {
    throw new DomainError('not_found', 'Peringatan tidak ditemukan');
  }
  return renderCap(capDocumentOf(alert, variant, deps.config.geoDir));
}

async function restrictedAlert(deps: AlertDeps, principal: Principal | null, id: string) {
  if (!principal) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu');
  authorize(principal, 'alert.view', ALERTS_REFUSED);
  return deps.db.asActor(principal.actor, (tx) => store.findAlert(tx, id));
}

/** The Atom feed of current (open) alerts: in the principal's scope, or the approved public ones. */
export async function atomFeed(
  deps: AlertDeps,
  principal: Principal | null,
  variant: CapVariant,
  baseUrl: string,
): Promise<string> {
  let alerts: store.AlertRecord[];
  if (variant === 'public') {
    alerts = await deps.db.asSystem((tx) =>
      store.listAlerts(tx, { isOpen: true, isPublic: true, limit: 200 }),
    );
  } else {
    if (!principal) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu');
    authorize(principal, 'alert.view', ALERTS_REFUSED);
    alerts = await deps.db.asActor(principal.actor, (tx) =>
      store.listAlerts(tx, { isOpen: true, limit: 200 }),
    );
  }
  const suffix = variant === 'public' ? '?variant=public' : '';
  return renderAtom({
    id: `${baseUrl}/api/alerts/feed.xml${suffix}`,
    title:
      variant === 'public'
        ? 'Peringatan dini konflik sosial Jawa Timur'
        : 'Peringatan dini konflik sosial Jawa Timur (terbatas)',
    selfUrl: `${baseUrl}/api/alerts/feed.xml${suffix}`,
    updated: deps.clock.now(),
    entries: alerts.map((a) => ({
      id: `urn:uuid:${a.id}`,
      title: variant === 'public' ? (a.publicHeadline ?? '') : a.headline,
      updated: a.updatedAt,
      published: a.createdAt,
      summary: variant === 'public' ? (a.publicDescription ?? '') : a.description,
      capUrl: `${baseUrl}/api/alerts/${a.id}/cap.xml${suffix}`,
      category: a.level,
    })),
  });
}
