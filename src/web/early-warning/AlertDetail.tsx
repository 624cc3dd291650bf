// One alert in full: why, who must acknowledge by when, the response so far, and what the viewer may do now
// (acknowledge, record an action, close, approve the public text), with its CAP 1.2 documents.
import { EW_TEXT } from '../../shared/early-warning/text-lengths.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import { useDraft } from '../draft.ts';
import { InputField, SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { levelLabel } from '../operator/labels.ts';
import { listCases } from '../operator/operator-api.ts';
import { AckDue, DoneNotice, FormSubmit, StandIn, TimelineEntry, useLoad, wib } from '../operator/ui.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import { Fact } from '../ui/Fact.tsx';
import {
  type AlertDetail,
  acknowledgeAlert,
  addAlertAction,
  approvePublicText,
  closeAlert,
  getAlert,
} from './ew-api.ts';
import { AlertStatusTag, alertArea, EwError, FactorList, LevelTag, useDetailPanel } from './ew-ui.tsx';

export function AlertDetailPanel(props: { id: string; version: number; now: Date; onChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const { loaded, done, action, heading, act } = useDetailPanel(getAlert, props);

  const alert = loaded.data;
  if (!alert) {
    return <StandIn error={loaded.error} Error={EwError} />;
  }

  const acknowledgement = alert.actions.find((a) => a.kind === 'diterima');
  const isOpen = alert.status === 'aktif' || alert.status === 'diterima';
  return (
    <section class="op-detail" aria-labelledby="ew-alert-heading">
      <h2 id="ew-alert-heading" tabIndex={-1} ref={heading}>
        {alert.headline}
      </h2>
      <p class="op-tags">
        <LevelTag level={alert.level} /> <AlertStatusTag alert={alert} />{' '}
        {alert.handlingLevel !== 'kabkota' && (
          <span class="op-tag op-tag-danger">
            {t('ew.alert.escalatedTo', { level: levelLabel(t, alert.handlingLevel) })}
          </span>
        )}
      </p>
      <AckDue label={t('ew.alert.ackDue')} record={alert} now={props.now} />
      <dl class="op-facts">
        <Fact label={t('ew.alert.area')}>{alertArea(alert, t)}</Fact>
        <Fact label={t('ew.alert.raised')}>
          {wib(alert.createdAt, lang)} · {t(`ew.alert.source.${alert.source}` as MessageKey)}
        </Fact>
        <Fact label={t('ew.alert.acknowledgement')}>
          {alert.acknowledgedAt
            ? t('ew.alert.acknowledgedBy', {
                name: acknowledgement?.actorName ?? '—',
                when: wib(alert.acknowledgedAt, lang),
              })
            : t('ew.alert.notAcknowledged')}
        </Fact>
        <Fact label={t('ew.alert.acknowledgers')}>
          {alert.acknowledgers.length > 0
            ? alert.acknowledgers.map((a) => a.displayName).join(', ')
            : t('ew.alert.noAcknowledgers')}
        </Fact>
        {alert.closedAt && (
          <Fact label={t('ew.alert.closed')}>
            {wib(alert.closedAt, lang)}: {alert.closingNote}
          </Fact>
        )}
      </dl>
      {alert.description && <p class="op-description">{alert.description}</p>}
      {alert.factors.length > 0 && (
        <>
          <h3>{t('ew.alert.factors')}</h3>
          <FactorList factors={alert.factors} />
        </>
      )}
      <p class="ew-links">
        <a href={alert.capUrl} type="application/cap+xml">
          {t('ew.alert.cap')}
        </a>
        {alert.publicApprovedAt && (
          <>
            {' · '}
            <a href={`${alert.capUrl}?variant=public`} type="application/cap+xml">
              {t('ew.alert.capPublic')}
            </a>
          </>
        )}
      </p>

      <DoneNotice message={done} />
      <EwError error={action.error} />

      {alert.allowed.acknowledge && (
        <div class="op-actions">
          <ActionButton
            label={t('ew.alert.acknowledge')}
            isBusy={action.isBusy}
            onClick={() => act(() => acknowledgeAlert(alert.id), t('ew.alert.acknowledgedDone'))}
          />
        </div>
      )}
      {alert.allowed.act && (
        <ActionForm
          isBusy={action.isBusy}
          onSubmit={(body) => act(() => addAlertAction(alert.id, body), t('ew.action.done'))}
        />
      )}
      {alert.allowed.close && (
        <CloseForm
          isBusy={action.isBusy}
          onSubmit={(note) => act(() => closeAlert(alert.id, note), t('ew.close.done'))}
        />
      )}
      {isOpen && (alert.allowed.act || alert.allowed.close) && (
        <PublicTextForm
          alert={alert}
          isBusy={action.isBusy}
          onSubmit={(body) => act(() => approvePublicText(alert.id, body), t('ew.public.done'))}
        />
      )}

      <h3>{t('ew.alert.log')}</h3>
      {alert.actions.length === 0 ? (
        <p>{t('ew.alert.logEmpty')}</p>
      ) : (
        <ol class="op-timeline">
          {alert.actions.map((entry) => (
            <TimelineEntry key={entry.id} at={entry.at} who={entry.actorName}>
              {t(`ew.action.kind.${entry.kind}` as MessageKey)}: {entry.action}
            </TimelineEntry>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Records a response action, optionally tied to a case the viewer handles. */
function ActionForm(props: {
  isBusy: boolean;
  onSubmit: (body: { action: string; caseId?: string }) => Promise<boolean>;
}) {
  const t = useT();
  const { draft, set, field, isTooShort, reset } = useDraft(
    { text: '', caseId: '' },
    { text: EW_TEXT.alertAction },
  );
  const cases = useLoad(() => listCases({ open: true, limit: 100 }).then((r) => r.items), []);
  async function submit(event: Event) {
    event.preventDefault();
    if (await props.onSubmit({ action: draft.text.trim(), caseId: draft.caseId || undefined })) reset();
  }
  return (
    <form class="op-form ew-subform" aria-labelledby="ew-action-heading" onSubmit={submit}>
      <h3 id="ew-action-heading">{t('ew.action.heading')}</h3>
      <TextAreaField
        id="ew-action-text"
        label={t('ew.action.text')}
        hint={t('ew.action.hint')}
        required
        rows={3}
        {...field('text')}
      />
      {(cases.data?.length ?? 0) > 0 && (
        <SelectField
          id="ew-action-case"
          label={t('ew.action.case')}
          value={draft.caseId}
          onChange={(id) => set('caseId', id)}
          options={[
            { value: '', label: t('ew.action.noCase') },
            ...(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.title} — ${c.regionName}` })),
          ]}
        />
      )}
      <FormSubmit label={t('ew.action.submit')} disabled={props.isBusy || isTooShort} isSecondary />
    </form>
  );
}

/** Closes an acknowledged alert with a note on how it was answered. */
function CloseForm(props: { isBusy: boolean; onSubmit: (note: string) => Promise<boolean> }) {
  const t = useT();
  const { draft, field, isTooShort, reset } = useDraft({ note: '' }, { note: EW_TEXT.alertCloseNote });
  return (
    <form
      class="op-form ew-subform"
      aria-labelledby="ew-close-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await props.onSubmit(draft.note.trim())) reset();
      }}
    >
      <h3 id="ew-close-heading">{t('ew.close.heading')}</h3>
      <TextAreaField id="ew-close-note" label={t('ew.close.note')} required rows={3} {...field('note')} />
      <FormSubmit label={t('ew.close.submit')} disabled={props.isBusy || isTooShort} isSecondary />
    </form>
  );
}

/** The text of the public CAP variant; without an approved text there is no public variant. */
function PublicTextForm(props: {
  alert: AlertDetail;
  isBusy: boolean;
  onSubmit: (body: { headline: string; description: string }) => Promise<boolean>;
}) {
  const t = useT();
  const { draft, field, isTooShort } = useDraft(
    { headline: props.alert.publicHeadline ?? '', description: props.alert.publicDescription ?? '' },
    { headline: EW_TEXT.publicHeadline, description: EW_TEXT.publicDescription },
  );
  return (
    <details class="ew-details">
      <summary>{t(props.alert.publicApprovedAt ? 'ew.public.change' : 'ew.public.heading')}</summary>
      <form
        class="op-form ew-subform"
        aria-label={t(props.alert.publicApprovedAt ? 'ew.public.change' : 'ew.public.heading')}
        onSubmit={(event) => {
          event.preventDefault();
          void props.onSubmit({ headline: draft.headline.trim(), description: draft.description.trim() });
        }}
      >
        <p class="hint">{t('ew.public.hint')}</p>
        <InputField id="ew-public-headline" label={t('ew.public.headline')} required {...field('headline')} />
        <TextAreaField
          id="ew-public-description"
          label={t('ew.public.description')}
          required
          rows={3}
          {...field('description')}
        />
        <FormSubmit label={t('ew.public.submit')} disabled={props.isBusy || isTooShort} isSecondary />
      </form>
    </details>
  );
}
