import { z } from 'zod';
import { HANDLING_LEVELS, handlesAtLevel } from '../escalation/ladder.ts';
import { movesOf } from '../moves.ts';
import { isTooShort } from '../text-length.ts';
import type { Viewer } from '../visibility.ts';
import { isInViewerScope } from '../visibility.ts';
import { CLOSING_TEXT } from './closing-rules.ts';

/** UU 7/2012's phases of conflict handling, and closed. */
export const CasePhase = z.enum(['pencegahan', 'penghentian', 'pemulihan', 'selesai']);
export type CasePhase = z.infer<typeof CasePhase>;

/** Pemulihan (recovery) consists of these steps (UU 7/2012 Pasal 36). */
export const RecoveryStep = z.enum(['rekonsiliasi', 'rehabilitasi', 'rekonstruksi']);
export type RecoveryStep = z.infer<typeof RecoveryStep>;

/** One table, used by the server to refuse a move and by the web to show buttons. Going back is refused. */
const PHASE_MOVES = movesOf<CasePhase>({
  pencegahan: ['penghentian', 'pemulihan', 'selesai'],
  penghentian: ['pemulihan', 'selesai'],
  pemulihan: ['selesai'],
  selesai: [],
});

/** The phases a case may move to from `from`. */
export const nextPhases = PHASE_MOVES.next;

/** Whether a case may move from `from` to `to`. */
export const canMoveCase = PHASE_MOVES.canMove;

/** Why a move is refused, or undefined when it is allowed. Closing needs an outcome summary. */
export function refuseMove(from: CasePhase, to: CasePhase, outcome: string | undefined): string | undefined {
  if (!canMoveCase(from, to)) return `Kasus pada tahap ${from} tidak dapat pindah ke ${to}`;
  if (to === 'selesai' && isTooShort(outcome ?? '', CLOSING_TEXT.outcome)) {
    return 'Menutup kasus memerlukan ringkasan hasil (minimal 10 karakter)';
  }
  return undefined;
}

export const HandlingLevel = z.enum(HANDLING_LEVELS);
export type HandlingLevel = z.infer<typeof HandlingLevel>;

/** The level that handles a case or report now, and when it last went up (null before any escalation). */
export const Escalation = z.object({ handlingLevel: HandlingLevel, escalatedAt: z.string().nullable() });

/** The level above, when a deadline is missed: the escalation ladder's rule. */
export { nextLevel } from '../escalation/ladder.ts';

/** What decides who handles a case. */
export type CaseHandling = {
  kabkotaCode: string;
  handlingLevel: HandlingLevel;
  sharedWith: readonly string[];
  assigneeIds: readonly string[];
};

/**
 * Handlers of a case: operators of its kab/kota and of any kab/kota it is shared with, the people assigned
 * to it, and koordinator or provinsi users once it is escalated to their level. Only handlers see
 * personal data of the vulnerable people in a case.
 */
export function isCaseHandler(viewer: Viewer, c: CaseHandling): boolean {
  if (c.assigneeIds.includes(viewer.userId)) return true;
  const codes = [c.kabkotaCode, ...c.sharedWith];
  const inScope = codes.some((code) => isInViewerScope(viewer, code));
  return inScope && handlesAtLevel(viewer.role, c.handlingLevel);
}
