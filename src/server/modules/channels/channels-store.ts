// SQL of the channels module: messages taken in from WhatsApp and SMS, their senders, and the outbox.
import type { MessageChannel, SenderTrust } from '../../../shared/channels/channel-schema.ts';
import { auditAppendSql } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db.ts';
import { deliveryQueue } from '../../platform/delivery-queue.ts';
import type { TakeInWindow } from './channels-fresh-store.ts';

export type { TakeInWindow };

export type MessageType = 'text' | 'location' | 'image';
export type MessageStatus = 'menunggu' | 'dilaporkan' | 'digabung' | 'dibatasi';

export type MessageRow = {
  id: string;
  channel: MessageChannel;
  providerId: string;
  sender: string;
  senderUserId: string | null;
  trust: SenderTrust;
  areaCode: string;
  type: MessageType;
  body: string;
  latitude: number | null;
  longitude: number | null;
  mediaId: string | null;
  receivedAt: Date;
  leadId: string | null;
  status: MessageStatus;
  reading: unknown;
  reportId: string | null;
};

const COLUMNS = `m.id, m.channel, m.provider_id AS "providerId", m.sender, m.sender_user_id AS "senderUserId", m.trust,
  m.area_code AS "areaCode", m.message_type AS "type", m.body, m.latitude, m.longitude, m.media_id AS "mediaId",
  m.received_at AS "receivedAt", m.lead_id AS "leadId", m.status, m.reading, m.report_id AS "reportId"`;

/**
 * Who the phone in parameter `$n` belongs to, as one row (none for an unknown number): a user with that phone
 * (their home is their scope's region), else a pillar (its home desa; an account it may have reports as that user).
 */
const senderOf = (n: number) => `SELECT "userId", home, trust FROM (
    (SELECT u.id AS "userId", u.scope_region_code AS home, 'pengguna' AS trust, 0 AS rank
     FROM users u WHERE u.phone = $${n} AND u.is_active LIMIT 1)
    UNION ALL
    (SELECT p.user_id, p.home_region_code, CASE WHEN p.user_id IS NULL THEN 'pilar' ELSE 'pengguna' END, 1
     FROM pillars p LEFT JOIN users u ON u.id = p.user_id
     WHERE p.phone = $${n} AND p.status = 'aktif' ORDER BY (u.is_active IS TRUE) DESC, p.created_at LIMIT 1)
  ) found ORDER BY rank LIMIT 1`;

/** A known sender: the account it reports as (none for a pillar without one), its home region, its trust. */
export type FoundSender = { userId: string | null; home: string | null; trust: 'pengguna' | 'pilar' };

/** Who a phone belongs to: a user with that phone, or a pillar (with the account it may have). */
export async function findSender(tx: Tx, phone: string): Promise<FoundSender | undefined> {
  return tx.one<FoundSender>(senderOf(1), [phone]);
}

/** A message as a gateway delivers it, with the sender's phone normalised. */
export type NewMessage = Pick<
  MessageRow,
  'channel' | 'providerId' | 'sender' | 'type' | 'body' | 'latitude' | 'longitude' | 'mediaId' | 'receivedAt'
>;

/** What taking in a message did: its row, the lead it joined (if it did), and its sender's home region. */
export type TakenIn = { row: MessageRow; lead: MessageRow | undefined; home: string | null };

/**
 * Takes in a message in one statement, committed on its own (run it through `singleStatements`): finds who the
 * number belongs to, counts what it sent on the channel since `hourAgo`, locks its open draft (its latest lead on
 * the channel since `joinSince`), and stores the message — `dibatasi` for an unknown number past `perHour`, else
 * joined to that draft (`digabung`), else a new lead (`menunggu`) — in the queue of the sender's kab/kota (the
 * province for an unknown sender or a province-wide user), with its audit entry. Undefined when the provider id was
 * taken in before (a retried delivery: nothing is written).
 */
export async function takeInMessage(
  tx: Tx,
  m: NewMessage,
  window: TakeInWindow,
): Promise<TakenIn | undefined> {
  const audit = auditAppendSql(
    { id: null, label: `kanal:${m.channel}` },
    'channel.message_received',
    { type: 'channel_message', idSql: 'm.id::text' },
    `jsonb_build_object('channel', m.channel, 'type', m.message_type, 'trust', m.trust,
       'joined', m.lead_id IS NOT NULL, 'limited', m.status = 'dibatasi')`,
  );
  const rows = await tx.query<MessageRow & { part: 'message' | 'lead'; home: string | null }>(
    `WITH sender AS (${senderOf(3)}),
     recent AS (
       SELECT count(*)::int AS n FROM channel_messages WHERE channel = $1 AND sender = $3 AND received_at >= $11),
     draft AS (
       SELECT * FROM channel_messages
       WHERE channel = $1 AND sender = $3 AND received_at >= $10 AND lead_id IS NULL
         AND status IN ('menunggu', 'dilaporkan')
       ORDER BY received_at DESC LIMIT 1 FOR UPDATE),
     decided AS (
       SELECT s."userId", s.home, coalesce(s.trust, 'warga') AS trust,
              s.trust IS NULL AND recent.n >= $12::int AS limited, draft.id AS draft_id
       FROM recent LEFT JOIN sender s ON true LEFT JOIN draft ON true),
     taken AS (
       INSERT INTO channel_messages AS m (channel, provider_id, sender, sender_user_id, trust, area_code, message_type,
         body, latitude, longitude, media_id, received_at, lead_id, status)
       SELECT $1, $2, $3, d."userId", d.trust, coalesce(left(d.home, 5), '35'), $4, $5, $6::float8, $7::float8, $8,
              $9::timestamptz, CASE WHEN d.limited THEN NULL ELSE d.draft_id END,
              CASE WHEN d.limited THEN 'dibatasi' WHEN d.draft_id IS NOT NULL THEN 'digabung' ELSE 'menunggu' END
       FROM decided d
       ON CONFLICT (channel, provider_id) DO NOTHING RETURNING m.*)
     SELECT 'message' AS part, ${COLUMNS}, d.home, ${audit} AS audited FROM taken m CROSS JOIN decided d
     UNION ALL
     SELECT 'lead', ${COLUMNS}, NULL, NULL FROM draft m JOIN taken t ON t.lead_id = m.id`,
    [
      m.channel,
      m.providerId,
      m.sender,
      m.type,
      m.body,
      m.latitude,
      m.longitude,
      m.mediaId,
      m.receivedAt,
      window.joinSince,
      window.hourAgo,
      window.perHour,
    ],
  );
  const message = rows.find((r) => r.part === 'message');
  if (!message) return undefined;
  const lead = rows.find((r) => r.part === 'lead');
  return { row: toMessage(message), lead: lead && toMessage(lead), home: message.home };
}

/** A message row without the statement's own columns. */
function toMessage(row: MessageRow & { part?: string; home?: string | null; audited?: unknown }): MessageRow {
  const { part: _part, home: _home, audited: _audited, ...message } = row;
  return message;
}

export async function findByProviderId(
  tx: Tx,
  channel: MessageChannel,
  providerId: string,
): Promise<MessageRow | undefined> {
  return tx.one<MessageRow>(
    `SELECT ${COLUMNS} FROM channel_messages m WHERE channel = $1 AND provider_id = $2`,
    [channel, providerId],
  );
}

export async function findMessage(tx: Tx, id: string): Promise<MessageRow | undefined> {
  return tx.one<MessageRow>(`SELECT ${COLUMNS} FROM channel_messages m WHERE m.id = $1`, [id]);
}

/** A lead's joined text, pin and reading, and what became of it. */
export type LeadOutcome = {
  body: string;
  latitude: number | null;
  longitude: number | null;
  reading: unknown;
  status: MessageStatus;
  reportId: string | null;
};

const UPDATE_LEAD = `UPDATE channel_messages SET body = $2, latitude = $3, longitude = $4, reading = $5, status = $6,
  report_id = $7 WHERE id = $1`;
/** The messages joined to a lead belong to its report too (their row security follows the report). */
const UPDATE_JOINED = `UPDATE channel_messages SET report_id = $7 WHERE lead_id = $1 AND report_id IS NULL
  AND $7::uuid IS NOT NULL`;
const leadParams = (id: string, o: LeadOutcome) => [
  id,
  o.body,
  o.latitude,
  o.longitude,
  JSON.stringify(o.reading),
  o.status,
  o.reportId,
];

/**
 * Keeps a lead's outcome with the transaction's COMMIT (in its round trip: nothing in the transaction reads it
 * back); its joined messages take its report.
 */
export function updateLead(tx: Tx, id: string, outcome: LeadOutcome): void {
  const params = leadParams(id, outcome);
  tx.atCommit(UPDATE_LEAD, params);
  if (outcome.reportId) tx.atCommit(UPDATE_JOINED, params);
}

/**
 * Keeps a lead's outcome (see updateLead) and queues its reply, if any, once per event key, in one statement
 * committed on its own (run it through `singleStatements`).
 */
export async function settleLead(
  tx: Tx,
  id: string,
  outcome: LeadOutcome,
  reply: Omit<OutboxItem, 'messageId'> | undefined,
): Promise<void> {
  await tx.query(
    `WITH lead AS (${UPDATE_LEAD} RETURNING id),
     joined AS (${UPDATE_JOINED}),
     queued AS (
       INSERT INTO channel_outbox (channel, recipient, body, event_key, message_id)
       SELECT $8, $9, $10, $11, $1 WHERE $11::text IS NOT NULL
       ON CONFLICT (event_key) DO NOTHING)
     SELECT id FROM lead`,
    [
      ...leadParams(id, outcome),
      reply?.channel ?? null,
      reply?.recipient ?? null,
      reply?.body ?? null,
      reply?.eventKey ?? null,
    ],
  );
}

/**
 * Records a waiting lead's report and queues its receipt with the COMMIT of the transaction that filed the report,
 * as its reporter (migrations/0036: the function checks that this transaction inserted that lead's report, as the
 * one the message reports as, and writes only that lead, its joined messages and one receipt to its sender).
 */
export function leadReportedAtCommit(
  tx: Tx,
  id: string,
  outcome: Pick<LeadOutcome, 'body' | 'latitude' | 'longitude' | 'reading'> & { reportId: string },
  receipt: string,
): void {
  tx.atCommit('SELECT sigap_channel_lead_reported($1, $2, $3, $4, $5, $6::jsonb, $7)', [
    id,
    outcome.reportId,
    outcome.body,
    outcome.latitude,
    outcome.longitude,
    JSON.stringify(outcome.reading),
    receipt,
  ]);
}

/** The photos waiting in a lead's thread (media ids of its joined images). */
export async function listThreadImages(tx: Tx, leadId: string): Promise<{ id: string; mediaId: string }[]> {
  return tx.query(
    `SELECT id, media_id AS "mediaId" FROM channel_messages
     WHERE (id = $1 OR lead_id = $1) AND message_type = 'image' AND media_id IS NOT NULL ORDER BY received_at, id`,
    [leadId],
  );
}

/** Records who placed a waiting lead by hand. */
export async function setPlacedBy(tx: Tx, id: string, userId: string): Promise<void> {
  await tx.query('UPDATE channel_messages SET placed_by = $2 WHERE id = $1', [id, userId]);
}

export type MessageListRow = MessageRow & { areaName: string; joined: number };

const LIST = `SELECT ${COLUMNS}, r.name AS "areaName",
    (SELECT count(*)::int FROM channel_messages j WHERE j.lead_id = m.id) AS joined
  FROM channel_messages m JOIN regions r ON r.code = m.area_code`;

/** The waiting leads the actor's scope reaches, oldest first. */
export async function listWaiting(tx: Tx, limit: number): Promise<MessageListRow[]> {
  return tx.query(
    `${LIST} WHERE m.status = 'menunggu' AND m.lead_id IS NULL ORDER BY m.received_at, m.id LIMIT $1`,
    [limit],
  );
}

/** The leads a report came from. */
export async function listOfReport(tx: Tx, reportId: string): Promise<MessageListRow[]> {
  return tx.query(`${LIST} WHERE m.report_id = $1 AND m.lead_id IS NULL ORDER BY m.received_at, m.id`, [
    reportId,
  ]);
}

/** One waiting lead as the actor sees it. */
export async function findVisible(tx: Tx, id: string): Promise<MessageListRow | undefined> {
  return tx.one(`${LIST} WHERE m.id = $1`, [id]);
}

// ── The outbox ─────────────────────────────────────────────────────────────────────────────────────────────

export type OutboxRow = {
  id: string;
  channel: MessageChannel;
  recipient: string;
  body: string;
  attempts: number;
};

/** A message for the outbox, queued once per event key. */
export type OutboxItem = {
  channel: MessageChannel;
  recipient: string;
  body: string;
  eventKey: string;
  messageId: string | null;
};

const ENQUEUE = `INSERT INTO channel_outbox (channel, recipient, body, event_key, message_id) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (event_key) DO NOTHING`;
const enqueueParams = (item: OutboxItem) => [
  item.channel,
  item.recipient,
  item.body,
  item.eventKey,
  item.messageId,
];

/** Queues a message once per event key; false when that event was already queued. */
export async function enqueue(tx: Tx, item: OutboxItem): Promise<boolean> {
  return (await tx.one(`${ENQUEUE} RETURNING id`, enqueueParams(item))) !== undefined;
}

/** Queues a message with the transaction's COMMIT, once per event key (see enqueue; nobody reads the answer). */
export function enqueueAtCommit(tx: Tx, item: OutboxItem): void {
  tx.atCommit(ENQUEUE, enqueueParams(item));
}

/**
 * Takes one queued message that is due and holds it for two minutes: another instance (or the next run) does
 * not take it meanwhile, and a crash mid-send leaves it to be tried again after that.
 */
export async function takeDue(tx: Tx, now: Date, maxAttempts: number): Promise<OutboxRow | undefined> {
  return tx.one<OutboxRow>(
    `UPDATE channel_outbox SET attempts = attempts + 1, next_attempt_at = $1::timestamptz + interval '2 minutes'
     WHERE id = (SELECT id FROM channel_outbox WHERE status = 'antre' AND attempts < $2 AND next_attempt_at <= $1
                 ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, channel, recipient, body, attempts`,
    [now, maxAttempts],
  );
}

/** A queued message sent (terkirim) or failed: tried again later, or given up (gagal) after its last attempt. */
export const { markSent, markFailed } = deliveryQueue('channel_outbox');

/** A delivery status from WhatsApp (statuses[]) for a message it sent. */
export async function updateDelivery(
  tx: Tx,
  providerId: string,
  status: 'diterima' | 'dibaca' | 'gagal',
): Promise<void> {
  await tx.query(
    `UPDATE channel_outbox SET status = $2 WHERE provider_id = $1
       AND NOT (status = 'dibaca' AND $2 = 'diterima')`,
    [providerId, status],
  );
}

/** Queues a message once per event key and answers its id (the existing row's, when already queued). */
export async function enqueueOnce(
  tx: Tx,
  item: { channel: MessageChannel; recipient: string; body: string; eventKey: string },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO channel_outbox (channel, recipient, body, event_key) VALUES ($1, $2, $3, $4)
     ON CONFLICT (event_key) DO UPDATE SET event_key = excluded.event_key RETURNING id`,
    [item.channel, item.recipient, item.body, item.eventKey],
  );
}
