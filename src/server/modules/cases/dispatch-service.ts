import { type DispatchSuggestion, rankCandidates } from '../../../shared/pillars/dispatch-rules.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { findPillarUserId, listDispatchCandidates } from '../pillars/pillars-service.ts';
import { findCaseReportFacts } from '../reports/reports-service.ts';
import { assignPerson } from './case-work-service.ts';
import * as work from './case-work-store.ts';
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
    const facts = await findCaseReportFacts(tx, caseId);
    const wide = found.handlingLevel !== 'kabkota' || found.sharedWith.length > 0;
    const candidates = await listDispatchCandidates(tx, {
      kabkotaCode: found.kabkotaCode,
      sharedWith: found.sharedWith,
      wide,
      now,
      exceptUserIds: await work.listAssignedUserIds(tx, caseId),
    });
    return { found, candidates, ...facts };
  });
  // Open assignments count everywhere, including cases this actor cannot see: only a number leaves the query.
  const openOf = await deps.db.asSystem((tx) =>
    work.countOpenAssignments(
      tx,
      candidates.map((c) => c.userId),
    ),
  );
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
  const userId = await deps.db.asActor(principal.actor, (tx) => findPillarUserId(tx, input.pillarId));
  if (userId === undefined) throw new DomainError('not_found', 'Pilar tidak ditemukan');
  if (userId === null) {
    throw new DomainError(
      'validation_failed',
      'Pilar ini belum punya akun pengguna, jadi belum bisa ditugaskan',
    );
  }
  return assignPerson(deps, principal, caseId, {
    userId,
    task: input.task,
    dueAt: input.dueAt,
  });
}
