// Lessons learned without a schema library: how a lesson moves from draft to published, who writes and who
// reviews, and what the API answers. Used by the server and by the web (zod-free for the web bundle).
import type { PersonalDataWarning } from '../evaluation/personal-data.ts';
import { can } from '../permissions/index.ts';
import type { TextLength } from '../text-length.ts';
import type { Role } from '../users.ts';

export type { PersonalDataWarning };

export const LESSON_STATUSES = ['draf', 'diajukan', 'terbit'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

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

/**
 * True when `role` reviews lessons (`lesson.review` in the permission table) and is not the lesson's own
 * author; the region is checked by the database.
 */
export function canReviewLesson(role: Role, isAuthor: boolean): boolean {
  return can(role, 'lesson.review') && !isAuthor;
}

/** The text fields of a lesson, in the order the page shows them (warnings name these). */
export const LESSON_TEXT_FIELDS = [
  'title',
  'situation',
  'actionsTaken',
  'whatWorked',
  'whatToAvoid',
  'tags',
] as const;

const STORY_PART = { min: 10, max: 5000 } as const;

/**
 * How long a lesson's texts may be, named as its fields (and a tag each, a reviewer's note when returning it): the
 * schemas (lesson-schema.ts) and the forms' fields read the same numbers.
 */
export const LESSON_TEXT = {
  title: { min: 5, max: 200 },
  situation: STORY_PART,
  actionsTaken: STORY_PART,
  whatWorked: STORY_PART,
  whatToAvoid: STORY_PART,
  tag: { min: 2, max: 40 },
  returnNote: { min: 3, max: 2000 },
} as const satisfies Record<string, TextLength>;

// ── What the API answers ──────────────────────────────────────────────────────────────────────

/** A lesson as stored, with the ids of its linked cases. */
export type Lesson = {
  id: string;
  title: string;
  situation: string;
  actionsTaken: string;
  whatWorked: string;
  whatToAvoid: string;
  conflictType: string;
  regionCode: string;
  regionName: string;
  kabkotaCode: string;
  tags: string[];
  status: LessonStatus;
  reviewNote: string | null;
  version: number;
  authorId: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  caseIds: string[];
};

/** What a lesson's writer fills in: its text fields, its conflict type and its region. */
export type LessonWriting = Pick<Lesson, (typeof LESSON_TEXT_FIELDS)[number] | 'conflictType' | 'regionCode'>;

/** A found lesson: its rank and the passages that matched, HTML-escaped with <mark> around the words. */
export type LessonHit = Lesson & { rank: number; titleHighlight: string; excerpt: string };

/** A lesson's page: the linked cases the viewer may see, and the personal-data warnings (author, reviewers). */
export type LessonView = Lesson & {
  cases: { id: string; title: string }[];
  warnings?: PersonalDataWarning[];
};

/** The list or the search: `matchedAllWords` is null without a query, false when any word had to do. */
export type LessonList = { items: (Lesson | LessonHit)[]; matchedAllWords: boolean | null };

/** True when the item came from a search (it carries highlighted passages). */
export function isLessonHit(item: Lesson | LessonHit): item is LessonHit {
  return 'excerpt' in item;
}
