// Importing a pillar roster spreadsheet on the Pilar page: a dry run's per-row report first, then the import
// itself, whose progress is polled until it ends.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../shared/i18n.ts';
import { kabkotaOf } from '../../shared/region-codes.ts';
import { InputField, SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ActionButton } from '../ui/ActionButton.tsx';
import { Section } from '../ui/Section.tsx';
import type { OperatorPageProps } from './OperatorPage.tsx';
import type { ListItem } from './operator-api.ts';
import { type PillarLabels, pillarLabel } from './pillar-labels.ts';
import {
  type DryRunReport,
  dryRunRoster,
  getImportJob,
  type ImportJob,
  type ImportRowResult,
  isRosterFile,
  startRosterImport,
} from './pillars-api.ts';
import { DataTable, ErrorNotice, num, SubmitButton, Tag, toApiError, useAction } from './ui.tsx';

const POLL_MS = 1000;

/** The kab/kota part of the operator's scope ("35.10"), or empty for a wider scope. */
function scopeKabkota(me: OperatorPageProps['me']): string {
  return me.scope.kind === 'region' ? (kabkotaOf(me.scope.code) ?? '') : '';
}

/** Importing a roster: a dry run's per-row report, then the import itself with its progress. */
export function PillarImport(props: {
  me: OperatorPageProps['me'];
  types: ListItem[];
  labels: PillarLabels;
  onImported: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const [file, setFile] = useState<File | undefined>();
  const [kabkota, setKabkota] = useState(() => scopeKabkota(props.me));
  const [type, setType] = useState('');
  const [report, setReport] = useState<DryRunReport | undefined>();
  const [job, setJob] = useState<ImportJob | undefined>();
  const [fileProblem, setFileProblem] = useState(false);
  const action = useAction();
  const poll = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onImported = useRef(props.onImported);
  onImported.current = props.onImported;

  useEffect(() => () => clearTimeout(poll.current), []);

  const options = () => ({ kabkota: kabkota.trim(), type: type || undefined });
  const isRunning = job?.status === 'berjalan';

  /** Anything the report depends on changed: the old report no longer holds. */
  function invalidate() {
    setReport(undefined);
    action.clear();
  }

  async function dryRun(event: Event) {
    event.preventDefault();
    if (!file || !isRosterFile(file)) {
      setFileProblem(true);
      return;
    }
    setJob(undefined);
    let result: DryRunReport | undefined;
    if (await action.run(async () => (result = await dryRunRoster(file, options())))) setReport(result);
  }

  function follow(id: string) {
    poll.current = setTimeout(async () => {
      try {
        const next = await getImportJob(id);
        setJob(next);
        if (next.status === 'berjalan') follow(id);
        else onImported.current();
      } catch (error) {
        const problem = toApiError(error);
        if (problem.code === 'network') follow(id);
        else void action.run(() => Promise.reject(problem));
      }
    }, POLL_MS);
  }

  async function startImport() {
    if (!file) return;
    let started: ImportJob | undefined;
    if ((await action.run(async () => (started = await startRosterImport(file, options())))) && started) {
      setJob(started);
      if (started.status === 'berjalan') follow(started.id);
      else onImported.current();
    }
  }

  return (
    <Section id="import-heading" heading={t('op.pillars.importHeading')} class="op-pillars-import">
      <p class="hint">{t('op.pillars.importHint')}</p>
      <form class="op-form op-grid-form" onSubmit={dryRun}>
        <div class="field">
          <label for="import-file">{t('op.pillars.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv"
            aria-describedby={fileProblem ? 'import-file-problem' : undefined}
            aria-invalid={fileProblem || undefined}
            onChange={(event) => {
              setFile((event.currentTarget as HTMLInputElement).files?.[0]);
              setFileProblem(false);
              setJob(undefined);
              invalidate();
            }}
          />
          {fileProblem && (
            <p class="message message-error" id="import-file-problem" role="alert">
              {t('op.pillars.fileNeeded')}
            </p>
          )}
        </div>
        <InputField
          id="import-kabkota"
          label={t('op.pillars.kabkota')}
          hint={t('op.pillars.kabkotaHint')}
          required
          pattern="35\.\d{2}"
          inputMode="decimal"
          value={kabkota}
          onInput={(value) => {
            setKabkota(value);
            invalidate();
          }}
        />
        <SelectField
          id="import-type"
          label={t('op.pillars.defaultType')}
          hint={t('op.pillars.defaultTypeHint')}
          value={type}
          onChange={(value) => {
            setType(value);
            invalidate();
          }}
          options={[
            { value: '', label: t('op.pillars.typeFromFile') },
            ...props.types.map((item) => ({
              value: item.code,
              label: pillarLabel(lang, props.labels, 'type', item.code),
            })),
          ]}
        />
        <div class="op-actions">
          <SubmitButton label={t('op.pillars.dryRun')} disabled={action.isBusy || isRunning} isSecondary />
          <ActionButton
            label={t('op.pillars.import')}
            isBusy={action.isBusy}
            disabled={!report || isRunning || job?.status === 'selesai'}
            onClick={startImport}
          />
        </div>
      </form>
      <ErrorNotice error={action.error} />
      <div role="status">
        {action.isBusy && !report && !job && <p class="loading">{t('op.pillars.checking')}</p>}
        {report && !job && (
          <p>
            {t('op.pillars.dryRunDone', {
              rows: num(report.totals.rows, lang),
              create: num(report.totals.create, lang),
              update: num(report.totals.update, lang),
              unchanged: num(report.totals.unchanged, lang),
              skip: num(report.totals.skip, lang),
            })}
          </p>
        )}
        {job && <JobProgress job={job} />}
      </div>
      {report && !job && <RowReport rows={report.rows} caption={t('op.pillars.reportHeading')} />}
      {job && job.status !== 'berjalan' && job.rows.length > 0 && (
        <RowReport rows={job.rows} caption={t('op.pillars.jobReportHeading')} />
      )}
    </Section>
  );
}

function JobProgress(props: { job: ImportJob }) {
  const t = useT();
  const lang = useLang();
  const { job } = props;
  const totals = {
    rows: num(job.totals.rows, lang),
    create: num(job.totals.create, lang),
    update: num(job.totals.update, lang),
    unchanged: num(job.totals.unchanged, lang),
    skip: num(job.totals.skip, lang),
  };
  if (job.status === 'berjalan') {
    return (
      <p>
        <label for="import-progress">
          {t('op.pillars.progress', {
            done: num(job.processedRows, lang),
            rows: totals.rows,
          })}
        </label>{' '}
        <progress id="import-progress" max={Math.max(1, job.totals.rows)} value={job.processedRows} />
      </p>
    );
  }
  if (job.status === 'selesai') {
    return <p class="message message-success">{t('op.pillars.importDone', totals)}</p>;
  }
  return (
    <p class="message message-error">
      {t('op.pillars.importFailed', { reason: job.error ?? t(`op.pillars.job.${job.status}` as MessageKey) })}
    </p>
  );
}

/** The per-row report: row number, name (dry run only), action, and the reasons. */
function RowReport(props: { rows: readonly ImportRowResult[]; caption: string }) {
  const t = useT();
  const hasNames = props.rows.some((row) => row.name !== undefined);
  return (
    <DataTable
      caption={props.caption}
      columns={[
        t('op.pillars.row'),
        hasNames && t('op.pillars.name'),
        t('op.pillars.action'),
        t('op.pillars.reason'),
      ]}
      isCaptionShown
    >
      {props.rows.map((row) => (
        <tr key={row.row}>
          <th scope="row">{row.row}</th>
          {hasNames && <td>{row.name ?? '—'}</td>}
          <td>
            <Tag tone={row.action === 'skip' ? 'danger' : row.action === 'create' ? 'ok' : 'muted'}>
              {t(`op.pillars.action.${row.action}` as MessageKey)}
            </Tag>
          </td>
          <td>
            {row.problems.length + row.warnings.length === 0 ? (
              '—'
            ) : (
              <ul class="op-reasons">
                {row.problems.map((issue, index) => (
                  <li key={`p${index}`}>{issue.message}</li>
                ))}
                {row.warnings.map((issue, index) => (
                  <li key={`w${index}`}>
                    {t('op.pillars.warning')}: {issue.message}
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
