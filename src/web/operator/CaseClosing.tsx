// Closing a case and reopening it. Closing first lists what is still open, and asks for a hand-over of each
// referral of a vulnerable person that is not completed: the server refuses the close without them.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CLOSING_TEXT,
  findReferralsWithoutHandover,
  type Handover,
  hasOpenItems,
} from '../../shared/cases/closing-rules.ts';
import { lengthAttributes } from '../../shared/text-length.ts';
import { useDraft } from '../draft.ts';
import { InputField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ToggleButton } from '../ui/ListView.tsx';
import {
  groupLabel,
  phaseLabel,
  recoveryStepLabel,
  referralServiceLabel,
  referralStatusLabel,
} from './labels.ts';
import { type CaseView, getOpenItems, listPeople, moveCase, reopenCase } from './operator-api.ts';
import { ErrorNotice, SubmitButton, useFormSend, useLoad, wib } from './ui.tsx';

/** The two lines of a referral's hand-over: to whom it goes, and who follows it up. */
const HANDOVER_FIELDS = [
  { key: 'handedTo', idPart: 'to', label: 'op.close.handedTo' },
  { key: 'followUpBy', idPart: 'by', label: 'op.close.followUpBy' },
] as const;

/** The closing form: the open items, a hand-over per open referral, and the outcome summary. */
export function CloseCaseForm(props: { item: CaseView; onClosed: (updated: CaseView) => void }) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  const open = useLoad(() => getOpenItems(item.id), [item.id, item.version]);
  // Names help the handler hand over the right child; the list is personal data kept in state only.
  const people = useLoad(() => listPeople(item.id).then((r) => r.items), [item.id]);
  const { draft, field, isTooShort } = useDraft({ outcome: '' }, { outcome: CLOSING_TEXT.outcome });
  const [handovers, setHandovers] = useState<Record<string, Handover>>({});
  const outcomeField = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (open.data) outcomeField.current?.focus();
  }, [open.data]);

  const items = open.data;
  const given = Object.values(handovers);
  // The server decides; the page says beside each referral whether its hand-over is still missing.
  const missing = items ? findReferralsWithoutHandover(items.openReferrals, given) : [];
  const setField = (referralId: string, field: 'handedTo' | 'followUpBy', value: string) =>
    setHandovers((all) => {
      const current = all[referralId] ?? { referralId, handedTo: '', followUpBy: '' };
      return { ...all, [referralId]: { ...current, [field]: value } };
    });

  const action = useFormSend(
    () =>
      moveCase(item.id, {
        to: 'selesai',
        outcome: draft.outcome.trim(),
        version: item.version,
        handovers: given
          .filter((h) => items?.openReferrals.some((r) => r.id === h.referralId))
          .map((h) => ({ ...h, handedTo: h.handedTo.trim(), followUpBy: h.followUpBy.trim() })),
      }),
    props.onClosed,
  );

  if (!items) {
    return open.error ? <ErrorNotice error={open.error} /> : <p role="status">{t('op.close.loading')}</p>;
  }
  const names = (list: { displayName: string }[]) => list.map((x) => x.displayName).join(', ');
  return (
    <form class="op-form" onSubmit={action.submit} aria-labelledby="close-heading">
      <h3 id="close-heading">{t('op.close.openHeading')}</h3>
      {!hasOpenItems(items) && <p>{t('op.close.nothingOpen')}</p>}
      <ul class="op-close-open">
        {items.missingRecoverySteps.length > 0 && (
          <li>
            {t('op.close.steps', {
              steps: items.missingRecoverySteps.map((s) => recoveryStepLabel(t, s)).join(', '),
            })}
          </li>
        )}
        {items.unansweredDispositions.length > 0 && (
          <li>
            {t('op.close.dispositions', {
              agencies: items.unansweredDispositions.map((d) => d.agencyName).join(', '),
            })}
          </li>
        )}
        {items.checkedIn.length > 0 && <li>{t('op.close.checkedIn', { names: names(items.checkedIn) })}</li>}
        {items.activeAssignments.length > 0 && (
          <li>{t('op.close.assignments', { names: names(items.activeAssignments) })}</li>
        )}
      </ul>
      {items.openReferrals.length > 0 && (
        <>
          <p class="message message-pending">
            {t('op.close.referrals', { count: items.openReferrals.length })}
          </p>
          {items.openReferrals.map((r) => {
            const name = people.data?.find((p) => p.id === r.personId)?.fullName ?? groupLabel(t, r.group);
            const value = handovers[r.id] ?? { handedTo: '', followUpBy: '' };
            return (
              <fieldset key={r.id} class="op-fieldset">
                <legend>
                  {t('op.close.referralLegend', {
                    service: referralServiceLabel(t, r.service),
                    name,
                    status: referralStatusLabel(t, r.status),
                    due: wib(r.dueAt, lang),
                  })}
                </legend>
                {missing.includes(r.id) && (
                  <p class="hint">{t('op.close.handoverMissing', { min: CLOSING_TEXT.handover.min })}</p>
                )}
                {HANDOVER_FIELDS.map((field) => (
                  <InputField
                    key={field.key}
                    id={`handover-${field.idPart}-${r.id}`}
                    label={t(field.label)}
                    {...lengthAttributes(CLOSING_TEXT.handover)}
                    value={value[field.key]}
                    onInput={(text) => setField(r.id, field.key, text)}
                  />
                ))}
              </fieldset>
            );
          })}
        </>
      )}
      <TextAreaField
        id="outcome"
        inputRef={outcomeField}
        label={t('op.phase.outcomeLabel')}
        hint={t('op.phase.outcomeHint', { min: CLOSING_TEXT.outcome.min })}
        rows={4}
        required
        {...field('outcome')}
      />
      <ErrorNotice error={action.error} />
      <SubmitButton label={t('op.phase.closeConfirm')} disabled={action.isBusy || isTooShort} />
    </form>
  );
}

/** Reopening a closed case: a koordinator or above, with a reason. */
export function ReopenCaseForm(props: {
  item: CaseView;
  onReopened: (updated: CaseView, message: string) => void;
}) {
  const t = useT();
  const [isOpen, setOpen] = useState(false);
  const { draft, field, isTooShort, reset } = useDraft({ reason: '' }, { reason: CLOSING_TEXT.reopenReason });

  const action = useFormSend(
    () => reopenCase(props.item.id, draft.reason.trim()),
    (updated) => {
      props.onReopened(updated, t('op.reopen.done', { phase: phaseLabel(t, updated.phase) }));
      setOpen(false);
      reset();
    },
  );

  return (
    <>
      <div class="op-actions">
        <ToggleButton label={t('op.reopen.button')} isOpen={isOpen} onToggle={() => setOpen(!isOpen)} />
      </div>
      {isOpen && (
        <form class="op-form" onSubmit={action.submit}>
          <TextAreaField
            id="reopen-reason"
            label={t('op.reopen.reasonLabel')}
            hint={t('op.reopen.reasonHint')}
            rows={3}
            required
            {...field('reason')}
          />
          <ErrorNotice error={action.error} />
          <SubmitButton label={t('op.reopen.confirm')} disabled={action.isBusy || isTooShort} />
        </form>
      )}
    </>
  );
}
