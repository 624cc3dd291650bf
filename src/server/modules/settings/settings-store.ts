// The settings module's SQL: deadlines per priority (sla_settings), partner agencies, and the retention periods and
// anomaly thresholds of personal data (privacy_settings).
import type { PrivacySettings } from '../../../shared/privacy/retention-rules.ts';
import type { Priority } from '../../../shared/reports/report-schema.ts';
import type { Agency, SlaRow } from '../../../shared/settings/settings-schema.ts';
import type { Tx } from '../../platform/db.ts';

export type { Agency, SlaRow };

/** The deadlines (minutes) of one priority. */
export async function loadSla(
  tx: Tx,
  priority: Priority,
): Promise<{ acknowledge: number; response: number; resolve: number }> {
  return (await tx.one(
    `SELECT acknowledge_minutes AS acknowledge, response_minutes AS response, resolve_minutes AS resolve
     FROM sla_settings WHERE priority = $1`,
    [priority],
  ))!;
}

const SELECT_SLA = `SELECT priority, acknowledge_minutes AS "acknowledgeMinutes", response_minutes AS "responseMinutes",
  resolve_minutes AS "resolveMinutes" FROM sla_settings ORDER BY priority`;
const SELECT_AGENCY = `SELECT id, name, kabkota_code AS "kabkotaCode", is_active AS "isActive" FROM agencies`;

export function listSla(tx: Tx): Promise<SlaRow[]> {
  return tx.query<SlaRow>(SELECT_SLA);
}

export async function updateSla(tx: Tx, row: SlaRow): Promise<void> {
  await tx.query(
    `UPDATE sla_settings SET acknowledge_minutes = $2, response_minutes = $3, resolve_minutes = $4 WHERE priority = $1`,
    [row.priority, row.acknowledgeMinutes, row.responseMinutes, row.resolveMinutes],
  );
}

export function listAgencies(tx: Tx): Promise<Agency[]> {
  return tx.query<Agency>(`${SELECT_AGENCY} ORDER BY name`);
}

export function findAgency(tx: Tx, id: string): Promise<Agency | undefined> {
  return tx.one<Agency>(`${SELECT_AGENCY} WHERE id = $1`, [id]);
}

export async function saveAgency(tx: Tx, agency: Agency): Promise<void> {
  await tx.query(
    `INSERT INTO agencies (id, name, kabkota_code, is_active) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, kabkota_code = excluded.kabkota_code, is_active = excluded.is_active`,
    [agency.id, agency.name, agency.kabkotaCode, agency.isActive],
  );
}

const SELECT_PRIVACY = `SELECT case_closed_years AS "caseClosedYears", reporter_months AS "reporterMonths",
  pillar_inactive_years AS "pillarInactiveYears", reads_threshold AS "readsThreshold",
  reads_window_minutes AS "readsWindowMinutes", failed_accounts_threshold AS "failedAccountsThreshold",
  failed_window_minutes AS "failedWindowMinutes", night_from_hour AS "nightFromHour", night_to_hour AS "nightToHour"
  FROM privacy_settings WHERE id = 1`;

/** The retention periods and anomaly thresholds (one row, made by the migration). */
export async function loadPrivacySettings(tx: Tx): Promise<PrivacySettings> {
  return (await tx.one<PrivacySettings>(SELECT_PRIVACY))!;
}

export async function updatePrivacySettings(tx: Tx, s: PrivacySettings, by: string): Promise<void> {
  await tx.query(
    `UPDATE privacy_settings SET case_closed_years = $1, reporter_months = $2, pillar_inactive_years = $3,
       reads_threshold = $4, reads_window_minutes = $5, failed_accounts_threshold = $6, failed_window_minutes = $7,
       night_from_hour = $8, night_to_hour = $9, updated_by = $10, updated_at = now() WHERE id = 1`,
    [
      s.caseClosedYears,
      s.reporterMonths,
      s.pillarInactiveYears,
      s.readsThreshold,
      s.readsWindowMinutes,
      s.failedAccountsThreshold,
      s.failedWindowMinutes,
      s.nightFromHour,
      s.nightToHour,
      by,
    ],
  );
}
