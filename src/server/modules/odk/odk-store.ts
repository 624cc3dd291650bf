import type { OdkDevice } from '../../../shared/odk.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';
import type { AreaPlace } from './xform-rules.ts';

type RawDevice = Omit<OdkDevice, 'createdAt' | 'lastUsedAt' | 'revokedAt'> & {
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const SELECT_DEVICE = `SELECT d.id, d.user_id AS "userId", u.username, d.label, d.created_at AS "createdAt",
  d.last_used_at AS "lastUsedAt", d.revoked_at AS "revokedAt"
  FROM odk_devices d JOIN users u ON u.id = d.user_id`;

function toDevice(row: RawDevice): OdkDevice {
  return {
    ...row,
    createdAt: toWibIso(row.createdAt),
    lastUsedAt: toWibIsoOrNull(row.lastUsedAt),
    revokedAt: toWibIsoOrNull(row.revokedAt),
  };
}

/** Stores a new device token's hash for a user. */
export async function insertDevice(
  tx: Tx,
  input: { userId: string; tokenHash: string; label: string; createdBy: string | null },
): Promise<OdkDevice> {
  const id = await tx.insertReturningId(
    'INSERT INTO odk_devices (user_id, token_hash, label, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
    [input.userId, input.tokenHash, input.label, input.createdBy],
  );
  return (await findDevice(tx, id))!;
}

/** One device token's record, revoked or not. */
export async function findDevice(tx: Tx, id: string): Promise<OdkDevice | undefined> {
  const row = await tx.one<RawDevice>(`${SELECT_DEVICE} WHERE d.id = $1`, [id]);
  return row ? toDevice(row) : undefined;
}

/** Device tokens, newest first; of one user when `userId` is given. */
export async function listDevices(tx: Tx, userId?: string): Promise<OdkDevice[]> {
  const rows = await tx.query<RawDevice>(
    `${SELECT_DEVICE} WHERE ($1::uuid IS NULL OR d.user_id = $1) ORDER BY d.created_at DESC, d.id`,
    [userId ?? null],
  );
  return rows.map(toDevice);
}

/** Revokes a live device token; false when it is unknown or already revoked. */
export async function revokeDevice(tx: Tx, id: string): Promise<boolean> {
  const row = await tx.one(
    'UPDATE odk_devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  return row !== undefined;
}

/**
 * The device and its user id behind a live token hash; marks it used at most once a minute (not one write per
 * request).
 */
export async function findLiveDevice(
  tx: Tx,
  tokenHash: string,
): Promise<{ id: string; userId: string } | undefined> {
  return tx.one(
    `WITH touched AS (
       UPDATE odk_devices SET last_used_at = now()
       WHERE token_hash = $1 AND revoked_at IS NULL
         AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
       RETURNING 1)
     SELECT id, user_id AS "userId" FROM odk_devices WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
}

/** A stored submission: which report it became and a hash of its XML. */
export type SubmissionRecord = {
  instanceId: string;
  reportId: string;
  xmlSha256: string;
  submittedBy: string;
};

/** The submission with this instanceID, if one was taken in. */
export async function findSubmission(tx: Tx, instanceId: string): Promise<SubmissionRecord | undefined> {
  return tx.one<SubmissionRecord>(
    `SELECT instance_id AS "instanceId", report_id AS "reportId", xml_sha256 AS "xmlSha256",
       submitted_by AS "submittedBy"
     FROM odk_submissions WHERE instance_id = $1`,
    [instanceId],
  );
}

/** Records a submission; false when its instanceID is already recorded (a concurrent retry). */
export async function insertSubmission(
  tx: Tx,
  row: SubmissionRecord & {
    formId: string;
    formVersion: string;
    deprecatedId: string | null;
    deviceId: string | null;
  },
): Promise<boolean> {
  const inserted = await tx.one(
    `INSERT INTO odk_submissions (instance_id, form_id, form_version, xml_sha256, report_id, deprecated_id,
       submitted_by, device_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (instance_id) DO NOTHING RETURNING 1`,
    [
      row.instanceId,
      row.formId,
      row.formVersion,
      row.xmlSha256,
      row.reportId,
      row.deprecatedId,
      row.submittedBy,
      row.deviceId,
    ],
  );
  return inserted !== undefined;
}

/**
 * The places of an area given as region code prefixes ('35' for the province): its kab/kota, kecamatan and
 * desa, each sorted by name.
 */
export async function listAreaPlaces(
  tx: Tx,
  prefixes: readonly string[],
): Promise<{ level: string; code: string; name: string; parentCode: string | null }[]> {
  return tx.query(
    `SELECT level, code, name, parent_code AS "parentCode" FROM regions
     WHERE level IN ('kabkota', 'kecamatan', 'desa')
       AND EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE code = p OR left(code, length(p) + 1) = p || '.'
                   OR left(p, length(code) + 1) = code || '.')
     ORDER BY level, name, code`,
    [prefixes],
  );
}

export type { AreaPlace };
