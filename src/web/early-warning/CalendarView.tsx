// Kalender: the recurring risky dates (malam 1 Suro, the month of Suro, Idul Fitri) and the one-off events in a
// range, with their route; entering an event; one event beside the list with its checklist and review; the
// admin's corrections of the computed dates.

import { useState } from 'preact/hooks';
import { EW_TEXT } from '../../shared/early-warning/text-lengths.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import { can } from '../../shared/permissions/index.ts';
import { kabkotaOf } from '../../shared/region-codes.ts';
import { wibInputToIso } from '../../shared/time.ts';
import type { SignedInUser } from '../api.ts';
import { useDraft } from '../draft.ts';
import { CheckList, DateTimeField, InputField, SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { num, Tag, useFormSend, useLoad, wib, wibDay, wibInputIn } from '../operator/ui.tsx';
import { ListItemButton, OpensInPlace, SplitList, SplitView } from '../ui/ListView.tsx';
import { SmallButton } from '../ui/SmallButton.tsx';
import { CalendarCorrections } from './CalendarCorrections.tsx';
import { EventDetailPanel, EventStatusTag } from './EventDetail.tsx';
import {
  type CalendarEvent,
  createEvent,
  EVENT_KINDS,
  type EventKind,
  getCalendar,
  listGroups,
} from './ew-api.ts';
import { CrowdField, EwError, FormBox, formatDay, RegionPicker, regionChildren } from './ew-ui.tsx';

/** Roles the API lets correct the computed dates of 1 Suro and Idul Fitri. */

export function CalendarView(props: { me: SignedInUser }) {
  const t = useT();
  const lang = useLang();
  // From today to a year ahead, so the next 1 Suro and Idul Fitri are always in view.
  const { draft: range, field } = useDraft({ from: wibDay(0), to: wibDay(365) });
  const { from, to } = range;
  const calendar = useLoad(() => getCalendar({ from, to }), [from, to]);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const events = calendar.data?.events ?? [];
  const recurring = calendar.data?.recurring ?? [];

  return (
    <div>
      <form class="op-form op-filters" onSubmit={(event) => event.preventDefault()}>
        <InputField id="ew-cal-from" label={t('ew.calendar.from')} max={to} type="date" {...field('from')} />
        <InputField id="ew-cal-to" label={t('ew.calendar.to')} min={from} type="date" {...field('to')} />
      </form>
      <EwError error={calendar.error} />
      <section aria-labelledby="ew-recurring-heading">
        <h2 id="ew-recurring-heading">{t('ew.calendar.recurringHeading')}</h2>
        <p class="hint">{t('ew.calendar.recurringHint')}</p>
        {calendar.data && recurring.length === 0 && <p>{t('ew.calendar.recurringEmpty')}</p>}
        <ul class="op-plain-list">
          {recurring.map((r) => (
            <li key={`${r.key}-${r.hijriYear}`}>
              <strong>{lang === 'id' ? r.title : r.titleEn}</strong> —{' '}
              {r.startDay === r.endDay
                ? formatDay(r.startDay, lang)
                : `${formatDay(r.startDay, lang)} – ${formatDay(r.endDay, lang)}`}
              {r.isOverridden && (
                <span class="ew-muted">
                  {' '}
                  ({t('ew.calendar.overridden', { computed: formatDay(r.computedAnchorDay, lang) })})
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      {calendar.data && can(props.me.role, 'calendar.correct') && (
        <CalendarCorrections recurring={recurring} onChanged={() => calendar.reload()} />
      )}
      <OpensInPlace
        label={t('ew.event.add')}
        controls="ew-event-add"
        form={(close) => (
          <AddEventForm
            me={props.me}
            onAdded={(event) => {
              close();
              calendar.reload();
              setSelectedId(event.id);
            }}
            onCancel={close}
          />
        )}
      />
      <SplitView
        list={
          <SplitList
            id="ew-events-heading"
            heading={t('ew.calendar.eventsHeading', { count: num(events.length, lang) })}
            loaded={calendar}
            items={events}
            empty={t('ew.calendar.eventsEmpty')}
            selectedId={selectedId}
            onSelect={setSelectedId}
            item={(event, selection) => <EventButton event={event} {...selection} />}
          />
        }
        detail={
          selectedId && (
            <EventDetailPanel key={selectedId} id={selectedId} onChanged={() => calendar.reload()} />
          )
        }
        placeholder={t('ew.calendar.choose')}
      />
    </div>
  );
}

function EventButton(props: { event: CalendarEvent; isSelected: boolean; onSelect: () => void }) {
  const { event } = props;
  const t = useT();
  const lang = useLang();
  return (
    <ListItemButton
      isSelected={props.isSelected}
      onSelect={props.onSelect}
      tag={<Tag>{t(`ew.eventKind.${event.kind}` as MessageKey)}</Tag>}
      title={event.title}
      isUserText
    >
      <span class="op-report-meta">
        {wib(event.startsAt, lang)} · {event.regionName} ·{' '}
        {t('ew.event.routeCount', { count: num(event.routeRegionCodes.length, lang) })} ·{' '}
        {t('ew.event.checklistCount', { done: event.checklistDone, total: event.checklist.length })} ·{' '}
        <EventStatusTag status={event.status} />
      </span>
    </ListItemButton>
  );
}

/** Enters a one-off gathering: where, when, who, how many, and the kecamatan on its route. */
function AddEventForm(props: {
  me: SignedInUser;
  onAdded: (event: { id: string }) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const groups = useLoad(() => listGroups({}).then((r) => r.items), []);
  const { draft, set, field, isTooShort } = useDraft(
    {
      kind: 'konvoi' as EventKind,
      title: '',
      description: '',
      startsAt: wibInputIn(24 * 7),
      endsAt: '',
      crowd: '',
    },
    { title: EW_TEXT.eventTitle, description: EW_TEXT.eventDescription },
  );
  const { startsAt, endsAt } = draft;
  const [regionCode, setRegionCode] = useState('');
  const [route, setRoute] = useState<{ code: string; name: string }[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const action = useFormSend(
    () =>
      createEvent({
        kind: draft.kind,
        title: draft.title.trim(),
        description: draft.description.trim(),
        startsAt: wibInputToIso(startsAt) ?? startsAt,
        endsAt: endsAt ? wibInputToIso(endsAt) : undefined,
        regionCode,
        routeRegionCodes: route.map((r) => r.code),
        expectedCrowd: draft.crowd ? Number(draft.crowd) : undefined,
        groupIds,
      }),
    props.onAdded,
  );

  return (
    <FormBox
      id="ew-event-add"
      idPrefix="ew-event-add"
      heading={t('ew.event.addHeading')}
      onSubmit={action.submit}
      error={action.error ?? groups.error}
      submitLabel={t('ew.event.submit')}
      isSubmitOff={action.isBusy || !regionCode || isTooShort || !startsAt}
      onCancel={props.onCancel}
    >
      <div class="op-grid-form">
        <SelectField
          id="ew-event-kind"
          label={t('ew.event.kind')}
          value={draft.kind}
          onChange={(value) => set('kind', value as EventKind)}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`ew.eventKind.${k}` as MessageKey) }))}
        />
        <InputField id="ew-event-title" label={t('ew.event.title')} required {...field('title')} />
        <DateTimeField id="ew-event-starts" label={t('ew.event.startsAt')} required {...field('startsAt')} />
        <DateTimeField id="ew-event-ends" label={t('ew.event.endsAt')} min={startsAt} {...field('endsAt')} />
        <CrowdField id="ew-event-crowd" label={t('ew.event.crowd')} {...field('crowd')} />
      </div>
      <TextAreaField
        id="ew-event-description"
        label={t('ew.event.description')}
        rows={3}
        {...field('description')}
      />
      <RegionPicker
        id="ew-event-region"
        legend={t('ew.event.region')}
        me={props.me}
        value={regionCode}
        onChange={setRegionCode}
        kecamatan="optional"
      />
      <RoutePicker route={route} onChange={setRoute} startKabkota={kabkotaOf(regionCode) ?? ''} />
      <fieldset class="op-radios">
        <legend>{t('ew.event.groups')}</legend>
        {groups.data?.length === 0 && <p>{t('ew.event.noGroups')}</p>}
        <CheckList
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.shortName }))}
          selected={groupIds}
          onChange={setGroupIds}
        />
      </fieldset>
    </FormBox>
  );
}

/** The kecamatan on an event's route, in order; the route may cross into other kab/kota. */
function RoutePicker(props: {
  route: { code: string; name: string }[];
  onChange: (route: { code: string; name: string }[]) => void;
  startKabkota: string;
}) {
  const t = useT();
  const allKabkota = useLoad(() => regionChildren('35'), []);
  const [kabkota, setKabkota] = useState('');
  const shownKabkota = kabkota || props.startKabkota;
  const kecamatan = useLoad(
    () => (shownKabkota ? regionChildren(shownKabkota) : Promise.resolve([])),
    [shownKabkota],
  );
  const chosen = new Set(props.route.map((r) => r.code));
  const toggle = (code: string, name: string, isOn: boolean) =>
    props.onChange(isOn ? [...props.route, { code, name }] : props.route.filter((r) => r.code !== code));

  return (
    <fieldset class="ew-fieldset">
      <legend>{t('ew.event.route')}</legend>
      <p class="hint">{t('ew.event.routeHint')}</p>
      {props.route.length > 0 && (
        <ol class="op-chip-list ew-route-chosen">
          {props.route.map((r) => (
            <li key={r.code}>
              {r.name}
              <SmallButton onClick={() => toggle(r.code, r.name, false)}>
                {t('ew.event.routeRemove', { name: r.name })}
              </SmallButton>
            </li>
          ))}
        </ol>
      )}
      <SelectField
        id="ew-route-kabkota"
        label={t('ew.event.routeKabkota')}
        value={shownKabkota}
        onChange={setKabkota}
        options={[
          { value: '', label: t('ew.region.choose') },
          ...(allKabkota.data ?? []).map((r) => ({ value: r.code, label: r.name })),
        ]}
      />
      {(kecamatan.data?.length ?? 0) > 0 && (
        <div class="ew-checkgrid">
          {kecamatan.data?.map((r) => (
            <label key={r.code} class="op-check">
              <input
                type="checkbox"
                checked={chosen.has(r.code)}
                onChange={(e) => toggle(r.code, r.name, (e.currentTarget as HTMLInputElement).checked)}
              />
              {r.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
