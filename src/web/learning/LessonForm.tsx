// Writing a lesson learned, or editing a draft: the four parts of the story, the conflict type, the region,
// tags, and the cases it was learned from.
import { useState } from 'preact/hooks';
import { LESSON_TEXT, type LessonView } from '../../shared/lessons/lesson-rules.ts';
import { isAtOrAbove, kabkotaOf } from '../../shared/region-codes.ts';
import { CONFLICT_TYPES } from '../../shared/reports/report-vocabulary.ts';
import { fitsLength, isTooShort } from '../../shared/text-length.ts';
import type { SignedInUser } from '../api.ts';
import { InputField, SelectField, TextAreaField } from '../fields.tsx';
import { useT } from '../lang.ts';
import { listRegions } from '../operator/operator-api.ts';
import { useLoad } from '../operator/ui.tsx';
import { SmallButton } from '../ui/SmallButton.tsx';
import { bindTextFields, LearnForm, useCheckedForm } from './LearnForm.tsx';
import { createLesson, editLesson, type LessonDraft, listCasesIn } from './learning-api.ts';
import { areasOf, LearnError, labelOf, useProvinceAreas } from './learning-ui.tsx';

const STORY = [
  { key: 'situation', label: 'learn.lesson.situation', hint: 'learn.lesson.situationHint' },
  { key: 'actionsTaken', label: 'learn.lesson.actionsTaken', hint: 'learn.lesson.actionsTakenHint' },
  { key: 'whatWorked', label: 'learn.lesson.whatWorked', hint: 'learn.lesson.whatWorkedHint' },
  { key: 'whatToAvoid', label: 'learn.lesson.whatToAvoid', hint: 'learn.lesson.whatToAvoidHint' },
] as const;

type Draft = Omit<LessonDraft, 'tags' | 'regionCode'> & { tags: string; kabkota: string; subRegion: string };

function draftOf(lesson: LessonView | undefined, kabkota: string): Draft {
  return {
    title: lesson?.title ?? '',
    situation: lesson?.situation ?? '',
    actionsTaken: lesson?.actionsTaken ?? '',
    whatWorked: lesson?.whatWorked ?? '',
    whatToAvoid: lesson?.whatToAvoid ?? '',
    conflictType: lesson?.conflictType ?? '',
    kabkota: lesson ? (kabkotaOf(lesson.regionCode) ?? lesson.regionCode) : kabkota,
    subRegion: lesson && !isAtOrAbove(lesson.regionCode, 'kabkota') ? lesson.regionCode : '',
    tags: lesson?.tags.join(', ') ?? '',
    caseIds: lesson?.caseIds ?? [],
  };
}

/** Tags typed as "1 Suro, broadcast WA": trimmed, empty ones left out, each once. */
function tagsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** The write form (no `lesson`) or the edit form of a draft. */
export function LessonForm(props: {
  me: SignedInUser;
  lesson?: LessonView;
  onSaved: (lesson: LessonView) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const province = useProvinceAreas();
  const kabkotaChoices = areasOf(props.me, province).filter((a) => a.kind === 'kabkota');
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.lesson, ''));
  const kabkota = draft.kabkota || kabkotaChoices[0]?.code || '';
  const subRegions = useLoad(
    () => (kabkota ? listRegions(kabkota).then((r) => r.items) : Promise.resolve([])),
    [kabkota],
  );
  const cases = useLoad(
    () => (kabkota ? listCasesIn(kabkota).then((r) => r.items) : Promise.resolve([])),
    [kabkota],
  );
  const [caseToAdd, setCaseToAdd] = useState('');
  const isEdit = props.lesson !== undefined;
  const prefix = isEdit ? 'lesson-edit' : 'lesson-new';
  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });

  const caseTitles = new Map<string, string>();
  for (const c of props.lesson?.cases ?? []) caseTitles.set(c.id, c.title);
  for (const c of cases.data ?? []) caseTitles.set(c.id, c.title);
  const subOptions = (subRegions.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  if (draft.subRegion && !subOptions.some((o) => o.value === draft.subRegion)) {
    subOptions.push({ value: draft.subRegion, label: props.lesson?.regionName ?? draft.subRegion });
  }

  function check(): Record<string, string | undefined> {
    const tags = tagsOf(draft.tags);
    const found: Record<string, string | undefined> = {
      title: isTooShort(draft.title, LESSON_TEXT.title)
        ? t('learn.lesson.titleShort', { min: LESSON_TEXT.title.min })
        : undefined,
    };
    for (const part of STORY) {
      found[part.key] = isTooShort(draft[part.key], LESSON_TEXT[part.key])
        ? t('learn.lesson.partShort', { part: t(part.label), min: LESSON_TEXT[part.key].min })
        : undefined;
    }
    found.conflictType = draft.conflictType ? undefined : t('learn.lesson.typeMissing');
    found.kabkota = kabkota ? undefined : t('learn.lesson.regionMissing');
    found.tags =
      tags.some((tag) => !fitsLength(tag, LESSON_TEXT.tag)) || tags.length > 20
        ? t('learn.lesson.tagsInvalid', LESSON_TEXT.tag)
        : undefined;
    return found;
  }

  const form = useCheckedForm({
    check,
    save: () => {
      const body: LessonDraft = {
        title: draft.title.trim(),
        situation: draft.situation.trim(),
        actionsTaken: draft.actionsTaken.trim(),
        whatWorked: draft.whatWorked.trim(),
        whatToAvoid: draft.whatToAvoid.trim(),
        conflictType: draft.conflictType,
        regionCode: draft.subRegion || kabkota,
        tags: tagsOf(draft.tags),
        caseIds: draft.caseIds,
      };
      return props.lesson
        ? editLesson(props.lesson.id, { ...body, version: props.lesson.version })
        : createLesson(body);
    },
    onSaved: props.onSaved,
  });
  const { problems } = form;
  const field = bindTextFields(draft, setDraft, problems, LESSON_TEXT);

  return (
    <LearnForm
      form={form}
      prefix={prefix}
      heading={t(isEdit ? 'learn.lesson.editHeading' : 'learn.lesson.writeHeading')}
      intro={<p class="hint">{t('learn.lesson.privacyHint')}</p>}
      submitLabel={t(isEdit ? 'learn.lesson.save' : 'learn.lesson.saveDraft')}
      onCancel={props.onCancel}
    >
      <InputField
        id={`${prefix}-title-field`}
        label={t('learn.lesson.title')}
        {...field('title')}
        isRequired
      />
      {STORY.map((part) => (
        <TextAreaField
          key={part.key}
          id={`${prefix}-${part.key}`}
          label={t(part.label)}
          hint={t(part.hint)}
          {...field(part.key)}
          isRequired
        />
      ))}
      <div class="op-grid-form">
        <SelectField
          id={`${prefix}-type`}
          label={t('learn.lesson.conflictType')}
          value={draft.conflictType}
          onChange={set('conflictType')}
          isRequired
          error={problems.conflictType}
          options={[
            { value: '', label: t('learn.lesson.chooseType') },
            ...CONFLICT_TYPES.map((code) => ({ value: code, label: labelOf(t, 'field.conflictType', code) })),
          ]}
        />
        <SelectField
          id={`${prefix}-kabkota`}
          label={t('learn.lesson.kabkota')}
          value={kabkota}
          onChange={(value) => setDraft({ ...draft, kabkota: value, subRegion: '', caseIds: [] })}
          isRequired
          error={problems.kabkota}
          options={kabkotaChoices.map((a) => ({ value: a.code, label: a.label }))}
        />
        <SelectField
          id={`${prefix}-kecamatan`}
          label={t('learn.lesson.kecamatan')}
          value={draft.subRegion}
          onChange={set('subRegion')}
          options={[{ value: '', label: t('learn.lesson.wholeKabkota') }, ...subOptions]}
        />
      </div>
      <InputField
        id={`${prefix}-tags`}
        label={t('learn.lesson.tags')}
        hint={t('learn.lesson.tagsHint')}
        {...field('tags')}
      />
      <fieldset class="op-radios">
        <legend>{t('learn.lesson.cases')}</legend>
        <p class="hint">{t('learn.lesson.casesHint')}</p>
        {draft.caseIds.length > 0 && (
          <ul class="op-chip-list">
            {draft.caseIds.map((id) => (
              <li key={id}>
                <span>{caseTitles.get(id) ?? t('learn.lesson.caseHidden')}</span>
                <SmallButton
                  onClick={() => setDraft({ ...draft, caseIds: draft.caseIds.filter((c) => c !== id) })}
                >
                  {t('learn.lesson.unlinkCase', { title: caseTitles.get(id) ?? '' })}
                </SmallButton>
              </li>
            ))}
          </ul>
        )}
        <LearnError error={cases.error} />
        <div class="op-inline-form">
          <SelectField
            id={`${prefix}-case`}
            label={t('learn.lesson.caseToLink')}
            value={caseToAdd}
            onChange={setCaseToAdd}
            options={[
              { value: '', label: t('learn.lesson.chooseCase') },
              ...(cases.data ?? [])
                .filter((c) => !draft.caseIds.includes(c.id))
                .map((c) => ({ value: c.id, label: c.title })),
            ]}
          />
          <button
            type="button"
            class="button op-button-secondary"
            disabled={!caseToAdd}
            onClick={() => {
              setDraft({ ...draft, caseIds: [...draft.caseIds, caseToAdd] });
              setCaseToAdd('');
            }}
          >
            {t('learn.lesson.linkCase')}
          </button>
        </div>
      </fieldset>
    </LearnForm>
  );
}
