// Planning a workshop, or changing its details: topic, date and time (WIB), place, area, facilitators, notes,
// and the evaluation it discusses (a scope and a quarter).
import { useState } from 'preact/hooks';
import { type Period, periodLabel, previousPeriod, quarterOf } from '../../shared/evaluation/period.ts';
import { fitsLength, isTooShort } from '../../shared/text-length.ts';
import { wibInputToIso } from '../../shared/time.ts';
import { WORKSHOP_TEXT, type WorkshopView } from '../../shared/workshops/workshop-rules.ts';
import { CheckField, InputField, SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { wibInputIn } from '../operator/ui.tsx';
import { bindTextFields, LearnForm, useCheckedForm } from './LearnForm.tsx';
import { editWorkshop, planWorkshop } from './learning-api.ts';
import type { Area } from './learning-ui.tsx';

/** This quarter and the seven before it, latest first. */
function quarterOptions(now: Date): Period[] {
  const out: Period[] = [];
  let quarter = quarterOf(now);
  for (let i = 0; i < 8; i++) {
    out.push(quarter);
    quarter = previousPeriod(quarter);
  }
  return out;
}

const periodKey = (p: Period) => `${p.from}_${p.to}`;
const areaKey = (a: Pick<Area, 'kind' | 'code'>) => `${a.kind}:${a.code}`;

type Draft = {
  topic: string;
  startsAt: string;
  place: string;
  area: string;
  facilitators: string;
  notes: string;
  hasEvaluation: boolean;
  evaluationScope: string;
  evaluationPeriod: string;
};

function draftOf(workshop: WorkshopView | undefined, areas: Area[], initialArea?: string): Draft {
  const lastQuarter = previousPeriod(quarterOf(new Date()));
  const area = initialArea ?? (areas[0] ? areaKey(areas[0]) : '');
  if (!workshop) {
    return {
      topic: '',
      startsAt: `${wibInputIn(24 * 7).slice(0, 10)}T09:00`,
      place: '',
      area,
      facilitators: '',
      notes: '',
      hasEvaluation: true,
      evaluationScope: area.split(':')[1] ?? '',
      evaluationPeriod: periodKey(lastQuarter),
    };
  }
  const evaluation = workshop.evaluation;
  return {
    topic: workshop.topic,
    startsAt: workshop.startsAt.slice(0, 16),
    place: workshop.place,
    area: workshop.bakorwilId ? `bakorwil:${workshop.bakorwilId}` : `kabkota:${workshop.kabkotaCode}`,
    facilitators: workshop.facilitators.join('\n'),
    notes: workshop.notes,
    hasEvaluation: evaluation !== null,
    evaluationScope: evaluation?.scope ?? workshop.bakorwilId ?? workshop.kabkotaCode ?? '',
    evaluationPeriod: evaluation ? `${evaluation.from}_${evaluation.to}` : periodKey(lastQuarter),
  };
}

/** The plan form (no `workshop`) or the edit form of one workshop. */
export function WorkshopForm(props: {
  areas: Area[];
  workshop?: WorkshopView;
  initialArea?: string;
  onSaved: (workshop: WorkshopView) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.workshop, props.areas, props.initialArea));
  const isEdit = props.workshop !== undefined;
  const prefix = isEdit ? 'workshop-edit' : 'workshop-plan';
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft({ ...draft, [key]: value });

  const periods = quarterOptions(new Date());
  if (!periods.some((p) => periodKey(p) === draft.evaluationPeriod)) {
    const [from, to] = draft.evaluationPeriod.split('_');
    periods.push({ from, to });
  }
  const scopes = props.areas.map((a) => ({ value: a.code, label: a.label }));
  if (draft.evaluationScope && !scopes.some((s) => s.value === draft.evaluationScope)) {
    scopes.push({ value: draft.evaluationScope, label: draft.evaluationScope });
  }
  const facilitators = draft.facilitators
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

  function check(): Record<string, string | undefined> {
    return {
      topic: isTooShort(draft.topic, WORKSHOP_TEXT.topic)
        ? t('learn.form.topicShort', { min: WORKSHOP_TEXT.topic.min })
        : undefined,
      startsAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(draft.startsAt)
        ? undefined
        : t('learn.form.startsAtMissing'),
      place: isTooShort(draft.place, WORKSHOP_TEXT.place)
        ? t('learn.form.placeShort', { min: WORKSHOP_TEXT.place.min })
        : undefined,
      area: !isEdit && !draft.area ? t('learn.form.areaMissing') : undefined,
      facilitators: facilitators.some((f) => !fitsLength(f, WORKSHOP_TEXT.facilitator))
        ? t('learn.form.facilitatorInvalid', WORKSHOP_TEXT.facilitator)
        : undefined,
    };
  }

  const form = useCheckedForm({
    check,
    save: () => {
      const [from, to] = draft.evaluationPeriod.split('_');
      const evaluation = draft.hasEvaluation ? { scope: draft.evaluationScope, from, to } : undefined;
      const details = {
        topic: draft.topic.trim(),
        startsAt: wibInputToIso(draft.startsAt) ?? draft.startsAt,
        place: draft.place.trim(),
        facilitators,
        notes: draft.notes.trim(),
      };
      if (props.workshop) {
        return editWorkshop(props.workshop.id, {
          ...details,
          version: props.workshop.version,
          evaluation: evaluation ?? null,
        });
      }
      const [kind, code] = draft.area.split(':');
      return planWorkshop({
        ...details,
        ...(kind === 'bakorwil' ? { bakorwilId: code } : { kabkotaCode: code }),
        evaluation,
      });
    },
    onSaved: props.onSaved,
  });
  const { problems } = form;
  const field = bindTextFields(draft, setDraft, problems, WORKSHOP_TEXT);

  return (
    <LearnForm
      form={form}
      prefix={prefix}
      heading={t(isEdit ? 'learn.workshop.editHeading' : 'learn.workshop.planHeading')}
      submitLabel={t(isEdit ? 'learn.workshop.save' : 'learn.workshop.plan')}
      onCancel={props.onCancel}
    >
      <InputField
        id={`${prefix}-topic`}
        label={t('learn.workshop.topic')}
        hint={t('learn.workshop.topicHint')}
        {...field('topic')}
        isRequired
      />
      <div class="op-grid-form">
        <InputField
          id={`${prefix}-starts`}
          type="datetime-local"
          label={t('learn.workshop.startsAt')}
          {...field('startsAt')}
          isRequired
        />
        <InputField id={`${prefix}-place`} label={t('learn.workshop.place')} {...field('place')} isRequired />
        {!isEdit && (
          <SelectField
            id={`${prefix}-area`}
            label={t('learn.workshop.area')}
            hint={t('learn.workshop.areaHint')}
            value={draft.area}
            onChange={(value) =>
              setDraft({
                ...draft,
                area: value,
                evaluationScope: value.split(':')[1] ?? draft.evaluationScope,
              })
            }
            options={props.areas.map((a) => ({ value: areaKey(a), label: a.label }))}
            isRequired
            error={problems.area}
          />
        )}
      </div>
      <TextAreaField
        id={`${prefix}-facilitators`}
        label={t('learn.workshop.facilitators')}
        hint={t('learn.workshop.facilitatorsHint')}
        {...field('facilitators')}
        rows={3}
      />
      <TextAreaField id={`${prefix}-notes`} label={t('learn.workshop.notes')} {...field('notes')} rows={3} />
      <fieldset class="op-radios">
        <legend>{t('learn.workshop.evaluation')}</legend>
        <CheckField
          label={t('learn.workshop.evaluationLink')}
          checked={draft.hasEvaluation}
          onChange={set('hasEvaluation')}
        />
        {draft.hasEvaluation && (
          <div class="op-grid-form">
            <SelectField
              id={`${prefix}-eval-scope`}
              label={t('learn.workshop.evaluationScope')}
              value={draft.evaluationScope}
              onChange={set('evaluationScope')}
              options={scopes}
            />
            <SelectField
              id={`${prefix}-eval-period`}
              label={t('learn.workshop.evaluationPeriod')}
              value={draft.evaluationPeriod}
              onChange={set('evaluationPeriod')}
              options={periods.map((p) => ({ value: periodKey(p), label: periodLabel(p, lang) }))}
            />
          </div>
        )}
      </fieldset>
    </LearnForm>
  );
}
