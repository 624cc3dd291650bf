import { useEffect, useRef, useState } from 'preact/hooks';
import { MIN_DESCRIPTION, NEEDS, REPORT_KINDS, TRIGGERS } from '../../shared/reports/report-vocabulary.ts';
import { describeReason, triage } from '../../shared/reports/triage.ts';
import type { SignedInUser } from '../api.ts';
import { newClientId } from '../client-id.ts';
import { useLang, useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { Link } from '../router.tsx';
import { ConflictTypeOptions } from '../ui/ConflictTypeOptions.tsx';
import { WibDateField } from '../WibDateField.tsx';
import { GpsControl } from './GpsControl.tsx';
import { findRecord } from './idb.ts';
import { NumberStepper } from './NumberStepper.tsx';
import { addToOutbox, type OutboxItem, syncOutbox } from './outbox.ts';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker.tsx';
import { PlacePicker } from './PlacePicker.tsx';
import { PriorityBadge } from './PriorityBadge.tsx';
import { placeName } from './place-label.ts';
import { draftFromSuggestion, ReadTextControl, sendSuggestion, suggestionOf } from './ReadTextControl.tsx';
import {
  CheckGroup,
  DraftField,
  FieldError,
  type FieldProblem,
  VulnerableGrid,
  WhenInWords,
} from './ReportFormParts.tsx';
import {
  COUNT_FIELDS,
  type DraftProblem,
  emptyDraft,
  findDraftProblems,
  nowInWib,
  type ReportDraft,
  toReportInput,
  triageFactsOf,
} from './report-draft.ts';

/** Where the keyboard goes to fix each kind of problem. */
const FIELD_INPUT_IDS: Record<DraftProblem['field'], string> = {
  kind: 'report-kind-sinyal',
  conflictType: 'report-type',
  place: 'place-search',
  occurredAt: 'report-when',
  description: 'report-description',
};

/** How long the page waits for a first sending attempt before saying the report waits in the outbox. */
const SEND_WAIT_MS = 8000;

type Submitted = { id: string; status: OutboxItem['status'] | 'unsaved'; priority: string; error?: string };

/** Lapor: a sinyal or kejadian in one short form, with the priority it will get shown as it is filled. */
export function ReportPage(props: { me: SignedInUser }) {
  const lang = useLang();
  const t = useT();
  const [draft, setDraft] = useState<ReportDraft>(() => emptyDraft());
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [isBusy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | undefined>();
  const outcome = useRef<HTMLDivElement>(null);
  // what the text reader suggested, kept beside the report once it is sent
  const suggested = useRef<ReturnType<typeof suggestionOf> | undefined>(undefined);

  const update = (patch: Partial<ReportDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };
  const triaged = triage(triageFactsOf(draft));
  const problemOf = (field: DraftProblem['field']) => problems.find((problem) => problem.field === field);
  const errorIdOf = (field: DraftProblem['field']) =>
    problemOf(field) ? `report-${field}-error` : undefined;
  const errorOf = (field: DraftProblem['field']): FieldProblem => ({
    id: errorIdOf(field),
    problem: problemOf(field),
  });
  /** What a field's control says of its problem: described by its hints (`hintIds`) and its error, and invalid. */
  const ariaOf = (field: DraftProblem['field'], ...hintIds: string[]) => ({
    'aria-describedby': [...hintIds, errorIdOf(field)].filter(Boolean).join(' ') || undefined,
    'aria-invalid': problemOf(field) ? true : undefined,
  });

  /** A list of codes in the draft (the triggers, the needs) under its legend: a box per code of `options`. */
  const checksOf = <K extends 'triggers' | 'needs'>(
    key: K,
    options: readonly ReportDraft[K][number][],
    labelOf: (code: ReportDraft[K][number]) => string,
  ) => (
    <CheckGroup
      legend={t(`field.report.${key}`)}
      options={options}
      labelOf={labelOf}
      selected={draft[key]}
      onChange={(selected) => setDraft((current) => ({ ...current, [key]: selected }))}
    />
  );

  // Fixing a field clears its message as soon as the draft is complete there.
  useEffect(() => {
    if (problems.length === 0) return;
    const remaining = findDraftProblems(draft);
    setProblems((current) => current.filter((problem) => remaining.some((r) => r.field === problem.field)));
  }, [draft]);

  useEffect(() => {
    if (submitted) outcome.current?.focus();
  }, [submitted]);

  async function submit(event: Event) {
    event.preventDefault();
    if (isBusy) return;
    const found = findDraftProblems(draft);
    setProblems(found);
    if (found.length > 0) {
      document.getElementById(FIELD_INPUT_IDS[found[0].field])?.focus();
      return;
    }
    setBusy(true);
    const id = newClientId();
    const { priority } = triaged;
    try {
      await addToOutbox(props.me, [
        {
          type: 'report',
          id,
          body: toReportInput(draft, id),
          summary: {
            kind: draft.kind!,
            conflictType: draft.conflictType as Exclude<ReportDraft['conflictType'], ''>,
            regionName: placeName(draft.place!, 'id'),
            description: draft.description.trim().slice(0, 140),
            priority,
          },
        },
        ...photos.map((photo) => ({ type: 'photo' as const, id: photo.id, reportId: id, blob: photo.blob })),
      ]);
    } catch {
      setSubmitted({ id, status: 'unsaved', priority });
      setBusy(false);
      return;
    }
    // Try at once; on a weak line do not keep the user waiting: the outbox carries on.
    await Promise.race([
      syncOutbox(props.me.id).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, SEND_WAIT_MS)),
    ]);
    const item = await findRecord<OutboxItem>('outbox', id).catch(() => undefined);
    if (item?.status === 'sent' && suggested.current) sendSuggestion(id, suggested.current);
    suggested.current = undefined;
    setSubmitted({
      id,
      status: item?.status ?? 'pending',
      priority: item?.type === 'report' ? item.summary.priority : priority,
      error: item?.lastError,
    });
    setBusy(false);
  }

  function startAnother() {
    setDraft(emptyDraft());
    setPhotos([]);
    setProblems([]);
    setSubmitted(undefined);
  }

  if (submitted) {
    const text =
      submitted.status === 'sent'
        ? t('field.report.sent', { priority: submitted.priority })
        : submitted.status === 'failed'
          ? t(submitted.error === 'conflict' ? 'field.outbox.clash' : 'field.report.refused')
          : submitted.status === 'unsaved'
            ? t('field.report.unsaved')
            : t('field.report.queued');
    const tone =
      submitted.status === 'sent'
        ? 'message-success'
        : submitted.status === 'pending'
          ? 'message-pending'
          : 'message-error';
    return (
      <div class="submitted">
        <div ref={outcome} tabIndex={-1} role="status" class={`message ${tone}`}>
          <p>{text}</p>
        </div>
        <div class="actions">
          <button type="button" class="button button-primary" onClick={startAnother}>
            {t('field.report.another')}
          </button>
          <Link href={ROUTES.kotakKeluar.path} class="button button-secondary">
            {t('field.report.toOutbox')}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={submit} class="report-form">
      <p class="hint">{t('field.report.intro')}</p>

      <fieldset class="group" aria-describedby={errorIdOf('kind')}>
        <legend>{t('field.report.kind')}</legend>
        <FieldError {...errorOf('kind')} />
        <div class="kind-options">
          {REPORT_KINDS.map((kind) => (
            <label key={kind} class="kind-option">
              <input
                id={`report-kind-${kind}`}
                type="radio"
                name="kind"
                value={kind}
                checked={draft.kind === kind}
                onChange={() => update({ kind })}
              />
              <span class="kind-title">{t(`field.kind.${kind}`)}</span>
              <span class="kind-hint">{t(`field.kindHint.${kind}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <DraftField id="report-type" label={t('field.report.conflictType')} error={errorOf('conflictType')}>
        <select
          id="report-type"
          value={draft.conflictType}
          {...ariaOf('conflictType')}
          onChange={(event) =>
            update({ conflictType: event.currentTarget.value as ReportDraft['conflictType'] })
          }
        >
          <option value="">{t('field.report.chooseType')}</option>
          <ConflictTypeOptions />
        </select>
      </DraftField>

      {checksOf('triggers', TRIGGERS, (trigger) => t(`field.trigger.${trigger}`))}

      <fieldset class="group">
        <legend>{t('field.report.place')}</legend>
        <FieldError {...errorOf('place')} />
        <PlacePicker
          value={draft.place}
          onChange={(place) => update({ place })}
          errorId={errorIdOf('place')}
        />
        <GpsControl value={draft.position} onChange={(position) => update({ position })} />
      </fieldset>

      <DraftField id="report-when" label={t('field.report.when')} error={errorOf('occurredAt')}>
        <WibDateField
          id="report-when"
          value={draft.occurredAt}
          max={nowInWib()}
          {...ariaOf('occurredAt')}
          onValue={(occurredAt) => update({ occurredAt })}
        />
        <WhenInWords value={draft.occurredAt} />
      </DraftField>

      <label class="check check-strong">
        <input
          type="checkbox"
          checked={draft.violenceOngoing}
          onChange={(event) => update({ violenceOngoing: event.currentTarget.checked })}
        />
        <span>{t('field.report.violenceOngoing')}</span>
      </label>

      <DraftField
        id="report-description"
        label={t('field.report.description')}
        hint={
          <p class="hint" id="report-description-hint">
            {t('field.report.descriptionHint', { min: MIN_DESCRIPTION })}
          </p>
        }
        error={errorOf('description')}
      >
        <textarea
          id="report-description"
          rows={4}
          maxLength={5000}
          value={draft.description}
          {...ariaOf('description', 'report-description-hint')}
          onInput={(event) => update({ description: event.currentTarget.value })}
        />
        <ReadTextControl
          text={draft.description}
          homeRegion={props.me.scope.kind === 'region' ? props.me.scope.code : undefined}
          onApply={(suggestion) => {
            suggested.current = suggestionOf(suggestion);
            setDraft((current) => ({ ...current, ...draftFromSuggestion(current, suggestion) }));
          }}
        />
      </DraftField>

      <fieldset class="group">
        <legend>{t('field.report.counts')}</legend>
        <div class="steppers">
          {COUNT_FIELDS.map((field) => (
            <NumberStepper
              key={field}
              id={`report-count-${field}`}
              label={t(`field.count.${field}`)}
              value={draft.counts[field]}
              onChange={(value) => update({ counts: { ...draft.counts, [field]: value } })}
            />
          ))}
        </div>
      </fieldset>

      <label class="check check-strong">
        <input
          type="checkbox"
          checked={draft.hasVulnerable}
          aria-controls="report-vulnerable"
          onChange={(event) => update({ hasVulnerable: event.currentTarget.checked })}
        />
        <span>{t('field.report.hasVulnerable')}</span>
      </label>
      <div id="report-vulnerable">
        {draft.hasVulnerable && (
          <VulnerableGrid draft={draft} onChange={(vulnerable) => update({ vulnerable })} />
        )}
      </div>

      {checksOf('needs', NEEDS, (need) => t(`field.need.${need}`))}

      <PhotoPicker photos={photos} onChange={setPhotos} />

      <div class="priority-preview" role="status">
        <p class="priority-line">
          <span>{t('field.priority.label')}</span> <PriorityBadge priority={triaged.priority} />{' '}
          <span class="priority-meaning">{t(`field.priority.${triaged.priority}`)}</span>
        </p>
        <p class="priority-reasons">
          {triaged.reasons.map((reason) => describeReason(reason, lang)).join(', ')}
        </p>
      </div>

      <div role="alert" class="alert-region">
        {problems.length > 0 && (
          <div class="message message-error">
            <p>{t('field.report.fix')}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem.field}>{t(problem.key, { min: MIN_DESCRIPTION })}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <button type="submit" class="button button-primary button-send" disabled={isBusy}>
        {isBusy ? t('field.report.sending') : t('field.report.submit')}
      </button>
    </form>
  );
}
