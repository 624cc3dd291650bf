import type { PrivacySettings } from '../../../shared/privacy/retention-rules.ts';
import type { Priority } from '../../../shared/reports/report-schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { findRegion } from '../regions/regions-service.ts';
import type { Agency, SlaRow } from './settings-store.ts';
import * as store from './settings-store.ts';

export type { Agency, SlaRow } from './settings-store.ts';

export async function listSla(db: Database): Promise<SlaRow[]> {
  return db.asSystem((tx) => store.listSla(tx));
}

/**
 * The deadlines (minutes) of one priority, inside the caller's transaction: how cases and escalation read
 * sla_settings, which this module owns.
 */
export function getSla(
  tx: Tx,
  priority: Priority,
): Promise<{ acknowledge: number; response: number; resolve: number }> {
  return store.loadSla(tx, priority);
}

/** Sets the deadlines of each priority (admin). New deadlines apply to records that arrive afterwards. */
export async function updateSla(db: Database, principal: Principal, rows: SlaRow[]): Promise<SlaRow[]> {
  authorize(principal, 'settings.edit');
  return db.asSystem(async (tx) => {
    for (const row of rows) {
      if (!(row.acknowledgeMinutes <= row.responseMinutes && row.responseMinutes <= row.resolveMinutes)) {
        throw new DomainError('validation_failed', `${row.priority}: batas terima ≤ respons ≤ selesai`);
      }
      await store.updateSla(tx, row);
    }
    await appendAudit(tx, principal, 'settings.sla_updated', 'sla', { rows });
    return store.listSla(tx);
  });
}

export async function listAgencies(db: Database): Promise<Agency[]> {
  return db.asSystem((tx) => store.listAgencies(tx));
}

/** One partner agency by id, inside the caller's transaction. */
export function findAgency(tx: Tx, id: string): Promise<Agency | undefined> {
  return store.findAgency(tx, id);
}

/** Adds or changes a partner agency (admin). */
export async function saveAgency(db: Database, principal: Principal, agency: Agency): Promise<Agency> {
  authorize(principal, 'agency.manage');
  return db.asSystem(async (tx) => {
    if (agency.kabkotaCode) {
      const known = await findRegion(tx, agency.kabkotaCode);
      if (known?.level !== 'kabkota')
        throw new DomainError('validation_failed', `Kab/kota ${agency.kabkotaCode} tidak dikenal`);
    }
    await store.saveAgency(tx, agency);
    await appendAudit(tx, principal, 'agency.saved', agency.id, { isActive: agency.isActive });
    return (await store.findAgency(tx, agency.id))!;
  });
}

/** The retention periods and anomaly thresholds, inside the caller's transaction (the privacy and backup jobs). */
export function getPrivacySettings(tx: Tx): Promise<PrivacySettings> {
  return store.loadPrivacySettings(tx);
}

const PRIVACY_MESSAGE = 'Hanya PPDP dan admin yang mengatur retensi dan sinyal anomali';

/** The retention periods and anomaly thresholds, for the privacy page. */
export async function readPrivacySettings(db: Database, principal: Principal): Promise<PrivacySettings> {
  authorize(principal, 'privacy.settings', PRIVACY_MESSAGE);
  return db.asSystem((tx) => store.loadPrivacySettings(tx));
}

/** Sets the retention periods and anomaly thresholds (ppdp, admin); the audit keeps the new figures. */
export async function updatePrivacySettings(
  db: Database,
  principal: Principal,
  input: PrivacySettings,
): Promise<PrivacySettings> {
  authorize(principal, 'privacy.settings', PRIVACY_MESSAGE);
  if (input.nightFromHour === input.nightToHour) {
    throw new DomainError('validation_failed', 'Jam mulai dan jam akhir malam tidak boleh sama', [
      { path: 'nightToHour', message: 'berbeda dari jam mulai / differs from the start hour' },
    ]);
  }
  return db.asSystem(async (tx) => {
    await store.updatePrivacySettings(tx, input, principal.user.id);
    await appendAudit(tx, principal, 'settings.privacy_updated', 'privacy', {
      ...input,
    });
    return store.loadPrivacySettings(tx);
  });
}
