// Messages in from WhatsApp and SMS: each is kept, then becomes a report through the report intake when its
// place is known at least to the kab/kota, joins the sender's draft of the last 30 minutes, or waits in the
// "Belum ditempatkan" queue of the sender's area. Replies go to the outbox, sent after commit by a job.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { MessageChannel } from '../../../shared/channels/channel-schema.ts';
import { readShortForm, resolveShortFormPlace, type ShortForm } from '../../../shared/channels/short-form.ts';
import { levelOfCode } from '../../../shared/regions.ts';
import { ReportInput } from '../../../shared/reports/report-schema.ts';
import { readText, type TextReading } from '../../../shared/text-reader/read-text.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { ChannelsConfig } from '../../platform/config.ts';
import { singleStatements } from '../../platform/db.ts';
import { DomainError, invalidField } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import * as reports from '../reports/reports-service.ts';
import { jatimGazetteer } from '../text-reader/gazetteer-load.ts';
import { kickOutbox } from './channels-outbox.ts';
import {
  draftReport,
  JOIN_WINDOW_MS,
  placeOf,
  placeQuestionText,
  receiptText,
  UNKNOWN_SENDER_PER_HOUR,
} from './channels-rules.ts';
import { identify, reporterPrincipal, type Sender, senderPhone } from './channels-senders.ts';

export { senderPhone };

import * as fresh from './channels-fresh-store.ts';
import * as store from './channels-store.ts';
import type { Inbound } from './whatsapp-rules.ts';

export type ChannelDeps = reports.ReportDeps & {
  config: ChannelsConfig;
  /** Fetches a WhatsApp photo by its media id (the Graph API in production, a fake in tests). */
  fetchMedia?: (mediaId: string) => Promise<Buffer>;
};

export type Outcome = { status: store.MessageStatus; reportId: string | null; duplicate: boolean };

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

/** A UUID derived from a hash, so the report of a message is the same report whenever it is made. */
function uuidOf(seed: string): string {
  const h = sha256(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The id of the report a lead becomes, whoever files it and however often (migrations/0036 derives it too). */
export const reportIdOfLead = (leadId: string): string => uuidOf(`channel-message:${leadId}`);

/** True when `given` equals `expected`, in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(sha256(given));
  const b = Buffer.from(sha256(expected));
  return timingSafeEqual(a, b);
}

/** Checks `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw body under the app secret. */
export function validWhatsAppSignature(raw: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', appSecret).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// ── Intake ──────────────────────────────────────────────────────────────────────────────────────────────

/** Records the delivery states a provider reports for messages sent earlier. */
export async function recordDeliveryStatuses(
  deps: ChannelDeps,
  statuses: readonly { providerId: string; status: 'diterima' | 'dibaca' | 'gagal' }[],
): Promise<void> {
  if (statuses.length === 0) return;
  await deps.db.asSystem(async (tx) => {
    for (const s of statuses) await store.updateDelivery(tx, s.providerId, s.status);
  });
}

/** Takes in one message; a retried delivery (same provider id) changes nothing and answers the first outcome. */
export async function takeIn(deps: ChannelDeps, channel: MessageChannel, m: Inbound): Promise<Outcome> {
  const sender = senderPhone(m.from);
  if (!sender) throw new DomainError('bad_request', 'from: bukan nomor telepon / not a phone number');
  const window: store.TakeInWindow = {
    joinSince: new Date(m.receivedAt.getTime() - JOIN_WINDOW_MS),
    hourAgo: new Date(m.receivedAt.getTime() - 3600_000),
    perHour: UNKNOWN_SENDER_PER_HOUR,
  };
  const atOnce = await reportAtOnce(deps, channel, m, sender, window);
  if (atOnce) return atOnce;
  // One statement, committed on its own, keeps the message: who sent it, the limit, the open draft, the row and
  // its audit entry (a retry writes nothing).
  const taken = await store.takeInMessage(
    singleStatements(deps.db),
    { ...m, channel, sender, body: m.text },
    window,
  );
  if (!taken) {
    const again = await deps.db.asSystem((tx) => store.findByProviderId(tx, channel, m.providerId));
    if (!again) throw new DomainError('conflict', 'Pesan sedang diproses; kirim ulang nanti');
    return retried(deps, again);
  }
  const { row, lead } = taken;
  if (row.status === 'dibatasi') return { status: 'dibatasi', reportId: null, duplicate: false };
  const who: Sender = { userId: row.senderUserId, trust: row.trust, home: taken.home };
  const outcome = await settle(deps, lead ?? row, who, lead ? row : undefined);
  return { ...outcome, status: lead ? 'digabung' : outcome.status };
}

/**
 * A new text from a number that is nobody's, under its limit and with no open draft, that names its place: filed
 * as the channel's reporter, with the message kept (already reported), audited and its receipt queued by the
 * report's own COMMIT — one transaction, checked again by the database under the number's lock. Undefined when the
 * message is not such a text or the transaction did not commit (a known number, a draft or a retry meanwhile, any
 * error): the caller then takes it in the usual way, which keeps it whatever happens next.
 */
async function reportAtOnce(
  deps: ChannelDeps,
  channel: MessageChannel,
  m: Inbound,
  sender: string,
  window: store.TakeInWindow,
): Promise<Outcome | undefined> {
  if (m.type !== 'text' || !m.text.trim()) return undefined;
  const { reading, shortForm, place } = readDraft(m.text, null);
  if (!place) return undefined;
  if (!(await fresh.isFreshNumber(singleStatements(deps.db), channel, sender, m.providerId, window))) {
    return undefined;
  }
  const id = randomUUID();
  const fields = draftReport({
    text: m.text,
    reading,
    shortForm,
    regionCode: place,
    latitude: null,
    longitude: null,
    receivedAt: m.receivedAt,
    channel,
  });
  const input = ReportInput.parse({ id: reportIdOfLead(id), ...fields });
  const principal = await reporterPrincipal(deps, channel, null);
  try {
    const { report, created } = await reports.submitReport(deps, principal, input, (tx, filed) =>
      fresh.messageReportedAtCommit(
        tx,
        {
          id,
          channel,
          providerId: m.providerId,
          sender,
          body: m.text,
          receivedAt: m.receivedAt,
          reportId: filed.id,
          reading,
        },
        window,
        receiptText(filed.id, filed.priority),
      ),
    );
    if (!created) return undefined;
    kickOutbox(deps.jobs?.());
    return { status: 'dilaporkan', reportId: report.id, duplicate: false };
  } catch {
    return undefined;
  }
}

/** A delivery seen before: finishes its lead if a crash left it half done, and answers what became of it. */
async function retried(deps: ChannelDeps, row: store.MessageRow): Promise<Outcome> {
  if (row.leadId === null && row.status === 'menunggu') {
    const who = await identify(deps, row.sender);
    const outcome = await settle(deps, row, who, undefined);
    return { ...outcome, duplicate: true };
  }
  const lead = row.leadId ? await deps.db.asSystem((tx) => store.findMessage(tx, row.leadId as string)) : row;
  // Joined to a lead with a report but not yet to that report (settling it marks it so): the first delivery
  // stopped between taking it in and changing the report, so the retry does what the first did not.
  if (row.leadId !== null && row.status === 'digabung' && row.reportId === null && lead?.reportId) {
    const outcome = await settle(deps, lead, await identify(deps, row.sender), row);
    return { ...outcome, status: 'digabung', duplicate: true };
  }
  return { status: row.status, reportId: lead?.reportId ?? null, duplicate: true };
}

type Draft = { body: string; latitude: number | null; longitude: number | null };

/** What a lead and the messages joined to it say together: their texts in order, the last pin. */
function joinDraft(lead: store.MessageRow, joined: store.MessageRow | undefined): Draft {
  if (!joined) return { body: lead.body, latitude: lead.latitude, longitude: lead.longitude };
  const text = joined.body ? [lead.body, joined.body].filter(Boolean).join('\n') : lead.body;
  return {
    body: text,
    latitude: joined.latitude ?? lead.latitude,
    longitude: joined.longitude ?? lead.longitude,
  };
}

function readDraft(
  text: string,
  home: string | null,
): { reading: TextReading; shortForm: ShortForm | null; place: string | null } {
  const shortForm = readShortForm(text);
  const gazetteer = jatimGazetteer();
  // The reader reads the message as written, so its deciding words point into the text the office sees; the
  // short form's kind word and desa, when there is one, stand in for the reader's own guesses.
  let reading = readText(text || '-', gazetteer, { homeRegion: home });
  const shortPlace = shortForm ? resolveShortFormPlace(gazetteer, shortForm.place, home) : undefined;
  if (shortForm) {
    reading = {
      ...reading,
      conflictType: shortForm.conflictType,
      ...(shortPlace
        ? {
            regionCode: shortPlace.code,
            kabkotaCode: shortPlace.kabkotaCode,
            kecamatanCode: shortPlace.kecamatanCode,
            desaCode: shortPlace.level === 'desa' ? shortPlace.code : null,
          }
        : {}),
    };
  }
  return { reading, shortForm, place: placeOf(reading, shortPlace) };
}

/**
 * Brings a lead up to date with a message joined to it (or just read, when new): a lead with a report gets the
 * joined text, pin or photo; a waiting lead becomes a report once its place is known, else asks for it once.
 */
async function settle(
  deps: ChannelDeps,
  lead: store.MessageRow,
  who: Sender,
  joined: store.MessageRow | undefined,
): Promise<Outcome> {
  const draft = joinDraft(lead, joined);
  const principal = await reporterPrincipal(deps, lead.channel, who.userId);
  if (lead.reportId) {
    await amendFromJoined(deps, principal, lead, draft, joined);
    await store.settleLead(
      singleStatements(deps.db),
      lead.id,
      { ...draft, reading: lead.reading, status: 'dilaporkan', reportId: lead.reportId },
      undefined,
    );
    return { status: 'dilaporkan', reportId: lead.reportId, duplicate: false };
  }
  const { reading, shortForm, place } = draft.body.trim()
    ? readDraft(draft.body, who.home)
    : { reading: null, shortForm: null, place: null };
  if (!reading || !place) {
    await store.settleLead(
      singleStatements(deps.db),
      lead.id,
      { ...draft, reading, status: 'menunggu', reportId: null },
      {
        channel: lead.channel,
        recipient: lead.sender,
        body: placeQuestionText(),
        eventKey: `question:${lead.id}`,
      },
    );
    kickOutbox(deps.jobs?.());
    return { status: 'menunggu', reportId: null, duplicate: false };
  }
  const reportId = await fileReport(deps, principal, lead, draft, reading, shortForm, place);
  return { status: 'dilaporkan', reportId, duplicate: false };
}

/**
 * Files the lead's report through the intake, attaches the thread's photos, and queues the receipt. A lead that
 * becomes a report by itself records that, and queues its receipt, with the report's own COMMIT.
 */
async function fileReport(
  deps: ChannelDeps,
  principal: Principal,
  lead: store.MessageRow,
  draft: Draft,
  reading: TextReading,
  shortForm: ShortForm | null,
  regionCode: string,
  placedBy?: Principal,
): Promise<string> {
  const fields = draftReport({
    text: draft.body,
    reading,
    shortForm,
    regionCode,
    latitude: draft.latitude,
    longitude: draft.longitude,
    receivedAt: lead.receivedAt,
    channel: lead.channel,
  });
  const input = ReportInput.parse({ id: reportIdOfLead(lead.id), ...fields });
  const inIntake: reports.AtIntakeCommit | undefined = placedBy
    ? undefined
    : (tx, filed) =>
        store.leadReportedAtCommit(
          tx,
          lead.id,
          { ...draft, reading, reportId: filed.id },
          receiptText(filed.id, filed.priority),
        );
  const { report, created } = await reports.submitReport(deps, principal, input, inIntake);
  const outcome: store.LeadOutcome = { ...draft, reading, status: 'dilaporkan', reportId: report.id };
  const receipt = {
    channel: lead.channel,
    recipient: lead.sender,
    body: receiptText(report.id, report.priority),
    eventKey: `receipt:${report.id}`,
  };
  if (placedBy) {
    await deps.db.asSystem(async (tx) => {
      store.updateLead(tx, lead.id, outcome);
      await store.setPlacedBy(tx, lead.id, placedBy.user.id);
      await appendAudit(
        tx,
        placedBy,
        'channel.message_placed',
        { type: 'channel_message', id: lead.id },
        { reportId: report.id, regionCode },
      );
      store.enqueueAtCommit(tx, { ...receipt, messageId: lead.id });
    });
  } else if (!created) {
    // the report was filed before (another delivery of the same thread got there first): bring the lead up to date
    await store.settleLead(singleStatements(deps.db), lead.id, outcome, receipt);
  }
  await attachThreadPhotos(deps, principal, lead.id, report.id);
  kickOutbox(deps.jobs?.());
  return report.id;
}

/** A text, pin or photo joined to a lead that is already a report changes that report. */
async function amendFromJoined(
  deps: ChannelDeps,
  principal: Principal,
  lead: store.MessageRow,
  draft: Draft,
  joined: store.MessageRow | undefined,
): Promise<void> {
  if (!joined || !lead.reportId) return;
  if (joined.type === 'image') {
    await attachThreadPhotos(deps, principal, lead.id, lead.reportId);
    if (!joined.body) return;
  }
  const current = await reports.getReport(deps, principal, lead.reportId);
  const changes: Record<string, unknown> = {};
  if (joined.body) changes.description = draft.body.slice(0, 5000);
  if (joined.type === 'location') {
    const fields = draftReport({
      text: draft.body,
      reading: readDraft('-', null).reading,
      shortForm: null,
      regionCode: current.regionCode,
      latitude: joined.latitude,
      longitude: joined.longitude,
      receivedAt: lead.receivedAt,
      channel: lead.channel,
    });
    if (fields.latitude != null) {
      changes.latitude = fields.latitude;
      changes.longitude = fields.longitude;
    }
  }
  // A retry after a stop between the amendment and its lead's record finds the report already amended.
  if (Object.keys(changes).length === 0 || reports.holdsAlready(current, changes)) return;
  await reports.amendReport(deps, principal, lead.reportId, current.version, changes);
}

/** Fetches and attaches the photos of a thread; a photo that cannot be fetched stays as its media id. */
async function attachThreadPhotos(
  deps: ChannelDeps,
  principal: Principal,
  leadId: string,
  reportId: string,
): Promise<void> {
  if (!deps.fetchMedia) return;
  const images = await deps.db.asSystem((tx) => store.listThreadImages(tx, leadId));
  for (const image of images) {
    try {
      const bytes = await deps.fetchMedia(image.mediaId);
      await reports.addPhoto(deps, principal, reportId, uuidOf(`channel-photo:${image.id}`), bytes);
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'unsupported_media_type') throw error;
      // a photo the provider no longer has, or not an image: the message keeps its media id
    }
  }
}

// ── The office ──────────────────────────────────────────────────────────────────────────────────────────

/** Places a waiting message by hand: it becomes a report in that place, reported by its sender. */
export async function placeMessage(
  deps: ChannelDeps,
  principal: Principal,
  id: string,
  regionCode: string,
): Promise<{ reportId: string; priority: string }> {
  authorize(principal, 'channel.place');
  const lead = await deps.db.asActor(principal.actor, (tx) => store.findVisible(tx, id));
  if (!lead || lead.leadId !== null) throw new DomainError('not_found', 'Pesan tidak ditemukan');
  if (lead.status !== 'menunggu' || lead.reportId) {
    throw new DomainError('conflict', 'Pesan ini sudah menjadi laporan', { reportId: lead.reportId });
  }
  if (levelOfCode(regionCode) === 'provinsi') {
    throw invalidField('regionCode', 'pilih kab/kota, kecamatan atau desa tempat kejadian');
  }
  const who = await identify(deps, lead.sender);
  const reporter = await reporterPrincipal(deps, lead.channel, who.userId);
  const draft = joinDraft(lead, undefined);
  const { reading, shortForm } = readDraft(draft.body, regionCode);
  const reportId = await fileReport(deps, reporter, lead, draft, reading, shortForm, regionCode, principal);
  const placed = await reports.getReport(deps, reporter, reportId);
  return { reportId, priority: placed.priority };
}
