// What closing a case must honour: the people still waiting in it. Zod-free: the web shows the same list and
// the same refusal the server gives. The zod schemas over these shapes live in case-schema.ts.
import type { VulnerableGroup } from '../reports/report-schema.ts';
import { isTooShort, type TextLength } from '../text-length.ts';
import type { CasePhase, RecoveryStep } from './case-rules.ts';
import type { ReferralStatus } from './people-rules.ts';

/** A referral of a vulnerable person still waiting for its service (dirujuk or diterima). */
export type OpenReferral = {
  id: string;
  personId: string;
  group: VulnerableGroup;
  service: string;
  provider: string;
  status: ReferralStatus;
  dueAt: string;
};

/** What is still open in a case: listed before closing, and in the refusal when closing is refused. */
export type OpenItems = {
  openReferrals: OpenReferral[];
  missingRecoverySteps: RecoveryStep[];
  unansweredDispositions: { id: string; agencyId: string; agencyName: string; dueAt: string }[];
  checkedIn: { userId: string; displayName: string; since: string }[];
  activeAssignments: { userId: string; displayName: string }[];
};

/** How long closing's texts may be (the schemas in case-schema.ts and the close and reopen forms read them). */
export const CLOSING_TEXT = {
  /** The shortest hand-over texts that still say something ("Puskesmas", "Bu Rina"). */
  handover: { min: 3, max: 300 },
  /** At least `min` when the case closes (case-rules.ts `refuseMove`); a move to another phase may leave it out. */
  outcome: { min: 10, max: 5000 },
  reopenReason: { min: 10, max: 2000 },
} as const satisfies Record<string, TextLength>;

/** A referral handed over when its case closes: to which service, and who follows it up. */
export type Handover = { referralId: string; handedTo: string; followUpBy: string };

/** A closed case is read-only: nothing is added or changed until someone reopens it. */
export function isCaseClosed(phase: CasePhase): boolean {
  return phase === 'selesai';
}

/**
 * The open referrals that block closing: each needs a hand-over with a service and a person who follows
 * it up. Every named person in a case is a vulnerable person, so every open referral counts.
 */
export function findReferralsWithoutHandover(
  open: readonly Pick<OpenReferral, 'id'>[],
  handovers: readonly Handover[],
): string[] {
  const given = new Set(
    handovers
      .filter(
        (h) =>
          !isTooShort(h.handedTo, CLOSING_TEXT.handover) && !isTooShort(h.followUpBy, CLOSING_TEXT.handover),
      )
      .map((h) => h.referralId),
  );
  return open.filter((r) => !given.has(r.id)).map((r) => r.id);
}

/** Whether anything is still open (the close dialog says so before asking for the summary). */
export function hasOpenItems(items: OpenItems): boolean {
  return (
    items.openReferrals.length > 0 ||
    items.missingRecoverySteps.length > 0 ||
    items.unansweredDispositions.length > 0 ||
    items.checkedIn.length > 0 ||
    items.activeAssignments.length > 0
  );
}
