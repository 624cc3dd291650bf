import type { Priority } from '../../../shared/reports/report-schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';

export type SlaRow = {
  priority: Priority;
  acknowledgeMinutes: number;
  responseMinutes: number;
  resolveMinutes: number;
};
export type Agency = { id: string; name: string; kabkotaCode: string | null; isActive: boolean };

const SELECT_SLA = `SELECT priority, acknowledge_minutes AS "acknowledgeMinutes", response_minutes AS "responseMinutes",
  resolve_minutes AS "resolveMinutes" FROM sla_settings ORDER BY priority`;
const SELECT_AGENCY = `SELECT id, name, kabkota_code AS "kabkotaCode", is_active AS "isActive" FROM agencies`;

export async function listSla(db: Database): Promise<SlaRow[]> {
  return db.asSystem((tx) => tx.query<SlaRow>(SELECT_SLA));
}

/** Sets the deadlines of each priority (admin). New deadlines apply to records that arrive afterwards. */
export async function updateSla(db: Database, principal: Principal, rows: SlaRow[]): Promise<SlaRow[]> {
  return db.asSystem(async (tx) => {
    for (const row of rows) {
      if (!(row.acknowledgeMinutes <= row.responseMinutes && row.responseMinutes <= row.resolveMinutes)) {
        throw new DomainError('validation_failed', `${row.priority}: batas terima ≤ respons ≤ selesai`);
      }
      await tx.query(
        `UPDATE sla_settings SET acknowledge_minutes = $2, response_minutes = $3, resolve_minutes = $4 WHERE priority = $1`,
        [row.priority, row.acknowledgeMinutes, row.responseMinutes, row.resolveMinutes],
      );
    }
    await appendAudit(tx, principal.audit, 'settings.sla_updated', { type: 'settings', id: 'sla' }, { rows });
    return tx.query<SlaRow>(SELECT_SLA);
  });
}

export async function listAgencies(db: Database): Promise<Agency[]> {
  return db.asSystem((tx) => tx.query<Agency>(`${SELECT_AGENCY} ORDER BY name`));
}

/** Adds or changes a partner agency (admin). */
export async function saveAgency(db: Database, principal: Principal, agency: Agency): Promise<Agency> {
  return db.asSystem(async (tx) => {
    if (agency.kabkotaCode) {
      const known = await tx.one("SELECT 1 FROM regions WHERE code = $1 AND level = 'kabkota'", [
        agency.kabkotaCode,
      ]);
      if (!known) throw new DomainError('validation_failed', `Kab/kota ${agency.kabkotaCode} tidak dikenal`);
    }
    await tx.query(
      `INSERT INTO agencies (id, name, kabkota_code, is_active) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, kabkota_code = excluded.kabkota_code, is_active = excluded.is_active`,
      [agency.id, agency.name, agency.kabkotaCode, agency.isActive],
    );
    await appendAudit(
      tx,
      principal.audit,
      'agency.saved',
      { type: 'agency', id: agency.id },
      { isActive: agency.isActive },
    );
    return (await tx.one<Agency>(`${SELECT_AGENCY} WHERE id = $1`, [agency.id]))!;
  });
}
