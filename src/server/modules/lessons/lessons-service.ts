import { isCaseHandler } from '../../../shared/cases/case-rules.ts';
import { findPersonalData, type PersonalDataWarning } from '../../../shared/evaluation/personal-data.ts';
import {
  canEditLesson,
  type LessonList,
  type LessonMove,
  type LessonStatus,
  type LessonView,
  nextLessonStatus,
} from '../../../shared/lessons/lesson-rules.ts';
import type { LessonEdit, LessonFields } from '../../../shared/lessons/lesson-schema.ts';
import { can } from '../../../shared/permissions/index.ts';
import { isInViewerScope } from '../../../shared/visibility.ts';
import { appendAudit } from '../../platform/audit.ts';
import { withChanges } from '../../platform/changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { findCase } from '../cases/cases-service.ts';
import * as store from './lessons-store.ts';

export type LessonDeps = { db: Database; clock: Clock };

/** A lesson as the API shows it; `warnings` only to its author and reviewers. */
export type { LessonView };

function textFields(l: store.LessonRow): Record<string, string | string[]> {
  return {
    title: l.title,
    situation: l.situation,
    actionsTaken: l.actionsTaken,
    whatWorked: l.whatWorked,
    whatToAvoid: l.whatToAvoid,
    tags: l.tags,
  };
}

/**
 * Warnings for a lesson's text against NIK, phone and the names of children in its linked cases. Names are
 * looked for only in the cases the principal handles (who sees those names anyway): for anyone else a
 * warning, or its absence, would tell whether a guessed name is a child's in the case.
 */
async function checkPersonalData(
  tx: Tx,
  principal: Principal,
  lesson: store.LessonRecord,
): Promise<PersonalDataWarning[]> {
  const handled: string[] = [];
  for (const caseId of lesson.caseIds) {
    const linked = await findCase(tx, caseId);
    if (linked && isCaseHandler(principal.actor, linked)) handled.push(caseId);
  }
  const children = await store.listChildNames(tx, handled);
  return findPersonalData(textFields(lesson), children);
}

function isAuthorOrReviewer(principal: Principal, lesson: store.LessonRecord): boolean {
  return lesson.authorId === principal.user.id || can(principal.user.role, 'lesson.review');
}

async function view(tx: Tx, principal: Principal, lesson: store.LessonRecord): Promise<LessonView> {
  const cases = await store.listVisibleCases(tx, lesson.id);
  if (!isAuthorOrReviewer(principal, lesson)) return { ...lesson, cases };
  return { ...lesson, cases, warnings: await checkPersonalData(tx, principal, lesson) };
}

async function requireLesson(tx: Tx, id: string): Promise<store.LessonRecord> {
  return foundOr(await store.findLesson(tx, id), 'Pelajaran tidak ditemukan');
}

async function linkCases(tx: Tx, lessonId: string, caseIds: readonly string[]): Promise<void> {
  const missing = await store.setLessonCases(tx, lessonId, caseIds);
  if (missing.length > 0) throw new DomainError('not_found', `Kasus tidak ditemukan: ${missing.join(', ')}`);
}

function checkRegion(principal: Principal, regionCode: string): void {
  if (!isInViewerScope(principal.actor, regionCode) || regionCode === '35') {
    throw new DomainError('validation_failed', 'Pilih kab/kota, kecamatan atau desa di wilayah Anda');
  }
}

/** Writes a draft lesson (operators, coordinators); answers it with its personal-data warnings. */
export async function createLesson(
  deps: LessonDeps,
  principal: Principal,
  input: LessonFields,
): Promise<LessonView> {
  authorize(principal, 'lesson.write', 'Hanya operator dan koordinator yang menulis praktik baik');
  checkRegion(principal, input.regionCode);
  return deps.db.asActor(principal.actor, async (tx) => {
    const { caseIds, ...row } = input;
    const id = await store.insertLesson(tx, { ...row, authorId: principal.user.id, now: deps.clock.now() });
    await linkCases(tx, id, caseIds);
    await appendAudit(tx, principal, 'lesson.created', id, { caseIds });
    return view(tx, principal, await requireLesson(tx, id));
  });
}

/** Edits a lesson not yet published, from the version the editor saw (its author, or a reviewer). */
export async function editLesson(
  deps: LessonDeps,
  principal: Principal,
  id: string,
  edit: LessonEdit,
): Promise<LessonView> {
  return deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireLesson(tx, id);
    if (!isAuthorOrReviewer(principal, current))
      throw new DomainError('forbidden', 'Hanya penulis atau peninjau');
    if (!canEditLesson(current.status)) {
      throw new DomainError('invalid_transition', 'Praktik baik yang sudah terbit tidak dapat diubah');
    }
    const { version, caseIds, ...changes } = edit;
    if (changes.regionCode) checkRegion(principal, changes.regionCode);
    if (!(await store.updateLesson(tx, id, version, withChanges(current, changes), deps.clock.now()))) {
      throw new DomainError('version_conflict', 'Pelajaran sudah diubah orang lain; muat ulang', {
        version: current.version,
      });
    }
    if (caseIds) await linkCases(tx, id, caseIds);
    await appendAudit(tx, principal, 'lesson.updated', id, { version: version + 1 });
    return view(tx, principal, await requireLesson(tx, id));
  });
}

/**
 * Moves a lesson: the author submits it for review; a koordinator or provinsi of its region (not its
 * author) publishes it — refused with the warnings when its text looks like personal data, unless
 * `confirmPersonalData` says a person checked them — or returns it to draft with a note.
 */
export async function moveLesson(
  deps: LessonDeps,
  principal: Principal,
  id: string,
  move: LessonMove,
  options: { note?: string; confirmPersonalData?: boolean } = {},
): Promise<LessonView> {
  return deps.db.asActor(principal.actor, async (tx) => {
    const lesson = await requireLesson(tx, id);
    const to = nextLessonStatus(lesson.status, move);
    if (!to)
      throw new DomainError(
        'invalid_transition',
        `Pelajaran berstatus ${lesson.status} tidak dapat di-${move}`,
      );
    if (move === 'submit' && lesson.authorId !== principal.user.id) {
      throw new DomainError('forbidden', 'Hanya penulis yang mengajukan praktik baiknya');
    }
    let confirmed = 0;
    if (move === 'publish' || move === 'return') {
      authorize(principal, 'lesson.review', 'Hanya koordinator atau provinsi yang meninjau praktik baik');
      if (lesson.authorId === principal.user.id) {
        throw new DomainError('forbidden', 'Praktik baik ditinjau orang lain, bukan penulisnya');
      }
    }
    if (move === 'publish') {
      const warnings = await checkPersonalData(tx, principal, lesson);
      if (warnings.length > 0 && !options.confirmPersonalData) {
        throw new DomainError('conflict', 'Teks tampak memuat data pribadi: periksa sebelum menerbitkan', {
          warnings,
        });
      }
      confirmed = warnings.length;
    }
    await store.setStatus(tx, id, {
      status: to as LessonStatus,
      reviewNote: move === 'return' ? (options.note ?? '') : undefined,
      by: principal.user.id,
      now: deps.clock.now(),
    });
    const action = { submit: 'lesson.submitted', publish: 'lesson.published', return: 'lesson.returned' }[
      move
    ];
    await appendAudit(
      tx,
      principal,
      action,
      { type: 'lesson', id },
      move === 'publish' ? { warningsConfirmed: confirmed } : {},
    );
    return view(tx, principal, await requireLesson(tx, id));
  });
}

export async function getLesson(deps: LessonDeps, principal: Principal, id: string): Promise<LessonView> {
  return deps.db.asActor(principal.actor, async (tx) => view(tx, principal, await requireLesson(tx, id)));
}

export type LessonQuery = Omit<store.LessonFilter, 'authorId'> & { q?: string; mine?: boolean };

/**
 * Lists lessons: published ones by default (every signed-in user), drafts with `status` or `mine`. With `q`,
 * searches in Indonesian and ranks; when every word together finds nothing, any word is enough.
 */
export async function listLessons(
  deps: LessonDeps,
  principal: Principal,
  query: LessonQuery,
): Promise<LessonList> {
  const filter: store.LessonFilter = {
    ...query,
    status: query.status ?? (query.mine ? undefined : 'terbit'),
    authorId: query.mine ? principal.user.id : undefined,
  };
  return deps.db.asActor(principal.actor, async (tx) => {
    if (!query.q) return { items: await store.listLessons(tx, filter), matchedAllWords: null };
    const all = await store.searchLessons(tx, query.q, filter, false);
    if (all.length > 0 || !/\s/.test(query.q.trim())) return { items: all, matchedAllWords: true };
    return { items: await store.searchLessons(tx, query.q, filter, true), matchedAllWords: false };
  });
}

/** The tags in use, most used first: of published lessons, or of those with `status` the actor sees. */
export async function listTags(
  deps: LessonDeps,
  principal: Principal,
  status: LessonStatus | undefined,
): Promise<{ items: { tag: string; count: number }[] }> {
  return deps.db.asActor(principal.actor, async (tx) => ({
    items: await store.listTags(tx, status ?? 'terbit', 100),
  }));
}
