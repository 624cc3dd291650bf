// The parts of a case page where people act: assignments (with dispatch suggestions when the server offers
// them) and dispositions to partner agencies. Vulnerable people and referrals are in PeopleSection.tsx.
import { useState } from 'preact/hooks';
import { CASE_TEXT } from '../../shared/cases/text-lengths.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import { wibInputToIso } from '../../shared/time.ts';
import { useDraft } from '../draft.ts';
import { DateTimeField, SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { Section } from '../ui/Section.tsx';
import { SmallButton } from '../ui/SmallButton.tsx';
import { DispositionAnswer } from './DispositionAnswer.tsx';
import { agencyOptions, assignmentStatusLabel, dispositionStatusLabel } from './labels.ts';
import {
  assignPerson,
  type CaseView,
  type DispatchSuggestion,
  listAgencies,
  listAssignments,
  listCaseDispositions,
  listDispatchSuggestions,
  listPillars,
  sendDisposition,
} from './operator-api.ts';
import { pillarLabel, usePillarLists } from './pillar-labels.ts';
import {
  ActionOutcome,
  ErrorNotice,
  Notice,
  num,
  SubmitButton,
  Tag,
  useAction,
  useClientId,
  useLoad,
  wib,
  wibInputIn,
} from './ui.tsx';

type SectionProps = {
  item: CaseView;
  canAct: boolean;
  version: number;
  onChanged: (updated?: CaseView) => void;
};

/** Who works on the case, and assigning a pillar who has a Sigap account. */
export function AssignmentsSection(props: SectionProps) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  const assignments = useLoad(() => listAssignments(item.id).then((r) => r.items), [item.id, props.version]);
  const suggestions = useLoad(
    () => listDispatchSuggestions(item.id).then((r) => r.items),
    [item.id, props.version],
  );
  const pillars = useLoad(
    () =>
      listPillars({ region: item.kabkotaCode, status: 'aktif', limit: 200 }).then((r) =>
        r.items.filter((p) => p.userId),
      ),
    [item.kabkotaCode],
  );
  const { draft, set, field, reset } = useDraft(
    { userId: '', task: '', dueAt: '' },
    { task: CASE_TEXT.task },
  );
  /** The suggested person chosen for a quick assignment, whose task is being written. */
  const [picked, setPicked] = useState<{ userId: string; name: string } | null>(null);
  const defaultTask = t(`op.assign.defaultTask.${item.phase}` as MessageKey, {
    place: item.regionName,
    title: item.title,
  });
  const [done, setDone] = useState('');
  const action = useAction();
  const request = useClientId();
  const isOpen = item.phase !== 'selesai';

  async function assign(who: string, name: string) {
    const ok = await action.run(() =>
      assignPerson(item.id, {
        id: request.id,
        userId: who,
        task: draft.task.trim(),
        dueAt: draft.dueAt ? wibInputToIso(draft.dueAt) : undefined,
      }),
    );
    if (ok) {
      request.renew();
      setDone(t('op.assign.done', { name }));
      setPicked(null);
      reset();
      props.onChanged();
    }
  }

  const lists = usePillarLists();
  /** Why a person is suggested, in the reader's words (the server's reasons are Indonesian only). */
  const suggestionReasons = (s: DispatchSuggestion) =>
    [
      t(`op.assign.proximity.${s.proximity}` as MessageKey),
      ...(s.matchedSkills.length > 0
        ? [
            t('op.assign.matched', {
              skills: s.matchedSkills
                .map((code) => pillarLabel(lang, lists.labels, 'skill', code))
                .join(', '),
            }),
          ]
        : []),
      s.openAssignments === 0
        ? t('op.assign.free')
        : t('op.assign.openTasks', { count: num(s.openAssignments, lang) }),
    ].join(' · ');
  const pillarOptions = pillars.data ?? [];
  const chosenName = pillarOptions.find((p) => p.userId === draft.userId)?.name ?? '';
  return (
    <Section id="assign-heading" heading={t('op.assign.heading')}>
      <ErrorNotice error={assignments.error} />
      {assignments.data && assignments.data.length === 0 && <p>{t('op.assign.none')}</p>}
      <ul class="op-plain-list">
        {assignments.data?.map((a) => (
          <li key={a.id} class="op-card">
            <strong>{a.displayName}</strong> · <Tag tone="muted">{assignmentStatusLabel(t, a.status)}</Tag>
            {a.task && <p>{a.task}</p>}
            {a.dueAt && <p class="hint">{t('op.assign.dueAt', { when: wib(a.dueAt, lang) })}</p>}
          </li>
        ))}
      </ul>
      {props.canAct && isOpen && (
        <>
          <h3>{t('op.assign.suggestions')}</h3>
          <ErrorNotice error={suggestions.error} />
          {suggestions.data?.length === 0 && <p>{t('op.assign.noSuggestions')}</p>}
          <ul class="op-plain-list">
            {suggestions.data?.map((s, index) => {
              const name = s.name;
              return (
                <li key={s.pillarId} class="op-card">
                  <strong>{name}</strong>
                  {` · ${pillarLabel(lang, lists.labels, 'type', s.pillarType)}`}
                  {s.skills.length > 0 && (
                    <p class="hint">
                      {s.skills.map((code) => pillarLabel(lang, lists.labels, 'skill', code)).join(', ')}
                    </p>
                  )}
                  <p class="hint">{suggestionReasons(s)}</p>
                  {picked?.userId === s.userId ? (
                    <form
                      class="op-form"
                      onSubmit={(event) => {
                        event.preventDefault();
                        void assign(picked.userId, picked.name);
                      }}
                    >
                      <TextAreaField
                        id={`quick-task-${index}`}
                        label={t('op.assign.quickTask', { name })}
                        rows={2}
                        required
                        minLength={5}
                        {...field('task')}
                      />
                      <SubmitButton label={t('op.assign.sendTask')} disabled={action.isBusy} />{' '}
                      <button
                        type="button"
                        class="button op-button-secondary"
                        onClick={() => {
                          setPicked(null);
                          set('task', '');
                        }}
                      >
                        {t('op.common.cancel')}
                      </button>
                    </form>
                  ) : (
                    <SmallButton
                      disabled={action.isBusy}
                      onClick={() => {
                        // The volunteer's card must say what to do: the task is asked for, with a default.
                        setPicked({ userId: s.userId, name });
                        set('task', defaultTask);
                      }}
                    >
                      {t('op.assign.assignThis', { name })}
                    </SmallButton>
                  )}
                </li>
              );
            })}
          </ul>
          <h3>{t('op.assign.formHeading')}</h3>
          <ErrorNotice error={pillars.error} />
          {pillars.data?.length === 0 && <Notice>{t('op.assign.noPillars')}</Notice>}
          {pillarOptions.length > 0 && (
            <form
              class="op-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (draft.userId) void assign(draft.userId, chosenName);
              }}
            >
              <div class="field">
                <label for="assign-who">{t('op.assign.who')}</label>
                <select
                  id="assign-who"
                  value={draft.userId}
                  onChange={(event) => set('userId', (event.currentTarget as HTMLSelectElement).value)}
                >
                  <option value="">{t('op.assign.choose')}</option>
                  {pillarOptions.map((p) => (
                    <option key={p.id} value={p.userId ?? ''}>
                      {p.name} — {pillarLabel(lang, lists.labels, 'type', p.pillarType)} ({p.homeRegionName})
                      {p.currentAvailability === 'libur' ? ` · ${t('op.assign.offDuty')}` : ''}
                    </option>
                  ))}
                </select>
              </div>
              <TextAreaField id="assign-task" label={t('op.assign.task')} rows={2} {...field('task')} />
              <DateTimeField id="assign-due" label={t('op.assign.due')} {...field('dueAt')} />
              <SubmitButton label={t('op.assign.submit')} disabled={!draft.userId || action.isBusy} />
            </form>
          )}
        </>
      )}
      <ActionOutcome done={done} error={action.error} />
    </Section>
  );
}

/** Requests to partner agencies (Polres, Kesbangpol, BPBD …) and their answers. */
export function DispositionsSection(props: SectionProps) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  const dispositions = useLoad(
    () => listCaseDispositions(item.id).then((r) => r.items),
    [item.id, props.version],
  );
  const agencies = useLoad(() => listAgencies().then((r) => r.items.filter((a) => a.isActive)), []);
  const { draft, set, field, isTooShort } = useDraft(
    { agencyId: '', instruction: '', dueAt: wibInputIn(24) },
    { instruction: CASE_TEXT.instruction },
  );
  const [done, setDone] = useState('');
  const action = useAction();
  const request = useClientId();

  async function send(event: Event) {
    event.preventDefault();
    const agency = agencies.data?.find((a) => a.id === draft.agencyId);
    const ok = await action.run(() =>
      sendDisposition(item.id, {
        id: request.id,
        agencyId: draft.agencyId,
        instruction: draft.instruction.trim(),
        dueAt: wibInputToIso(draft.dueAt) ?? draft.dueAt,
      }),
    );
    if (ok) {
      request.renew();
      setDone(t('op.disposition.sent', { agency: agency?.name ?? draft.agencyId }));
      set('agencyId', '');
      set('instruction', '');
      props.onChanged();
    }
  }

  return (
    <Section id="disposition-heading" heading={t('op.disposition.heading')}>
      <ErrorNotice error={dispositions.error} />
      {dispositions.data && dispositions.data.length === 0 && <p>{t('op.disposition.none')}</p>}
      <ul class="op-plain-list">
        {dispositions.data?.map((d) => (
          <li key={d.id} class="op-card">
            <strong>{d.agencyName}</strong> ·{' '}
            <Tag tone={d.status === 'selesai' ? 'ok' : 'muted'}>{dispositionStatusLabel(t, d.status)}</Tag>
            <p>{d.instruction}</p>
            <p class="hint">{t('op.disposition.dueAt', { when: wib(d.dueAt, lang) })}</p>
            <DispositionAnswer item={d} />
          </li>
        ))}
      </ul>
      {props.canAct && (
        <form class="op-form" onSubmit={send}>
          <h3>{t('op.disposition.formHeading')}</h3>
          <SelectField
            id="disposition-agency"
            label={t('op.disposition.agency')}
            value={draft.agencyId}
            onChange={(value) => set('agencyId', value)}
            options={agencyOptions(t, agencies.data)}
          />
          <TextAreaField
            id="disposition-instruction"
            label={t('op.disposition.instruction')}
            rows={3}
            {...field('instruction')}
          />
          <DateTimeField id="disposition-due" label={t('op.disposition.due')} required {...field('dueAt')} />
          <SubmitButton
            label={t('op.disposition.submit')}
            disabled={!draft.agencyId || isTooShort || !draft.dueAt || action.isBusy}
          />
        </form>
      )}
      <ActionOutcome done={done} error={action.error} />
    </Section>
  );
}
