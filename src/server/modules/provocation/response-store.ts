// SQL of an item's response: counter-messages (kontra-narasi), takedown requests, deadlines and escalation.
import type { EvaluatedItem } from '../../../shared/provocation/provocation-rules.ts';
import type { CounterMessage, Takedown } from '../../../shared/provocation/provocation-schema.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';
import { listDueIds } from '../../platform/keyset.ts';

type CounterRow = Omit<CounterMessage, 'approvedAt' | 'postedAt' | 'createdAt'> & {
  itemId: string;
  draftedById: string;
  approvedAt: Date | null;
  postedAt: Date | null;
  createdAt: Date;
};

const COUNTER_SELECT = `
  SELECT m.id, m.item_id AS "itemId", m.body, m.carrier, m.carrier_name AS "carrierName", m.status,
    m.review_note AS "reviewNote", m.drafted_by AS "draftedById", d.display_name AS "draftedBy",
    a.display_name AS "approvedBy", m.approved_at AS "approvedAt", m.posted_where AS "postedWhere",
    m.posted_at AS "postedAt", m.created_at AS "createdAt"
  FROM provocation_counter_messages m JOIN users d ON d.id = m.drafted_by LEFT JOIN users a ON a.id = m.approved_by`;

function toCounter(row: CounterRow): CounterMessage & { itemId: string; draftedById: string } {
  return {
    ...row,
    approvedAt: toWibIsoOrNull(row.approvedAt),
    postedAt: toWibIsoOrNull(row.postedAt),
    createdAt: toWibIso(row.createdAt),
  };
}

export async function listCounterMessages(tx: Tx, itemId: string): Promise<CounterMessage[]> {
  const rows = await tx.query<CounterRow>(
    `${COUNTER_SELECT} WHERE m.item_id = $1 ORDER BY m.created_at, m.id`,
    [itemId],
  );
  return rows.map((r) => {
    const { itemId: _item, draftedById: _by, ...rest } = toCounter(r);
    return rest;
  });
}

export async function findCounterMessage(tx: Tx, id: string) {
  const row = await tx.one<CounterRow>(`${COUNTER_SELECT} WHERE m.id = $1 FOR UPDATE OF m`, [id]);
  return row ? toCounter(row) : undefined;
}

export async function insertCounterMessage(
  tx: Tx,
  row: { itemId: string; body: string; carrier: string; carrierName: string; by: string; now: Date },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO provocation_counter_messages (item_id, body, carrier, carrier_name, drafted_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [row.itemId, row.body, row.carrier, row.carrierName, row.by, row.now],
  );
}

export async function moveCounterMessage(
  tx: Tx,
  id: string,
  row: { status: string; note?: string; approvedBy?: string; postedWhere?: string; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE provocation_counter_messages SET status = $2,
       review_note = coalesce($3, review_note),
       approved_by = CASE WHEN $2 = 'disetujui' THEN $4::uuid ELSE approved_by END,
       approved_at = CASE WHEN $2 = 'disetujui' THEN $6 ELSE approved_at END,
       posted_where = CASE WHEN $2 = 'dipublikasikan' THEN $5 ELSE posted_where END,
       posted_at = CASE WHEN $2 = 'dipublikasikan' THEN $6 ELSE posted_at END
     WHERE id = $1`,
    [id, row.status, row.note ?? null, row.approvedBy ?? null, row.postedWhere ?? null, row.now],
  );
}

/** An approved counter-message answers the item: its deadline is met. */
export async function markCounterApproved(tx: Tx, itemId: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE provocation_items SET counter_approved_at = coalesce(counter_approved_at, $2), due_at = NULL,
       updated_at = $2 WHERE id = $1`,
    [itemId, now],
  );
}

export async function insertTakedown(
  tx: Tx,
  row: { itemId: string; kind: string; dispositionId: string; by: string; now: Date },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO provocation_takedowns (item_id, kind, disposition_id, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [row.itemId, row.kind, row.dispositionId, row.by, row.now],
  );
}

export async function listTakedowns(tx: Tx, itemId: string): Promise<Takedown[]> {
  const rows = await tx.query<
    Omit<Takedown, 'answeredAt' | 'dueAt' | 'createdAt'> & {
      answeredAt: Date | null;
      dueAt: Date;
      createdAt: Date;
    }
  >(
    `SELECT t.id, t.kind, t.disposition_id AS "dispositionId", d.case_id AS "caseId", d.agency_id AS "agencyId",
       a.name AS "agencyName", d.status, d.answer, d.answered_at AS "answeredAt", d.due_at AS "dueAt",
       t.created_at AS "createdAt"
     FROM provocation_takedowns t JOIN dispositions d ON d.id = t.disposition_id JOIN agencies a ON a.id = d.agency_id
     WHERE t.item_id = $1 ORDER BY t.created_at, t.id`,
    [itemId],
  );
  return rows.map((r) => ({
    ...r,
    answeredAt: toWibIsoOrNull(r.answeredAt),
    dueAt: toWibIso(r.dueAt),
    createdAt: toWibIso(r.createdAt),
  }));
}

export async function caseLinked(tx: Tx, itemId: string, caseId: string): Promise<boolean> {
  return Boolean(
    await tx.one('SELECT 1 FROM provocation_item_links WHERE item_id = $1 AND case_id = $2', [
      itemId,
      caseId,
    ]),
  );
}

// ── Escalation (run as the system) ──────────────────────────────────────────────────────────────

/** Items whose response is overdue and that can still climb (SQL condition; $1 is now). */
const DUE_ITEM = `due_at <= $1 AND handling_level <> 'provinsi'`;

/** Ids of items past their response deadline, after `afterId`, in id order (a keyset page). */
export const listDueItemIds = listDueIds('provocation_items', DUE_ITEM);

export type DueItem = {
  id: string;
  title: string;
  assessment: string | null;
  handlingLevel: 'kabkota' | 'bakorwil' | 'provinsi';
  kabkotaCodes: string[];
  dueAt: Date;
};

export async function lockDueItem(tx: Tx, id: string, now: Date): Promise<DueItem | undefined> {
  return tx.one<DueItem>(
    `SELECT id, title, assessment, handling_level AS "handlingLevel", kabkota_codes AS "kabkotaCodes",
       due_at AS "dueAt"
     FROM provocation_items WHERE id = $2 AND ${DUE_ITEM} FOR UPDATE`,
    [now, id],
  );
}

export async function escalateItem(
  tx: Tx,
  id: string,
  row: { level: string; dueAt: Date; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE provocation_items SET handling_level = $2, due_at = $3, escalated_at = $4, updated_at = $4 WHERE id = $1`,
    [id, row.level, row.dueAt, row.now],
  );
}

/** Items for the evaluation, with the first incident after their first sighting in one of their kecamatan. */
export async function listEvaluated(tx: Tx, kabkota: string | null) {
  return tx.query<EvaluatedItem>(
    `SELECT i.assessment, i.platform, i.first_seen_at AS "firstSeenAt", i.counter_approved_at AS "counterApprovedAt",
       i.taken_down_at AS "takenDownAt",
       (SELECT min(r.occurred_at) FROM reports r
         WHERE r.kind = 'kejadian' AND r.occurred_at >= i.first_seen_at
           AND left(r.region_code, 8) IN (SELECT left(c, 8) FROM unnest(i.region_codes) c WHERE length(c) >= 8)) AS "incidentAt"
     FROM provocation_items i WHERE i.merged_into IS NULL AND ($1::text IS NULL OR $1 = ANY (i.kabkota_codes))`,
    [kabkota],
  );
}
