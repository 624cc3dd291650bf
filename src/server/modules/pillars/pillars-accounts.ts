// Accounts for pillars in bulk: every selected person of the registry without an account gets a relawan
// account scoped to their home desa, linked to their record, with a one-time sign-in code valid seven days.
// Re-running skips those who have one. The codes leave only through the delivery (a printed sheet today).
import type { PillarAccountsInput } from '../../../shared/sign-in-codes.ts';
import { isInViewerScope } from '../../../shared/visibility.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { deriveUsername } from '../auth/sign-in-code-rules.ts';
import { type IssuedCode, issueCode } from '../auth/sign-in-code-service.ts';
import { usernamesLike } from '../auth/sign-in-code-store.ts';
import { insertUser } from '../users/users-store.ts';
import { linkUser, lockAccountCandidates } from './pillar-users-store.ts';

/** At most this many accounts per run; the rest are made by running again (the made ones are skipped). */
export const MAX_ACCOUNTS_PER_RUN = 2000;

/**
 * The password hash of an account made with a code: no password matches it (it is not a valid argon2 hash),
 * so the account opens only with its code, which sets the first password.
 */
const NO_PASSWORD = '!code-only';

type Candidate = { id: string; name: string; homeRegionCode: string };

export type PillarAccounts = {
  created: (IssuedCode & { pillarId: string; homeRegionCode: string })[];
  /** Selected people who already had an account. */
  skipped: number;
  /** Selected people left for the next run (over the per-run limit). */
  remaining: number;
};

async function selectCandidates(
  tx: Tx,
  input: PillarAccountsInput,
  region: string,
): Promise<{ candidates: Candidate[]; skipped: number }> {
  const rows = await lockAccountCandidates(tx, {
    region,
    status: input.status,
    pillarType: input.pillarType,
    skill: input.skill,
  });
  return {
    candidates: rows.filter((row) => !row.hasAccount).map(({ hasAccount: _, ...row }) => row),
    skipped: rows.filter((row) => row.hasAccount).length,
  };
}

/**
 * Makes the accounts. An operator works in their kab/kota (a region outside it is refused); an admin anywhere
 * in the province; other roles are refused. Audited with the ids of the new users and pillars, never codes.
 */
export async function createPillarAccounts(
  deps: { db: Database; clock: Clock },
  principal: Principal,
  input: PillarAccountsInput,
): Promise<PillarAccounts> {
  const role = principal.user.role;
  authorize(principal, 'pillar.accounts', 'Hanya operator atau admin yang dapat membuat akun pilar');
  const region = input.region ?? (role === 'admin' ? '35' : (principal.user.scopeRegionCode as string));
  if (role === 'operator' && !isInViewerScope(principal.actor, region)) {
    throw new DomainError('forbidden', 'Wilayah ini di luar lingkup Anda');
  }
  return deps.db.asSystem(async (tx) => {
    const { candidates, skipped } = await selectCandidates(tx, input, region);
    const batch = candidates.slice(0, MAX_ACCOUNTS_PER_RUN);
    const stems = [...new Set(batch.map((c) => deriveUsername(c.name, () => false)))];
    const taken = new Set(await usernamesLike(tx, stems));
    const created: PillarAccounts['created'] = [];
    for (const person of batch) {
      const username = deriveUsername(person.name, (candidate) => taken.has(candidate));
      taken.add(username);
      const user = await insertUser(tx, {
        username,
        displayName: person.name,
        role: 'relawan',
        scopeRegionCode: person.homeRegionCode,
        scopeBakorwilId: null,
        agencyId: null,
        passwordHash: NO_PASSWORD,
      });
      await linkUser(tx, person.id, user.id);
      const issued = await issueCode(tx, deps.clock, user, 'welcome', principal.user.id);
      created.push({ ...issued, pillarId: person.id, homeRegionCode: person.homeRegionCode });
    }
    if (created.length > 0) {
      await appendAudit(
        tx,
        principal,
        'pillar.accounts_created',
        { type: 'region', id: region },
        {
          accounts: created.map((c) => ({ userId: c.userId, pillarId: c.pillarId })),
          skipped,
          filter: { pillarType: input.pillarType ?? null, skill: input.skill ?? null, status: input.status },
        },
      );
    }
    return { created, skipped, remaining: candidates.length - batch.length };
  });
}
