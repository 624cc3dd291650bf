// The breach register: record a breach, watch its 3 × 24 hour clock, draft the notices, record them, close it.
import {
  breachClock,
  breachDueAt,
  breachNotices,
  refuseBreachClose,
} from '../../../shared/privacy/breach-rules.ts';
import type { BreachInput, BreachView } from '../../../shared/privacy/privacy-schema.ts';
import { SIGNAL_LABELS, type SignalKind } from '../../../shared/privacy/retention-rules.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { auditAbout } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import * as store from './breach-store.ts';

/** An audit entry about a breach of the register (the privacy module's actions name the breach they change). */
export const auditBreach = auditAbout('privacy_breach');

export type BreachDeps = { db: Database; clock: Clock };

const MESSAGE = 'Hanya PPDP dan admin yang mengelola insiden kebocoran data';

function toView(b: store.BreachRecord, now: Date): BreachView {
  const discoveredAtWib = toWibIso(b.discoveredAt);
  return {
    id: b.id,
    title: b.title,
    description: b.description,
    discoveredAt: discoveredAtWib,
    dueAt: toWibIso(b.dueAt),
    categories: b.categories,
    subjectsEstimate: b.subjectsEstimate,
    measures: b.measures,
    subjectNoticeAt: toWibIsoOrNull(b.subjectNoticeAt),
    authorityNoticeAt: toWibIsoOrNull(b.authorityNoticeAt),
    closedAt: toWibIsoOrNull(b.closedAt),
    remindedAt: toWibIsoOrNull(b.remindedAt),
    escalatedAt: toWibIsoOrNull(b.escalatedAt),
    signal: b.signal ? (SIGNAL_LABELS[b.signal as SignalKind] ?? b.signal) : null,
    dismissedReason: b.dismissedReason,
    clock: breachClock(b, now),
    notices: breachNotices({ ...b, discoveredAtWib }),
  };
}

async function requireBreach(tx: Parameters<typeof store.findBreach>[0], id: string) {
  return foundOr(await store.findBreach(tx, id), 'Insiden tidak ditemukan');
}

/** Records a breach; the clock starts at its discovery. A retried submission answers the same breach. */
export async function recordBreach(
  deps: BreachDeps,
  principal: Principal,
  input: BreachInput,
): Promise<BreachView> {
  authorize(principal, 'privacy.breach', MESSAGE);
  const discoveredAt = new Date(input.discoveredAt);
  const now = deps.clock.now();
  if (discoveredAt.getTime() > now.getTime() + 60_000) {
    throw new DomainError('validation_failed', 'Waktu diketahui tidak boleh di masa depan');
  }
  return deps.db.asSystem(async (tx) => {
    const inserted = await store.insertBreach(tx, {
      ...input,
      discoveredAt,
      dueAt: breachDueAt(discoveredAt),
      createdBy: principal.user.id,
    });
    if (inserted) {
      await auditBreach(tx, principal, 'privacy.breach_recorded', input.id, {
        categories: input.categories,
        subjectsEstimate: input.subjectsEstimate,
      });
    }
    return toView(await requireBreach(tx, input.id), now);
  });
}

/** The register with each breach's clock and notice drafts. */
export async function listBreaches(deps: BreachDeps, principal: Principal): Promise<BreachView[]> {
  authorize(principal, 'privacy.breach', MESSAGE);
  const now = deps.clock.now();
  return deps.db.asSystem(async (tx) => (await store.listBreaches(tx)).map((b) => toView(b, now)));
}

/** One change to a breach by its handler: `change` checks the stored breach and writes; the breach is shown again. */
async function changeBreach(
  deps: BreachDeps,
  principal: Principal,
  id: string,
  change: (tx: Tx, found: store.BreachRecord, now: Date) => Promise<void>,
): Promise<BreachView> {
  authorize(principal, 'privacy.breach', MESSAGE);
  const now = deps.clock.now();
  return deps.db.asSystem(async (tx) => {
    await change(tx, await requireBreach(tx, id), now);
    return toView(await requireBreach(tx, id), now);
  });
}

/** Records that a notice went out (to the people affected, or to the authority); recording it again keeps the first. */
export async function recordBreachNotice(
  deps: BreachDeps,
  principal: Principal,
  id: string,
  to: 'subjek' | 'lembaga',
): Promise<BreachView> {
  return changeBreach(deps, principal, id, async (tx, found, now) => {
    if (found.closedAt) throw new DomainError('conflict', 'Insiden ini sudah ditutup');
    await store.recordNotice(tx, id, to, now);
    await auditBreach(tx, principal, 'privacy.breach_notified', id, { to });
  });
}

/** Closes a breach once both notices are recorded. */
export async function closeBreach(deps: BreachDeps, principal: Principal, id: string): Promise<BreachView> {
  return changeBreach(deps, principal, id, async (tx, found, now) => {
    const refusal = refuseBreachClose(found);
    if (refusal) throw new DomainError('conflict', refusal);
    await store.closeBreach(tx, id, now);
    await auditBreach(tx, principal, 'privacy.breach_closed', id);
  });
}

/**
 * Closes a suspected breach an anomaly signal opened that proved not to be a breach, with the reason (no notices
 * are owed then). A breach recorded by hand is closed only through its notices.
 */
export async function dismissSuspectedBreach(
  deps: BreachDeps,
  principal: Principal,
  id: string,
  reason: string,
): Promise<BreachView> {
  return changeBreach(deps, principal, id, async (tx, found, now) => {
    if (found.closedAt) throw new DomainError('conflict', 'Insiden ini sudah ditutup');
    if (!found.signal) {
      throw new DomainError(
        'conflict',
        'Hanya dugaan dari sinyal anomali yang dapat dinyatakan bukan kebocoran; insiden ini ditutup lewat pemberitahuan',
      );
    }
    await store.closeBreach(tx, id, now, reason);
    await auditBreach(tx, principal, 'privacy.breach_dismissed', id);
  });
}
