// Action items (tindak lanjut): what came out of a workshop, who does it and by when, tracked until done —
// on the workshop's page, and the user's own open items on the list page.
import { useState } from 'preact/hooks';
import { isTooShort, lengthAttributes } from '../../shared/text-length.ts';
import {
  WORKSHOP_TEXT,
  type WorkshopAction,
  type WorkshopActionItem,
  type WorkshopView,
} from '../../shared/workshops/workshop-rules.ts';
import type { ApiError, SignedInUser } from '../api.ts';
import { useDraft } from '../draft.ts';
import { FormProblems, InputField, RadioField, SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { DoneNotice, FormSubmit, Tag, useAction, wibDay } from '../operator/ui.tsx';
import { Link } from '../router.tsx';
import { Section } from '../ui/Section.tsx';
import { SmallButton } from '../ui/SmallButton.tsx';
import { addAction, closeAction } from './learning-api.ts';
import { formatDate, LearnError, labelOf } from './learning-ui.tsx';

const OTHER = '__other__';

/** The status of an item in words (and colour): open, late, done, dropped. */
function ActionStatus(props: { item: WorkshopAction }) {
  const t = useT();
  const { item } = props;
  if (item.status === 'terbuka' && item.isOverdue)
    return <Tag tone="danger">{t('learn.action.overdue')}</Tag>;
  const tone = item.status === 'selesai' ? 'ok' : item.status === 'batal' ? 'muted' : 'warn';
  return <Tag tone={tone}>{labelOf(t, 'learn.action.status', item.status)}</Tag>;
}

/** Closing one item: done or not continued, with a note. */
function CloseAction(props: { item: WorkshopAction; onClosed: () => void }) {
  const t = useT();
  const action = useAction();
  const [isOpen, setOpen] = useState(false);
  const [status, setStatus] = useState<'selesai' | 'batal'>('selesai');
  const [note, setNote] = useState('');
  const id = `close-${props.item.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (await action.run(() => closeAction(props.item.id, { status, note: note.trim() }))) {
      setOpen(false);
      props.onClosed();
    }
  }

  if (!isOpen) {
    return (
      <SmallButton expanded={false} onClick={() => setOpen(true)}>
        {t('learn.action.markDone')}
      </SmallButton>
    );
  }
  return (
    <form class="op-form learn-done-form" onSubmit={submit} aria-label={t('learn.action.closeLabel')}>
      <RadioField
        legend={t('learn.action.closeAs')}
        name={`${id}-status`}
        options={[
          { value: 'selesai', label: t('learn.action.asDone') },
          { value: 'batal', label: t('learn.action.asDropped') },
        ]}
        value={status}
        onChange={setStatus}
      />
      <TextAreaField
        id={`${id}-note`}
        label={t('learn.action.note')}
        value={note}
        onInput={setNote}
        rows={2}
        {...lengthAttributes(WORKSHOP_TEXT.actionNote)}
      />
      <LearnError error={action.error} />
      <FormSubmit
        label={t('learn.action.saveClose')}
        disabled={action.isBusy}
        onCancel={() => setOpen(false)}
      />
    </form>
  );
}

function ActionEntry(props: {
  item: WorkshopAction | WorkshopActionItem;
  canClose: boolean;
  onChanged: () => void;
}) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  const from = 'workshopTopic' in item && item.workshopTopic ? item : undefined;
  return (
    <li class="learn-card">
      <p class="op-tags">
        <ActionStatus item={item} />
      </p>
      <p class="learn-text">{item.description}</p>
      <p class="learn-meta">
        {t('learn.action.ownerDue', { owner: item.ownerName, due: formatDate(item.dueOn, lang) })}
      </p>
      {from && (
        <p class="learn-meta">
          {t('learn.action.from')}{' '}
          <Link href={`${ROUTES.lokakarya.path}/${from.workshopId}`} class="learn-inline-link">
            {from.workshopTopic}
          </Link>
        </p>
      )}
      {item.status !== 'terbuka' && item.doneNote && (
        <p>{t('learn.action.doneNote', { note: item.doneNote })}</p>
      )}
      {props.canClose && item.status === 'terbuka' && <CloseAction item={item} onClosed={props.onChanged} />}
    </li>
  );
}

/** The open items the user owns, across workshops (nothing shown when there are none). */
export function MyActions(props: {
  items: WorkshopActionItem[];
  error: ApiError | undefined;
  onChanged: () => void;
}) {
  const t = useT();
  const [done, setDone] = useState('');
  if (props.items.length === 0 && !props.error && !done) return null;
  return (
    <Section id="my-actions" heading={t('learn.action.mine')}>
      <DoneNotice message={done} />
      <LearnError error={props.error} />
      {props.items.length === 0 && <p>{t('learn.action.noneOpen')}</p>}
      <ul class="learn-list">
        {props.items.map((item) => (
          <ActionEntry
            key={item.id}
            item={item}
            canClose
            onChanged={() => {
              setDone(t('learn.action.closed'));
              props.onChanged();
            }}
          />
        ))}
      </ul>
    </Section>
  );
}

/** A workshop's action items: open ones first, and the form to add one when the viewer runs it. */
export function ActionsSection(props: { workshop: WorkshopView; me: SignedInUser; onChanged: () => void }) {
  const { workshop } = props;
  const t = useT();
  const [done, setDone] = useState('');
  const items = [...workshop.actions].sort(
    (a, b) =>
      Number(a.status !== 'terbuka') - Number(b.status !== 'terbuka') || a.dueOn.localeCompare(b.dueOn),
  );
  return (
    <Section id="workshop-actions" heading={t('learn.action.heading')}>
      <DoneNotice message={done} />
      {items.length === 0 && <p>{t('learn.action.none')}</p>}
      <ul class="learn-list">
        {items.map((item) => (
          <ActionEntry
            key={item.id}
            item={item}
            canClose={workshop.canManage || item.ownerUserId === props.me.id}
            onChanged={() => {
              setDone(t('learn.action.closed'));
              props.onChanged();
            }}
          />
        ))}
      </ul>
      {workshop.canManage && (
        <AddAction
          workshop={workshop}
          onAdded={() => {
            setDone(t('learn.action.added'));
            props.onChanged();
          }}
        />
      )}
    </Section>
  );
}

function AddAction(props: { workshop: WorkshopView; onAdded: () => void }) {
  const t = useT();
  const action = useAction();
  const { draft, set, field } = useDraft(
    { description: '', owner: '', ownerName: '', dueOn: wibDay(30) },
    { description: WORKSHOP_TEXT.actionDescription, ownerName: WORKSHOP_TEXT.actionOwnerName },
  );
  const { description, owner, ownerName, dueOn } = draft;
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});
  const users = props.workshop.participants.filter((p) => p.userId);

  async function submit(event: Event) {
    event.preventDefault();
    const found = {
      description: isTooShort(description, WORKSHOP_TEXT.actionDescription)
        ? t('learn.action.descriptionShort', { min: WORKSHOP_TEXT.actionDescription.min })
        : undefined,
      owner:
        !owner || (owner === OTHER && isTooShort(ownerName, WORKSHOP_TEXT.actionOwnerName))
          ? t('learn.action.ownerMissing')
          : undefined,
      dueOn: /^\d{4}-\d{2}-\d{2}$/.test(dueOn) ? undefined : t('learn.action.dueMissing'),
    };
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    const ok = await action.run(() =>
      addAction(props.workshop.id, {
        description: description.trim(),
        dueOn,
        ...(owner === OTHER ? { ownerName: ownerName.trim() } : { ownerUserId: owner }),
      }),
    );
    if (ok) {
      set('description', '');
      set('owner', '');
      set('ownerName', '');
      props.onAdded();
    }
  }

  return (
    <form class="op-form" noValidate onSubmit={submit} aria-labelledby="action-add-title">
      <h3 id="action-add-title">{t('learn.action.addHeading')}</h3>
      <FormProblems title={t('learn.form.problems')} problems={problems} />
      <TextAreaField
        id="action-description"
        label={t('learn.action.description')}
        {...field('description')}
        rows={2}
        isRequired
        error={problems.description}
      />
      <div class="op-grid-form">
        <SelectField
          id="action-owner"
          label={t('learn.action.owner')}
          hint={t('learn.action.ownerHint')}
          value={owner}
          onChange={(value) => set('owner', value)}
          isRequired
          error={problems.owner}
          options={[
            { value: '', label: t('learn.action.chooseOwner') },
            ...users.map((p) => ({ value: p.userId as string, label: p.name })),
            { value: OTHER, label: t('learn.action.otherOwner') },
          ]}
        />
        {owner === OTHER && (
          <InputField
            id="action-owner-name"
            label={t('learn.action.ownerName')}
            {...field('ownerName')}
            isRequired
          />
        )}
        <InputField
          id="action-due"
          type="date"
          label={t('learn.action.due')}
          {...field('dueOn')}
          isRequired
          error={problems.dueOn}
        />
      </div>
      <LearnError error={action.error} />
      <button type="submit" class="button button-primary" disabled={action.isBusy}>
        {t('learn.action.add')}
      </button>
    </form>
  );
}
