// An item's response: its assessment, the counter-messages (drafted, submitted, reviewed by a Bakorwil or
// province reviewer who did not draft them, posted) and the takedown or investigation requests to partners.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { can } from '../../shared/permissions/index.ts';
import { ASSESSMENTS, CARRIERS, OUTCOMES } from '../../shared/provocation/provocation-rules.ts';
import type { CounterMessage, ItemDetail } from '../../shared/provocation/provocation-schema.ts';
import { PROVOCATION_TEXT } from '../../shared/provocation/provocation-vocabulary.ts';
import type { SignedInUser } from '../api.ts';
import { useDraft } from '../draft.ts';
import { InputField, SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { DoneNotice, ErrorNotice, FormSubmit, Tag, useAction, wib } from '../operator/ui.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import { assessItem, draftCounter, moveCounter } from './provocation-api.ts';

type Props = { item: ItemDetail; me: SignedInUser; onChange: (item: ItemDetail) => void };

export function ResponseSection(props: Props) {
  const t = useT();
  const [done, setDone] = useState('');
  const action = useAction();
  const run = async (work: () => Promise<ItemDetail>, message: string) => {
    let updated: ItemDetail | undefined;
    if (
      await action.run(async () => {
        updated = await work();
      })
    ) {
      if (updated) props.onChange(updated);
      setDone(message);
      return true;
    }
    return false;
  };
  return (
    <>
      <DoneNotice message={done} />
      <ErrorNotice error={action.error} />
      {can(props.me.role, 'provocation.assess') && (
        <AssessForm item={props.item} busy={action.isBusy} run={run} />
      )}
      <section aria-labelledby="prov-counter">
        <h2 id="prov-counter">{t('prov.counter.title')}</h2>
        {props.item.response.counterMessages.length === 0 && <p>{t('prov.counter.none')}</p>}
        {props.item.response.counterMessages.map((m) => (
          <CounterCard key={m.id} message={m} me={props.me} busy={action.isBusy} run={run} />
        ))}
        {can(props.me.role, 'provocation.counter') && (
          <CounterForm item={props.item} busy={action.isBusy} run={run} />
        )}
      </section>
      <section aria-labelledby="prov-takedown">
        <h2 id="prov-takedown">{t('prov.takedown.title')}</h2>
        {props.item.response.takedowns.length === 0 && <p>{t('prov.takedown.none')}</p>}
        <ul>
          {props.item.response.takedowns.map((d) => (
            <li key={d.id}>
              {t('prov.takedown.row', {
                kind: t(`prov.kind.${d.kind}`),
                agency: d.agencyName,
                status: d.status,
              })}
              {d.answer && <> — {t('prov.takedown.answer', { answer: d.answer })}</>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

type Run = (work: () => Promise<ItemDetail>, message: string) => Promise<boolean>;

/** A form of the response that sends `send` through the section's `run`, which says `done` once it went through. */
function ResponseForm(props: {
  run: Run;
  send: () => Promise<ItemDetail>;
  done: string;
  onDone?: () => void;
  submitLabel: string;
  isSubmitOff: boolean;
  children: ComponentChildren;
}) {
  return (
    <form
      class="op-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await props.run(props.send, props.done)) props.onDone?.();
      }}
    >
      {props.children}
      <FormSubmit label={props.submitLabel} disabled={props.isSubmitOff} isSecondary />
    </form>
  );
}

function AssessForm(props: { item: ItemDetail; busy: boolean; run: Run }) {
  const t = useT();
  const { draft, set, field } = useDraft(
    {
      assessment: props.item.assessment ?? 'provokasi',
      outcome: props.item.outcome as string,
      note: props.item.assessmentNote,
    },
    { note: PROVOCATION_TEXT.assessmentNote },
  );
  return (
    <section aria-labelledby="prov-assess">
      <h2 id="prov-assess">{t('prov.assess.title')}</h2>
      <ResponseForm
        run={props.run}
        send={() =>
          assessItem(props.item.id, {
            assessment: draft.assessment as ItemDetail['assessment'] & string,
            note: draft.note,
            outcome: draft.outcome as ItemDetail['outcome'],
          })
        }
        done={t('prov.assess.saved')}
        submitLabel={t('prov.assess.save')}
        isSubmitOff={props.busy}
      >
        <SelectField
          id="prov-assess-assessment"
          label={t('prov.col.assessment')}
          value={draft.assessment}
          onChange={(value) => set('assessment', value as never)}
          options={ASSESSMENTS.map((a) => ({ value: a, label: t(`prov.assessment.${a}`) }))}
        />
        <SelectField
          id="prov-assess-outcome"
          label={t('prov.assess.outcome')}
          value={draft.outcome}
          onChange={(value) => set('outcome', value)}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`prov.outcome.${o}`) }))}
        />
        <TextAreaField id="prov-assess-note" label={t('prov.assess.note')} {...field('note')} />
      </ResponseForm>
    </section>
  );
}

function CounterForm(props: { item: ItemDetail; busy: boolean; run: Run }) {
  const t = useT();
  const { draft, set, field, isTooShort } = useDraft(
    { body: '', carrier: 'tokoh_masyarakat', carrierName: '' },
    { body: PROVOCATION_TEXT.counterBody, carrierName: PROVOCATION_TEXT.carrierName },
  );
  return (
    <ResponseForm
      run={props.run}
      send={() =>
        draftCounter(props.item.id, {
          body: draft.body,
          carrier: draft.carrier as never,
          carrierName: draft.carrierName,
        })
      }
      done={t('prov.counter.drafted')}
      onDone={() => set('body', '')}
      submitLabel={t('prov.counter.draft')}
      isSubmitOff={props.busy || isTooShort}
    >
      <TextAreaField id="prov-counter-body" label={t('prov.counter.body')} required {...field('body')} />
      <SelectField
        id="prov-counter-carrier"
        label={t('prov.counter.carrier')}
        value={draft.carrier}
        onChange={(value) => set('carrier', value)}
        options={CARRIERS.map((c) => ({ value: c, label: t(`prov.carrier.${c}`) }))}
      />
      <InputField
        id="prov-counter-carrier-name"
        label={t('prov.counter.carrierName')}
        {...field('carrierName')}
      />
    </ResponseForm>
  );
}

function CounterCard(props: { message: CounterMessage; me: SignedInUser; busy: boolean; run: Run }) {
  const t = useT();
  const lang = useLang();
  const m = props.message;
  const [note, setNote] = useState('');
  const [where, setWhere] = useState('');
  const mayReview = can(props.me.role, 'provocation.approve') && m.draftedBy !== props.me.displayName;
  const mayWork = can(props.me.role, 'provocation.counter');
  const move = (
    kind: 'submit' | 'approve' | 'return' | 'post',
    body: { note?: string; postedWhere?: string } = {},
  ) => props.run(() => moveCounter(m.id, kind, body), t('prov.counter.moved'));
  return (
    <article class="prov-counter">
      <p>
        <Tag tone={m.status === 'disetujui' || m.status === 'dipublikasikan' ? 'ok' : 'brand'}>
          {t(`prov.counterStatus.${m.status}`)}
        </Tag>{' '}
        {t(`prov.carrier.${m.carrier}`)}
        {m.carrierName && ` — ${m.carrierName}`}
      </p>
      <blockquote class="prov-text">{m.body}</blockquote>
      <p class="op-muted">
        {t('prov.counter.meta', { by: m.draftedBy, status: t(`prov.counterStatus.${m.status}`) })}
      </p>
      {m.reviewNote && <p>{m.reviewNote}</p>}
      {m.approvedBy && m.approvedAt && (
        <p>{t('prov.counter.approvedBy', { by: m.approvedBy, when: wib(m.approvedAt, lang) })}</p>
      )}
      {m.postedWhere && m.postedAt && (
        <p>{t('prov.counter.postedAt', { where: m.postedWhere, when: wib(m.postedAt, lang) })}</p>
      )}
      <div class="op-actions">
        {mayWork && (m.status === 'draf' || m.status === 'dikembalikan') && (
          <ActionButton
            label={t('prov.counter.submit')}
            isBusy={props.busy}
            onClick={() => move('submit')}
            class="button op-button-secondary"
          />
        )}
        {mayReview && m.status === 'diajukan' && (
          <>
            <ActionButton
              label={t('prov.counter.approve')}
              isBusy={props.busy}
              onClick={() => move('approve')}
            />
            <InputField
              id={`prov-counter-${m.id}-note`}
              label={t('prov.counter.returnNote')}
              value={note}
              onInput={setNote}
            />
            <ActionButton
              label={t('prov.counter.return')}
              isBusy={props.busy}
              disabled={note.trim() === ''}
              onClick={() => move('return', { note })}
              class="button op-button-secondary"
            />
          </>
        )}
        {mayWork && m.status === 'disetujui' && (
          <>
            <InputField
              id={`prov-counter-${m.id}-where`}
              label={t('prov.counter.postedWhere')}
              value={where}
              onInput={setWhere}
            />
            <ActionButton
              label={t('prov.counter.post')}
              isBusy={props.busy}
              disabled={where.trim() === ''}
              onClick={() => move('post', { postedWhere: where })}
              class="button op-button-secondary"
            />
          </>
        )}
      </div>
    </article>
  );
}
