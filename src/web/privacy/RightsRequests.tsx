// The requests of the people in the data on the Pelindungan data page: find a person, record a request for the
// records found, follow its deadline, and answer it (the file as PDF, a correction, the erasure).
import { useState } from 'preact/hooks';
import { CORRECTABLE, REQUEST_KIND_LABELS, type RequestKind } from '../../shared/privacy/rights-rules.ts';
import type { RecordRef } from '../../shared/privacy/rights-schema.ts';
import { useDraft } from '../draft.ts';
import { CheckField, InputField, SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { DataTable, ErrorNotice, FormSubmit, Tag, useFormSend, useLoad, wib } from '../operator/ui.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import {
  answerRequest,
  correctField,
  createRequest,
  listRequests,
  personFilePdfPath,
  type RightsRequestView,
  runErasure,
  type SubjectSearchResult,
  searchSubjects,
} from './privacy-api.ts';

const CLOCK_TONE = { berjalan: 'brand', mendekati: 'warn', lewat: 'danger', selesai: 'ok' } as const;

/** Search, record, list and answer requests. */
export function RightsRequests(props: { canSearch: boolean }) {
  const t = useT();
  const list = useLoad(listRequests, []);
  const [openId, setOpenId] = useState<string | undefined>();
  const open = list.data?.items.find((r) => r.id === openId);
  const heading = t('privacy.requests', { count: list.data?.items.length ?? 0 });
  return (
    <>
      {props.canSearch && (
        <SubjectSearch
          onRecorded={(id) => {
            list.reload();
            setOpenId(id);
          }}
        />
      )}
      <section aria-labelledby="privacy-requests-heading">
        <h2 id="privacy-requests-heading">{heading}</h2>
        <ErrorNotice error={list.error} />
        <RequestTable items={list.data?.items ?? []} onOpen={setOpenId} label={heading} />
      </section>
      {open && <RequestDetail key={open.id} request={open} onChanged={list.reload} />}
    </>
  );
}

function RequestTable(props: { items: RightsRequestView[]; onOpen: (id: string) => void; label: string }) {
  const t = useT();
  const lang = useLang();
  if (props.items.length === 0) return <p>{t('privacy.requests.none')}</p>;
  return (
    <DataTable
      caption={props.label}
      columns={[
        t('privacy.req.kind'),
        t('privacy.req.received'),
        t('privacy.req.due'),
        t('privacy.req.status'),
      ]}
    >
      {props.items.map((r) => (
        <tr key={r.id}>
          <th scope="row">
            <button type="button" class="button op-button-secondary" onClick={() => props.onOpen(r.id)}>
              {REQUEST_KIND_LABELS[r.kind][lang]}
            </button>
          </th>
          <td>{wib(r.receivedAt, lang)}</td>
          <td>
            {wib(r.dueAt, lang)}{' '}
            <Tag tone={CLOCK_TONE[r.clock.state]}>{t(`privacy.clock.${r.clock.state}`)}</Tag>
          </td>
          <td>{t(`privacy.status.${r.status}`)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function SubjectSearch(props: { onRecorded: (id: string) => void }) {
  const t = useT();
  const lang = useLang();
  const { draft: query, field: bind } = useDraft({ nik: '', name: '', birthYear: '', phone: '' });
  const [found, setFound] = useState<SubjectSearchResult | undefined>();
  const [chosen, setChosen] = useState<RecordRef[]>([]);
  const [kind, setKind] = useState<RequestKind>('akses');
  const search = useFormSend(
    () => searchSubjects(Object.fromEntries(Object.entries(query).filter(([, v]) => v.trim() !== ''))),
    (result) => {
      setFound(result);
      setChosen([]);
    },
  );
  const record = useFormSend(async () => {
    const id = crypto.randomUUID();
    await createRequest({
      id,
      kind,
      requestedBy: 'subjek',
      receivedAt: new Date().toISOString(),
      records: chosen,
    });
    return id;
  }, props.onRecorded);
  const field = (key: keyof typeof query, label: string, inputMode?: 'numeric' | 'tel') => (
    <InputField id={`privacy-search-${key}`} label={label} inputMode={inputMode} {...bind(key)} />
  );
  const isChosen = (ref: RecordRef) => chosen.some((c) => c.table === ref.table && c.id === ref.id);
  return (
    <section aria-labelledby="privacy-search-heading">
      <h2 id="privacy-search-heading">{t('privacy.search')}</h2>
      <form class="op-form" onSubmit={search.submit}>
        {field('nik', t('privacy.search.nik'), 'numeric')}
        {field('name', t('privacy.search.name'))}
        {field('birthYear', t('privacy.search.birthYear'), 'numeric')}
        {field('phone', t('privacy.search.phone'), 'tel')}
        <ErrorNotice error={search.error} />
        <FormSubmit label={t('privacy.search.submit')} disabled={search.isBusy} isSecondary />
      </form>
      {found && (
        <form class="op-form" onSubmit={record.submit}>
          <fieldset>
            <legend>{t('privacy.search.found', { count: found.records.length })}</legend>
            {found.records.map((r) => {
              const ref = { table: r.table, id: r.id } as RecordRef;
              const name = r.fields.find((f) => /name|description/.test(f.column))?.value ?? r.id;
              return (
                <CheckField
                  key={`${r.table}:${r.id}`}
                  label={`${r.label}: ${name.slice(0, 80)}`}
                  checked={isChosen(ref)}
                  onChange={(checked) =>
                    setChosen(checked ? [...chosen, ref] : chosen.filter((c) => c.id !== r.id))
                  }
                />
              );
            })}
          </fieldset>
          <SelectField
            id="privacy-request-kind"
            label={t('privacy.req.kind')}
            value={kind}
            onChange={(value) => setKind(value as RequestKind)}
            options={(Object.keys(REQUEST_KIND_LABELS) as RequestKind[]).map((k) => ({
              value: k,
              label: REQUEST_KIND_LABELS[k][lang],
            }))}
          />
          <ErrorNotice error={record.error} />
          <FormSubmit label={t('privacy.req.record')} disabled={record.isBusy || chosen.length === 0} />
        </form>
      )}
    </section>
  );
}

function RequestDetail(props: { request: RightsRequestView; onChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const r = props.request;
  const { draft, field } = useDraft({ answer: '' });
  const action = useFormSend(() => answerRequest(r.id, draft.answer), props.onChanged);
  const isOpen = r.status === 'diproses';
  return (
    <section aria-labelledby="privacy-request-heading">
      <h2 id="privacy-request-heading">
        {t('privacy.req.detail', { kind: REQUEST_KIND_LABELS[r.kind][lang] })}
      </h2>
      <p>
        {t('privacy.req.deadline', { due: wib(r.dueAt, lang), source: r.deadlineSource })} ·{' '}
        {t(`privacy.status.${r.status}`)}
      </p>
      <ul>
        {r.records.map((rec) => (
          <li key={rec.id}>
            {rec.label} <code>{rec.id}</code>
          </li>
        ))}
      </ul>
      {r.answer && <p>{r.answer}</p>}
      <ErrorNotice error={action.error} />
      {r.kind === 'akses' && (
        <p>
          <a class="button" href={personFilePdfPath(r.id)} download>
            {t('privacy.req.filePdf')}
          </a>
        </p>
      )}
      {isOpen && r.kind === 'perbaikan' && <Correction request={r} onDone={props.onChanged} />}
      {isOpen && r.kind === 'penghapusan' && (
        <ActionButton
          label={t('privacy.req.erase')}
          isBusy={action.isBusy}
          onClick={() =>
            void action.run(async () => {
              await runErasure(r.id);
              props.onChanged();
            })
          }
        />
      )}
      {isOpen && r.kind !== 'penghapusan' && (
        <form class="op-form" onSubmit={action.submit}>
          <TextAreaField id="privacy-request-answer" label={t('privacy.req.answer')} {...field('answer')} />
          <FormSubmit
            label={t('privacy.req.answerSubmit')}
            disabled={action.isBusy || draft.answer.trim().length < 3}
          />
        </form>
      )}
    </section>
  );
}

function Correction(props: { request: RightsRequestView; onDone: () => void }) {
  const t = useT();
  const first = props.request.records[0];
  const [target, setTarget] = useState(`${first.table}:${first.id}`);
  const [table, id] = target.split(':') as [RecordRef['table'], string];
  const fields = Object.keys(CORRECTABLE[table]);
  const [field, setField] = useState(fields[0]);
  const { draft, field: text, reset } = useDraft({ value: '' });
  const [saved, setSaved] = useState('');
  const action = useFormSend(
    () => correctField(props.request.id, { table, id, field, value: draft.value }),
    () => {
      setSaved(field);
      reset();
      props.onDone();
    },
  );
  return (
    <form class="op-form" onSubmit={action.submit}>
      <SelectField
        id="privacy-correction-target"
        label={t('privacy.req.target')}
        value={target}
        onChange={setTarget}
        options={props.request.records.map((rec) => ({ value: `${rec.table}:${rec.id}`, label: rec.label }))}
      />
      <SelectField
        id="privacy-correction-field"
        label={t('privacy.req.field')}
        value={field}
        onChange={setField}
        options={fields.map((f) => ({ value: f, label: f }))}
      />
      <InputField id="privacy-correction-value" label={t('privacy.req.value')} {...text('value')} />
      <ErrorNotice error={action.error} />
      {saved && <p role="status">{t('privacy.req.corrected', { field: saved })}</p>}
      <FormSubmit
        label={t('privacy.req.correct')}
        disabled={action.isBusy || draft.value.trim() === ''}
        isSecondary
      />
    </form>
  );
}
