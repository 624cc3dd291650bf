// The office's reading of the channels: the "Belum ditempatkan" queue and the messages a report came from, with
// the sender's number shown only to those who handle it (and each such view access-logged).
import type { ChannelMessageView } from '../../../shared/channels/channel-schema.ts';
import { type HandlingLevel, handlesAtLevel } from '../../../shared/escalation/ladder.ts';
import { maskPhone } from '../../../shared/pillars/pillar-identity.ts';
import { toWibIso } from '../../../shared/time.ts';
import { isInViewerScope } from '../../../shared/visibility.ts';
import { logAccess } from '../../platform/audit.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import * as reports from '../reports/reports-service.ts';
import type { ChannelDeps } from './channels-service.ts';
import * as store from './channels-store.ts';

/** The "Belum ditempatkan" queue of the principal's area, oldest first; numbers shown in full (access-logged). */
export async function listQueue(deps: ChannelDeps, principal: Principal): Promise<ChannelMessageView[]> {
  authorize(principal, 'channel.place');
  return deps.db.asActor(principal.actor, async (tx) => {
    const rows = await store.listWaiting(tx, 200);
    for (const row of rows) {
      await logAccess(tx, principal.user.id, { type: 'channel_message', id: row.id }, 'channel.queue');
    }
    return rows.map((row) => toView(row, false));
  });
}

/**
 * The messages a report came from, with the reader's suggestions. The sender's number is shown to the report's
 * handlers (the kab/kota's operators; Bakorwil and province once it is escalated to them) and masked otherwise.
 */
export async function listReportMessages(
  deps: ChannelDeps,
  principal: Principal,
  reportId: string,
): Promise<ChannelMessageView[]> {
  authorize(principal, 'channel.messages');
  const report = await reports.getReport(deps, principal, reportId);
  const handler = isReportHandler(principal, report);
  return deps.db.asActor(principal.actor, async (tx) => {
    const rows = await store.listOfReport(tx, reportId);
    if (handler) {
      for (const row of rows) {
        await logAccess(tx, principal.user.id, { type: 'channel_message', id: row.id }, 'channel.sender');
      }
    }
    return rows.map((row) => toView(row, !handler));
  });
}

function isReportHandler(
  principal: Principal,
  report: { kabkotaCode: string; handlingLevel: HandlingLevel },
): boolean {
  return (
    isInViewerScope(principal.actor, report.kabkotaCode) &&
    handlesAtLevel(principal.user.role, report.handlingLevel)
  );
}

function toView(row: store.MessageListRow, masked: boolean): ChannelMessageView {
  return {
    id: row.id,
    channel: row.channel,
    sender: masked ? maskPhone(row.sender) : row.sender,
    senderMasked: masked,
    trust: row.trust,
    areaCode: row.areaCode,
    areaName: row.areaName,
    type: row.type,
    text: row.body,
    latitude: row.latitude,
    longitude: row.longitude,
    receivedAt: toWibIso(row.receivedAt),
    status: row.status,
    reportId: row.reportId,
    reading: (row.reading as ChannelMessageView['reading']) ?? null,
    joined: row.joined,
  };
}
