import { readText, type TextReading } from '../../../shared/text-reader/read-text.ts';
import {
  COMPARED_FIELDS,
  type TextReadAccuracy,
  type TextReadFeedbackInput,
  type TextReadInput,
} from '../../../shared/text-reader/text-read-schema.ts';
import { startOfWibDay } from '../../../shared/time.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { jatimGazetteer } from './gazetteer-load.ts';
import { agreedFields } from './text-read-rules.ts';
import * as store from './text-read-store.ts';

export type TextReadDeps = { db: Database; clock: Clock };

/** Reads a message; without a home region the reader uses the caller's own area to break ties. */
export function read(principal: Principal, input: TextReadInput): TextReading {
  authorize(principal, 'text.read');
  const homeRegion = input.homeRegion ?? principal.user.scopeRegionCode ?? null;
  return readText(input.text, jatimGazetteer(), { homeRegion });
}

/** Keeps what the reader suggested for a filed report beside what the person chose. */
export async function recordFeedback(
  deps: TextReadDeps,
  principal: Principal,
  input: TextReadFeedbackInput,
): Promise<{ agreed: string[] }> {
  authorize(principal, 'text.read');
  return deps.db.asActor(principal.actor, async (tx) => {
    const chosen = foundOr(await store.findChosen(tx, input.reportId), 'Laporan tidak ditemukan');
    const agreed = agreedFields(input.suggested, chosen);
    const kept = await store.insertFeedback(tx, {
      reportId: input.reportId,
      suggested: input.suggested,
      chosen,
      agreed,
      recordedBy: principal.user.id,
      at: deps.clock.now(),
    });
    if (kept) {
      await appendAudit(
        tx,
        principal,
        'text_read.feedback',
        { type: 'report', id: input.reportId },
        { agreed },
      );
    }
    return { agreed };
  });
}

/** The share of filed reports where people kept each field the reader suggested, between two WIB days. */
export async function accuracy(
  deps: TextReadDeps,
  principal: Principal,
  range: { from: string; to: string },
): Promise<TextReadAccuracy> {
  authorize(principal, 'text.accuracy');
  if (range.from > range.to) throw new DomainError('validation_failed', 'Tanggal awal sesudah tanggal akhir');
  const from = startOfWibDay(range.from);
  const to = new Date(startOfWibDay(range.to).getTime() + 24 * 3600 * 1000);
  const { reports, agreed } = await deps.db.asActor(principal.actor, (tx) => store.agreement(tx, from, to));
  return {
    from: range.from,
    to: range.to,
    reports,
    fields: COMPARED_FIELDS.map((field) => {
      const n = agreed.get(field) ?? 0;
      return { field, agreed: n, rate: reports === 0 ? null : Math.round((1000 * n) / reports) / 1000 };
    }),
  };
}
