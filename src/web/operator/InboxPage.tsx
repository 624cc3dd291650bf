// Kotak masuk: new reports by priority with their reasons, duplicates side by side, and what to do with each.
import { useState } from 'preact/hooks';
import { can } from '../../shared/permissions/index.ts';
import { describeReason } from '../../shared/reports/triage.ts';
import type { ApiError } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { navigate } from '../router.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import { ListItemButton, ListState, LiveLine, SplitView } from '../ui/ListView.tsx';
import { Section } from '../ui/Section.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { conflictTypeLabel, kindLabel, levelLabel } from './labels.ts';
import { type LiveEvent, useCoalesced, useLiveEvents } from './live.ts';
import { casePath, type OperatorPageProps } from './OperatorPage.tsx';
import { listReports, openCase, type Report } from './operator-api.ts';
import { ReportDetail } from './ReportDetail.tsx';
import { ErrorNotice, num, PriorityTag, useAction, useLoad, useNow, wib } from './ui.tsx';

const REPORT_EVENTS = ['report.created', 'report.updated', 'report.escalated'];

/** The inbox of operators, coordinators and the province. */
export function InboxPage(props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const fresh = useLoad(() => listReports({ status: 'baru', limit: 100 }).then((r) => r.items), []);
  const verified = useLoad(
    () => listReports({ status: 'terverifikasi', limit: 100 }).then((r) => r.items.filter((x) => !x.caseId)),
    [],
  );
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const [version, setVersion] = useState(0);
  // Several events often arrive together (intake, then the duplicate check): reload once.
  const reloadAll = useCoalesced(() => {
    fresh.reload();
    verified.reload();
    setVersion((v) => v + 1);
  });

  const live = useLiveEvents(
    REPORT_EVENTS,
    (event: LiveEvent) => {
      if (event.type === 'report.created') {
        setAnnouncement(t('op.inbox.newArrived', { priority: String(event.summary?.priority ?? '') }));
      } else if (event.type === 'report.escalated') {
        setAnnouncement(
          t('op.inbox.escalated', {
            level: levelLabel(t, String(event.summary?.handlingLevel ?? 'bakorwil')),
          }),
        );
      }
      reloadAll();
    },
    reloadAll,
  );

  function select(id: string) {
    setSelectedId(id);
  }

  const items = fresh.data ?? [];
  return (
    <div class="op-wide">
      <p class="lead">{t('op.inbox.lead')}</p>
      <ExportPanel kind="reports" role={props.me.role} filters={{}} />
      <LiveLine status={live} announcement={announcement} />
      <SplitView
        list={
          <div class="op-split-list">
            <Section id="inbox-new" heading={t('op.inbox.newHeading', { count: num(items.length, lang) })}>
              <ErrorNotice error={fresh.error} />
              <ListState loaded={fresh} count={items.length} empty={t('op.inbox.empty')} />
              <ul class="op-report-list">
                {items.map((report) => (
                  <ReportItem
                    key={report.id}
                    report={report}
                    now={now}
                    isSelected={report.id === selectedId}
                    onSelect={() => select(report.id)}
                  />
                ))}
              </ul>
            </Section>
            <VerifiedList
              reports={verified.data}
              error={verified.error}
              selectedId={selectedId}
              onSelect={select}
              now={now}
            />
          </div>
        }
        detail={
          selectedId && (
            <ReportDetail
              key={selectedId}
              canReply={can(props.me.role, 'channel.reply')}
              id={selectedId}
              version={version}
              now={now}
              onChanged={() => {
                fresh.reload();
                verified.reload();
              }}
            />
          )
        }
        placeholder={t('op.inbox.choose')}
      />
    </div>
  );
}

function ReportItem(props: { report: Report; now: Date; isSelected: boolean; onSelect: () => void }) {
  return (
    <li class={`op-report-item op-edge-${props.report.priority.toLowerCase()}`}>
      <ReportButton {...props} />
    </li>
  );
}

/** A report in the list: the whole summary is one button that opens it beside the list. */
function ReportButton(props: { report: Report; now: Date; isSelected: boolean; onSelect: () => void }) {
  const { report } = props;
  const t = useT();
  const lang = useLang();
  const isLate = !report.acknowledgedAt && new Date(report.dueAcknowledgeAt) < props.now;
  return (
    <ListItemButton
      isSelected={props.isSelected}
      onSelect={props.onSelect}
      tag={<PriorityTag priority={report.priority} />}
      title={`${kindLabel(t, report.kind)} · ${conflictTypeLabel(t, report.conflictType)} — ${report.regionName}`}
    >
      <span class="op-report-reasons">
        {report.priorityReasons.map((reason) => describeReason(reason, lang)).join(' · ')}
      </span>
      <span class="op-report-meta">
        {t('op.report.received', { when: wib(report.createdAt, lang) })}
        {report.acknowledgedAt ? ` · ${t('op.report.acknowledged')}` : ''}
        {isLate ? ` · ${t('op.report.ackLate')}` : ''}
        {report.handlingLevel !== 'kabkota'
          ? ` · ${t('op.report.escalatedTo', { level: levelLabel(t, report.handlingLevel) })}`
          : ''}
      </span>
    </ListItemButton>
  );
}

/** Verified reports not yet in a case: open one case from several, or open each on its own. */
function VerifiedList(props: {
  reports: Report[] | undefined;
  error: ApiError | undefined;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  now: Date;
}) {
  const t = useT();
  const lang = useLang();
  const [chosen, setChosen] = useState<string[]>([]);
  const action = useAction();
  const reports = props.reports ?? [];
  const stillChosen = chosen.filter((id) => reports.some((r) => r.id === id));

  async function openFromChosen() {
    let created: { id: string } | undefined;
    const ok = await action.run(async () => {
      created = await openCase(stillChosen);
    });
    if (ok && created) navigate(casePath(created.id));
  }

  return (
    <Section
      id="inbox-verified"
      heading={t('op.inbox.verifiedHeading', { count: num(reports.length, lang) })}
    >
      <ErrorNotice error={props.error} />
      {props.reports && reports.length === 0 && <p>{t('op.inbox.verifiedEmpty')}</p>}
      <ul class="op-report-list">
        {reports.map((report) => (
          <li
            key={report.id}
            class={`op-report-item op-verified-row op-edge-${report.priority.toLowerCase()}`}
          >
            <input
              type="checkbox"
              id={`pick-${report.id}`}
              checked={stillChosen.includes(report.id)}
              onChange={(event) =>
                setChosen((current) =>
                  (event.currentTarget as HTMLInputElement).checked
                    ? [...current, report.id]
                    : current.filter((id) => id !== report.id),
                )
              }
            />
            <label for={`pick-${report.id}`} class="visually-hidden">
              {t('op.inbox.pick', {
                report: `${conflictTypeLabel(t, report.conflictType)} — ${report.regionName}`,
              })}
            </label>
            <ReportButton
              report={report}
              now={props.now}
              isSelected={report.id === props.selectedId}
              onSelect={() => props.onSelect(report.id)}
            />
          </li>
        ))}
      </ul>
      {reports.length > 0 && (
        <div class="op-actions">
          <ActionButton
            label={t('op.inbox.openFromChosen', { count: num(stillChosen.length, lang) })}
            isBusy={action.isBusy}
            disabled={stillChosen.length === 0}
            onClick={openFromChosen}
          />
        </div>
      )}
      <ErrorNotice error={action.error} />
    </Section>
  );
}
