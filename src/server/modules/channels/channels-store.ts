// SQL of the channels module: messages taken in from WhatsApp and SMS, their senders, and the outbox.
import type { MessageChannel, SenderTrust } from '../../../shared/channels/channel-schema.ts';
import type { Tx } from '../../platform/db.ts';

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

/** Who the phone in parameter `$n` belongs to: a user with that phone, else a pillar (with the account it may have). */
const senderOf = (n: number) => `SELECT "userId", home FROM (
    (SELECT u.id AS "userId", NULL::text AS home, 0 AS rank FROM users u WHERE u.phone = $${n} AND u.is_active LIMIT 1)
    UNION ALL
    (SELECT p.user_id, p.home_region_code, 1 FROM pillars p LEFT JOIN users u ON u.id = p.user_id
     WHERE p.phone = $${n} AND p.status = 'aktif' ORDER BY (u.is_active IS TRUE) DESC, p.created_at LIMIT 1)
  ) found ORDER BY rank LIMIT 1`;

export type FoundSender = { userId: string | null; pillarHome: string | null };

function foundSender(
  row: { userId: string | null; home: string | null } | undefined,
): FoundSender | undefined {
  if (!row || (row.userId === null && row.home === null)) return undefined;
  return { userId: row.userId, pillarHome: row.home };
}

/** Who a phone belongs to: a user with that phone, or a pillar (with the account it may have). */
export async function findSender(tx: Tx, phone: string): Promise<FoundSender | undefined> {
  return foundSender(await tx.one(senderOf(1), [phone]));
}

/** Stores a message; undefined when the provider id was already taken in (a retried delivery). */
export async function insertMessage(
  tx: Tx,
  m: Omit<MessageRow, 'id' | 'reading' | 'reportId'>,
): Promise<MessageRow | undefined> {
  return tx.one<MessageRow>(
    `INSERT INTO channel_messages AS m (channel, provider_id, sender, sender_user_id, trust, area_code, message_type,
       body, latitude, longitude, media_id, received_at, lead_id, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (channel, provider_id) DO NOTHING RETURNING ${COLUMNS}`,
    [
      m.channel,
      m.providerId,
      m.sender,
      m.senderUserId,
      m.trust,
      m.areaCode,
      m.type,
      m.body,
      m.latitude,
      m.longitude,
      m.mediaId,
      m.receivedAt,
      m.leadId,
      m.status,
    ],
  );
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

/**
 * What a delivery needs to know about its sender, in one round trip (its transaction's first statement): who the
 * number belongs to (see findSender), how many messages it sent on the channel since `hourAgo` (the limit for
 * unknown senders), and its open draft — its latest lead on the channel since `since`, locked for the join.
 */
export async function findSenderAndDraft(
  tx: Tx,
  channel: MessageChannel,
  phone: string,
  since: Date,
  hourAgo: Date,
): Promise<{ sender: FoundSender | undefined; sentSince: number; lead: MessageRow | undefined }> {
  const row = await tx.one<
    MessageRow & { sentSince: number; senderUser: string | null; senderHome: string | null }
  >(
    `SELECT c.n AS "sentSince", s."userId" AS "senderUser", s.home AS "senderHome", l.* FROM
       (SELECT count(*)::int AS n FROM channel_messages WHERE channel = $1 AND sender = $2 AND received_at >= $4) c
     LEFT JOIN LATERAL (${senderOf(2)}) s ON true
     LEFT JOIN LATERAL (
       SELECT ${COLUMNS} FROM channel_messages m
       WHERE channel = $1 AND sender = $2 AND received_at >= $3 AND lead_id IS NULL
         AND status IN ('menunggu', 'dilaporkan')
       ORDER BY received_at DESC LIMIT 1 FOR UPDATE) l ON true`,
    [channel, phone, since, hourAgo],
  );
  if (!row) return { sender: undefined, sentSince: 0, lead: undefined };
  const { sentSince, senderUser, senderHome, ...lead } = row;
  return {
    sender: foundSender({ userId: senderUser, home: senderHome }),
    sentSince,
    lead: lead.id ? lead : undefined,
  };
}

/**
 * Keeps a lead's joined text, pin, reading and outcome; written with the transaction's COMMIT (in its round trip:
 * nothing in the transaction reads it back).
 */
export function updateLead(
  tx: Tx,
  id: string,
  changes: {
    body: string;
    latitude: number | null;
    longitude: number | null;
    reading: unknown;
    status: MessageStatus;
    reportId: string | null;
  },
): void {
  tx.atCommit(
    `UPDATE channel_messages SET body = $2, latitude = $3, longitude = $4, reading = $5, status = $6, report_id = $7
     WHERE id = $1`,
    [
      id,
      changes.body,
      changes.latitude,
      changes.longitude,
      JSON.stringify(changes.reading),
      changes.status,
      changes.reportId,
    ],
  );
  // the messages joined to it belong to its report too (their row security follows the report)
  if (changes.reportId) {
    tx.atCommit('UPDATE channel_messages SET report_id = $2 WHERE lead_id = $1 AND report_id IS NULL', [
      id,
      changes.reportId,
    ]);
  }
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

export async function markSent(tx: Tx, id: string, providerId: string | null, at: Date): Promise<void> {
  await tx.query(
    `UPDATE channel_outbox SET status = 'terkirim', provider_id = $2, sent_at = $3, last_error = NULL WHERE id = $1`,
    [id, providerId, at],
  );
}

/** Records a failed attempt: tried again after `retryAt`, or given up (gagal) after the last attempt. */
export async function markFailed(
  tx: Tx,
  id: string,
  error: string,
  retryAt: Date,
  maxAttempts: number,
): Promise<void> {
  await tx.query(
    `UPDATE channel_outbox SET last_error = $2, next_attempt_at = $3,
       status = CASE WHEN attempts >= $4 THEN 'gagal' ELSE 'antre' END WHERE id = $1`,
    [id, error, retryAt, maxAttempts],
  );
}

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

export type OutboxView = { recipient: string; body: string; status: string; eventKey: string };

/** The outbox as the tests and the CLI read it. */
export async function listOutbox(tx: Tx): Promise<OutboxView[]> {
  return tx.query(
    `SELECT recipient, body, status, event_key AS "eventKey" FROM channel_outbox ORDER BY created_at, id`,
  );
}

/** Queues a message once per event key and answers its id (the existing row's, when already queued). */
export async function enqueueOnce(
  tx: Tx,
  item: { channel: MessageChannel; recipient: string; body: string; eventKey: string },
): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO channel_outbox (channel, recipient, body, event_key) VALUES ($1, $2, $3, $4)
     ON CONFLICT (event_key) DO UPDATE SET event_key = excluded.event_key RETURNING id`,
    [item.channel, item.recipient, item.body, item.eventKey],
  );
  return (row as { id: string }).id;
}
