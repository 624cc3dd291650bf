// SQL of the notices outside the app: a user's settings and opt-ins, and the delivery log. Read and written
// with owner rights (the tables give the app role nothing); each function names the user it works for.
import type { NoticeChannel, NoticeKind } from '../../../shared/notices/notices.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';
import { deliveryQueue } from '../../platform/delivery-queue.ts';

export type SettingsRow = {
  phone: string | null;
  email: string | null;
  language: 'id' | 'en';
  quietFrom: number | null;
  quietUntil: number | null;
};

export async function findSettings(tx: Tx, userId: string): Promise<SettingsRow | undefined> {
  return tx.one<SettingsRow>(
    `SELECT u.phone, s.email, coalesce(s.language, 'id') AS language, s.quiet_from AS "quietFrom",
       s.quiet_until AS "quietUntil"
     FROM users u LEFT JOIN notice_settings s ON s.user_id = u.id WHERE u.id = $1`,
    [userId],
  );
}

export async function listChoices(
  tx: Tx,
  userId: string,
): Promise<{ kind: NoticeKind; channel: NoticeChannel }[]> {
  return tx.query('SELECT kind, channel FROM notice_preferences WHERE user_id = $1 ORDER BY kind, channel', [
    userId,
  ]);
}

export async function saveSettings(
  tx: Tx,
  userId: string,
  s: Omit<SettingsRow, 'phone'>,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO notice_settings (user_id, email, language, quiet_from, quiet_until, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, language = excluded.language,
       quiet_from = excluded.quiet_from, quiet_until = excluded.quiet_until, updated_at = excluded.updated_at`,
    [userId, s.email, s.language, s.quietFrom, s.quietUntil, now],
  );
}

/** Replaces the user's opt-ins with `choices`. */
export async function replaceChoices(
  tx: Tx,
  userId: string,
  choices: readonly { kind: NoticeKind; channel: NoticeChannel }[],
): Promise<void> {
  await tx.query('DELETE FROM notice_preferences WHERE user_id = $1', [userId]);
  if (choices.length === 0) return;
  await tx.query(
    `INSERT INTO notice_preferences (user_id, kind, channel)
     SELECT $1, c.kind, c.channel FROM unnest($2::text[], $3::text[]) AS c (kind, channel)
     ON CONFLICT DO NOTHING`,
    [userId, choices.map((c) => c.kind), choices.map((c) => c.channel)],
  );
}

export type LogRow = {
  id: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  textId: string;
  textEn: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
};

/** The user's latest notices; for WhatsApp and SMS the state is the outbox's (delivered, read, failed). */
export async function listLog(tx: Tx, userId: string, limit: number): Promise<LogRow[]> {
  const rows = await tx.query<Record<string, unknown>>(
    `SELECT n.id, n.kind, n.channel, n.text_id AS "textId", n.text_en AS "textEn",
       coalesce(o.status, n.status) AS status, n.created_at AS "createdAt", coalesce(o.sent_at, n.sent_at) AS "sentAt"
     FROM notices n LEFT JOIN channel_outbox o ON o.id = n.outbox_id
     WHERE n.user_id = $1 ORDER BY n.created_at DESC, n.id LIMIT $2`,
    [userId, limit],
  );
  return rows.map((row) => ({
    ...row,
    createdAt: toWibIso(row.createdAt as Date),
    sentAt: toWibIsoOrNull(row.sentAt as Date),
  })) as LogRow[];
}

export type DueNotice = {
  id: string;
  channel: NoticeChannel;
  isUrgent: boolean;
  textId: string;
  textEn: string;
  path: string;
  attempts: number;
  phone: string | null;
  email: string | null;
  language: 'id' | 'en';
  quietFrom: number | null;
  quietUntil: number | null;
};

/**
 * Takes one due notice and holds it for two minutes (SKIP LOCKED: several instances never take the same one),
 * with the recipient's current address, language and quiet hours.
 */
export async function takeDue(tx: Tx, now: Date, maxAttempts: number): Promise<DueNotice | undefined> {
  return tx.one<DueNotice>(
    `WITH taken AS (
       UPDATE notices SET attempts = attempts + 1, next_attempt_at = $1::timestamptz + interval '2 minutes'
       WHERE id = (SELECT id FROM notices WHERE status = 'antre' AND attempts < $2 AND next_attempt_at <= $1
                   ORDER BY is_urgent DESC, next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, user_id, channel, is_urgent, text_id, text_en, path, attempts)
     SELECT t.id, t.channel, t.is_urgent AS "isUrgent", t.text_id AS "textId", t.text_en AS "textEn", t.path,
       t.attempts, u.phone, s.email, coalesce(s.language, 'id') AS language, s.quiet_from AS "quietFrom",
       s.quiet_until AS "quietUntil"
     FROM taken t JOIN users u ON u.id = t.user_id LEFT JOIN notice_settings s ON s.user_id = t.user_id`,
    [now, maxAttempts],
  );
}

/** Holds a notice back until the end of the user's quiet hours (the attempt does not count). */
export async function holdUntil(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.query('UPDATE notices SET attempts = attempts - 1, next_attempt_at = $2 WHERE id = $1', [id, at]);
}

export async function markForwarded(tx: Tx, id: string, outboxId: string): Promise<void> {
  await tx.query(`UPDATE notices SET status = 'diteruskan', outbox_id = $2 WHERE id = $1`, [id, outboxId]);
}

/** A notice sent (terkirim) or failed: tried again later, or given up (gagal) after the last attempt or without address. */
export const { markSent, markFailed, giveUp } = deliveryQueue('notices');
