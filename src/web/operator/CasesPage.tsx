// Kasus: the board of open cases by phase, live, with each case's nearest deadline.
import { useState } from 'preact/hooks';
import { useLang, useT } from '../lang.ts';
import { Link } from '../router.tsx';
import { LiveLine, ToggleButton } from '../ui/ListView.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { conflictTypeLabel, levelLabel, phaseLabel } from './labels.ts';
import { useLiveEvents } from './live.ts';
import { casePath, type OperatorPageProps } from './OperatorPage.tsx';
import { type CaseView, listCases } from './operator-api.ts';
import { Due, ErrorNotice, Loading, num, PriorityTag, Tag, useLoad, useNow } from './ui.tsx';

const OPEN_PHASES = ['pencegahan', 'penghentian', 'pemulihan'] as const;
const CASE_EVENTS = ['case.created', 'case.updated', 'case.escalated'];

/** The case board. */
export function CasesPage(props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const [showClosed, setShowClosed] = useState(false);
  const open = useLoad(() => listCases({ open: true, limit: 200 }).then((r) => r.items), []);
  const closed = useLoad(
    () =>
      showClosed ? listCases({ phase: 'selesai', limit: 50 }).then((r) => r.items) : Promise.resolve([]),
    [showClosed],
  );
  const live = useLiveEvents(CASE_EVENTS, () => open.reload(), open.reload);

  const cases = open.data ?? [];
  return (
    <div class="op-wide">
      <p class="lead">{t('op.cases.lead')}</p>
      <ExportPanel kind="cases" role={props.me.role} filters={{ open: showClosed ? undefined : 'true' }} />
      <LiveLine status={live} />
      <ErrorNotice error={open.error} />
      {!open.data && open.isLoading && <Loading />}
      {open.data && (
        <div class="op-board">
          {OPEN_PHASES.map((phase) => {
            const inPhase = cases.filter((c) => c.phase === phase);
            return (
              <section key={phase} class={`op-column op-column-${phase}`} aria-labelledby={`col-${phase}`}>
                <h2 id={`col-${phase}`}>
                  {phaseLabel(t, phase)} <span class="op-count">({num(inPhase.length, lang)})</span>
                </h2>
                {inPhase.length === 0 ? (
                  <p class="op-empty">{t('op.cases.none')}</p>
                ) : (
                  <ul class="op-case-list">
                    {inPhase.map((c) => (
                      <CaseCard key={c.id} item={c} now={now} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
      <div class="op-actions">
        <ToggleButton
          label={t(showClosed ? 'op.cases.hideClosed' : 'op.cases.showClosed')}
          isOpen={showClosed}
          controls="closed-cases"
          onToggle={() => setShowClosed(!showClosed)}
        />
      </div>
      {showClosed && (
        <section id="closed-cases" aria-labelledby="closed-heading">
          <h2 id="closed-heading">{t('op.cases.closedHeading')}</h2>
          <ErrorNotice error={closed.error} />
          {closed.data && closed.data.length === 0 && <p>{t('op.cases.none')}</p>}
          <ul class="op-case-list">
            {closed.data?.map((c) => (
              <CaseCard key={c.id} item={c} now={now} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function CaseCard(props: { item: CaseView; now: Date }) {
  const { item } = props;
  const t = useT();
  return (
    <li class={`op-case-card op-edge-${item.priority.toLowerCase()}`}>
      <p class="op-case-title">
        <Link href={casePath(item.id)}>{item.title}</Link>
      </p>
      <p class="op-tags">
        <PriorityTag priority={item.priority} />{' '}
        {item.hasVulnerable && <Tag tone="danger">{t('op.case.vulnerable')}</Tag>}{' '}
        {item.handlingLevel !== 'kabkota' && <Tag tone="warn">{levelLabel(t, item.handlingLevel)}</Tag>}
      </p>
      <p class="op-case-meta">
        {conflictTypeLabel(t, item.conflictType)} · {item.regionName}
      </p>
      {item.phase !== 'selesai' &&
        (item.firstResponseAt ? (
          <Due label={t('op.case.dueResolve')} dueAt={item.dueResolveAt} now={props.now} />
        ) : (
          <Due label={t('op.case.dueResponse')} dueAt={item.dueResponseAt} now={props.now} />
        ))}
    </li>
  );
}
