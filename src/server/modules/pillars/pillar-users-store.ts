// The registry's pillars and their user accounts: who a case may be sent (cases/dispatch-service.ts ranks them),
// who still needs an account, and linking a new account to its person (pillars-accounts.ts). SQL only.
import type { DispatchCandidate as RankedCandidate } from '../../../shared/pillars/dispatch-rules.ts';
import type { Tx } from '../../platform/db.ts';

/** A candidate as the registry holds it; cases/dispatch-service.ts adds the open assignments. */
export type DispatchCandidate = Omit<RankedCandidate, 'openAssignments'>;

/**
 * Active pillars with a user account who are on call (or whose time off has ended by `now`), living in the
 * kab/kota or one of `sharedWith`, or — when `wide` — in another kab/kota of its Bakorwil; never the users in
 * `exceptUserIds`. Row-level security still limits the rows to pillars the actor may see.
 */
export function listDispatchCandidates(
  tx: Tx,
  area: {
    kabkotaCode: string;
    sharedWith: readonly string[];
    wide: boolean;
    now: Date;
    exceptUserIds: readonly string[];
  },
): Promise<DispatchCandidate[]> {
  return tx.query<DispatchCandidate>(
    `SELECT p.id AS "pillarId", p.user_id AS "userId", p.name, p.pillar_type AS "pillarType",
            p.home_region_code AS "homeRegionCode", p.skills
     FROM pillars p
     WHERE p.status = 'aktif' AND p.user_id IS NOT NULL
       AND (p.availability = 'siaga' OR (p.availability_until IS NOT NULL AND p.availability_until <= $4))
       AND (p.kabkota_code = $1 OR p.kabkota_code = ANY($2::text[])
         OR ($3 AND p.kabkota_code IN (SELECT m2.kabkota_code FROM bakorwil_members m1
              JOIN bakorwil_members m2 ON m2.bakorwil_id = m1.bakorwil_id WHERE m1.kabkota_code = $1)))
       AND NOT (p.user_id = ANY($5::uuid[]))`,
    [area.kabkotaCode, area.sharedWith, area.wide, area.now, area.exceptUserIds],
  );
}

/** The user account of a pillar the actor may see: null when it has none, undefined when there is no such pillar. */
export async function findPillarUserId(tx: Tx, pillarId: string): Promise<string | null | undefined> {
  const row = await tx.one<{ userId: string | null }>(
    'SELECT user_id AS "userId" FROM pillars WHERE id = $1',
    [pillarId],
  );
  return row?.userId;
}

export type AccountCandidate = { id: string; name: string; homeRegionCode: string; hasAccount: boolean };

/**
 * The pillars in a region (and below it) of a status, optionally of a type or with a skill, locked for the run
 * that makes their accounts; in the order the accounts are made.
 */
export function lockAccountCandidates(
  tx: Tx,
  filter: { region: string; status: string; pillarType?: string; skill?: string },
): Promise<AccountCandidate[]> {
  const where = [`(p.home_region_code = $1 OR p.home_region_code LIKE $1 || '.%')`, `p.status = $2`];
  const params: unknown[] = [filter.region, filter.status];
  if (filter.pillarType) {
    params.push(filter.pillarType);
    where.push(`p.pillar_type = $${params.length}`);
  }
  if (filter.skill) {
    params.push(filter.skill);
    where.push(`$${params.length} = ANY (p.skills)`);
  }
  return tx.query<AccountCandidate>(
    `SELECT p.id, p.name, p.home_region_code AS "homeRegionCode", p.user_id IS NOT NULL AS "hasAccount"
       FROM pillars p WHERE ${where.join(' AND ')} ORDER BY p.home_region_code, p.name_key, p.id FOR UPDATE`,
    params,
  );
}

/** Links a new user account to a pillar that has none. */
export async function linkUser(tx: Tx, pillarId: string, userId: string): Promise<void> {
  await tx.query(
    `UPDATE pillars SET user_id = $2, version = version + 1, updated_at = now()
      WHERE id = $1 AND user_id IS NULL`,
    [pillarId, userId],
  );
}
