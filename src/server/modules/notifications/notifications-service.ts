import { noticeOf } from '../../../shared/notices/notice-texts.ts';
import type { NoticeFacts } from '../../../shared/notices/notices.ts';
import { describeReason } from '../../../shared/reports/triage.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { foundAs } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import { findRegion } from '../regions/regions-service.ts';
import * as store from './notifications-store.ts';

export type NotificationDeps = { db: Database; clock: Clock };

/** What goes into an inbox: what happened and where. Titles and bodies must not carry personal data. */
export type NewNotification = {
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  body?: string;
  /** Also sent outside the app (WhatsApp, SMS, e-mail) to those of the recipients who opted into its kind. */
  notice?: NoticeFacts;
};

/**
 * The inbox belongs to this module: other modules put items in it through these three, inside their own
 * transaction (the items are written with its commit).
 */
export function notifyUsers(tx: Tx, userIds: readonly string[], n: NewNotification): Promise<void> {
  return store.notify(tx, userIds, n);
}

/** Puts `n` into the inbox of every active user of `roles` covering one of `kabkotaCodes`, once each. */
export function notifyCovering(
  tx: Tx,
  roles: readonly string[],
  kabkotaCodes: readonly string[],
  n: NewNotification,
): void {
  store.notifyCovering(tx, roles, kabkotaCodes, n);
}

/** The active users of `roles` whose scope covers a kab/kota (directly, through their Bakorwil, or province-wide). */
export function findUsersCovering(tx: Tx, roles: readonly string[], kabkotaCode: string): Promise<string[]> {
  return store.findUsersCovering(tx, roles, kabkotaCode);
}

/** Priorities whose reports must reach the operators' inboxes the moment they arrive. */
const URGENT_PRIORITIES = ['P1', 'P2'];

/**
 * Announces a new P1 or P2 report to every operator of its kab/kota, reasons in words:
 * "Laporan P1 baru di Tanggulwetan: anak terluka". Lower priorities wait in the report list.
 */
export async function announceUrgentReport(
  tx: Tx,
  report: {
    id: string;
    priority: string;
    priorityReasons: readonly string[];
    regionCode: string;
    regionName?: string;
    kabkotaCode: string;
  },
): Promise<void> {
  if (!URGENT_PRIORITIES.includes(report.priority)) return;
  const region = report.regionName ? { name: report.regionName } : await findRegion(tx, report.regionCode);
  const reasons = report.priorityReasons.map((reason) => describeReason(reason)).join(', ');
  store.notifyCovering(tx, ['operator'], [report.kabkotaCode], {
    kind: 'report.urgent',
    subjectType: 'report',
    subjectId: report.id,
    title: `Laporan ${report.priority} baru di ${region?.name ?? report.regionCode}: ${reasons}`,
    notice: report.priority === 'P1' ? noticeOf.p1(report.id, region?.name ?? report.regionCode) : undefined,
  });
}

/** The principal's own inbox, newest first. */
export async function listInbox(
  deps: NotificationDeps,
  principal: Principal,
  query: { isUnreadOnly: boolean; limit: number },
): Promise<{ items: store.NotificationRecord[]; unread: number }> {
  return deps.db.asActor(principal.actor, async (tx) => ({
    items: await store.listNotifications(tx, query),
    unread: await store.countUnread(tx),
  }));
}

export async function countUnread(deps: NotificationDeps, principal: Principal): Promise<number> {
  return deps.db.asActor(principal.actor, (tx) => store.countUnread(tx));
}

// Read marks are the reader's own bookkeeping, not a change to a case or report: they are not audited.

/** Marks one item of the principal's inbox read; another user's item does not exist for them. */
export async function markRead(
  deps: NotificationDeps,
  principal: Principal,
  id: string,
): Promise<store.NotificationRecord> {
  const now = deps.clock.now();
  return foundAs(deps, principal, (tx) => store.markRead(tx, id, now), 'Notifikasi tidak ditemukan');
}

/** Marks the whole inbox read; returns how many items changed. */
export async function markAllRead(deps: NotificationDeps, principal: Principal): Promise<number> {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, (tx) => store.markAllRead(tx, now));
}
