// One report in full beside the inbox list (InboxPage.tsx): its facts, what the operator can do next, its suggested
// duplicates side by side, and the choice of a new case or an open one once it is verified.
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeReason } from '../../shared/reports/triage.ts';
import { SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ProvocationOffer } from '../provocation/ProvocationOffer.tsx';
import { Link, navigate } from '../router.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import { ToggleButton } from '../ui/ListView.tsx';
import { ChannelMessages } from './ChannelMessages.tsx';
import { conflictTypeLabel, kindLabel, levelLabel, reportStatusLabel } from './labels.ts';
import { casePath } from './OperatorPage.tsx';
import {
  acknowledgeReport,
  amendReport,
  attachReport,
  getReport,
  listCases,
  listDuplicates,
  openCase,
  type Report,
  verifyReport,
} from './operator-api.ts';
import { ReportFacts, ReportSummaryLine } from './ReportFacts.tsx';
import {
  AckDue,
  ActionOutcome,
  ErrorNotice,
  Notice,
  num,
  PriorityTag,
  StandIn,
  SubmitButton,
  Tag,
  useAction,
  useLoad,
  useRecord,
} from './ui.tsx';

type Mode = 'idle' | 'reject' | 'attach';

/** One report in full, with what the operator can do next. */
export function ReportDetail(props: {
  id: string;
  version: number;
  now: Date;
  canReply: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const {
    loaded,
    record: report,
    action,
    done,
    act: actOn,
  } = useRecord(() => getReport(props.id), [props.id, props.version], props.onChanged);
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [props.id]);

  if (!report) {
    return <StandIn error={loaded.error} />;
  }

  async function act(perform: () => Promise<Report>, message: string) {
    if (await actOn(perform, message)) setMode('idle');
  }

  const isNew = report.status === 'baru';
  return (
    <section class="op-detail" aria-labelledby="report-heading">
      <h2 id="report-heading" tabIndex={-1} ref={heading}>
        {kindLabel(t, report.kind)}: {conflictTypeLabel(t, report.conflictType)} — {report.regionName}
      </h2>
      <p class="op-tags">
        <PriorityTag priority={report.priority} />{' '}
        <Tag tone={isNew ? 'warn' : report.status === 'terverifikasi' ? 'ok' : 'muted'}>
          {reportStatusLabel(t, report.status)}
        </Tag>{' '}
        {report.handlingLevel !== 'kabkota' && (
          <Tag tone="danger">
            {t('op.report.escalatedTo', { level: levelLabel(t, report.handlingLevel) })}
          </Tag>
        )}
      </p>
      <h3>{t('op.report.reasons')}</h3>
      <ul class="op-reasons">
        {report.priorityReasons.map((reason) => (
          <li key={reason}>{describeReason(reason, lang)}</li>
        ))}
      </ul>
      <AckDue label={t('op.report.ackDue')} record={report} now={props.now} />
      <ReportFacts report={report} />
      {report.triggers.includes('informasi_provokatif') && <ProvocationOffer report={report} />}
      {(report.channel === 'whatsapp' || report.channel === 'sms') && (
        <ChannelMessages
          reportId={report.id}
          version={report.version}
          canReply={props.canReply}
          check={
            isNew
              ? {
                  current: { kind: report.kind, conflictType: report.conflictType },
                  isBusy: action.isBusy,
                  onSave: (checked, corrected) =>
                    act(
                      () => amendReport(report.id, { version: report.version, ...checked }),
                      corrected > 0
                        ? t('op.channel.check.correctedDone', { count: corrected })
                        : t('op.channel.check.confirmedDone'),
                    ),
                }
              : undefined
          }
        />
      )}

      <ActionOutcome done={done} error={action.error} />

      {isNew && (
        <fieldset class="op-actions op-fieldset">
          <legend class="visually-hidden">{t('op.report.actions')}</legend>
          {!report.acknowledgedAt && (
            <ActionButton
              label={t('op.report.acknowledge')}
              isBusy={action.isBusy}
              onClick={() => act(() => acknowledgeReport(report.id), t('op.report.acknowledgedDone'))}
              class="button op-button-secondary"
            />
          )}
          <ActionButton
            label={t('op.report.verify')}
            isBusy={action.isBusy}
            onClick={() =>
              act(() => verifyReport(report.id, { status: 'terverifikasi' }), t('op.report.verifiedDone'))
            }
          />
          <ToggleButton
            label={t('op.report.reject')}
            isOpen={mode === 'reject'}
            onToggle={() => setMode(mode === 'reject' ? 'idle' : 'reject')}
          />
        </fieldset>
      )}
      {isNew && mode === 'reject' && (
        <form
          class="op-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              () => verifyReport(report.id, { status: 'ditolak', reason: reason.trim() }),
              t('op.report.rejectedDone'),
            );
          }}
        >
          <TextAreaField
            id="reject-reason"
            label={t('op.report.rejectReason')}
            required
            minLength={3}
            rows={3}
            value={reason}
            onInput={setReason}
          />
          <SubmitButton
            label={t('op.report.rejectConfirm')}
            disabled={action.isBusy || reason.trim().length < 3}
          />
        </form>
      )}
      {isNew && (
        <Duplicates
          report={report}
          onMark={(originalId) =>
            act(
              () => verifyReport(report.id, { status: 'duplikat', duplicateOf: originalId }),
              t('op.report.duplicateDone'),
            )
          }
          isBusy={action.isBusy}
        />
      )}
      {report.status === 'terverifikasi' && !report.caseId && (
        <CaseChoice report={report} onAttached={props.onChanged} />
      )}
      {report.caseId && (
        <p>
          <Link href={casePath(report.caseId)} class="button op-button-secondary">
            {t('op.report.openItsCase')}
          </Link>
        </p>
      )}
      {report.status === 'duplikat' && report.duplicateOf && (
        <p>{t('op.report.duplicateOf', { id: report.duplicateOf.slice(0, 8) })}</p>
      )}
      {report.status === 'ditolak' && report.statusReason && (
        <p>{t('op.report.rejectedBecause', { reason: report.statusReason })}</p>
      )}
    </section>
  );
}

/** Suggested duplicates, each side by side with the report, and the button to mark it a duplicate of one. */
function Duplicates(props: { report: Report; onMark: (originalId: string) => void; isBusy: boolean }) {
  const t = useT();
  const lang = useLang();
  const loaded = useLoad(async () => {
    const { items } = await listDuplicates(props.report.id);
    const candidates = await Promise.all(
      items
        .slice(0, 5)
        .map(async (s) => ({ similarity: s.similarity, report: await getReport(s.candidateId) })),
    );
    return candidates;
  }, [props.report.id]);

  return (
    <section aria-labelledby="dup-heading" class="op-duplicates">
      <h3 id="dup-heading">{t('op.dup.heading')}</h3>
      <ErrorNotice error={loaded.error} />
      {loaded.data && loaded.data.length === 0 && <p>{t('op.dup.none')}</p>}
      {loaded.data?.map(({ similarity, report: other }) => (
        <div key={other.id} class="op-compare">
          <p class="op-compare-score">
            {t('op.dup.similarity', { percent: num(Math.round(similarity * 100), lang) })}
          </p>
          <div class="op-compare-grid">
            <div>
              <h4>{t('op.dup.this')}</h4>
              <ReportSummaryLine report={props.report} />
            </div>
            <div>
              <h4>{t('op.dup.other', { status: reportStatusLabel(t, other.status) })}</h4>
              <ReportSummaryLine report={other} />
            </div>
          </div>
          <ActionButton
            label={t('op.dup.mark')}
            isBusy={props.isBusy}
            onClick={() => props.onMark(other.id)}
            class="button op-button-secondary"
          />
        </div>
      ))}
    </section>
  );
}

/** A verified report becomes a new case, or joins an open one. */
function CaseChoice(props: { report: Report; onAttached: () => void }) {
  const t = useT();
  const cases = useLoad(() => listCases({ open: true, limit: 200 }).then((r) => r.items), []);
  const [caseId, setCaseId] = useState('');
  const action = useAction();

  async function openNew() {
    let created: { id: string } | undefined;
    if (await action.run(async () => (created = await openCase([props.report.id])))) {
      props.onAttached();
      if (created) navigate(casePath(created.id));
    }
  }

  async function attach(event: Event) {
    event.preventDefault();
    if (!caseId) return;
    if (await action.run(() => attachReport(caseId, props.report.id))) {
      props.onAttached();
      navigate(casePath(caseId));
    }
  }

  const open = cases.data ?? [];
  return (
    <section aria-labelledby="case-choice" class="op-case-choice">
      <h3 id="case-choice">{t('op.report.nextStep')}</h3>
      <ErrorNotice error={action.error ?? cases.error} />
      <div class="op-actions">
        <ActionButton label={t('op.report.openCase')} isBusy={action.isBusy} onClick={openNew} />
      </div>
      {open.length > 0 ? (
        <form class="op-form op-inline-form" onSubmit={attach}>
          <SelectField
            id="attach-case"
            label={t('op.report.attachTo')}
            value={caseId}
            onChange={setCaseId}
            options={[
              { value: '', label: t('op.report.chooseCase') },
              ...open.map((c) => ({ value: c.id, label: `${c.priority} · ${c.title}` })),
            ]}
          />
          <SubmitButton label={t('op.report.attach')} disabled={!caseId || action.isBusy} isSecondary />
        </form>
      ) : (
        cases.data && <Notice>{t('op.report.noOpenCases')}</Notice>
      )}
    </section>
  );
}
