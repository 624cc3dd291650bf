import type { NoticeFacts } from '../../../shared/notices/notices.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';

/** One item of a user's inbox: what happened and where, never personal data. */
export type NotificationRecord = {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
};

const SELECT_NOTIFICATION = `
  SELECT n.id, n.kind, n.subject_type AS "subjectType", n.subject_id AS "subjectId", n.title, n.body,
    n.created_at AS "createdAt", n.read_at AS "readAt"
  FROM notifications n`;

function toNotification(row: Record<string, unknown>): NotificationRecord {
  return {
    ...row,
    createdAt: toWibIso(row.createdAt as Date),
    readAt: toWibIsoOrNull(row.readAt as Date),
  } as NotificationRecord;
}

// Row-level security keeps every query below to the actor's own inbox; no user id filter is needed.

export async function listNotifications(
  tx: Tx,
  filter: { isUnreadOnly: boolean; limit: number },
): Promise<NotificationRecord[]> {
  const rows = await tx.query(
    `${SELECT_NOTIFICATION} WHERE ($1::boolean IS FALSE OR n.read_at IS NULL)
     ORDER BY n.created_at DESC, n.id LIMIT $2`,
    [filter.isUnreadOnly, filter.limit],
  );
  return rows.map(toNotification);
}

export async function countUnread(tx: Tx): Promise<number> {
  const row = await tx.one<{ unread: number }>(
    'SELECT count(*)::int AS unread FROM notifications WHERE read_at IS NULL',
  );
  return row?.unread ?? 0;
}

/** Marks one item read (the first time only); undefined when it is not in the actor's inbox. */
export async function markRead(tx: Tx, id: string, now: Date): Promise<NotificationRecord | undefined> {
  await tx.query('UPDATE notifications SET read_at = coalesce(read_at, $2) WHERE id = $1', [id, now]);
  const row = await tx.one(`${SELECT_NOTIFICATION} WHERE n.id = $1`, [id]);
  return row ? toNotification(row) : undefined;
}

export async function markAllRead(tx: Tx, now: Date): Promise<number> {
  const rows = await tx.query('UPDATE notifications SET read_at = $1 WHERE read_at IS NULL RETURNING id', [
    now,
  ]);
  return rows.length;
}

/** The active users of `roles` whose scope covers one of `kabkotaCodes` (SQL: $1 roles, $2 kab/kota codes). */
const USERS_COVERING = `SELECT u.id FROM users u
  WHERE u.is_active AND u.role = ANY($1::text[])
    AND (u.scope_region_code = '35' OR u.scope_region_code = ANY($2::text[])
      OR u.scope_bakorwil_id IN (SELECT bakorwil_id FROM bakorwil_members WHERE kabkota_code = ANY($2::text[])))`;

/** Active users of a role whose scope covers a kab/kota (directly, or through their Bakorwil). */
export async function findUsersCovering(
  tx: Tx,
  roles: readonly string[],
  kabkotaCode: string,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(USERS_COVERING, [roles, [kabkotaCode]]);
  return rows.map((row) => row.id);
}

type Item = { kind: string; subjectType: string; subjectId: string; title: string; body?: string };

/** What an inbox item sends outside the app: `notice` queued for whoever opted into its kind. */
const QUEUE_NOTICES = `sigap_queue_notices(%USERS%, $k1, $k2, $k3, $k4, $k5, $k6, $k7, $k8)`;

/** The parameters of QUEUE_NOTICES after `first` others, and its SQL with the users' expression. */
function queueNotices(
  users: string,
  first: number,
  item: Item,
  notice: NoticeFacts,
): { sql: string; params: unknown[] } {
  let sql = QUEUE_NOTICES.replace('%USERS%', users);
  for (let k = 8; k >= 1; k--) sql = sql.replace(`$k${k}`, `$${first + k}`);
  return {
    sql,
    params: [
      notice.kind,
      notice.eventKey,
      notice.isUrgent,
      item.subjectType,
      item.subjectId,
      notice.text.id,
      notice.text.en,
      notice.path,
    ],
  };
}

/**
 * Puts `n` into the inbox of each of `userIds`, when the transaction commits; with `notice`, the same commit
 * queues the notice for those of them who opted into its kind on WhatsApp, SMS or e-mail (sent later by the
 * `notice-delivery` job, once per event and person).
 */
export async function notify(
  tx: Tx,
  userIds: readonly string[],
  n: Item & { notice?: NoticeFacts },
): Promise<void> {
  if (userIds.length === 0) return;
  const inbox = 'sigap_notify($1::uuid[], $2, $3, $4, $5, $6)';
  const params: unknown[] = [userIds, n.kind, n.subjectType, n.subjectId, n.title, n.body ?? ''];
  if (!n.notice) {
    // Nobody reads the result: the inbox items are written with the commit, in its round trip.
    tx.atCommit(`SELECT ${inbox}`, params);
    return;
  }
  const out = queueNotices('$1::uuid[]', params.length, n, n.notice);
  tx.atCommit(`SELECT ${inbox}, ${out.sql}`, [...params, ...out.params]);
}

/**
 * Puts `n` into the inbox of every active user of `roles` whose scope covers one of `kabkotaCodes`
 * (directly, through their Bakorwil, or province-wide), once per user, when the transaction commits.
 */
export function notifyCovering(
  tx: Tx,
  roles: readonly string[],
  kabkotaCodes: readonly string[],
  n: Item & { notice?: NoticeFacts },
): void {
  const params: unknown[] = [roles, kabkotaCodes, n.kind, n.subjectType, n.subjectId, n.title, n.body ?? ''];
  const inbox = `sigap_notify(ARRAY(${USERS_COVERING}), $3, $4, $5, $6, $7)`;
  if (!n.notice) {
    tx.atCommit(`SELECT ${inbox}`, params);
    return;
  }
  const out = queueNotices(`ARRAY(${USERS_COVERING})`, params.length, n, n.notice);
  tx.atCommit(`SELECT ${inbox}, ${out.sql}`, [...params, ...out.params]);
}
