import type { AlertView } from '../../../shared/early-warning/early-warning-schema.ts';
import {
  type AlertLevel,
  type EarlyWarningSettings,
  type Factor,
  levelRank,
} from '../../../shared/early-warning/level-model.ts';
import { levelName } from '../../../shared/early-warning/level-names.ts';
import { describeMinutes, HANDLERS_AT } from '../../../shared/escalation/ladder.ts';
import { noticeOf } from '../../../shared/notices/notice-texts.ts';
import { kabkotaOf, levelOfCode } from '../../../shared/regions.ts';
import { isInViewerScope } from '../../../shared/visibility.ts';
import { type AuditActor, appendAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { loadSettings } from '../levels/model-settings-service.ts';
import { findUsersCovering, notifyUsers } from '../notifications/notifications-service.ts';
import { findRegion } from '../regions/regions-service.ts';
import { queueDeliveries, recordDeliveries } from '../webhooks/webhooks-service.ts';
import { areaName, webhookBody } from './alert-feeds.ts';
import { type AlertDeps, moveAlert, publishAlertEvent, viewAlert } from './alerts-service.ts';
import * as store from './alerts-store.ts';

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
  if (input.source === 'otomatis' && open.some((o) => levelRank(o.level) >= levelRank(input.level)))
    return undefined;
  const replaced = open.filter((o) => levelRank(o.level) < levelRank(input.level));
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
    await moveAlert(tx, old.id, {
      status: 'diganti',
      action: `Diganti peringatan ${levelName(input.level)}`,
      note: `Diganti peringatan ${id}`,
      userId: actor.userId,
      now,
    });
  }
  await appendAudit(tx, actor, 'alert.raised', id, {
    level: input.level,
    source: input.source,
    regionCode: input.regionCode,
    replaced: replaced.map((o) => o.id),
  });
  const alert = (await store.findAlert(tx, id))!;
  const operators = await findUsersCovering(tx, HANDLERS_AT.kabkota, kabkotaCode);
  await notifyUsers(tx, operators, {
    kind: 'alert.raised',
    subjectType: 'alert',
    subjectId: id,
    title: `${levelName(input.level)}: ${areaName(alert)}`,
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
    const region = await findRegion(tx, input.regionCode);
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
      view: await viewAlert(tx, principal, alert),
      deliveryIds,
    };
  });
  await queueDeliveries(deps.db, deps.jobs?.(), result.deliveryIds);
  return result.view;
}
