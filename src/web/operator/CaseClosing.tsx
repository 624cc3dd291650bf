// Closing a case and reopening it. Closing first lists what is still open, and asks for a hand-over of each
// referral of a vulnerable person that is not completed: the server refuses the close without them.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  findReferralsWithoutHandover,
  HANDOVER_MIN_LENGTH,
  type Handover,
  hasOpenItems,
  REOPEN_REASON_MIN_LENGTH,
} from '../../shared/cases/closing-rules.ts';
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
import { ErrorNotice, useFormSend, useLoad, wib } from './ui.tsx';

/** The closing form: the open items, a hand-over per open referral, and the outcome summary. */
export function CloseCaseForm(props: { item: CaseView; onClosed: (updated: CaseView) => void }) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  const open = useLoad(() => getOpenItems(item.id), [item.id, item.version]);
  // Names help the handler hand over the right child; the list is personal data kept in state only.
  const people = useLoad(() => listPeople(item.id).then((r) => r.items), [item.id]);
  const [outcome, setOutcome] = useState('');
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
        outcome: outcome.trim(),
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
                {missing.includes(r.id) && <p class="hint">{t('op.close.handoverMissing')}</p>}
                <div class="field">
                  <label for={`handover-to-${r.id}`}>{t('op.close.handedTo')}</label>
                  <input
                    id={`handover-to-${r.id}`}
                    minLength={HANDOVER_MIN_LENGTH}
                    maxLength={300}
                    autocomplete="off"
                    value={value.handedTo}
                    onInput={(e) => setField(r.id, 'handedTo', (e.currentTarget as HTMLInputElement).value)}
                  />
                </div>
                <div class="field">
                  <label for={`handover-by-${r.id}`}>{t('op.close.followUpBy')}</label>
                  <input
                    id={`handover-by-${r.id}`}
                    minLength={HANDOVER_MIN_LENGTH}
                    maxLength={300}
                    autocomplete="off"
                    value={value.followUpBy}
                    onInput={(e) => setField(r.id, 'followUpBy', (e.currentTarget as HTMLInputElement).value)}
                  />
                </div>
              </fieldset>
            );
          })}
        </>
      )}
      <div class="field">
        <label for="outcome">{t('op.phase.outcomeLabel')}</label>
        <p class="hint" id="outcome-hint">
          {t('op.phase.outcomeHint')}
        </p>
        <textarea
          id="outcome"
          ref={outcomeField}
          rows={4}
          required
          minLength={10}
          aria-describedby="outcome-hint"
          value={outcome}
          onInput={(event) => setOutcome((event.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      <ErrorNotice error={action.error} />
      <button
        type="submit"
        class="button button-primary"
        disabled={action.isBusy || outcome.trim().length < 10}
      >
        {t('op.phase.closeConfirm')}
      </button>
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
  const [reason, setReason] = useState('');

  const action = useFormSend(
    () => reopenCase(props.item.id, reason.trim()),
    (updated) => {
      props.onReopened(updated, t('op.reopen.done', { phase: phaseLabel(t, updated.phase) }));
      setOpen(false);
      setReason('');
    },
  );

  return (
    <>
      <div class="op-actions">
        <ToggleButton label={t('op.reopen.button')} isOpen={isOpen} onToggle={() => setOpen(!isOpen)} />
      </div>
      {isOpen && (
        <form class="op-form" onSubmit={action.submit}>
          <div class="field">
            <label for="reopen-reason">{t('op.reopen.reasonLabel')}</label>
            <p class="hint" id="reopen-hint">
              {t('op.reopen.reasonHint')}
            </p>
            <textarea
              id="reopen-reason"
              rows={3}
              required
              minLength={REOPEN_REASON_MIN_LENGTH}
              aria-describedby="reopen-hint"
              value={reason}
              onInput={(event) => setReason((event.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
          <ErrorNotice error={action.error} />
          <button
            type="submit"
            class="button button-primary"
            disabled={action.isBusy || reason.trim().length < REOPEN_REASON_MIN_LENGTH}
          >
            {t('op.reopen.confirm')}
          </button>
        </form>
      )}
    </>
  );
}
