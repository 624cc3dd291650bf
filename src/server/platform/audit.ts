import { type Database, inlineParams, type Tx } from './db.ts';

/** Who did something, as the audit trail records it. */
export type AuditActor = { id: string | null; label: string };

export const SYSTEM_ACTOR: { readonly id: null; readonly label: string } = { id: null, label: 'sistem' };

/** What an audit entry is about: a record's type and id. */
export type AuditSubject = { type: string; id: string };

/**
 * Appends one entry to the hash-chained audit trail when the caller's transaction commits (in the same
 * round trip as COMMIT, so the chain's lock is held only for the commit itself). A failed append rolls
 * the whole transaction back. `details` must not hold personal data: reference people by id so they can
 * be erased later. In a transaction run for an actor, the database records that actor (from the transaction's
 * signed ticket) whatever `by` says; `by` (the principal, or an actor of its own) names who acts only in owner
 * transactions (sign-in, jobs). A `subject` given as an id alone is a record of the type the action starts with
 * (`'pillar.created'` → `pillar`).
 */
export async function appendAudit(
  tx: Tx,
  by: AuditActor | { audit: AuditActor },
  action: string,
  subject: string | AuditSubject,
  details: Record<string, unknown> = {},
): Promise<void> {
  const { type, id } = typeof subject === 'string' ? { type: subjectTypeOf(action), id: subject } : subject;
  if (tx.hasActor) {
    tx.atCommit('SELECT sigap_audit_append_as_actor($1, $2, $3, $4::jsonb)', [
      action,
      type,
      id,
      JSON.stringify(details),
    ]);
    return;
  }
  const actor = 'audit' in by ? by.audit : by;
  tx.atCommit('SELECT sigap_audit_append($1, $2, $3, $4, $5, $6::jsonb)', [
    actor.id,
    actor.label,
    action,
    type,
    id,
    JSON.stringify(details),
  ]);
}

/**
 * `appendAudit` about the records of one type whose actions are named by their module rather than by that type
 * (`provocation.assessed` about a `provocation_item`): the type is given once, each call names the record's id.
 */
export function auditAbout(
  type: string,
): (
  tx: Tx,
  by: AuditActor | { audit: AuditActor },
  action: string,
  id: string,
  details?: Record<string, unknown>,
) => Promise<void> {
  return (tx, by, action, id, details) => appendAudit(tx, by, action, { type, id }, details);
}

/** The subject type an action names by its prefix: `'pillar.created'` → `pillar`. */
function subjectTypeOf(action: string): string {
  return action.split('.', 1)[0];
}

/**
 * The SQL call that appends one entry from inside a statement run with the owner's rights, for a write whose subject
 * and details only that statement knows (rows it inserts): `subjectIdSql` (text) and `detailsSql` (jsonb) are SQL
 * expressions over them; the actor, the action and the subject type go in as literals. The entry commits with the
 * statement, and the chain's lock is held from the call to that commit (see appendAudit).
 */
export function auditAppendSql(
  actor: AuditActor,
  action: string,
  subject: { type: string; idSql: string },
  detailsSql: string,
): string {
  const fixed = inlineParams('$1::uuid, $2, $3, $4', [actor.id, actor.label, action, subject.type]);
  return `sigap_audit_append(${fixed}, ${subject.idSql}, ${detailsSql})`;
}

/** Records a view of personal data in the access log (not the chain). */
export async function logAccess(
  tx: Tx,
  userId: string,
  subject: { type: string; id: string },
  purpose: string,
): Promise<void> {
  await tx.query(
    'INSERT INTO access_log (user_id, subject_type, subject_id, purpose) VALUES ($1, $2, $3, $4)',
    [userId, subject.type, subject.id, purpose],
  );
}

/** Notes one read of personal data for each of several subjects of a type, in one statement (an export page). */
export async function logAccessMany(
  tx: Tx,
  userId: string,
  subjectType: string,
  ids: readonly string[],
  purpose: string,
): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `INSERT INTO access_log (user_id, subject_type, subject_id, purpose)
     SELECT $1, $2, unnest($3::text[]), $4`,
    [userId, subjectType, ids, purpose],
  );
}

export type AuditVerification =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

const VERIFY_CHUNK = 5000;

/** The chain found broken at entry `seq`, after `entries` good ones, and why. */
function brokenAt(entries: number, seq: number, reason: string): AuditVerification {
  return { ok: false, entries, brokenAt: seq, reason };
}

/**
 * Walks the whole chain in order and reports the first broken link, if any. With `head` (a head kept outside the
 * database), the chain must also still hold that entry with that hash: removing the last entries, or re-chaining
 * after a removal, is caught too.
 */
export async function verifyAudit(
  db: Database,
  options: { head?: { seq: number; hash: string } } = {},
): Promise<AuditVerification> {
  const result = await verifyChain(db);
  const { head } = options;
  if (!result.ok || !head) return result;
  const [kept] = await db.asSystem((tx) =>
    tx.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [head.seq]),
  );
  if (!kept) {
    return brokenAt(
      result.entries,
      head.seq,
      `entri #${head.seq} dari head yang disimpan hilang / entry #${head.seq} of the kept head is missing`,
    );
  }
  if (kept.hash !== head.hash) {
    return brokenAt(
      result.entries,
      head.seq,
      `entri #${head.seq} tidak cocok dengan head yang disimpan (dirantai ulang?) / entry #${head.seq} does not match the kept head (re-chained?)`,
    );
  }
  return result;
}

async function verifyChain(db: Database): Promise<AuditVerification> {
  let previous = '0'.repeat(64);
  let expectedSeq: number | null = null;
  let entries = 0;
  let after = 0;
  for (;;) {
    const rows = await db.asSystem((tx) =>
      tx.query<{ seq: number; prevHash: string; hash: string; canonicalOk: boolean; hashOk: boolean }>(
        `SELECT seq, prev_hash AS "prevHash", hash,
                sigap_audit_canonical(a) = canonical AS "canonicalOk",
                encode(sha256(convert_to(prev_hash || canonical, 'UTF8')), 'hex') = hash AS "hashOk"
         FROM audit_log a WHERE seq > $1 ORDER BY seq LIMIT ${VERIFY_CHUNK}`,
        [after],
      ),
    );
    for (const row of rows) {
      if (row.prevHash !== previous) {
        const reason =
          expectedSeq !== null && row.seq !== expectedSeq
            ? `entri sebelum #${row.seq} hilang atau diubah / an entry before #${row.seq} was deleted or changed`
            : `tautan ke entri sebelumnya putus / link to the previous entry is broken`;
        return brokenAt(entries, row.seq, reason);
      }
      if (!row.canonicalOk) {
        return brokenAt(entries, row.seq, 'isi entri diubah / entry content was changed');
      }
      if (!row.hashOk) {
        return brokenAt(entries, row.seq, 'hash entri tidak cocok / entry hash does not match');
      }
      previous = row.hash;
      expectedSeq = row.seq + 1;
      entries++;
      after = row.seq;
    }
    if (rows.length < VERIFY_CHUNK) return { ok: true, entries, head: previous };
  }
}

/** The newest hash of the chain, to keep outside the database. */
export async function auditHead(db: Database): Promise<{ seq: number; hash: string } | undefined> {
  return db.asSystem((tx) =>
    tx.one<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
  );
}

/** Accounts that read at least `minRecords` different records of people between `since` and `until` (access log). */
export function listHeavyReaders(
  tx: Tx,
  since: Date,
  until: Date,
  minRecords: number,
): Promise<{ userId: string; records: number }[]> {
  return tx.query<{ userId: string; records: number }>(
    `SELECT user_id::text AS "userId", count(DISTINCT subject_type || ':' || subject_id)::int AS records
       FROM access_log WHERE user_id IS NOT NULL AND at >= $1 AND at <= $2
      GROUP BY user_id HAVING count(DISTINCT subject_type || ':' || subject_id) >= $3 ORDER BY 1`,
    [since, until, minRecords],
  );
}

/** The audit entries of one action between `since` and `until`: when, by whom, and their details. */
export async function listAuditEntries(
  tx: Tx,
  action: string,
  since: Date,
  until: Date,
): Promise<{ seq: string; at: Date; actorId: string | null; details: Record<string, unknown> }[]> {
  const rows = await tx.query<{ seq: string; at: Date; actorId: string | null; details: string }>(
    `SELECT seq::text AS seq, at, actor_id::text AS "actorId", details FROM audit_log
      WHERE action = $1 AND at >= $2 AND at <= $3 ORDER BY seq`,
    [action, since, until],
  );
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}
