// Peringatan: the alerts in the user's scope, open ones first, live; raising one by hand (koordinator,
// provinsi, admin); each alert beside the list with its acknowledgement, response and closing.

import { useEffect, useState } from 'preact/hooks';
import { ALERT_LEVELS, levelRank } from '../../shared/early-warning/levels.ts';
import { EW_TEXT } from '../../shared/early-warning/text-lengths.ts';
import { can } from '../../shared/permissions/index.ts';
import type { SignedInUser } from '../api.ts';
import { useDraft } from '../draft.ts';
import { InputField, RadioField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ExportPanel } from '../operator/ExportPanel.tsx';
import { levelLabel } from '../operator/labels.ts';
import { type LiveEvent, useCoalesced, useLiveEvents } from '../operator/live.ts';
import { num, useFormSend, useLoad, useNow, wib } from '../operator/ui.tsx';
import { ListItemButton, LiveLine, OpensInPlace, SplitList, SplitView } from '../ui/ListView.tsx';
import { AlertDetailPanel } from './AlertDetail.tsx';
import { ALERT_FEED_URL, type AlertLevel, type AlertView, listAlerts, raiseAlert } from './ew-api.ts';
import { AlertStatusTag, alertArea, EwError, FormBox, LevelTag, RegionPicker } from './ew-ui.tsx';

const ALERT_EVENTS = [
  'alert.raised',
  'alert.acknowledged',
  'alert.updated',
  'alert.escalated',
  'alert.closed',
];
const STATUS_ORDER = ['aktif', 'diterima', 'ditutup', 'diganti'];

/** Open alerts first (waiting before acknowledged), then the highest level, then the newest. */
export function sortAlerts(alerts: readonly AlertView[]): AlertView[] {
  return [...alerts].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      levelRank(b.level) - levelRank(a.level) ||
      b.createdAt.localeCompare(a.createdAt),
  );
}

export function AlertsView(props: { me: SignedInUser; onOpenCount?: (n: number) => void }) {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const [isOpenOnly, setOpenOnly] = useState(true);
  const alerts = useLoad(
    () => listAlerts({ open: isOpenOnly, limit: 200 }).then((r) => r.items),
    [isOpenOnly],
  );
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const reloadSoon = useCoalesced(() => {
    alerts.reload();
    setVersion((v) => v + 1);
  });
  const live = useLiveEvents(
    ALERT_EVENTS,
    (event: LiveEvent) => {
      if (event.type === 'alert.raised') setAnnouncement(t('ew.alerts.liveRaised'));
      if (event.type === 'alert.escalated') setAnnouncement(t('ew.alerts.liveEscalated'));
      reloadSoon();
    },
    reloadSoon,
  );

  const items = sortAlerts(alerts.data ?? []);
  const openCount = items.filter((a) => a.status === 'aktif' || a.status === 'diterima').length;
  const { onOpenCount } = props;
  useEffect(() => {
    if (alerts.data && isOpenOnly) onOpenCount?.(openCount);
  }, [alerts.data, isOpenOnly, openCount, onOpenCount]);

  return (
    <div>
      <LiveLine status={live} announcement={announcement} />
      <p>
        <a href={ALERT_FEED_URL} type="application/atom+xml">
          {t('ew.alerts.feed')}
        </a>{' '}
        <span class="ew-muted">{t('ew.alerts.feedHint')}</span>
      </p>
      {can(props.me.role, 'alert.raise') && (
        <OpensInPlace
          label={t('ew.raise.open')}
          controls="ew-raise"
          form={(close) => (
            <RaiseAlertForm
              me={props.me}
              onRaised={(alert) => {
                close();
                setAnnouncement(t('ew.raise.done'));
                alerts.reload();
                setSelectedId(alert.id);
              }}
              onCancel={close}
            />
          )}
        />
      )}
      <SplitView
        list={
          <SplitList
            id="ew-alerts-heading"
            heading={
              isOpenOnly
                ? t('ew.alerts.openHeading', { count: num(openCount, lang) })
                : t('ew.alerts.allHeading', { count: num(items.length, lang) })
            }
            loaded={alerts}
            items={items}
            empty={t('ew.alerts.empty')}
            itemClass={(alert) => `ew-edge-${alert.level}`}
            selectedId={selectedId}
            onSelect={setSelectedId}
            item={(alert, selection) => <AlertButton alert={alert} now={now} {...selection} />}
          >
            <RadioField
              legend={t('ew.alerts.show')}
              name="ew-alert-filter"
              options={[
                { value: 'open', label: t('ew.alerts.showOpen') },
                { value: 'all', label: t('ew.alerts.showAll') },
              ]}
              value={isOpenOnly ? 'open' : 'all'}
              onChange={(shown) => setOpenOnly(shown === 'open')}
            />
            <EwError error={alerts.error} />
          </SplitList>
        }
        detail={
          selectedId && (
            <AlertDetailPanel
              key={selectedId}
              id={selectedId}
              version={version}
              now={now}
              onChanged={() => alerts.reload()}
            />
          )
        }
        placeholder={t('ew.alerts.choose')}
      />
      <ExportPanel kind="alerts" role={props.me.role} filters={{ open: isOpenOnly ? 'true' : undefined }} />
    </div>
  );
}

/** An alert in the list: level, area, headline, when raised and whether someone took it. */
function AlertButton(props: { alert: AlertView; now: Date; isSelected: boolean; onSelect: () => void }) {
  const { alert } = props;
  const t = useT();
  const lang = useLang();
  const isLate = alert.status === 'aktif' && new Date(alert.dueAcknowledgeAt) < props.now;
  return (
    <ListItemButton
      isSelected={props.isSelected}
      onSelect={props.onSelect}
      tag={<LevelTag level={alert.level} />}
      title={alertArea(alert, t)}
    >
      <span>{alert.headline}</span>
      <span class="op-report-meta">
        {t('ew.alert.raisedAt', { when: wib(alert.createdAt, lang) })} · <AlertStatusTag alert={alert} />
        {isLate ? ` · ${t('ew.alert.ackLate')}` : ''}
        {alert.handlingLevel !== 'kabkota'
          ? ` · ${t('ew.alert.escalatedTo', { level: levelLabel(t, alert.handlingLevel) })}`
          : ''}
      </span>
    </ListItemButton>
  );
}

const RAISE_LEVELS: readonly AlertLevel[] = ALERT_LEVELS;

/** Raises an alert by hand for a kab/kota or one of its kecamatan in the user's scope. */
function RaiseAlertForm(props: {
  me: SignedInUser;
  onRaised: (alert: AlertView) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { draft, set, field, isTooShort } = useDraft(
    { regionCode: '', level: 'waspada' as AlertLevel, headline: '', description: '' },
    { headline: EW_TEXT.alertHeadline, description: EW_TEXT.alertDescription },
  );
  const action = useFormSend(
    () =>
      raiseAlert({
        regionCode: draft.regionCode,
        level: draft.level,
        headline: draft.headline.trim(),
        description: draft.description.trim(),
      }),
    props.onRaised,
  );

  return (
    <FormBox
      id="ew-raise"
      idPrefix="ew-raise"
      heading={t('ew.raise.heading')}
      hint={t('ew.raise.hint')}
      onSubmit={action.submit}
      error={action.error}
      submitLabel={t('ew.raise.submit')}
      isSubmitOff={action.isBusy || !draft.regionCode || isTooShort}
      onCancel={props.onCancel}
    >
      <RegionPicker
        id="ew-raise-region"
        legend={t('ew.raise.region')}
        me={props.me}
        value={draft.regionCode}
        onChange={(code) => set('regionCode', code)}
        kecamatan="optional"
      />
      <RadioField
        legend={t('ew.raise.level')}
        name="ew-raise-level"
        options={RAISE_LEVELS.map((l) => ({ value: l, label: <LevelTag level={l} /> }))}
        value={draft.level}
        onChange={(level) => set('level', level)}
      />
      <InputField id="ew-raise-headline" label={t('ew.raise.headline')} required {...field('headline')} />
      <TextAreaField
        id="ew-raise-description"
        label={t('ew.raise.description')}
        rows={4}
        {...field('description')}
      />
    </FormBox>
  );
}
