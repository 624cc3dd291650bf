// One lesson learned (/praktik-baik/<id>): the story, its type, region, tags and linked cases; for its author
// and reviewers the personal-data warnings, editing, submitting, publishing and returning.
import { useState } from 'preact/hooks';
import type { LessonView } from '../../shared/lessons/lesson-rules.ts';
import { canEditLesson } from '../../shared/lessons/lesson-rules.ts';
import type { SignedInUser } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { MENUS, type MenuItem, ROUTES } from '../nav.ts';
import { DoneNotice, Tag, wib } from '../operator/ui.tsx';
import { Link } from '../router.tsx';
import { Section } from '../ui/Section.tsx';
import { LessonForm } from './LessonForm.tsx';
import { LessonReview, PersonalDataWarnings } from './LessonReview.tsx';
import { getLesson } from './learning-api.ts';
import { LessonStatusTag, labelOf, useRecordPage } from './learning-ui.tsx';

const STORY = [
  ['situation', 'learn.lesson.situation'],
  ['actionsTaken', 'learn.lesson.actionsTaken'],
  ['whatWorked', 'learn.lesson.whatWorked'],
  ['whatToAvoid', 'learn.lesson.whatToAvoid'],
] as const;

export function LessonDetail(props: { id: string; me: SignedInUser }) {
  const t = useT();
  const lang = useLang();
  const page = useRecordPage({
    id: props.id,
    load: getLesson,
    titleOf: (lesson: LessonView) => lesson.title,
    words: 'learn.lesson',
  });
  const [isEditing, setEditing] = useState(false);
  const [done, setDone] = useState('');
  const { record: lesson, setRecord: setLesson, back } = page;
  if (page.standIn !== undefined || !lesson) return page.standIn;

  const isAuthor = lesson.authorId === props.me.id;
  // The API sends warnings only to the author and the reviewers of the region: exactly who may edit a draft.
  const canEdit = canEditLesson(lesson.status) && lesson.warnings !== undefined;
  const seesCases = (MENUS[props.me.role] as readonly MenuItem[]).some((item) => item.route === 'kasus');
  const changed = (updated: LessonView, message: string) => {
    setLesson(updated);
    setDone(message);
  };

  if (isEditing) {
    return (
      <div class="op-wide">
        <LessonForm
          me={props.me}
          lesson={lesson}
          onSaved={(saved) => {
            setEditing(false);
            changed(saved, t('learn.lesson.saved'));
          }}
          onCancel={() => setEditing(false)}
        />
      </div>
    );
  }

  return (
    <div class="op-wide learn-lesson-body">
      {back}
      <p class="op-tags">
        <LessonStatusTag status={lesson.status} />
        <Tag>{labelOf(t, 'field.conflictType', lesson.conflictType)}</Tag>
        <Tag tone="muted">{lesson.regionName}</Tag>
      </p>
      <p class="learn-meta">
        {t('learn.lesson.byline', {
          author: lesson.authorName,
          when: wib(lesson.publishedAt ?? lesson.updatedAt, lang),
        })}
      </p>
      <DoneNotice message={done} />
      {lesson.status === 'draf' && lesson.reviewNote && (
        <p class="op-notice">{t('learn.lesson.returnedNote', { note: lesson.reviewNote })}</p>
      )}
      {lesson.status !== 'terbit' && lesson.warnings && lesson.warnings.length > 0 && (
        <PersonalDataWarnings warnings={lesson.warnings} headingLevel={2} />
      )}
      {canEdit && (
        <p class="op-actions">
          <button type="button" class="button op-button-secondary" onClick={() => setEditing(true)}>
            {t('learn.lesson.edit')}
          </button>
        </p>
      )}
      <LessonReview lesson={lesson} me={props.me} isAuthor={isAuthor} onChanged={changed} />
      {STORY.map(([key, label]) => (
        <section key={key} aria-labelledby={`lesson-${key}`}>
          <h2 id={`lesson-${key}`}>{t(label)}</h2>
          <p class="learn-text">{lesson[key]}</p>
        </section>
      ))}
      <Section id="lesson-tags" heading={t('learn.lesson.tags')}>
        {lesson.tags.length === 0 ? (
          <p>{t('learn.lesson.noTags')}</p>
        ) : (
          <ul class="op-chip-list">
            {lesson.tags.map((tag) => (
              <li key={tag}>
                <Link
                  href={`${ROUTES.praktikBaik.path}?tag=${encodeURIComponent(tag)}`}
                  class="learn-inline-link"
                >
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="lesson-cases" heading={t('learn.lesson.cases')}>
        {lesson.cases.length === 0 ? (
          <p>{t(lesson.caseIds.length > 0 ? 'learn.lesson.casesHidden' : 'learn.lesson.noCases')}</p>
        ) : (
          <ul class="op-plain-list">
            {lesson.cases.map((c) => (
              <li key={c.id}>
                {seesCases ? (
                  <Link href={`${ROUTES.kasus.path}/${c.id}`} class="learn-inline-link">
                    {c.title}
                  </Link>
                ) : (
                  c.title
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
