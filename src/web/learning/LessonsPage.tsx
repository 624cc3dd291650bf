// Praktik baik (/praktik-baik): lessons learned, shared across regions — search in Indonesian, one's drafts
// and the lessons awaiting review, writing one; a lesson's page at /praktik-baik/<id>.

import { useRef, useState } from 'preact/hooks';
import { canReviewLesson } from '../../shared/lessons/lesson-rules.ts';
import { can } from '../../shared/permissions/index.ts';
import type { SignedInUser } from '../api.ts';
import { useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import type { OperatorPageProps } from '../operator/OperatorPage.tsx';
import { navigate } from '../router.tsx';
import { LessonDetail } from './LessonDetail.tsx';
import { LessonForm } from './LessonForm.tsx';
import { LessonQueue, LessonSearch } from './LessonSearch.tsx';

/** The path of a lesson's page. */
export function lessonPath(id: string): string {
  return `${ROUTES.praktikBaik.path}/${id}`;
}

/** The lessons list and search, or one lesson when the path names it. */
export function LessonsPage(props: OperatorPageProps) {
  return props.param ? (
    <LessonDetail key={props.param} id={props.param} me={props.me} />
  ) : (
    <LessonHome me={props.me} />
  );
}

function LessonHome(props: { me: SignedInUser }) {
  const t = useT();
  const [isWriting, setWriting] = useState(false);
  const writeButton = useRef<HTMLButtonElement>(null);
  const canWrite = can(props.me.role, 'lesson.write');
  const isReviewer = canReviewLesson(props.me.role, false);
  return (
    <div class="op-wide">
      <p class="lead">{t('purpose.praktikBaik')}</p>
      {canWrite && !isWriting && (
        <p class="op-actions">
          <button
            ref={writeButton}
            type="button"
            class="button button-primary"
            onClick={() => {
              setWriting(true);
              setTimeout(() => document.getElementById('lesson-new-title')?.focus(), 0);
            }}
          >
            {t('learn.lesson.write')}
          </button>
        </p>
      )}
      {isWriting && (
        <section>
          <LessonForm
            me={props.me}
            onSaved={(saved) => navigate(lessonPath(saved.id))}
            onCancel={() => {
              setWriting(false);
              setTimeout(() => writeButton.current?.focus(), 0);
            }}
          />
        </section>
      )}
      {/* While writing, the page is the form alone: one task, and no second set of the same labels. */}
      {!isWriting && (
        <>
          {isReviewer && (
            <LessonQueue
              id="lessons-review"
              heading={t('learn.queue.review')}
              empty={t('learn.queue.reviewNone')}
              query={{ status: 'diajukan' }}
              excludeAuthor={props.me.id}
            />
          )}
          {canWrite && (
            <LessonQueue
              id="lessons-mine"
              heading={t('learn.queue.mine')}
              empty={t('learn.queue.mineNone')}
              query={{ mine: true }}
              hidePublished
            />
          )}
          <LessonSearch />
        </>
      )}
    </div>
  );
}
