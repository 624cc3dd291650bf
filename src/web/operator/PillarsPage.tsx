// Pilar: the kab/kota's registry of social pillars (filters, name search, pages), one person's page with
// their trainings, and importing a roster spreadsheet (a dry run's per-row report first, then the import).

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang, MessageKey } from '../../shared/i18n.ts';
import { can } from '../../shared/permissions/index.ts';
import { InputField, SearchField, SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { Link } from '../router.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import type { OperatorPageProps } from './OperatorPage.tsx';
import type { ListItem } from './operator-api.ts';
import { PillarAccountsSection } from './PillarAccountsSection.tsx';
import { type PillarLabels, pillarLabel, usePillarLists } from './pillar-labels.ts';
import {
  type DryRunReport,
  dryRunRoster,
  getImportJob,
  getPillar,
  type ImportJob,
  type ImportRowResult,
  isRosterFile,
  listRegistry,
  type Pillar,
  startRosterImport,
} from './pillars-api.ts';
import { DataTable, ErrorNotice, num, Tag, toApiError, useAction, useHeading, useLoad, wib } from './ui.tsx';

const PAGE_SIZE = 20;
const POLL_MS = 1000;

/** The path of a pillar's page. */
export function pillarPath(id: string): string {
  return `${ROUTES.pilar.path}/${id}`;
}

type Labels = PillarLabels;

const labelsOf = (types: readonly ListItem[], skills: readonly ListItem[]): Labels => ({
  types: new Map(types.map((item) => [item.code, item.label])),
  skills: new Map(skills.map((item) => [item.code, item.label])),
});

const useLists = usePillarLists;

/** The registry, or one person's page when the path names them. */
export function PillarsPage(props: OperatorPageProps) {
  const lists = useLists();
  return props.param ? (
    <PillarDetail id={props.param} labels={lists.labels} />
  ) : (
    <div class="op-wide">
      <Registry me={props.me} types={lists.types} skills={lists.skills} labels={lists.labels} />
    </div>
  );
}

function Registry(props: {
  me: OperatorPageProps['me'];
  types: ListItem[];
  skills: ListItem[];
  labels: Labels;
}) {
  const t = useT();
  const lang = useLang();
  const [type, setType] = useState('');
  const [skill, setSkill] = useState('');
  const [availability, setAvailability] = useState('');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const q = search.trim().length >= 2 ? search.trim() : '';
  const list = useLoad(
    () => listRegistry({ type, skill, availability, status, q, limit: PAGE_SIZE, offset }),
    [type, skill, availability, status, q, offset],
  );
  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];

  /** A filter change starts again at the first page. */
  const filterBy = (set: (value: string) => void) => (value: string) => {
    set(value);
    setOffset(0);
  };
  const all = { value: '', label: t('op.pillars.all') };
  const optionsOf = (items: readonly ListItem[], kind: 'type' | 'skill') =>
    items.map((item) => ({
      value: item.code,
      label: pillarLabel(lang, labelsOf(props.types, props.skills), kind, item.code),
    }));

  return (
    <>
      <p class="lead">{t('purpose.pilar')}</p>
      <ImportSection me={props.me} types={props.types} onImported={list.reload} />
      {can(props.me.role, 'pillar.accounts') && <PillarAccountsSection me={props.me} types={props.types} />}
      <section aria-labelledby="pillars-heading">
        <h2 id="pillars-heading">{t('op.pillars.listHeading')}</h2>
        <form class="op-form op-filters" onSubmit={(event) => event.preventDefault()}>
          <SearchField
            id="pillars-q"
            label={t('op.pillars.search')}
            value={search}
            onInput={filterBy(setSearch)}
          />
          <SelectField
            id="pillars-type"
            label={t('op.pillars.type')}
            value={type}
            onChange={filterBy(setType)}
            options={[all, ...optionsOf(props.types, 'type')]}
          />
          <SelectField
            id="pillars-skill"
            label={t('op.pillars.skill')}
            value={skill}
            onChange={filterBy(setSkill)}
            options={[all, ...optionsOf(props.skills, 'skill')]}
          />
          <SelectField
            id="pillars-availability"
            label={t('op.pillars.availability')}
            value={availability}
            onChange={filterBy(setAvailability)}
            options={[
              all,
              { value: 'siaga', label: t('op.pillars.availability.siaga') },
              { value: 'libur', label: t('op.pillars.availability.libur') },
            ]}
          />
          <SelectField
            id="pillars-status"
            label={t('op.pillars.status')}
            value={status}
            onChange={filterBy(setStatus)}
            options={[
              all,
              { value: 'aktif', label: t('op.pillars.status.aktif') },
              { value: 'nonaktif', label: t('op.pillars.status.nonaktif') },
            ]}
          />
        </form>
        <ErrorNotice error={list.error} />
        <p role="status" class="op-pillars-count">
          {list.isLoading && !list.data
            ? t('common.loading')
            : total === 0
              ? t('op.pillars.none')
              : t('op.pillars.showing', {
                  from: num(offset + 1, lang),
                  to: num(offset + items.length, lang),
                  total: num(total, lang),
                })}
        </p>
        {items.length > 0 && (
          <DataTable
            caption={t('op.pillars.listHeading')}
            columns={[
              t('op.pillars.name'),
              t('op.pillars.type'),
              t('op.pillars.home'),
              t('op.pillars.skills'),
              t('op.pillars.availability'),
              t('op.pillars.nik'),
              t('op.pillars.phone'),
            ]}
          >
            {items.map((pillar) => (
              <tr key={pillar.id}>
                <th scope="row">
                  <Link href={pillarPath(pillar.id)}>{pillar.name}</Link>
                </th>
                <td>{pillarLabel(lang, props.labels, 'type', pillar.pillarType)}</td>
                <td>{pillar.homeRegionName}</td>
                <td>{skillsText(lang, props.labels, pillar.skills)}</td>
                <td>
                  <AvailabilityTag pillar={pillar} />
                </td>
                <td>{pillar.nik ?? '—'}</td>
                <td>{pillar.phone ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {total > PAGE_SIZE && (
          <nav class="op-actions" aria-label={t('op.pillars.pages')}>
            <button
              type="button"
              class="button op-button-secondary"
              disabled={offset === 0 || list.isLoading}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              {t('op.pillars.previous')}
            </button>
            <button
              type="button"
              class="button op-button-secondary"
              disabled={offset + PAGE_SIZE >= total || list.isLoading}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              {t('op.pillars.next')}
            </button>
          </nav>
        )}
        <ExportPanel kind="pillars" role={props.me.role} filters={{ type, status }} />
      </section>
    </>
  );
}

function skillsText(lang: Lang, labels: Labels, skills: readonly string[]): string {
  return skills.length ? skills.map((code) => pillarLabel(lang, labels, 'skill', code)).join(', ') : '—';
}

function AvailabilityTag(props: { pillar: Pillar }) {
  const t = useT();
  const { pillar } = props;
  return (
    <>
      <Tag tone={pillar.currentAvailability === 'siaga' ? 'ok' : 'muted'}>
        {t(`op.pillars.availability.${pillar.currentAvailability}` as MessageKey)}
      </Tag>{' '}
      {pillar.status === 'nonaktif' && <Tag tone="warn">{t('op.pillars.status.nonaktif')}</Tag>}
    </>
  );
}

/** One person's page: identity (masked as the server sends it), home, skills and trainings. */
function PillarDetail(props: { id: string; labels: Labels }) {
  const t = useT();
  const lang = useLang();
  const pillar = useLoad(() => getPillar(props.id), [props.id]);
  const person = pillar.data;
  useHeading(person?.name);
  return (
    <div class="op-wide">
      <p>
        <Link href={ROUTES.pilar.path}>{t('op.pillars.back')}</Link>
      </p>
      <ErrorNotice error={pillar.error} />
      {!person && pillar.isLoading && (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {person && (
        <>
          <section aria-labelledby="pillar-facts">
            <h2 id="pillar-facts">{t('op.pillars.facts')}</h2>
            <dl class="op-facts">
              <dt>{t('op.pillars.type')}</dt>
              <dd>{pillarLabel(lang, props.labels, 'type', person.pillarType)}</dd>
              <dt>{t('op.pillars.home')}</dt>
              <dd>
                {person.homeRegionName} ({person.homeRegionCode})
              </dd>
              <dt>{t('op.pillars.availability')}</dt>
              <dd>
                <AvailabilityTag pillar={person} />
                {person.availabilityUntil && (
                  <> {t('op.pillars.until', { time: wib(person.availabilityUntil, lang) })}</>
                )}
              </dd>
              <dt>{t('op.pillars.status')}</dt>
              <dd>{t(`op.pillars.status.${person.status}` as MessageKey)}</dd>
              <dt>{t('op.pillars.skills')}</dt>
              <dd>{skillsText(lang, props.labels, person.skills)}</dd>
              <dt>{t('op.pillars.nik')}</dt>
              <dd>{person.nik ?? '—'}</dd>
              <dt>{t('op.pillars.phone')}</dt>
              <dd>{person.phone ?? '—'}</dd>
              <dt>{t('op.pillars.account')}</dt>
              <dd>{t(person.userId ? 'op.pillars.hasAccount' : 'op.pillars.noAccount')}</dd>
              <dt>{t('op.pillars.updated')}</dt>
              <dd>{wib(person.updatedAt, lang)}</dd>
            </dl>
          </section>
          <section aria-labelledby="pillar-trainings">
            <h2 id="pillar-trainings">{t('op.pillars.trainings')}</h2>
            {person.trainings.length === 0 ? (
              <p>{t('op.pillars.noTrainings')}</p>
            ) : (
              <DataTable
                caption={t('op.pillars.trainings')}
                columns={[
                  t('op.pillars.training'),
                  t('op.pillars.trainingDate'),
                  t('op.pillars.certificate'),
                ]}
              >
                {person.trainings.map((training, index) => (
                  <tr key={`${training.name}-${index}`}>
                    <th scope="row">{training.name}</th>
                    <td>{training.date ?? '—'}</td>
                    <td>{training.certificateNumber ?? '—'}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        </>
      )}
    </div>
  );
}

/** The kab/kota part of the operator's scope ("35.10"), or empty for a wider scope. */
function kabkotaOf(me: OperatorPageProps['me']): string {
  if (me.scope.kind !== 'region') return '';
  const parts = me.scope.code.split('.');
  return parts.length >= 2 ? parts.slice(0, 2).join('.') : '';
}

/** Importing a roster: a dry run's per-row report, then the import itself with its progress. */
function ImportSection(props: { me: OperatorPageProps['me']; types: ListItem[]; onImported: () => void }) {
  const t = useT();
  const lang = useLang();
  const [file, setFile] = useState<File | undefined>();
  const [kabkota, setKabkota] = useState(() => kabkotaOf(props.me));
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
    <section aria-labelledby="import-heading" class="op-pillars-import">
      <h2 id="import-heading">{t('op.pillars.importHeading')}</h2>
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
              label: pillarLabel(lang, labelsOf(props.types, []), 'type', item.code),
            })),
          ]}
        />
        <div class="op-actions">
          <button type="submit" class="button op-button-secondary" disabled={action.isBusy || isRunning}>
            {t('op.pillars.dryRun')}
          </button>
          <button
            type="button"
            class="button button-primary"
            disabled={!report || action.isBusy || isRunning || job?.status === 'selesai'}
            onClick={startImport}
          >
            {t('op.pillars.import')}
          </button>
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
    </section>
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
