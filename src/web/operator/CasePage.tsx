// One case: deadlines, the phase buttons the shared rule allows, sharing, its reports, people at work on it,
// partner agencies, vulnerable people, and the timeline.

import { useState } from 'preact/hooks';
import { isCaseClosed } from '../../shared/cases/closing-rules.ts';
import { can } from '../../shared/permissions/index.ts';
import { describeReason } from '../../shared/reports/triage.ts';
import { SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { Link } from '../router.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import { ToggleButton } from '../ui/ListView.tsx';
import { Section } from '../ui/Section.tsx';
import { SmallButton } from '../ui/SmallButton.tsx';
import { CloseCaseForm, ReopenCaseForm } from './CaseClosing.tsx';
import { AssignmentsSection, DispositionsSection } from './CaseSections.tsx';
import { conflictTypeLabel, levelLabel, phaseLabel, recoveryStepLabel, timelineLabel } from './labels.ts';
import { useLiveEvents } from './live.ts';
import type { OperatorPageProps } from './OperatorPage.tsx';
import {
  type CaseView,
  completeRecoveryStep,
  getCase,
  getReport,
  getTimeline,
  listRegions,
  moveCase,
  shareCase,
} from './operator-api.ts';
import { PeopleSection } from './PeopleSection.tsx';
import { ReportSummaryLine } from './ReportFacts.tsx';
import {
  ActionOutcome,
  Due,
  ErrorNotice,
  PriorityTag,
  StandIn,
  SubmitButton,
  Tag,
  TimelineEntry,
  useAction,
  useFormSend,
  useHeading,
  useLoad,
  useNow,
  useRecord,
  wib,
} from './ui.tsx';

const RECOVERY_STEPS = ['rekonsiliasi', 'rehabilitasi', 'rekonstruksi'] as const;

/** The case page at /kasus/:id; another region's case reads as not found. */
export function CasePage(props: OperatorPageProps) {
  const t = useT();
  const id = props.param ?? '';
  const { loaded, record: current, setRecord: setCurrent } = useRecord(() => getCase(id), [id]);
  const [version, setVersion] = useState(0);
  const now = useNow();

  const refresh = () => {
    loaded.reload();
    setVersion((v) => v + 1);
  };
  useLiveEvents(
    ['case.updated', 'case.escalated'],
    (event) => {
      if (event.subject.id === id) refresh();
    },
    refresh,
  );

  const isNotFound = loaded.error?.code === 'not_found';
  useHeading(isNotFound ? t('op.case.notFound') : current?.title);

  if (isNotFound) {
    return (
      <>
        <p>{t('op.case.notFoundBody')}</p>
        <p>
          <Link href="/kasus">{t('op.case.back')}</Link>
        </p>
      </>
    );
  }
  if (!current) {
    return <StandIn error={loaded.error} />;
  }

  // A closed case is read-only: every section hides its buttons; only reopening stays (PhaseSection).
  const canAct = (current.isHandler || can(props.me.role, 'case.oversee')) && !isCaseClosed(current.phase);
  const onChanged = (updated?: CaseView) => {
    if (updated) setCurrent(updated);
    refresh();
  };
  return (
    <div class="op-wide op-case">
      <p>
        <Link href="/kasus">{t('op.case.back')}</Link>
      </p>
      <CaseHeader item={current} />
      <div class="op-case-grid">
        <div class="op-case-main">
          <Section id="deadlines" heading={t('op.case.deadlines')}>
            <Due
              label={t('op.case.dueResponse')}
              dueAt={current.dueResponseAt}
              metAt={current.firstResponseAt}
              now={now}
            />
            <Due
              label={t('op.case.dueResolve')}
              dueAt={current.dueResolveAt}
              metAt={current.closedAt}
              now={now}
            />
          </Section>
          <PhaseSection
            item={current}
            canAct={canAct}
            canReopen={can(props.me.role, 'case.reopen')}
            onChanged={onChanged}
          />
          <ReportsSection item={current} />
          <AssignmentsSection item={current} canAct={canAct} version={version} onChanged={onChanged} />
          <DispositionsSection item={current} canAct={canAct} version={version} onChanged={onChanged} />
          <PeopleSection item={current} canAct={canAct} version={version} onChanged={refresh} />
          <ShareSection item={current} canAct={canAct} onChanged={onChanged} />
        </div>
        <div class="op-case-side">
          <TimelineSection id={current.id} version={version} />
        </div>
      </div>
    </div>
  );
}

function CaseHeader(props: { item: CaseView }) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  return (
    <div class="op-case-header">
      <p class="op-tags">
        <Tag>{t('op.case.phaseIs', { phase: phaseLabel(t, item.phase) })}</Tag>{' '}
        <PriorityTag priority={item.priority} />{' '}
        {item.hasVulnerable && <Tag tone="danger">{t('op.case.vulnerable')}</Tag>}{' '}
        {item.handlingLevel !== 'kabkota' && (
          <Tag tone="warn">{t('op.case.handledBy', { level: levelLabel(t, item.handlingLevel) })}</Tag>
        )}
      </p>
      <p>
        {conflictTypeLabel(t, item.conflictType)} · {item.regionName}{' '}
        <span class="op-code">({item.regionCode})</span> ·{' '}
        {t('op.case.openedAt', { when: wib(item.createdAt, lang) })}
      </p>
      {item.escalationReason && <p>{t('op.case.escalationReason', { reason: item.escalationReason })}</p>}
      {item.summary && <p class="op-description">{item.summary}</p>}
      <p class="hint">{t(item.isHandler ? 'op.case.youHandle' : 'op.case.youView')}</p>
    </div>
  );
}

/** Exactly the moves `allowedPhases` lists; closing lists what is open and asks for hand-overs and the outcome. */
function PhaseSection(props: {
  item: CaseView;
  canAct: boolean;
  canReopen: boolean;
  onChanged: (updated?: CaseView) => void;
}) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  const action = useAction();
  const [isClosing, setClosing] = useState(false);
  const [done, setDone] = useState('');

  async function move(to: string) {
    let updated: CaseView | undefined;
    const ok = await action.run(async () => {
      updated = await moveCase(item.id, { to, version: item.version });
    });
    if (ok) {
      setClosing(false);
      setDone(t('op.phase.moved', { phase: phaseLabel(t, to) }));
      props.onChanged(updated);
    }
  }

  async function markStep(step: string) {
    let updated: CaseView | undefined;
    if (await action.run(async () => (updated = await completeRecoveryStep(item.id, step)))) {
      setDone(t('op.recovery.done', { step: recoveryStepLabel(t, step) }));
      props.onChanged(updated);
    }
  }

  const moves = item.allowedPhases.filter((phase) => phase !== 'selesai');
  const canClose = item.allowedPhases.includes('selesai');
  return (
    <Section id="phase-heading" heading={t('op.phase.heading')}>
      <ol class="op-phases">
        {(['pencegahan', 'penghentian', 'pemulihan', 'selesai'] as const).map((phase) => (
          <li key={phase} aria-current={phase === item.phase ? 'step' : undefined}>
            {phaseLabel(t, phase)}
          </li>
        ))}
      </ol>
      <ActionOutcome done={done} error={action.error} />
      {item.phase === 'selesai' && item.outcome && (
        <>
          <h3>{t('op.phase.outcome')}</h3>
          <p class="op-description">{item.outcome}</p>
          {item.closedAt && <p>{t('op.phase.closedAt', { when: wib(item.closedAt, lang) })}</p>}
        </>
      )}
      {!props.canAct && item.phase !== 'selesai' && <p class="hint">{t('op.phase.notHandler')}</p>}
      {isCaseClosed(item.phase) && <p class="hint">{t('op.close.readOnly')}</p>}
      {isCaseClosed(item.phase) && props.canReopen && (
        <ReopenCaseForm
          item={item}
          onReopened={(updated, message) => {
            setDone(message);
            props.onChanged(updated);
          }}
        />
      )}
      {props.canAct && (moves.length > 0 || canClose) && (
        <fieldset class="op-actions op-fieldset">
          <legend class="visually-hidden">{t('op.phase.movesLabel')}</legend>
          {moves.map((phase) => (
            <ActionButton
              key={phase}
              label={t('op.phase.moveTo', { phase: phaseLabel(t, phase) })}
              isBusy={action.isBusy}
              onClick={() => move(phase)}
            />
          ))}
          {canClose && (
            <ToggleButton
              label={t('op.phase.close')}
              isOpen={isClosing}
              onToggle={() => setClosing(!isClosing)}
            />
          )}
        </fieldset>
      )}
      {isClosing && props.canAct && (
        <CloseCaseForm
          item={item}
          onClosed={(updated) => {
            setClosing(false);
            setDone(t('op.phase.moved', { phase: phaseLabel(t, 'selesai') }));
            props.onChanged(updated);
          }}
        />
      )}
      {item.phase === 'pemulihan' && (
        <>
          <h3>{t('op.recovery.heading')}</h3>
          <ul class="op-steps">
            {RECOVERY_STEPS.map((step) => {
              const isDone = item.recoverySteps.includes(step);
              return (
                <li key={step}>
                  <span>
                    {recoveryStepLabel(t, step)}:{' '}
                    <strong>{t(isDone ? 'op.recovery.isDone' : 'op.recovery.notYet')}</strong>
                  </span>
                  {props.canAct && !isDone && (
                    <SmallButton disabled={action.isBusy} onClick={() => markStep(step)}>
                      {t('op.recovery.mark', { step: recoveryStepLabel(t, step) })}
                    </SmallButton>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Section>
  );
}

function ReportsSection(props: { item: CaseView }) {
  const t = useT();
  const lang = useLang();
  const key = props.item.reportIds.join(',');
  const reports = useLoad(() => Promise.all(props.item.reportIds.map((id) => getReport(id))), [key]);
  return (
    <Section id="reports-heading" heading={t('op.case.reports', { count: props.item.reportIds.length })}>
      <ErrorNotice error={reports.error} />
      <ul class="op-plain-list">
        {reports.data?.map((report) => (
          <li key={report.id} class="op-card">
            <ReportSummaryLine report={report} />
            <p class="hint">
              {report.priorityReasons.map((reason) => describeReason(reason, lang)).join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Shares the case with another kab/kota whose people are involved. */
function ShareSection(props: { item: CaseView; canAct: boolean; onChanged: (updated?: CaseView) => void }) {
  const t = useT();
  const kabkota = useLoad(() => listRegions('35').then((r) => r.items), []);
  const [code, setCode] = useState('');
  const [done, setDone] = useState('');
  const nameOf = (c: string) => kabkota.data?.find((r) => r.code === c)?.name ?? c;
  const choices = (kabkota.data ?? []).filter(
    (r) => r.code !== props.item.kabkotaCode && !props.item.sharedWith.includes(r.code),
  );
  const action = useFormSend(
    () => shareCase(props.item.id, code),
    (updated) => {
      setDone(t('op.share.done', { name: nameOf(code) }));
      setCode('');
      props.onChanged(updated);
    },
  );

  return (
    <Section id="share-heading" heading={t('op.share.heading')}>
      <p>
        {props.item.sharedWith.length > 0
          ? t('op.share.with', { names: props.item.sharedWith.map(nameOf).join(', ') })
          : t('op.share.none')}
      </p>
      <ActionOutcome done={done} error={action.error} />
      {props.canAct && props.item.phase !== 'selesai' && (
        <form class="op-form op-inline-form" onSubmit={action.submit}>
          <SelectField
            id="share-kabkota"
            label={t('op.share.choose')}
            value={code}
            onChange={setCode}
            options={[
              { value: '', label: t('op.share.placeholder') },
              ...choices.map((r) => ({ value: r.code, label: r.name })),
            ]}
          />
          <SubmitButton label={t('op.share.submit')} disabled={!code || action.isBusy} isSecondary />
        </form>
      )}
    </Section>
  );
}

function TimelineSection(props: { id: string; version: number }) {
  const t = useT();
  const timeline = useLoad(() => getTimeline(props.id).then((r) => r.items), [props.id, props.version]);
  return (
    <Section id="timeline-heading" heading={t('op.timeline.heading')}>
      <ErrorNotice error={timeline.error} />
      <ol class="op-timeline">
        {[...(timeline.data ?? [])].reverse().map((entry, index) => (
          <TimelineEntry key={`${entry.at}-${index}`} at={entry.at} who={entry.actorName}>
            {timelineLabel(t, entry.kind)}
            {describeDetails(t, entry.kind, entry.details)}
          </TimelineEntry>
        ))}
      </ol>
    </Section>
  );
}

function describeDetails(
  t: ReturnType<typeof useT>,
  kind: string,
  details: Record<string, unknown> | null,
): string {
  if (!details) return '';
  if (kind === 'phase_changed' && typeof details.to === 'string') {
    return `: ${phaseLabel(t, String(details.from))} → ${phaseLabel(t, details.to)}`;
  }
  if (kind === 'recovery_step' && typeof details.step === 'string')
    return `: ${recoveryStepLabel(t, details.step)}`;
  if (kind === 'shared' && typeof details.kabkotaCode === 'string') return ` (${details.kabkotaCode})`;
  if (kind === 'escalated' && typeof details.to === 'string') return `: ${levelLabel(t, details.to)}`;
  if (kind === 'reopened' && typeof details.reason === 'string') return `: ${details.reason}`;
  return '';
}
