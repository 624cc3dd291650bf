// The way of a lesson to publication: the author submits it; a koordinator or the province publishes it —
// after checking the personal-data warnings — or returns it with a note.
import { useState } from 'preact/hooks';
import {
  canReviewLesson,
  LESSON_TEXT,
  LESSON_TEXT_FIELDS,
  type LessonView,
  nextLessonStatus,
  type PersonalDataWarning,
} from '../../shared/lessons/lesson-rules.ts';
import { isTooShort, lengthAttributes } from '../../shared/text-length.ts';
import { ApiError, type SignedInUser } from '../api.ts';
import { CheckField, TextAreaField } from '../fields.tsx';
import { useT } from '../lang.ts';
import { useAction } from '../operator/ui.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import { ToggleButton } from '../ui/ListView.tsx';
import { Section } from '../ui/Section.tsx';
import { publishLesson, returnLesson, submitLesson } from './learning-api.ts';
import { LearnError, labelOf } from './learning-ui.tsx';

/** The passages that look like personal data (NIK, phone, a child's name from a linked case), by field. */
export function PersonalDataWarnings(props: { warnings: PersonalDataWarning[]; headingLevel: 2 | 3 }) {
  const t = useT();
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const order = (field: string) => LESSON_TEXT_FIELDS.indexOf(field as (typeof LESSON_TEXT_FIELDS)[number]);
  const warnings = [...props.warnings].sort((a, b) => order(a.field) - order(b.field));
  return (
    <div class="learn-warnings">
      <Heading>{t('learn.warnings.heading')}</Heading>
      <p>{t('learn.warnings.intro')}</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.field}:${w.kind}:${w.match}`}>
            {t('learn.warnings.item', {
              field: labelOf(t, 'learn.field', w.field),
              kind: labelOf(t, 'learn.warnings.kind', w.kind),
              match: w.match,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function warningsOf(details: unknown): PersonalDataWarning[] | undefined {
  const warnings = (details as { warnings?: unknown } | undefined)?.warnings;
  return Array.isArray(warnings) ? (warnings as PersonalDataWarning[]) : undefined;
}

export function LessonReview(props: {
  lesson: LessonView;
  me: SignedInUser;
  isAuthor: boolean;
  onChanged: (lesson: LessonView, message: string) => void;
}) {
  const { lesson } = props;
  const t = useT();
  const action = useAction();
  const [isConfirmed, setConfirmed] = useState(false);
  const [refused, setRefused] = useState<PersonalDataWarning[] | undefined>();
  const [isReturning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const [noteProblem, setNoteProblem] = useState('');
  const isReviewer = canReviewLesson(props.me.role, props.isAuthor);
  const canSubmit = props.isAuthor && nextLessonStatus(lesson.status, 'submit') !== undefined;
  const canPublish = isReviewer && nextLessonStatus(lesson.status, 'publish') !== undefined;
  const canReturn = isReviewer && nextLessonStatus(lesson.status, 'return') !== undefined;
  const warnings = refused ?? lesson.warnings ?? [];
  if (!canSubmit && !canPublish && !canReturn) return null;

  function finish(updated: LessonView, message: string) {
    setRefused(undefined);
    setConfirmed(false);
    setReturning(false);
    props.onChanged(updated, message);
  }

  async function run(move: () => Promise<LessonView>, message: string) {
    let updated: LessonView | undefined;
    if ((await action.run(async () => (updated = await move()))) && updated) finish(updated, message);
  }

  /** Publishes; a refusal for personal data shows its warnings and asks the reviewer to confirm. */
  async function publish() {
    const confirm = isConfirmed && warnings.length > 0;
    let updated: LessonView | undefined;
    let found: PersonalDataWarning[] | undefined;
    await action.run(async () => {
      try {
        updated = await publishLesson(lesson.id, confirm);
      } catch (error) {
        found =
          error instanceof ApiError && error.code === 'conflict' ? warningsOf(error.details) : undefined;
        if (!found) throw error;
      }
    });
    if (found) {
      setRefused(found);
      setConfirmed(false);
    } else if (updated) {
      finish(updated, t('learn.review.published'));
    }
  }

  return (
    <Section id="lesson-review" heading={t('learn.review.heading')}>
      {canSubmit && (
        <>
          <p class="hint">{t('learn.review.submitHint')}</p>
          <p class="op-actions">
            <ActionButton
              label={t('learn.review.submit')}
              isBusy={action.isBusy}
              onClick={() => run(() => submitLesson(lesson.id), t('learn.review.submitted'))}
            />
          </p>
        </>
      )}
      {canPublish && (
        <>
          {refused && !lesson.warnings?.length && (
            <PersonalDataWarnings warnings={refused} headingLevel={3} />
          )}
          {warnings.length > 0 && (
            <CheckField label={t('learn.review.confirm')} checked={isConfirmed} onChange={setConfirmed} />
          )}
          <p class="op-actions">
            <ActionButton
              label={t('learn.review.publish')}
              isBusy={action.isBusy}
              disabled={warnings.length > 0 && !isConfirmed}
              onClick={publish}
            />
            {canReturn && (
              <ToggleButton
                label={t('learn.review.return')}
                isOpen={isReturning}
                onToggle={() => setReturning(!isReturning)}
              />
            )}
          </p>
        </>
      )}
      {isReturning && (
        <form
          class="op-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (isTooShort(note, LESSON_TEXT.returnNote)) {
              setNoteProblem(t('learn.review.noteShort', { min: LESSON_TEXT.returnNote.min }));
              return;
            }
            setNoteProblem('');
            void run(() => returnLesson(lesson.id, note.trim()), t('learn.review.returned'));
          }}
        >
          <TextAreaField
            id="lesson-return-note"
            label={t('learn.review.note')}
            hint={t('learn.review.noteHint')}
            value={note}
            onInput={setNote}
            rows={3}
            {...lengthAttributes(LESSON_TEXT.returnNote)}
            isRequired
            error={noteProblem}
          />
          <div role="alert">{noteProblem && <p class="message message-error">{noteProblem}</p>}</div>
          <button type="submit" class="button button-primary" disabled={action.isBusy}>
            {t('learn.review.returnSubmit')}
          </button>
        </form>
      )}
      {refused ? (
        <p class="message message-error" role="alert">
          {t('learn.review.refused')}
        </p>
      ) : (
        <LearnError error={action.error} />
      )}
    </Section>
  );
}
