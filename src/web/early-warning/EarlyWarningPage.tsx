// Peringatan dini: five views in tabs — the level of each region, the alerts to acknowledge and answer, the
// register of actor groups, the calendar of risky gatherings and the level model's settings. The open tab is
// kept in the address (#…).
import { useEffect, useState } from 'preact/hooks';
import { useLang, useT } from '../lang.ts';
import type { OperatorPageProps } from '../operator/OperatorPage.tsx';
import { Loading, num, useLoad } from '../operator/ui.tsx';
import { AlertsView } from './AlertsView.tsx';
import { CalendarView } from './CalendarView.tsx';
import { listAlerts } from './ew-api.ts';
import { TabPanel, Tabs } from './ew-ui.tsx';
import { GroupsView } from './GroupsView.tsx';
import { LevelsView } from './LevelsView.tsx';
import { ModelSettingsView } from './ModelSettingsView.tsx';

const VIEWS = ['status', 'peringatan', 'kelompok', 'kalender', 'model'] as const;
type View = (typeof VIEWS)[number];

function viewOfHash(): View {
  const hash = location.hash.replace(/^#/, '');
  return (VIEWS as readonly string[]).includes(hash) ? (hash as View) : 'status';
}

/** The early-warning page of operators, coordinators and the province. */
export function EarlyWarningPage(props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const [view, setView] = useState<View>(viewOfHash);
  const [openAlerts, setOpenAlerts] = useState<number | undefined>();
  // The tab names how many alerts are open before it is opened; the alerts view keeps it current.
  const initialOpen = useLoad(() => listAlerts({ open: true, limit: 200 }).then((r) => r.items.length), []);
  const openCount = openAlerts ?? initialOpen.data;

  useEffect(() => {
    const onHash = () => setView(viewOfHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  function select(next: View) {
    setView(next);
    history.replaceState(history.state, '', `${location.pathname}#${next}`);
  }

  const tabs = [
    { key: 'status' as const, label: t('ew.tab.status') },
    {
      key: 'peringatan' as const,
      label:
        openCount === undefined
          ? t('ew.tab.alerts')
          : t('ew.tab.alertsOpen', { count: num(openCount, lang) }),
    },
    { key: 'kelompok' as const, label: t('ew.tab.groups') },
    { key: 'kalender' as const, label: t('ew.tab.calendar') },
    { key: 'model' as const, label: t('ew.tab.model') },
  ];

  // The tabs come once the alerts tab's count is known (or could not be), with their final widths: a label that
  // grew under the pointer moved the tabs after it, and a click meant for one of them could be lost.
  const isCounting = openCount === undefined && initialOpen.isLoading;

  return (
    <div class="op-wide ew-page">
      <p class="lead">{t('purpose.peringatanDini')}</p>
      {isCounting ? (
        <Loading />
      ) : (
        <>
          <Tabs label={t('ew.tab.label')} idPrefix="ew" tabs={tabs} current={view} onSelect={select} />
          <TabPanel idPrefix="ew" tabKey={view}>
            {view === 'status' && <LevelsView me={props.me} />}
            {view === 'peringatan' && <AlertsView me={props.me} onOpenCount={setOpenAlerts} />}
            {view === 'kelompok' && <GroupsView me={props.me} />}
            {view === 'kalender' && <CalendarView me={props.me} />}
            {view === 'model' && <ModelSettingsView me={props.me} />}
          </TabPanel>
        </>
      )}
    </div>
  );
}
