// An item's response: the counter-message drafted, reviewed and approved by staff, carried and posted; takedown
// or investigation requests sent to partner agencies as dispositions; the deadline and its escalation.
import { OFFICE_LABELS } from '../../../shared/escalation/ladder.ts';
import {
  escalatedDueAt,
  evaluateItems,
  nextCounterStatus,
} from '../../../shared/provocation/provocation-rules.ts';
import type {
  CounterMove,
  EvaluationFigures,
  ItemDetail,
  TakedownInput,
} from '../../../shared/provocation/provocation-schema.ts';
import { toWibIso } from '../../../shared/time.ts';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { sendDispositionIn } from '../cases/case-work-service.ts';
import { climbWhenDue, escalateDue, type LadderStep } from '../escalation/escalate-due.ts';
import { notifyCovering } from '../notifications/notifications-service.ts';
import { auditItem, itemView, type ProvocationDeps, requireItem } from './provocation-service.ts';
import * as store from './response-store.ts';

/** Drafts a counter-message for an item, with who will carry it. */
export async function draftCounter(
  deps: ProvocationDeps,
  principal: Principal,
  itemId: string,
  input: { body: string; carrier: string; carrierName: string },
): Promise<ItemDetail> {
  authorize(principal, 'provocation.counter');
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireItem(tx, itemId);
    const id = await store.insertCounterMessage(tx, {
      itemId,
      body: input.body,
      carrier: input.carrier,
      carrierName: input.carrierName,
      by: principal.user.id,
      now: deps.clock.now(),
    });
    await auditItem(tx, principal, 'provocation.counter_drafted', itemId, { counterMessageId: id });
    return itemView(tx, principal, await requireItem(tx, itemId));
  });
}

/**
 * Moves a counter-message: staff submit it; a reviewer (Bakorwil or province, never its drafter) approves or
 * returns it with a note; staff record where it was posted. Approval meets the item's deadline.
 */
export async function moveCounter(
  deps: ProvocationDeps,
  principal: Principal,
  counterId: string,
  move: CounterMove,
  options: { note?: string; postedWhere?: string },
): Promise<ItemDetail> {
  authorize(
    principal,
    move === 'approve' || move === 'return' ? 'provocation.approve' : 'provocation.counter',
  );
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const message = foundOr(await store.findCounterMessage(tx, counterId), 'Kontra-narasi tidak ditemukan');
    const to = nextCounterStatus(message.status, move);
    if (!to) {
      throw new DomainError(
        'invalid_transition',
        `Kontra-narasi berstatus ${message.status} tidak dapat di-${move}`,
      );
    }
    if ((move === 'approve' || move === 'return') && message.draftedById === principal.user.id) {
      throw new DomainError('forbidden', 'Kontra-narasi ditinjau orang lain, bukan penyusunnya');
    }
    if (move === 'return' && !options.note) {
      throw new DomainError('validation_failed', 'Tulis catatan untuk penyusun');
    }
    if (move === 'post' && !options.postedWhere) {
      throw new DomainError('validation_failed', 'Sebutkan di mana kontra-narasi dipublikasikan');
    }
    await store.moveCounterMessage(tx, counterId, {
      status: to,
      note: move === 'return' ? options.note : undefined,
      approvedBy: move === 'approve' ? principal.user.id : undefined,
      postedWhere: options.postedWhere,
      now,
    });
    if (move === 'approve') await store.markCounterApproved(tx, message.itemId, now);
    await auditItem(tx, principal, `provocation.counter_${to}`, message.itemId, {
      counterMessageId: counterId,
    });
    return itemView(tx, principal, await requireItem(tx, message.itemId));
  });
}

/** Hours a partner agency gets to answer a takedown or investigation request. */
export const TAKEDOWN_HOURS = 24;

/**
 * Sends a takedown or investigation request to a partner agency: a disposition on a case linked to the item
 * (the existing dispositions: its mitra sees the case's disposition and answers it there).
 */
export async function requestTakedown(
  deps: ProvocationDeps,
  principal: Principal,
  itemId: string,
  input: { kind: TakedownInput['kind']; agencyId: string; caseId: string; instruction: string },
): Promise<ItemDetail> {
  authorize(principal, 'provocation.takedown');
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireItem(tx, itemId);
    if (!(await store.caseLinked(tx, itemId, input.caseId))) {
      throw new DomainError(
        'validation_failed',
        'Tautkan konten ke kasus ini dulu, lalu kirim permintaannya',
      );
    }
    const disposition = await sendDispositionIn(
      tx,
      principal,
      input.caseId,
      {
        agencyId: input.agencyId,
        instruction: input.instruction,
        dueAt: toWibIso(new Date(now.getTime() + TAKEDOWN_HOURS * 3_600_000)),
      },
      now,
    );
    await store.insertTakedown(tx, {
      itemId,
      kind: input.kind,
      dispositionId: disposition.id,
      by: principal.user.id,
      now,
    });
    await auditItem(tx, principal, 'provocation.takedown_requested', itemId, {
      dispositionId: disposition.id,
      agencyId: input.agencyId,
      kind: input.kind,
    });
    return itemView(tx, principal, await requireItem(tx, itemId));
  });
}

/**
 * Raises every item whose response is overdue one level (kab/kota → Bakorwil → province), like a case's
 * deadline: a fresh deadline, an audit entry and a notice in the new level's inboxes, each item in its own
 * transaction (`escalateDue`). Called by the escalation run, which throws the failures so the job is retried.
 */
export function escalateDueItems(db: Database, now: Date): Promise<{ moved: number; failures: unknown[] }> {
  return escalateDue(db, now, store.listDueItemIds, climbWhenDue(store.lockDueItem, escalateItem, now));
}

async function escalateItem(tx: Tx, due: store.DueItem, { to, roles }: LadderStep, now: Date): Promise<void> {
  const { id } = due;
  await store.escalateItem(tx, id, { level: to, dueAt: escalatedDueAt(now, due.assessment as never), now });
  await auditItem(tx, SYSTEM_ACTOR, 'provocation.escalated', id, { from: due.handlingLevel, to });
  notifyCovering(tx, roles, due.kabkotaCodes, {
    kind: 'provocation.escalated',
    subjectType: 'provocation_item',
    subjectId: id,
    title: `Eskalasi: konten provokatif belum ditanggapi tepat waktu`,
    body: `Tenggat tanggapan terlewat; kini ditangani ${OFFICE_LABELS[to]}.`,
  });
}

/** The evaluation's figures over the items the province sees (or one kab/kota's). */
export async function evaluate(
  deps: ProvocationDeps,
  principal: Principal,
  kabkota: string | null,
): Promise<EvaluationFigures> {
  authorize(principal, 'provocation.evaluate');
  return deps.db.asActor(principal.actor, async (tx) =>
    evaluateItems(await store.listEvaluated(tx, kabkota)),
  );
}
