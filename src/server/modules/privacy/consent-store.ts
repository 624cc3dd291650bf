// SQL of consent per person (owner rights: the service refuses anyone but the privacy office first).
import type { ConsentPurpose } from '../../../shared/privacy/rights-schema.ts';
import type { Tx } from '../../platform/db.ts';

export type ConsentRow = {
  purpose: ConsentPurpose;
  givenAt: Date | null;
  withdrawnAt: Date | null;
};

/** The consents recorded for one phone or record id. */
export async function findConsents(tx: Tx, key: string): Promise<ConsentRow[]> {
  return tx.query<ConsentRow>(
    `SELECT purpose, given_at AS "givenAt", withdrawn_at AS "withdrawnAt"
       FROM privacy_consents WHERE subject_key = $1 ORDER BY purpose`,
    [key],
  );
}

/** Records consent given (clearing an earlier withdrawal) or withdrawn. */
export async function saveConsent(
  tx: Tx,
  purpose: ConsentPurpose,
  key: string,
  action: 'beri' | 'tarik',
  at: Date,
  by: string,
): Promise<void> {
  const given = action === 'beri';
  await tx.query(
    `INSERT INTO privacy_consents (purpose, subject_key, given_at, withdrawn_at, recorded_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (purpose, subject_key) DO UPDATE SET
       given_at = CASE WHEN $7 THEN EXCLUDED.given_at ELSE privacy_consents.given_at END,
       withdrawn_at = EXCLUDED.withdrawn_at, recorded_by = EXCLUDED.recorded_by, updated_at = EXCLUDED.updated_at`,
    [purpose, key, given ? at : null, given ? null : at, by, at, given],
  );
}

/** A vulnerable person's guardian consent as the case recorded it, or undefined when no such person. */
export async function findGuardianConsent(
  tx: Tx,
  personId: string,
): Promise<{ isChild: boolean; hasConsent: boolean; at: Date } | undefined> {
  const rows = await tx.query<{ isChild: boolean; hasConsent: boolean; at: Date }>(
    `SELECT vulnerable_group = 'anak' AS "isChild", guardian_consent AS "hasConsent", created_at AS at
       FROM vulnerable_people WHERE id = $1`,
    [personId],
  );
  return rows[0];
}

/** Whether a pillar with this id exists. */
export async function hasPillar(tx: Tx, id: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM pillars WHERE id = $1', [id])).length > 0;
}
