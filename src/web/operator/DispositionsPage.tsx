// Disposisi: what the Social Affairs Office asks of a partner agency, and the agency's answers.
import { useState } from 'preact/hooks';
import { awaitsAnswer, sortDispositions } from '../../shared/cases/disposition-order.ts';
import { CASE_TEXT } from '../../shared/cases/text-lengths.ts';
import { useDraft } from '../draft.ts';
import { RadioField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { DispositionAnswer } from './DispositionAnswer.tsx';
import { dispositionStatusLabel } from './labels.ts';
import type { OperatorPageProps } from './OperatorPage.tsx';
import { answerDisposition, type Disposition, listDispositions } from './operator-api.ts';
import {
  ActionOutcome,
  Due,
  ErrorNotice,
  Loading,
  SubmitButton,
  Tag,
  useAction,
  useLoad,
  useNow,
  wib,
} from './ui.tsx';

const ANSWERS = ['diterima', 'selesai', 'ditolak'] as const;

/** The partner agency's list of dispositions, open ones first. */
export function DispositionsPage(_props: OperatorPageProps) {
  const t = useT();
  const loaded = useLoad(() => listDispositions().then((r) => r.items), []);
  const now = useNow();
  const items = sortDispositions(loaded.data ?? []);
  return (
    <div>
      <p class="lead">{t('purpose.disposisi')}</p>
      <ErrorNotice error={loaded.error} />
      {!loaded.data && loaded.isLoading && <Loading />}
      {loaded.data && items.length === 0 && <p>{t('op.dispositions.none')}</p>}
      <ul class="op-plain-list">
        {items.map((d) => (
          <DispositionItem key={d.id} item={d} now={now} onAnswered={loaded.reload} />
        ))}
      </ul>
    </div>
  );
}

function DispositionItem(props: { item: Disposition; now: Date; onAnswered: () => void }) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  const { draft, set, field, isTooShort } = useDraft<{ status: (typeof ANSWERS)[number]; answer: string }>(
    { status: item.status === 'diterima' ? 'selesai' : 'diterima', answer: '' },
    { answer: CASE_TEXT.answer },
  );
  const [done, setDone] = useState('');
  const action = useAction();
  const isOpen = item.status !== 'selesai' && item.status !== 'ditolak';
  const prefix = `answer-${item.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (
      await action.run(() =>
        answerDisposition(item.id, { status: draft.status, answer: draft.answer.trim() }),
      )
    ) {
      setDone(t('op.dispositions.answered'));
      set('answer', '');
      props.onAnswered();
    }
  }

  return (
    <li class="op-card">
      <h2 class="op-card-heading">{item.caseTitle}</h2>
      <p class="op-tags">
        <Tag tone={isOpen ? 'warn' : 'ok'}>{dispositionStatusLabel(t, item.status)}</Tag>
      </p>
      <p>{item.instruction}</p>
      {isOpen ? (
        // An answered disposition met its deadline when it was answered: never shown as late afterwards.
        <Due
          label={t('op.dispositions.due')}
          dueAt={item.dueAt}
          metAt={awaitsAnswer(item) ? null : item.answeredAt}
          now={props.now}
        />
      ) : (
        <p class="hint">{t('op.disposition.dueAt', { when: wib(item.dueAt, lang) })}</p>
      )}
      <DispositionAnswer item={item} />
      <ActionOutcome done={done} error={action.error} />
      {isOpen && (
        <form class="op-form" onSubmit={submit}>
          <RadioField
            legend={t('op.dispositions.statusLegend')}
            name={`${prefix}-status`}
            options={ANSWERS.map((option) => ({ value: option, label: dispositionStatusLabel(t, option) }))}
            value={draft.status}
            onChange={(status) => set('status', status)}
          />
          <TextAreaField
            id={`${prefix}-text`}
            label={t('op.dispositions.answerLabel')}
            rows={3}
            {...field('answer')}
          />
          <SubmitButton label={t('op.dispositions.submit')} disabled={isTooShort || action.isBusy} />
        </form>
      )}
    </li>
  );
}
