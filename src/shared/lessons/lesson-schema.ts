// Lessons learned (praktik baik): what a lesson holds (the request schemas); the way it moves is in
// lesson-rules.ts, zod-free for the web.
import { z } from 'zod';
import { RegionCode } from '../regions.ts';
import { ConflictType } from '../reports/report-schema.ts';
import { LESSON_STATUSES } from './lesson-rules.ts';

export {
  canEditLesson,
  type LessonMove,
  nextLessonStatus,
} from './lesson-rules.ts';

export const LessonStatus = z.enum(LESSON_STATUSES);
export type LessonStatus = z.infer<typeof LessonStatus>;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

const tags = z.array(text(2, 40)).max(20);
const caseIds = z.array(z.uuid()).max(20);

const LessonBase = z.object({
  title: text(5, 200),
  situation: text(10, 5000),
  actionsTaken: text(10, 5000),
  whatWorked: text(10, 5000),
  whatToAvoid: text(10, 5000),
  conflictType: ConflictType,
  regionCode: RegionCode,
  tags,
  caseIds,
});

export const LessonFields = LessonBase.extend({ tags: tags.default([]), caseIds: caseIds.default([]) });
export type LessonFields = z.infer<typeof LessonFields>;

/** An edit names only what changes: no defaults here, so unnamed tags and cases stay as they are. */
export const LessonEdit = LessonBase.partial().extend({ version: z.number().int().min(1) });
export type LessonEdit = z.infer<typeof LessonEdit>;
