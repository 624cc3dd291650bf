// Impor riwayat (provinsi, admin): a spreadsheet of past incidents → column mapping → dry run (places with
// their candidates when ambiguous, the type table, duplicates) → background import with progress
// (docs/HISTORY-IMPORT.md).
import { ActionButton } from '../ui/ActionButton.tsx';
import '../../shared/messages/history.ts';
import { useEffect, useState } from 'preact/hooks';
import type {
  ColumnMapping,
  DryRunReply,
  HistoryImport,
  HistoryUpload,
  TypeMapping,
} from '../../shared/history/history-schema.ts';
import { request } from '../api.ts';
import { CheckField, FileField, InputField, SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ConflictTypeOptions } from '../ui/ConflictTypeOptions.tsx';
import { Section } from '../ui/Section.tsx';
import type { OperatorPageProps } from './OperatorPage.tsx';
import { DataTable, ErrorNotice, SubmitButton, Tag, useAction, wib } from './ui.tsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const POLL_MS = 1500;
const SINGLE_FIELDS = ['type', 'description', 'injured', 'dead', 'displaced', 'groups', 'source'] as const;
type Draft = { date: string; place: [string, string, string] } & Partial<
  Record<(typeof SINGLE_FIELDS)[number], string>
>;

function draftOf(suggested: Partial<ColumnMapping>): Draft {
  const place = suggested.place ?? [];
  const draft: Draft = {
    date: suggested.date ?? '',
    place: [place[0] ?? '', place[1] ?? '', place[2] ?? ''],
  };
  for (const field of SINGLE_FIELDS) if (suggested[field]) draft[field] = suggested[field];
  return draft;
}

function mappingOf(draft: Draft): ColumnMapping {
  const mapping: ColumnMapping = { date: draft.date, place: draft.place.filter(Boolean) };
  for (const field of SINGLE_FIELDS) if (draft[field]) mapping[field] = draft[field];
  return mapping;
}

export function HistoryImportPage(_props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const [upload, setUpload] = useState<HistoryUpload | undefined>();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [typeMap, setTypeMap] = useState<TypeMapping>({});
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [file, setFile] = useState<File | undefined>();
  const [home, setHome] = useState('');
  const [withDuplicates, setWithDuplicates] = useState(false);
  const [dryRun, setDryRun] = useState<DryRunReply | undefined>();
  const [job, setJob] = useState<HistoryImport | undefined>();
  const action = useAction();

  useEffect(() => {
    if (!job || job.status === 'selesai' || job.status === 'gagal' || job.status === 'draf') return;
    const timer = setTimeout(() => {
      request<HistoryImport>('GET', `/api/history-imports/${job.id}`)
        .then(setJob)
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  const plan = () => ({
    mapping: mappingOf(draft as Draft),
    typeMap,
    placeChoices: choices,
    importDuplicates: withDuplicates,
    ...(/^35\.\d{2}$/.test(home.trim()) ? { homeRegion: home.trim() } : {}),
  });

  const send = (event: Event) => {
    event.preventDefault();
    if (!file) return;
    void action.run(async () => {
      const body = new Blob([file], { type: /\.csv$/i.test(file.name) ? 'text/csv' : XLSX_TYPE });
      const answer = await request<HistoryUpload>(
        'POST',
        `/api/history-imports?name=${encodeURIComponent(file.name)}`,
        body,
      );
      setUpload(answer);
      setDraft(draftOf(answer.suggestedMapping));
      setDryRun(undefined);
      setJob(answer.import.status === 'draf' ? undefined : answer.import);
    });
  };

  const runDry = (event: Event) => {
    event.preventDefault();
    if (!upload) return;
    void action.run(async () => {
      setDryRun(
        await request<DryRunReply>('POST', `/api/history-imports/${upload.import.id}/dry-run`, plan()),
      );
    });
  };

  const start = () => {
    if (!upload) return;
    void action.run(async () => {
      const started = await request<{ jobId: string }>(
        'POST',
        `/api/history-imports/${upload.import.id}/start`,
        plan(),
      );
      setJob(await request<HistoryImport>('GET', `/api/history-imports/${started.jobId}`));
    });
  };

  const headers = upload?.import.headers ?? [];
  const columnOptions = [
    { value: '', label: t('hist.none') },
    ...headers.map((h) => ({ value: h, label: h })),
  ];
  const columnSelect = (id: string, label: string, value: string, onChange: (v: string) => void) => (
    <SelectField key={id} id={id} label={label} value={value} onChange={onChange} options={columnOptions} />
  );

  return (
    <div class="op-wide">
      <p class="lead">{t('hist.lead')}</p>
      <form class="op-form" onSubmit={send}>
        <FileField id="hist-file" label={t('hist.file')} accept=".csv,.xlsx" required onFile={setFile} />
        <SubmitButton label={t('hist.upload')} disabled={action.isBusy} />
      </form>
      <ErrorNotice error={action.error} />
      {upload && (
        <div role="status">
          <p>{t('hist.rows', { rows: upload.import.rowCount, headers: headers.join(', ') })}</p>
          {upload.known && <p>{t('hist.known', { date: wib(upload.import.createdAt, lang) })}</p>}
        </div>
      )}
      {upload && draft && upload.import.status !== 'selesai' && (
        <form class="op-form op-filters" onSubmit={runDry}>
          <h2>{t('hist.mapping')}</h2>
          <p class="hint">{t('hist.mappingLead')}</p>
          {columnSelect('hist-date', t('hist.field.date'), draft.date, (v) =>
            setDraft({ ...draft, date: v }),
          )}
          {[0, 1, 2].map((i) =>
            columnSelect(
              `hist-place-${i}`,
              t('hist.field.place', { n: i + 1 }),
              draft.place[i] ?? '',
              (v) => {
                const place = [...draft.place] as Draft['place'];
                place[i] = v;
                setDraft({ ...draft, place });
              },
            ),
          )}
          {SINGLE_FIELDS.map((field) =>
            columnSelect(`hist-${field}`, t(`hist.field.${field}`), draft[field] ?? '', (v) =>
              setDraft({ ...draft, [field]: v || undefined }),
            ),
          )}
          <InputField
            id="hist-home"
            label={t('hist.home')}
            value={home}
            inputMode="decimal"
            onInput={setHome}
          />
          <CheckField label={t('hist.duplicates')} checked={withDuplicates} onChange={setWithDuplicates} />
          <SubmitButton
            label={t('hist.dryRun')}
            disabled={action.isBusy || !draft.date || !draft.place.some(Boolean)}
            isSecondary
          />
        </form>
      )}
      {dryRun && upload?.import.status !== 'selesai' && (
        <DryRunView
          reply={dryRun}
          typeMap={typeMap}
          onType={(value, type) => setTypeMap({ ...typeMap, [value]: type as TypeMapping[string] })}
          choices={choices}
          onChoice={(row, code) => setChoices({ ...choices, [row]: code })}
          onStart={start}
          isBusy={action.isBusy || (job !== undefined && job.status !== 'gagal')}
        />
      )}
      {job && (
        <p role="status" aria-live="polite">
          {job.status === 'antre' && t('hist.queued')}
          {job.status === 'berjalan' && t('hist.progress', { done: job.doneRows, total: job.rowCount })}
          {job.status === 'selesai' &&
            t('hist.done', {
              imported: job.imported,
              skipped: job.skipped,
              first: job.firstDay ?? '–',
              last: job.lastDay ?? '–',
            })}
          {job.status === 'gagal' && t('hist.failed', { error: job.error ?? '' })}
        </p>
      )}
    </div>
  );
}

function DryRunView(props: {
  reply: DryRunReply;
  typeMap: TypeMapping;
  onType: (value: string, type: string) => void;
  choices: Record<string, string>;
  onChoice: (row: number, code: string) => void;
  onStart: () => void;
  isBusy: boolean;
}) {
  const t = useT();
  const { reply } = props;
  const c = reply.counts;
  return (
    <Section id="hist-result" heading={t('hist.result')}>
      <p role="status">
        {t('hist.counts', {
          siap: c.siap ?? 0,
          ambigu: c.ambigu ?? 0,
          duplikat: c.duplikat ?? 0,
          sudah: c.sudah ?? 0,
          galat: c.galat ?? 0,
          first: reply.firstDay ?? '–',
          last: reply.lastDay ?? '–',
        })}
      </p>
      <h3>{t('hist.types')}</h3>
      <p class="hint">{t('hist.typesLead')}</p>
      <DataTable
        scrollLabel={t('hist.types')}
        columns={[t('hist.col.value'), t('hist.col.rows'), t('hist.col.type')]}
      >
        {reply.typeMap.map((row, i) => (
          <tr key={row.value}>
            <td id={`hist-type-${i}`}>{row.value || '–'}</td>
            <td>{row.rows}</td>
            <td>
              <select
                aria-labelledby={`hist-type-${i}`}
                value={props.typeMap[row.value] ?? row.conflictType}
                onChange={(e) => props.onType(row.value, (e.currentTarget as HTMLSelectElement).value)}
              >
                <ConflictTypeOptions />
              </select>
            </td>
          </tr>
        ))}
      </DataTable>
      <h3>{t('hist.rowsTable')}</h3>
      <DataTable
        scrollLabel={t('hist.rowsTable')}
        columns={[
          t('hist.col.row'),
          t('hist.col.state'),
          t('hist.col.date'),
          t('hist.col.place'),
          t('hist.col.resolved'),
          t('hist.col.type'),
          t('hist.col.counts'),
          t('hist.col.note'),
        ]}
      >
        {reply.rows.map((row) => (
          <tr key={row.row}>
            <td>{row.row}</td>
            <td>
              <Tag tone={row.state === 'siap' ? 'ok' : row.state === 'galat' ? 'danger' : 'warn'}>
                {t(`hist.state.${row.state}`)}
              </Tag>
            </td>
            <td>{row.occurredAt?.slice(0, 10) ?? '–'}</td>
            <td>{row.placeText}</td>
            <td>
              {row.place
                ? `${row.place.name} (${row.place.code})`
                : row.candidates.length > 0 && (
                    <select
                      aria-label={t('hist.pick', { row: row.row })}
                      value={props.choices[String(row.row)] ?? ''}
                      onChange={(e) => props.onChoice(row.row, (e.currentTarget as HTMLSelectElement).value)}
                    >
                      <option value="">{t('hist.pickNone')}</option>
                      {row.candidates.map((p) => (
                        <option key={p.code} value={p.code}>
                          {`${p.name}, ${p.kabkotaName} (${p.code})`}
                        </option>
                      ))}
                    </select>
                  )}
            </td>
            <td>{row.conflictType ? t(`field.conflictType.${row.conflictType}`) : '–'}</td>
            <td>{`${row.injured} / ${row.dead} / ${row.displaced}`}</td>
            <td>
              {row.duplicateOf
                ? t('hist.duplicateOf', { id: row.duplicateOf.slice(0, 8).toUpperCase() })
                : ''}
              {row.problems.join('; ')}
            </td>
          </tr>
        ))}
      </DataTable>
      <ActionButton label={t('hist.start')} isBusy={props.isBusy} onClick={props.onStart} />
    </Section>
  );
}
