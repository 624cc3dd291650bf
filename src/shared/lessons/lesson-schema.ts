// Lessons learned (praktik baik): what a lesson holds (the request schemas); the way it moves is in
// lesson-rules.ts, zod-free for the web.
import { z } from 'zod';
import { RegionCode, RegionNamedInKabkota } from '../regions.ts';
import { Stamped } from '../replies.ts';
import { ConflictType } from '../reports/report-schema.ts';
import type { TextLength } from '../text-length.ts';
import { within } from '../text-length-schema.ts';
import { LESSON_STATUSES, LESSON_TEXT } from './lesson-rules.ts';

export {
  canEditLesson,
  type LessonMove,
  nextLessonStatus,
} from './lesson-rules.ts';

export const LessonStatus = z.enum(LESSON_STATUSES);
export type LessonStatus = z.infer<typeof LessonStatus>;

const text = (length: TextLength) => within(z.string().trim(), length);

const tags = z.array(text(LESSON_TEXT.tag)).max(20);
const caseIds = z.array(z.uuid()).max(20);

const LessonBase = z.object({
  title: text(LESSON_TEXT.title),
  situation: text(LESSON_TEXT.situation),
  actionsTaken: text(LESSON_TEXT.actionsTaken),
  whatWorked: text(LESSON_TEXT.whatWorked),
  whatToAvoid: text(LESSON_TEXT.whatToAvoid),
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

/** A reviewer returns a lesson to its writer with a note. */
export const LessonReturn = z.object({ note: text(LESSON_TEXT.returnNote) });

// ── What the API answers (reply schemas; the web uses the zod-free types of lesson-rules.ts) ──────────

const LessonReplyFields = z.object({
  id: z.uuid(),
  title: z.string(),
  situation: z.string(),
  actionsTaken: z.string(),
  whatWorked: z.string(),
  whatToAvoid: z.string(),
  conflictType: z.string(),
  ...RegionNamedInKabkota.shape,
  tags: z.array(z.string()),
  status: LessonStatus,
  reviewNote: z.string().nullable(),
  version: z.number().int(),
  authorId: z.uuid(),
  authorName: z.string(),
  ...Stamped.shape,
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  caseIds: z.array(z.uuid()),
});

const LessonHitReply = LessonReplyFields.extend({
  rank: z.number(),
  titleHighlight: z.string(),
  excerpt: z.string(),
});

/** A lesson's page: the linked cases the viewer may see and the personal-data warnings (author, reviewers). */
export const LessonViewReply = LessonReplyFields.extend({
  cases: z.array(z.object({ id: z.uuid(), title: z.string() })),
  warnings: z
    .array(z.object({ field: z.string(), kind: z.enum(['nik', 'phone', 'child_name']), match: z.string() }))
    .optional(),
});

/** The list or the search (a found lesson carries its rank and highlighted passages). */
export const LessonListReply = z.object({
  items: z.array(z.union([LessonHitReply, LessonReplyFields])),
  matchedAllWords: z.boolean().nullable(),
});

/** Tags in use, most used first. */
export const LessonTagsReply = z.object({
  items: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});
