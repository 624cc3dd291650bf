import { type DispatchSuggestion, rankCandidates } from '../../../shared/pillars/dispatch-rules.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { assignPerson } from './case-work-service.ts';
import { type CaseDeps, requireHandledCase } from './cases-service.ts';

/**
 * Available pillars for a case, ranked with reasons. Candidates are active, on call, have a user account (so
 * they can be assigned), live in the case's kab/kota or one it is shared with, and — once the case is escalated
 * to the Bakorwil or shared across borders — in the other kab/kota of the Bakorwil. Row-level security still
 * limits the list to pillars the actor may see.
 */
export async function suggestDispatch(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  limit = 20,
): Promise<DispatchSuggestion[]> {
  authorize(principal, 'pillar.dispatch', 'Hanya operator dan koordinator yang mengirim pilar');
  const now = deps.clock.now();
  const { found, candidates, needs, hasChildren } = await deps.db.asActor(principal.actor, async (tx) => {
    const found = await requireHandledCase(tx, principal, caseId);
    const facts = await tx.one<{ needs: string[]; hasChildren: boolean }>(
      `SELECT coalesce(array_agg(DISTINCT n) FILTER (WHERE n IS NOT NULL), '{}') AS needs,
              coalesce(bool_or(coalesce((r.vulnerable -> 'anak' ->> 'harmed')::int, 0)
                + coalesce((r.vulnerable -> 'anak' ->> 'displaced')::int, 0)
                + coalesce((r.vulnerable -> 'anak' ->> 'atRisk')::int, 0) > 0), false) AS "hasChildren"
       FROM reports r LEFT JOIN LATERAL unnest(r.needs) AS n ON true WHERE r.case_id = $1`,
      [caseId],
    );
    const wide = found.handlingLevel !== 'kabkota' || found.sharedWith.length > 0;
    const candidates = await tx.query<{
      pillarId: string;
      userId: string;
      name: string;
      pillarType: string;
      homeRegionCode: string;
      skills: string[];
    }>(
      `SELECT p.id AS "pillarId", p.user_id AS "userId", p.name, p.pillar_type AS "pillarType",
              p.home_region_code AS "homeRegionCode", p.skills
       FROM pillars p
       WHERE p.status = 'aktif' AND p.user_id IS NOT NULL
         AND (p.availability = 'siaga' OR (p.availability_until IS NOT NULL AND p.availability_until <= $4))
         AND (p.kabkota_code = $1 OR p.kabkota_code = ANY($2::text[])
           OR ($3 AND p.kabkota_code IN (SELECT m2.kabkota_code FROM bakorwil_members m1
                JOIN bakorwil_members m2 ON m2.bakorwil_id = m1.bakorwil_id WHERE m1.kabkota_code = $1)))
         AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.case_id = $5 AND a.user_id = p.user_id AND a.status = 'ditugaskan')`,
      [found.kabkotaCode, found.sharedWith, wide, now, caseId],
    );
    return { found, candidates, needs: facts?.needs ?? [], hasChildren: facts?.hasChildren ?? false };
  });
  // Open assignments count everywhere, including cases this actor cannot see: only a number leaves the query.
  const open = await deps.db.asSystem((tx) =>
    tx.query<{ userId: string; n: number }>(
      `SELECT user_id AS "userId", count(*)::int AS n FROM assignments
       WHERE status = 'ditugaskan' AND user_id = ANY($1::uuid[]) GROUP BY user_id`,
      [candidates.map((c) => c.userId)],
    ),
  );
  const openOf = new Map(open.map((row) => [row.userId, row.n]));
  return rankCandidates(
    {
      regionCode: found.regionCode,
      kabkotaCode: found.kabkotaCode,
      conflictType: found.conflictType,
      needs,
      hasChildren,
    },
    candidates.map((c) => ({ ...c, openAssignments: openOf.get(c.userId) ?? 0 })),
  ).slice(0, limit);
}

/** Assigns a pillar from the registry to a case through their user account (a grant and an inbox item). */
export async function dispatchPillar(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  input: { pillarId: string; task: string; dueAt?: string },
) {
  authorize(principal, 'pillar.dispatch', 'Hanya operator dan koordinator yang mengirim pilar');
  const pillar = await deps.db.asActor(principal.actor, (tx) =>
    tx.one<{ userId: string | null }>('SELECT user_id AS "userId" FROM pillars WHERE id = $1', [
      input.pillarId,
    ]),
  );
  if (!pillar) throw new DomainError('not_found', 'Pilar tidak ditemukan');
  if (!pillar.userId) {
    throw new DomainError(
      'validation_failed',
      'Pilar ini belum punya akun pengguna, jadi belum bisa ditugaskan',
    );
  }
  return assignPerson(deps, principal, caseId, {
    userId: pillar.userId,
    task: input.task,
    dueAt: input.dueAt,
  });
}
