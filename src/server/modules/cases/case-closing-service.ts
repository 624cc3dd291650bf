import { CasePhase } from '../../../shared/cases/case-rules.ts';
import type { CaseView } from '../../../shared/cases/case-schema.ts';
import { isCaseClosed, type OpenItems } from '../../../shared/cases/closing-rules.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import {
  type CaseDeps,
  publishCaseChange,
  recordCaseStep,
  requireCase,
  requireHandledCase,
} from './cases-service.ts';
import * as closing from './closing-store.ts';

/** What is still open in a case a handler may close: shown before closing, so nobody is left behind unseen. */
export async function getOpenItems(deps: CaseDeps, principal: Principal, caseId: string): Promise<OpenItems> {
  return deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireHandledCase(tx, principal, caseId);
    return closing.findOpenItems(tx, caseId, current.recoverySteps);
  });
}

/**
 * Reopens a closed case into the phase it was closed from, with a reason (kept on the timeline; the audit
 * entry names the case and the phases). Only a koordinator or above may; the case must be visible to them.
 */
export async function reopenCase(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  input: { reason: string },
): Promise<CaseView> {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireCase(tx, caseId);
    authorize(principal, 'case.reopen', 'Hanya koordinator (atau provinsi) yang dapat membuka kembali kasus');
    if (!isCaseClosed(current.phase)) {
      throw new DomainError('invalid_transition', 'Kasus belum ditutup');
    }
    const before = CasePhase.safeParse(await closing.findPhaseBeforeClosing(tx, caseId));
    const to = before.success && before.data !== 'selesai' ? before.data : 'pemulihan';
    if (!(await closing.reopenCase(tx, caseId, to, now))) {
      throw new DomainError('version_conflict', 'Kasus sudah diubah orang lain; muat ulang lalu ulangi');
    }
    await recordCaseStep(tx, principal, caseId, {
      kind: 'reopened',
      details: { from: 'selesai', to, reason: input.reason.trim() },
      at: now,
      audit: { from: 'selesai', to },
    });
    return publishCaseChange(tx, principal, caseId);
  });
}
