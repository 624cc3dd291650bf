import type { Tx } from '../../platform/db.ts';

// Webhooks hold secrets: every query here runs as the system, behind admin-only routes and the delivery job.

export type WebhookRecord = {
  id: string;
  url: string;
  secret: string;
  description: string;
  regionCodes: string[];
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
};

const SELECT_WEBHOOK = `SELECT id, url, secret, description, region_codes AS "regionCodes", is_active AS "isActive",
  created_at AS "createdAt", updated_at AS "updatedAt" FROM webhooks`;

export async function listWebhooks(tx: Tx): Promise<WebhookRecord[]> {
  return tx.query<WebhookRecord>(`${SELECT_WEBHOOK} ORDER BY created_at, id`);
}

export async function findWebhook(tx: Tx, id: string): Promise<WebhookRecord | undefined> {
  return tx.one<WebhookRecord>(`${SELECT_WEBHOOK} WHERE id = $1`, [id]);
}

export async function insertWebhook(
  tx: Tx,
  row: {
    url: string;
    secret: string;
    description: string;
    regionCodes: string[];
    isActive: boolean;
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO webhooks (url, secret, description, region_codes, is_active, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [row.url, row.secret, row.description, row.regionCodes, row.isActive, row.createdBy, row.now],
  );
}

export async function updateWebhook(
  tx: Tx,
  id: string,
  change: {
    url?: string;
    secret?: string;
    description?: string;
    regionCodes?: string[];
    isActive?: boolean;
    now: Date;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE webhooks SET url = coalesce($2, url), secret = coalesce($3, secret), description = coalesce($4, description),
       region_codes = coalesce($5, region_codes), is_active = coalesce($6, is_active), updated_at = $7
     WHERE id = $1 RETURNING id`,
    [
      id,
      change.url ?? null,
      change.secret ?? null,
      change.description ?? null,
      change.regionCodes ?? null,
      change.isActive ?? null,
      change.now,
    ],
  );
  return rows.length === 1;
}

/**
 * Records one delivery per active webhook that wants the alert's region, through a SECURITY DEFINER function
 * so a user's transaction can do it without reading webhooks. Returns the delivery ids.
 */
export async function insertDeliveries(
  tx: Tx,
  row: { alertId: string; event: string; body: string; now: Date },
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    'SELECT sigap_record_webhook_deliveries($1, $2, $3, $4) AS id',
    [row.alertId, row.event, row.body, row.now],
  );
  return rows.map((r) => r.id);
}

export async function markQueued(tx: Tx, id: string, jobId: string): Promise<void> {
  await tx.query('UPDATE webhook_deliveries SET job_id = $2 WHERE id = $1', [id, jobId]);
}

/** Deliveries waiting that no job carries yet (jobs were off, or the process stopped before sending). */
export async function listUnqueuedDeliveryIds(tx: Tx, limit: number): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM webhook_deliveries WHERE status = 'menunggu' AND job_id IS NULL ORDER BY created_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

export type DeliveryToSend = {
  id: string;
  event: string;
  body: string;
  status: 'menunggu' | 'terkirim' | 'gagal';
  attempts: number;
  url: string;
  secret: string;
  isActive: boolean;
};

/** A delivery with its webhook's address and secret, locked while it is attempted. */
export async function lockDelivery(tx: Tx, id: string): Promise<DeliveryToSend | undefined> {
  return tx.one<DeliveryToSend>(
    `SELECT d.id, d.event, d.body, d.status, d.attempts, w.url, w.secret, w.is_active AS "isActive"
     FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1 FOR UPDATE OF d`,
    [id],
  );
}

export async function recordAttempt(
  tx: Tx,
  row: {
    deliveryId: string;
    attempt: number;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
    now: Date;
    outcome: 'menunggu' | 'terkirim' | 'gagal';
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
    [row.deliveryId, row.attempt, row.now, row.statusCode, row.error, row.durationMs],
  );
  await tx.query(
    `UPDATE webhook_deliveries SET attempts = $2, last_attempt_at = $3, last_status_code = $4, last_error = $5,
       status = $6, delivered_at = CASE WHEN $6 = 'terkirim' THEN $3 ELSE delivered_at END
     WHERE id = $1`,
    [row.deliveryId, row.attempt, row.now, row.statusCode, row.error, row.outcome],
  );
}

export type DeliveryLogEntry = {
  id: string;
  alertId: string;
  event: string;
  status: 'menunggu' | 'terkirim' | 'gagal';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  log: { attempt: number; at: string; statusCode: number | null; error: string | null; durationMs: number }[];
};

/** The newest deliveries of a webhook with each attempt. */
export async function listDeliveries(tx: Tx, webhookId: string, limit: number): Promise<DeliveryLogEntry[]> {
  return tx.query<DeliveryLogEntry>(
    `SELECT d.id, d.alert_id AS "alertId", d.event, d.status, d.attempts, d.last_status_code AS "lastStatusCode",
       d.last_error AS "lastError", d.created_at AS "createdAt", d.delivered_at AS "deliveredAt",
       coalesce((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'at', a.at, 'statusCode', a.status_code,
           'error', a.error, 'durationMs', a.duration_ms) ORDER BY a.attempt)
         FROM webhook_attempts a WHERE a.delivery_id = d.id), '[]') AS log
     FROM webhook_deliveries d WHERE d.webhook_id = $1 ORDER BY d.created_at DESC, d.id LIMIT $2`,
    [webhookId, limit],
  );
}
