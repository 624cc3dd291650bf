// The export panel under an office list: the list's filters as a file (CSV, XLSX, GeoJSON, HXL), downloaded at
// once or prepared in the background with its progress and a download link kept a day (docs/EXPORTS.md).
import { ActionButton } from '../ui/ActionButton.tsx';
import '../../shared/messages/exports.ts';
import { useEffect, useState } from 'preact/hooks';
import type {
  ExportFormat,
  ExportJob,
  ExportJobStarted,
  ExportKind,
} from '../../shared/exports/export-schema.ts';
import { can } from '../../shared/permissions/index.ts';
import type { Role } from '../../shared/users.ts';
import { request } from '../api.ts';
import { SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ErrorNotice, useAction, wib } from './ui.tsx';

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'geojson', 'hxl'];
const POLL_MS = 1500;

/** The query of an export: the list's filters, without empty ones, and the panel's options. */
export function exportQuery(
  filters: Readonly<Record<string, string | undefined>>,
  options: { format: ExportFormat; delimiter: string; personal: boolean },
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  search.set('format', options.format);
  if (options.format === 'csv' || options.format === 'hxl') search.set('delimiter', options.delimiter);
  if (options.personal) search.set('personal', 'true');
  return search.toString();
}

export function ExportPanel(props: {
  kind: ExportKind;
  role: Role | string;
  filters: Readonly<Record<string, string | undefined>>;
}) {
  const t = useT();
  const lang = useLang();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [delimiter, setDelimiter] = useState(',');
  const [personal, setPersonal] = useState(false);
  const [job, setJob] = useState<ExportJob | undefined>();
  const action = useAction();
  const mayExport = can(props.role, `export.${props.kind}`);
  const mayPersonal =
    (props.kind === 'cases' && can(props.role, 'export.personal')) ||
    (props.kind === 'pillars' && can(props.role, 'export.personal') && can(props.role, 'pillar.manage'));

  useEffect(() => {
    if (!job || job.status === 'selesai' || job.status === 'gagal') return;
    const timer = setTimeout(() => {
      request<ExportJob>('GET', `/api/exports/jobs/${job.id}`)
        .then(setJob)
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  if (!mayExport) return null;
  const query = exportQuery(props.filters, { format, delimiter, personal: personal && mayPersonal });
  const idBase = `export-${props.kind}`;

  const startBackground = () =>
    action.run(async () => {
      const started = await request<ExportJobStarted>('POST', `/api/exports/${props.kind}?${query}`);
      setJob(await request<ExportJob>('GET', `/api/exports/jobs/${started.jobId}`));
    });

  return (
    <details class="op-export">
      <summary>{t('exp.title')}</summary>
      <p class="hint">{t('exp.lead')}</p>
      <form class="op-form op-filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id={`${idBase}-format`}
          label={t('exp.format')}
          value={format}
          onChange={(value) => setFormat(value as ExportFormat)}
          options={FORMATS.map((f) => ({ value: f, label: t(`exp.format.${f}`) }))}
        />
        {(format === 'csv' || format === 'hxl') && (
          <SelectField
            id={`${idBase}-delimiter`}
            label={t('exp.delimiter')}
            value={delimiter}
            onChange={setDelimiter}
            options={[
              { value: ',', label: t('exp.delimiter.comma') },
              { value: ';', label: t('exp.delimiter.semicolon') },
            ]}
          />
        )}
        {mayPersonal && (
          <div class="field">
            <label>
              <input
                type="checkbox"
                checked={personal}
                onChange={(event) => setPersonal((event.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {t('exp.personal')}
            </label>
          </div>
        )}
        <div class="field op-export-actions">
          <a class="button" href={`/api/exports/${props.kind}?${query}`} download>
            {t('exp.download')}
          </a>{' '}
          <ActionButton
            label={t('exp.background')}
            isBusy={action.isBusy}
            onClick={startBackground}
            class="button op-button-secondary"
          />
          <p class="hint">{t('exp.backgroundHint')}</p>
        </div>
      </form>
      <ErrorNotice error={action.error} />
      {job && (
        <p role="status" aria-live="polite">
          {job.status === 'antre' && t('exp.status.antre')}
          {job.status === 'berjalan' && t('exp.status.berjalan', { rows: job.rows, total: job.total ?? '…' })}
          {job.status === 'selesai' &&
            t('exp.status.selesai', { rows: job.rows, until: job.expiresAt ? wib(job.expiresAt, lang) : '' })}
          {job.status === 'gagal' && t('exp.status.gagal', { error: job.error ?? '' })}{' '}
          {job.downloadUrl && (
            <a href={job.downloadUrl} download>
              {t('exp.fileLink')}
            </a>
          )}
        </p>
      )}
    </details>
  );
}
