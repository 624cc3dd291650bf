// Lessons learned (praktik baik): what a lesson holds and how it moves from draft to published.
import { z } from 'zod';
import { RegionCode } from '../regions.ts';
import { ConflictType } from '../reports/report-schema.ts';

export const LessonStatus = z.enum(['draf', 'diajukan', 'terbit']);
export type LessonStatus = z.infer<typeof LessonStatus>;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const LessonFields = z.object({
  title: text(5, 200),
  situation: text(10, 5000),
  actionsTaken: text(10, 5000),
  whatWorked: text(10, 5000),
  whatToAvoid: text(10, 5000),
  conflictType: ConflictType,
  regionCode: RegionCode,
  tags: z.array(text(2, 40)).max(20).default([]),
  caseIds: z.array(z.uuid()).max(20).default([]),
});
export type LessonFields = z.infer<typeof LessonFields>;

export const LessonEdit = LessonFields.partial().extend({ version: z.number().int().min(1) });
export type LessonEdit = z.infer<typeof LessonEdit>;

/** Who moves a lesson where: the author submits, a reviewer (koordinator, provinsi) publishes or returns it. */
export type LessonMove = 'submit' | 'publish' | 'return';

const MOVES: Record<LessonMove, { from: readonly LessonStatus[]; to: LessonStatus }> = {
  submit: { from: ['draf'], to: 'diajukan' },
  publish: { from: ['draf', 'diajukan'], to: 'terbit' },
  return: { from: ['diajukan'], to: 'draf' },
};

/** The status a move leads to, or undefined when the lesson's status does not allow it. */
export function nextLessonStatus(from: LessonStatus, move: LessonMove): LessonStatus | undefined {
  return MOVES[move].from.includes(from) ? MOVES[move].to : undefined;
}

/** True when the lesson may still be edited: published lessons are the province's shared record. */
export function canEditLesson(status: LessonStatus): boolean {
  return status !== 'terbit';
}
