// One event of the calendar: when, where, who; the kecamatan on its route with their level, the rival groups
// present and the reports naming them; the pre-event risk checklist; the review once it has started.
import { useEffect, useRef, useState } from 'preact/hooks';
import { EW_TEXT } from '../../shared/early-warning/text-lengths.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import { useDraft } from '../draft.ts';
import { CheckField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { DoneNotice, FormSubmit, num, StandIn, Tag, useNow, useRecord, wib } from '../operator/ui.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import { ItemsTable } from '../ui/DataTable.tsx';
import { Fact } from '../ui/Fact.tsx';
import { cancelEvent, type EventDetail, getEvent, saveChecklist, saveReview } from './ew-api.ts';
import { CrowdField, EwError, LevelTag } from './ew-ui.tsx';

export function EventStatusTag(props: { status: string }) {
  const t = useT();
  const tone = props.status === 'terjadwal' ? 'warn' : props.status === 'selesai' ? 'ok' : 'muted';
  return <Tag tone={tone}>{t(`ew.eventStatus.${props.status}` as MessageKey)}</Tag>;
}

export function EventDetailPanel(props: { id: string; onChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const {
    loaded,
    record: event,
    action,
    done,
    act,
  } = useRecord(() => getEvent(props.id), [props.id], props.onChanged);
  const [isCancelling, setCancelling] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.id, Boolean(event)]);

  if (!event) {
    return <StandIn error={loaded.error} Error={EwError} />;
  }

  const hasStarted = new Date(event.startsAt) <= now;
  return (
    <section class="op-detail" aria-labelledby="ew-event-heading">
      <h2 id="ew-event-heading" tabIndex={-1} ref={heading} data-user-text>
        {event.title}
      </h2>
      <p class="op-tags">
        <Tag>{t(`ew.eventKind.${event.kind}` as MessageKey)}</Tag> <EventStatusTag status={event.status} />
      </p>
      <dl class="op-facts">
        <Fact label={t('ew.event.startsAt')}>{wib(event.startsAt, lang)}</Fact>
        <Fact label={t('ew.event.endsAt')}>{event.endsAt ? wib(event.endsAt, lang) : '—'}</Fact>
        <Fact label={t('ew.event.region')}>{event.regionName}</Fact>
        <Fact label={t('ew.event.crowd')}>
          {event.expectedCrowd === null ? '—' : num(event.expectedCrowd, lang)}
        </Fact>
        <Fact label={t('ew.event.groups')}>{event.groups.map((g) => g.shortName).join(', ') || '—'}</Fact>
      </dl>
      {event.description && <p class="op-description">{event.description}</p>}
      <DoneNotice message={done} />
      <EwError error={action.error} />

      <h3>{t('ew.event.routeHeading')}</h3>
      <ItemsTable
        caption={t('ew.event.routeHeading')}
        columns={[
          t('ew.region.kecamatan'),
          t('ew.levels.col.level'),
          t('ew.event.rivalsPresent'),
          t('ew.event.rivalReports'),
        ]}
        items={event.route}
        empty={t('ew.event.routeEmpty')}
        row={(stop) => (
          <tr key={stop.regionCode}>
            <th scope="row">{stop.regionName}</th>
            <td>
              <LevelTag level={stop.level} />
            </td>
            <td>{stop.rivalsPresent.join(', ') || '—'}</td>
            <td>
              {num(stop.rivalReports, lang)}
              {stop.lastRivalReportAt &&
                ` (${t('ew.event.lastReport', { when: wib(stop.lastRivalReportAt, lang) })})`}
            </td>
          </tr>
        )}
      />

      <ChecklistForm
        key={event.version}
        event={event}
        isBusy={action.isBusy}
        onSave={(items) =>
          act(() => saveChecklist(event.id, { version: event.version, items }), t('ew.checklist.saved'))
        }
      />

      <h3>{t('ew.review.heading')}</h3>
      {event.review && (
        <dl class="op-facts">
          <Fact label={t('ew.review.summary')}>{event.review.summary}</Fact>
          <Fact label={t('ew.review.hadIncident')}>
            {t(event.review.hadIncident ? 'ew.review.yes' : 'ew.review.no')}
          </Fact>
          <Fact label={t('ew.review.actualCrowd')}>
            {event.review.actualCrowd === undefined ? '—' : num(event.review.actualCrowd, lang)}
          </Fact>
          <Fact label={t('ew.review.lessons')}>{event.review.lessons || '—'}</Fact>
        </dl>
      )}
      {event.status === 'dibatalkan' ? (
        <p>{t('ew.review.cancelled')}</p>
      ) : hasStarted ? (
        <ReviewForm
          event={event}
          isBusy={action.isBusy}
          onSave={(body) => act(() => saveReview(event.id, body), t('ew.review.saved'))}
        />
      ) : (
        <p>{t('ew.review.notYet')}</p>
      )}

      {event.status === 'terjadwal' && (
        <div class="op-actions">
          {!isCancelling ? (
            <button type="button" class="button op-button-secondary" onClick={() => setCancelling(true)}>
              {t('ew.event.cancel')}
            </button>
          ) : (
            <>
              <ActionButton
                label={t('ew.event.cancelConfirm')}
                isBusy={action.isBusy}
                onClick={async () => {
                  if (await act(() => cancelEvent(event.id), t('ew.event.cancelled'))) setCancelling(false);
                }}
              />
              <button type="button" class="button op-button-secondary" onClick={() => setCancelling(false)}>
                {t('ew.event.keep')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** The eight risk items to tick before the event; saved from the version the user saw. */
function ChecklistForm(props: {
  event: EventDetail;
  isBusy: boolean;
  onSave: (items: { key: EventDetail['checklist'][number]['key']; isDone: boolean; note: string }[]) => void;
}) {
  const t = useT();
  const [items, setItems] = useState(() => props.event.checklist.map((i) => ({ ...i })));
  const isEditable = props.event.status === 'terjadwal';
  const done = items.filter((i) => i.isDone).length;
  return (
    <form
      class="op-form ew-subform"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(items.map((i) => ({ key: i.key, isDone: i.isDone, note: i.note })));
      }}
    >
      <fieldset class="ew-fieldset" disabled={!isEditable}>
        <legend>{t('ew.checklist.heading', { done, total: items.length })}</legend>
        <ul class="ew-checklist">
          {items.map((item, index) => (
            <li key={item.key}>
              <label class="op-check">
                <input
                  type="checkbox"
                  checked={item.isDone}
                  onChange={(e) => {
                    const isDone = (e.currentTarget as HTMLInputElement).checked;
                    setItems((current) => current.map((c, i) => (i === index ? { ...c, isDone } : c)));
                  }}
                />
                {t(`ew.checklist.${item.key}` as MessageKey)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {isEditable ? (
        <FormSubmit label={t('ew.checklist.save')} disabled={props.isBusy} isSecondary />
      ) : (
        <p class="hint">{t('ew.checklist.closed')}</p>
      )}
    </form>
  );
}

/** What happened: a summary, whether there was an incident, the crowd and the lessons. */
function ReviewForm(props: {
  event: EventDetail;
  isBusy: boolean;
  onSave: (body: {
    summary: string;
    actualCrowd?: number;
    hadIncident: boolean;
    incidentReportIds: string[];
    lessons: string;
  }) => void;
}) {
  const t = useT();
  const review = props.event.review;
  const { draft, set, field, isTooShort } = useDraft(
    {
      summary: review?.summary ?? '',
      crowd: review?.actualCrowd === undefined ? '' : String(review.actualCrowd),
      hadIncident: review?.hadIncident ?? false,
      lessons: review?.lessons ?? '',
    },
    { summary: EW_TEXT.reviewSummary, lessons: EW_TEXT.reviewLessons },
  );
  return (
    <form
      class="op-form ew-subform"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave({
          summary: draft.summary.trim(),
          actualCrowd: draft.crowd ? Number(draft.crowd) : undefined,
          hadIncident: draft.hadIncident,
          incidentReportIds: review?.incidentReportIds ?? [],
          lessons: draft.lessons.trim(),
        });
      }}
    >
      <TextAreaField
        id="ew-review-summary"
        label={t('ew.review.summary')}
        required
        rows={3}
        {...field('summary')}
      />
      <CrowdField id="ew-review-crowd" label={t('ew.review.actualCrowd')} {...field('crowd')} />
      <CheckField
        label={t('ew.review.hadIncident')}
        checked={draft.hadIncident}
        onChange={(checked) => set('hadIncident', checked)}
      />
      <TextAreaField id="ew-review-lessons" label={t('ew.review.lessons')} rows={3} {...field('lessons')} />
      <FormSubmit
        label={t(review ? 'ew.review.update' : 'ew.review.save')}
        disabled={props.isBusy || isTooShort}
        isSecondary
      />
    </form>
  );
}
