import type { AlertHandlingLevel, AlertStatus } from '../../../shared/early-warning/alert-rules.ts';
import type { AlertLevel, Factor } from '../../../shared/early-warning/level-model.ts';
import type { Tx } from '../../platform/db.ts';
import { listDueIds } from '../../platform/keyset.ts';

/** An alert as stored, with its region's and kab/kota's names. */
export type AlertRecord = {
  id: string;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  kabkotaCode: string;
  kabkotaName: string;
  level: AlertLevel;
  source: 'otomatis' | 'manual';
  headline: string;
  description: string;
  factors: Factor[];
  status: AlertStatus;
  supersedes: string | null;
  supersedesCreatedAt: Date | null;
  handlingLevel: AlertHandlingLevel;
  dueAcknowledgeAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  escalatedAt: Date | null;
  closedAt: Date | null;
  closingNote: string | null;
  publicHeadline: string | null;
  publicDescription: string | null;
  publicApprovedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const SELECT_ALERT = `
  SELECT a.id, a.region_code AS "regionCode", g.name AS "regionName", g.level AS "regionLevel",
    a.kabkota_code AS "kabkotaCode", k.name AS "kabkotaName", a.level, a.source, a.headline, a.description, a.factors,
    a.status, a.supersedes, p.created_at AS "supersedesCreatedAt", a.handling_level AS "handlingLevel",
    a.due_acknowledge_at AS "dueAcknowledgeAt", a.acknowledged_at AS "acknowledgedAt",
    a.acknowledged_by AS "acknowledgedBy", a.escalated_at AS "escalatedAt", a.closed_at AS "closedAt",
    a.closing_note AS "closingNote", a.public_headline AS "publicHeadline",
    a.public_description AS "publicDescription", a.public_approved_at AS "publicApprovedAt",
    a.created_by AS "createdBy", a.created_at AS "createdAt", a.updated_at AS "updatedAt"
  FROM alerts a
    JOIN regions g ON g.code = a.region_code
    JOIN regions k ON k.code = a.kabkota_code
    LEFT JOIN alerts p ON p.id = a.supersedes`;

export async function insertAlert(
  tx: Tx,
  row: {
    regionCode: string;
    kabkotaCode: string;
    level: AlertLevel;
    source: 'otomatis' | 'manual';
    headline: string;
    description: string;
    factors: Factor[];
    supersedes: string | null;
    dueAcknowledgeAt: Date;
    createdBy: string | null;
    now: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO alerts (region_code, kabkota_code, level, source, headline, description, factors, supersedes,
       due_acknowledge_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $11) RETURNING id`,
    [
      row.regionCode,
      row.kabkotaCode,
      row.level,
      row.source,
      row.headline,
      row.description,
      JSON.stringify(row.factors),
      row.supersedes,
      row.dueAcknowledgeAt,
      row.createdBy,
      row.now,
    ],
  );
}

/** An alert the actor may see (row-level security decides), or undefined. */
export async function findAlert(tx: Tx, id: string, lock = false): Promise<AlertRecord | undefined> {
  return tx.one<AlertRecord>(`${SELECT_ALERT} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`, [id]);
}

export type AlertFilter = {
  status?: AlertStatus;
  isOpen?: boolean;
  regionCode?: string;
  isPublic?: boolean;
  limit: number;
};

/** Alerts the actor may see, newest first. */
export async function listAlerts(tx: Tx, filter: AlertFilter): Promise<AlertRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) {
    params.push(filter.status);
    where.push(`a.status = $${params.length}`);
  }
  if (filter.isOpen) where.push(`a.status IN ('aktif', 'diterima')`);
  if (filter.isPublic) where.push('a.public_headline IS NOT NULL');
  if (filter.regionCode) {
    params.push(filter.regionCode);
    where.push(`(a.region_code = $${params.length} OR a.region_code LIKE $${params.length} || '.%')`);
  }
  params.push(filter.limit);
  return tx.query<AlertRecord>(
    `${SELECT_ALERT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.created_at DESC, a.id LIMIT $${params.length}`,
    params,
  );
}

/** Open alerts of a region, highest level first. */
export async function listOpenAlertsOf(
  tx: Tx,
  regionCode: string,
): Promise<{ id: string; level: AlertLevel }[]> {
  return tx.query(
    `SELECT id, level FROM alerts WHERE region_code = $1 AND status IN ('aktif', 'diterima')
     ORDER BY array_position(ARRAY['awas', 'siaga', 'waspada'], level) FOR UPDATE`,
    [regionCode],
  );
}

export async function setStatus(
  tx: Tx,
  id: string,
  change: { status: AlertStatus; now: Date; userId?: string | null; note?: string },
): Promise<void> {
  if (change.status === 'diterima') {
    await tx.query(
      `UPDATE alerts SET status = 'diterima', acknowledged_at = $2, acknowledged_by = $3, updated_at = $2 WHERE id = $1`,
      [id, change.now, change.userId],
    );
  } else if (change.status === 'ditutup' || change.status === 'diganti') {
    await tx.query(
      `UPDATE alerts SET status = $2, closed_at = $3, closed_by = $4, closing_note = $5, updated_at = $3 WHERE id = $1`,
      [id, change.status, change.now, change.userId ?? null, change.note ?? null],
    );
  }
}

export async function setPublicText(
  tx: Tx,
  id: string,
  text: { headline: string; description: string; userId: string; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE alerts SET public_headline = $2, public_description = $3, public_approved_by = $4, public_approved_at = $5,
       updated_at = $5 WHERE id = $1`,
    [id, text.headline, text.description, text.userId, text.now],
  );
}

export type AlertAction = {
  id: string;
  kind: 'diterima' | 'tindakan' | 'eskalasi' | 'ditutup' | 'diganti';
  action: string;
  caseId: string | null;
  actorId: string | null;
  actorName: string | null;
  at: Date;
};

export async function insertAction(
  tx: Tx,
  row: {
    alertId: string;
    kind: AlertAction['kind'];
    action: string;
    caseId?: string | null;
    actorId: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    'INSERT INTO alert_actions (alert_id, kind, action, case_id, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6)',
    [row.alertId, row.kind, row.action, row.caseId ?? null, row.actorId, row.at],
  );
}

export async function listActions(tx: Tx, alertId: string): Promise<AlertAction[]> {
  return tx.query<AlertAction>(
    `SELECT x.id::text AS id, x.kind, x.action, x.case_id AS "caseId", x.actor_id AS "actorId", u.display_name AS "actorName", x.at
     FROM alert_actions x LEFT JOIN users u ON u.id = x.actor_id WHERE x.alert_id = $1 ORDER BY x.at, x.id`,
    [alertId],
  );
}

/** The operators who must acknowledge alerts of a kab/kota: every active operator whose scope is it. */
export async function findAcknowledgers(
  tx: Tx,
  kabkotaCode: string,
): Promise<{ id: string; displayName: string }[]> {
  return tx.query(
    `SELECT id, display_name AS "displayName" FROM users
     WHERE is_active AND role = 'operator' AND scope_region_code = $1 ORDER BY display_name, id`,
    [kabkotaCode],
  );
}

// System queries for the escalation job.

const DUE = `status = 'aktif' AND due_acknowledge_at < $1 AND handling_level <> 'provinsi'`;

/** Ids of unacknowledged alerts past their deadline, after `afterId` (a keyset page). */
export const listDueAlertIds = listDueIds('alerts', DUE);

/** The alert, locked, if it is still due; undefined when acknowledged meanwhile or locked by another instance. */
export async function lockDueAlert(tx: Tx, id: string, now: Date): Promise<{ id: string } | undefined> {
  return tx.one(`SELECT id FROM alerts WHERE id = $2 AND ${DUE} FOR UPDATE SKIP LOCKED`, [now, id]);
}

export async function escalateAlert(
  tx: Tx,
  id: string,
  change: { level: AlertHandlingLevel; now: Date; dueAcknowledgeAt: Date },
): Promise<void> {
  await tx.query(
    `UPDATE alerts SET handling_level = $2, escalated_at = $3, due_acknowledge_at = $4, updated_at = $3 WHERE id = $1`,
    [id, change.level, change.now, change.dueAcknowledgeAt],
  );
}
