// Koreksi tanggal (admin): 1 Suro and Idul Fitri of each Hijri year in the calendar's range, as computed and as in
// effect; setting the government's date (at most 3 days from the computed one, with what it rests on) or removing
// it. Malam 1 Suro and the month of Suro follow 1 Suro on the server.
import { useRef, useState } from 'preact/hooks';
import { addDays } from '../../shared/early-warning/calendar.ts';
import { useDraft } from '../draft.ts';
import { FormProblems, InputField, useFocusOnRefusal } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { DoneNotice, Tag, useAction } from '../operator/ui.tsx';
import { ItemsTable } from '../ui/DataTable.tsx';
import { SmallButton } from '../ui/SmallButton.tsx';
import {
  type RecurringAnchor,
  type RecurringEvent,
  removeCalendarOverride,
  setCalendarOverride,
} from './ew-api.ts';
import { EwError, FormBox, formatDay } from './ew-ui.tsx';

/** The server accepts the government's date at most this many days from the computed one. */
const MAX_SHIFT_DAYS = 3;

/** A recurring date the admin may move: its key is the anchor the API names. */
type Anchor = RecurringEvent & { key: RecurringAnchor };

function isAnchor(event: RecurringEvent): event is Anchor {
  return event.key === 'satu_suro' || event.key === 'idul_fitri';
}

export function CalendarCorrections(props: { recurring: readonly RecurringEvent[]; onChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const anchors = props.recurring.filter(isAnchor);
  const [editing, setEditing] = useState<Anchor | undefined>();
  const [done, setDone] = useState('');
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const titleOf = (r: RecurringEvent) => (lang === 'id' ? r.title : r.titleEn);
  const caption = t('ew.correction.caption');

  function open(anchor: Anchor) {
    setDone('');
    action.clear();
    setEditing(anchor);
  }

  // The form's buttons go away when it closes: the focus returns to the section rather than to the page.
  function close(message = '') {
    setEditing(undefined);
    setDone(message);
    heading.current?.focus();
  }

  async function remove(anchor: Anchor) {
    setDone('');
    if (await action.run(() => removeCalendarOverride(anchor.key, anchor.hijriYear))) {
      if (editing?.key === anchor.key && editing.hijriYear === anchor.hijriYear) setEditing(undefined);
      setDone(
        t('ew.correction.removed', {
          title: titleOf(anchor),
          date: formatDay(anchor.computedAnchorDay, lang),
        }),
      );
      props.onChanged();
    }
  }

  return (
    <section aria-labelledby="ew-correction-heading">
      <h2 id="ew-correction-heading" tabIndex={-1} ref={heading}>
        {t('ew.correction.heading')}
      </h2>
      <p class="hint">{t('ew.correction.hint')}</p>
      <ItemsTable
        caption={caption}
        columns={[
          t('ew.correction.col.date'),
          t('ew.correction.col.computed'),
          t('ew.correction.col.inEffect'),
        ]}
        actionsLabel={t('ew.correction.col.actions')}
        items={anchors}
        empty={t('ew.correction.empty')}
        row={(anchor) => (
          <tr key={`${anchor.key}-${anchor.hijriYear}`}>
            <th scope="row">{titleOf(anchor)}</th>
            <td>{formatDay(anchor.computedAnchorDay, lang)}</td>
            <td>
              {formatDay(anchor.startDay, lang)}{' '}
              <Tag tone={anchor.isOverridden ? 'warn' : 'muted'}>
                {t(anchor.isOverridden ? 'ew.correction.corrected' : 'ew.correction.asComputed')}
              </Tag>
            </td>
            <td>
              <div class="ew-row-actions">
                <SmallButton disabled={action.isBusy} onClick={() => open(anchor)} what={titleOf(anchor)}>
                  {t('ew.correction.edit')}
                </SmallButton>
                {anchor.isOverridden && (
                  <SmallButton disabled={action.isBusy} onClick={() => remove(anchor)} what={titleOf(anchor)}>
                    {t('ew.correction.remove')}
                  </SmallButton>
                )}
              </div>
            </td>
          </tr>
        )}
      />
      <DoneNotice message={done} />
      <EwError error={action.error} />
      {editing && (
        <CorrectionForm
          key={`${editing.key}-${editing.hijriYear}`}
          anchor={editing}
          title={titleOf(editing)}
          onSaved={(day) => {
            close(t('ew.correction.saved', { title: titleOf(editing), date: formatDay(day, lang) }));
            props.onChanged();
          }}
          onCancel={() => close()}
        />
      )}
    </section>
  );
}

/** The government's date for one anchor and what it rests on; checked here as the server checks it. */
function CorrectionForm(props: {
  anchor: Anchor;
  title: string;
  onSaved: (day: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const { anchor } = props;
  const computed = anchor.computedAnchorDay;
  const min = addDays(computed, -MAX_SHIFT_DAYS);
  const max = addDays(computed, MAX_SHIFT_DAYS);
  const { draft, field } = useDraft({ date: anchor.isOverridden ? anchor.startDay : '', note: '' });
  const { date, note } = draft;
  const [problems, setProblems] = useState<{ date?: string; note?: string }>({});
  const action = useAction();
  const { form, refused } = useFocusOnRefusal();

  function check(): { date?: string; note?: string } {
    return {
      date: !/^\d{4}-\d{2}-\d{2}$/.test(date)
        ? t('ew.correction.dateMissing')
        : date < min || date > max
          ? t('ew.correction.dateTooFar', { min: formatDay(min, lang), max: formatDay(max, lang) })
          : date === computed
            ? t('ew.correction.dateSame')
            : undefined,
      note: note.trim().length < 3 ? t('ew.correction.noteShort') : undefined,
    };
  }

  async function submit(event: Event) {
    event.preventDefault();
    const found = check();
    setProblems(found);
    if (found.date || found.note) {
      action.clear();
      refused();
      return;
    }
    let day = date;
    const ok = await action.run(async () => {
      const items = await setCalendarOverride(anchor.key, anchor.hijriYear, { date, note: note.trim() });
      day = items.items.find((e) => e.key === anchor.key)?.startDay ?? date;
    });
    if (ok) props.onSaved(day);
  }

  const prefix = `ew-correction-${anchor.key}-${anchor.hijriYear}`;
  return (
    <FormBox
      idPrefix={prefix}
      heading={t('ew.correction.formHeading', { title: props.title })}
      headingLevel={3}
      formRef={form}
      noValidate
      onSubmit={submit}
      error={action.error}
      submitLabel={t('ew.correction.save')}
      isSubmitOff={action.isBusy}
      onCancel={props.onCancel}
    >
      <FormProblems title={t('ew.correction.problems')} problems={problems} />
      <InputField
        id={`${prefix}-date`}
        type="date"
        label={t('ew.correction.date')}
        hint={t('ew.correction.dateHint', {
          computed: formatDay(computed, lang),
          min: formatDay(min, lang),
          max: formatDay(max, lang),
        })}
        {...field('date')}
        isRequired
        error={problems.date}
      />
      <InputField
        id={`${prefix}-note`}
        label={t('ew.correction.note')}
        hint={t('ew.correction.noteHint')}
        {...field('note')}
        maxLength={500}
        isRequired
        error={problems.note}
      />
    </FormBox>
  );
}
