// One workshop (/lokakarya/<id>): its plan and status, the evaluation it discusses, participants and
// attendance, materials, and action items.
import { useState } from 'preact/hooks';
import { periodLabel } from '../../shared/evaluation/period.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import type { WorkshopStatusCode, WorkshopView } from '../../shared/workshops/workshop-rules.ts';
import type { SignedInUser } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { DoneNotice, Tag, useAction, wib } from '../operator/ui.tsx';
import { Link } from '../router.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import { Fact } from '../ui/Fact.tsx';
import { editWorkshop, getWorkshop } from './learning-api.ts';
import { areasOf, LearnError, labelOf, useProvinceAreas, useRecordPage } from './learning-ui.tsx';
import { ActionsSection } from './WorkshopActions.tsx';
import { WorkshopForm } from './WorkshopForm.tsx';
import { MaterialsSection } from './WorkshopMaterials.tsx';
import { ParticipantsSection } from './WorkshopParticipants.tsx';

/** The address of the evaluation page for a scope and period (the page the coordinator shows). */
export function evaluationPath(evaluation: { scope: string; from: string; to: string }): string {
  const params = new URLSearchParams(evaluation);
  return `${ROUTES.evaluasi.path}?${params.toString()}`;
}

export function WorkshopDetail(props: { id: string; me: SignedInUser }) {
  const page = useRecordPage({
    id: props.id,
    load: getWorkshop,
    titleOf: (workshop: WorkshopView) => workshop.topic,
    words: 'learn.workshop',
  });
  const province = useProvinceAreas();
  const { record: current, setRecord: setCurrent, back, reload } = page;
  if (page.standIn !== undefined || !current) return page.standIn;
  return (
    <div class="op-wide">
      {back}
      <WorkshopHeader workshop={current} me={props.me} province={province} onChanged={setCurrent} />
      <ParticipantsSection workshop={current} province={province} onChanged={setCurrent} />
      <MaterialsSection workshop={current} onChanged={reload} />
      <ActionsSection workshop={current} me={props.me} onChanged={reload} />
    </div>
  );
}

const STATUS_MOVES: Record<WorkshopStatusCode, { to: WorkshopStatusCode; label: MessageKey }[]> = {
  direncanakan: [
    { to: 'terlaksana', label: 'learn.workshop.markHeld' },
    { to: 'batal', label: 'learn.workshop.cancel' },
  ],
  terlaksana: [],
  batal: [{ to: 'direncanakan', label: 'learn.workshop.reopen' }],
};

function WorkshopHeader(props: {
  workshop: WorkshopView;
  me: SignedInUser;
  province: ReturnType<typeof useProvinceAreas>;
  onChanged: (view: WorkshopView) => void;
}) {
  const { workshop } = props;
  const t = useT();
  const lang = useLang();
  const action = useAction();
  const [isEditing, setEditing] = useState(false);
  const [done, setDone] = useState('');
  const tone = workshop.status === 'batal' ? 'muted' : workshop.status === 'terlaksana' ? 'ok' : 'brand';

  async function move(to: WorkshopStatusCode) {
    let view: WorkshopView | undefined;
    const ok = await action.run(async () => {
      view = await editWorkshop(workshop.id, { version: workshop.version, status: to });
    });
    if (ok && view) {
      setDone(t('learn.workshop.statusChanged', { status: labelOf(t, 'learn.workshop.status', to) }));
      props.onChanged(view);
    }
  }

  if (isEditing) {
    return (
      <section>
        <WorkshopForm
          areas={areasOf(props.me, props.province)}
          workshop={workshop}
          onSaved={(view) => {
            setEditing(false);
            setDone(t('learn.workshop.saved'));
            props.onChanged(view);
          }}
          onCancel={() => setEditing(false)}
        />
      </section>
    );
  }
  const evaluation = workshop.evaluation;
  return (
    <section aria-labelledby="workshop-plan">
      <h2 id="workshop-plan" class="visually-hidden">
        {t('learn.workshop.planDetails')}
      </h2>
      <p class="op-tags">
        <Tag tone={tone}>{labelOf(t, 'learn.workshop.status', workshop.status)}</Tag>
      </p>
      <dl class="op-facts">
        <Fact label={t('learn.workshop.startsAt')}>
          <time dateTime={workshop.startsAt}>{wib(workshop.startsAt, lang)}</time>
        </Fact>
        <Fact label={t('learn.workshop.place')}>{workshop.place}</Fact>
        <Fact label={t('learn.workshop.area')}>{workshop.areaName}</Fact>
        <Fact label={t('learn.workshop.facilitators')}>
          {workshop.facilitators.length > 0 ? workshop.facilitators.join(', ') : '—'}
        </Fact>
        <Fact label={t('learn.workshop.evaluation')}>
          {evaluation ? (
            <Link href={evaluationPath(evaluation)} class="learn-inline-link">
              {t('learn.workshop.evaluationOpen', {
                scope: props.province.nameOf(evaluation.scope),
                period: periodLabel(evaluation, lang),
              })}
            </Link>
          ) : (
            t('learn.workshop.noEvaluation')
          )}
        </Fact>
      </dl>
      {workshop.notes && <p class="op-description learn-text">{workshop.notes}</p>}
      <DoneNotice message={done} />
      <LearnError error={action.error} />
      {workshop.canManage ? (
        <div class="op-actions">
          {STATUS_MOVES[workshop.status].map((m) => (
            <ActionButton
              key={m.to}
              label={t(m.label)}
              isBusy={action.isBusy}
              onClick={() => move(m.to)}
              class={`button ${m.to === 'terlaksana' ? 'button-primary' : 'op-button-secondary'}`}
            />
          ))}
          <button type="button" class="button op-button-secondary" onClick={() => setEditing(true)}>
            {t('learn.workshop.edit')}
          </button>
        </div>
      ) : (
        <p class="hint">{t('learn.workshop.viewOnly')}</p>
      )}
    </section>
  );
}
