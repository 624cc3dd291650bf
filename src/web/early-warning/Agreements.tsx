// The peace agreements a group is party to (in the viewer's scope): parties, date, place, text, the signed
// document and the reports that show it was broken; recording a new one, uploading its document, noting a breach.
import { useState } from 'preact/hooks';
import { EW_TEXT } from '../../shared/early-warning/text-lengths.ts';
import { kabkotaOf } from '../../shared/region-codes.ts';
import type { SignedInUser } from '../api.ts';
import { useDraft } from '../draft.ts';
import { CheckList, FileField, InputField, SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { kindLabel } from '../operator/labels.ts';
import { listReports } from '../operator/operator-api.ts';
import { FormSubmit, useAction, useLoad, wib, wibDay } from '../operator/ui.tsx';
import {
  type Agreement,
  addBreach,
  agreementDocumentUrl,
  createAgreement,
  type Group,
  type GroupDetail,
  uploadAgreementDocument,
} from './ew-api.ts';
import { EwError, formatDay, RegionPicker } from './ew-ui.tsx';

const DOCUMENT_TYPES = 'application/pdf,image/jpeg,image/png';

export function AgreementsSection(props: {
  group: GroupDetail;
  groups: readonly Group[];
  me: SignedInUser;
  onChanged: () => void;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h3>{t('ew.agreements.heading')}</h3>
      {props.group.agreements.length === 0 ? (
        <p>{t('ew.agreements.empty')}</p>
      ) : (
        <ul class="op-plain-list ew-agreements">
          {props.group.agreements.map((a) => (
            <li key={a.id} class="ew-card">
              <h4>{a.title}</h4>
              <p>
                {t('ew.agreements.signed', {
                  date: formatDay(a.signedOn, lang),
                  place: a.place,
                  region: a.regionName,
                })}
              </p>
              <p>{t('ew.agreements.parties', { names: a.parties.map((p) => p.shortName).join(', ') })}</p>
              {a.body && <p class="op-description">{a.body}</p>}
              <DocumentPart agreement={a} onChanged={props.onChanged} />
              <Breaches agreement={a} onChanged={props.onChanged} />
            </li>
          ))}
        </ul>
      )}
      <AgreementForm group={props.group} groups={props.groups} me={props.me} onAdded={props.onChanged} />
    </>
  );
}

/** A link to the signed document, or a file field to upload it (photo metadata is stripped by the server). */
function DocumentPart(props: { agreement: Agreement; onChanged: () => void }) {
  const t = useT();
  const action = useAction();
  const id = `ew-doc-${props.agreement.id}`;
  return (
    <div>
      {props.agreement.hasDocument && (
        <p>
          <a href={agreementDocumentUrl(props.agreement.id)} target="_blank" rel="noopener">
            {t('ew.agreements.document', { title: props.agreement.title })}
          </a>
        </p>
      )}
      <FileField
        id={id}
        label={t(
          props.agreement.hasDocument ? 'ew.agreements.replaceDocument' : 'ew.agreements.uploadDocument',
        )}
        accept={DOCUMENT_TYPES}
        isDisabled={action.isBusy}
        onFile={async (file, input) => {
          if (!file) return;
          if (await action.run(() => uploadAgreementDocument(props.agreement.id, file))) {
            input.value = '';
            props.onChanged();
          }
        }}
      />
      {action.isBusy && <p role="status">{t('ew.agreements.uploading')}</p>}
      <EwError error={action.error} />
    </div>
  );
}

/** The breaches noted so far, and a form to link a report of the agreement's kab/kota as one more. */
function Breaches(props: { agreement: Agreement; onChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const [isOpen, setOpen] = useState(false);
  const kabkota = kabkotaOf(props.agreement.regionCode) ?? props.agreement.regionCode;
  const reports = useLoad(
    () =>
      isOpen ? listReports({ region: kabkota, limit: 50 }).then((r) => r.items) : Promise.resolve(undefined),
    [isOpen, kabkota],
  );
  const { draft, set, field, reset } = useDraft({ reportId: '', note: '' }, { note: EW_TEXT.breachNote });
  const action = useAction();
  const id = props.agreement.id;

  return (
    <>
      {props.agreement.breaches.length > 0 && (
        <>
          <p class="ew-strong">{t('ew.breaches.heading', { count: props.agreement.breaches.length })}</p>
          <ul>
            {props.agreement.breaches.map((b) => (
              <li key={b.id}>
                {wib(b.notedAt, lang)}
                {b.note ? `: ${b.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <details class="ew-details" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('ew.breaches.add')}</summary>
        <form
          class="op-form ew-subform"
          aria-label={t('ew.breaches.add')}
          onSubmit={async (event) => {
            event.preventDefault();
            if (
              await action.run(() => addBreach(id, { reportId: draft.reportId, note: draft.note.trim() }))
            ) {
              reset();
              props.onChanged();
            }
          }}
        >
          <SelectField
            id={`ew-breach-report-${id}`}
            label={t('ew.breaches.report')}
            required
            value={draft.reportId}
            onChange={(reportId) => set('reportId', reportId)}
            options={[
              { value: '', label: reports.data ? t('ew.breaches.choose') : t('common.loading') },
              ...(reports.data ?? []).map((r) => ({
                value: r.id,
                label: `${wib(r.occurredAt, lang)} · ${kindLabel(t, r.kind)} · ${r.regionName} — ${r.description.slice(0, 60)}`,
              })),
            ]}
          />
          {reports.data && reports.data.length === 0 && <p>{t('ew.breaches.noReports')}</p>}
          <InputField id={`ew-breach-note-${id}`} label={t('ew.breaches.note')} {...field('note')} />
          <EwError error={action.error ?? reports.error} />
          <FormSubmit
            label={t('ew.breaches.submit')}
            disabled={action.isBusy || !draft.reportId}
            isSecondary
          />
        </form>
      </details>
    </>
  );
}

/** Records a peace agreement between this group and at least one other, in the viewer's scope. */
function AgreementForm(props: {
  group: GroupDetail;
  groups: readonly Group[];
  me: SignedInUser;
  onAdded: () => void;
}) {
  const t = useT();
  const { draft, field, isTooShort, reset } = useDraft(
    { title: '', place: '', body: '' },
    { title: EW_TEXT.agreementTitle, place: EW_TEXT.agreementPlace, body: EW_TEXT.agreementBody },
  );
  const [regionCode, setRegionCode] = useState('');
  const [signedOn, setSignedOn] = useState(() => wibDay(0));
  const [parties, setParties] = useState<string[]>([]);
  const action = useAction();
  const others = props.groups.filter((g) => g.id !== props.group.id);

  async function submit(event: Event) {
    event.preventDefault();
    const ok = await action.run(() =>
      createAgreement({
        title: draft.title.trim(),
        regionCode,
        place: draft.place.trim(),
        signedOn,
        body: draft.body.trim(),
        groupIds: [props.group.id, ...parties],
      }),
    );
    if (ok) {
      reset();
      setParties([]);
      props.onAdded();
    }
  }

  return (
    <details class="ew-details">
      <summary>{t('ew.agreements.add')}</summary>
      <form class="op-form ew-subform" aria-label={t('ew.agreements.add')} onSubmit={submit}>
        <InputField id="ew-agreement-title" label={t('ew.agreements.title')} required {...field('title')} />
        <RegionPicker
          id="ew-agreement-region"
          legend={t('ew.agreements.region')}
          me={props.me}
          value={regionCode}
          onChange={setRegionCode}
          kecamatan="optional"
        />
        <div class="op-grid-form">
          <InputField id="ew-agreement-place" label={t('ew.agreements.place')} required {...field('place')} />
          <InputField
            id="ew-agreement-date"
            label={t('ew.agreements.date')}
            required
            value={signedOn}
            type="date"
            onInput={setSignedOn}
          />
        </div>
        <fieldset class="op-radios">
          <legend>{t('ew.agreements.otherParties', { name: props.group.shortName })}</legend>
          {others.length === 0 && <p>{t('ew.agreements.noOthers')}</p>}
          <CheckList
            options={others.map((g) => ({ value: g.id, label: g.shortName }))}
            selected={parties}
            onChange={setParties}
          />
        </fieldset>
        <TextAreaField id="ew-agreement-body" label={t('ew.agreements.body')} rows={4} {...field('body')} />
        <EwError error={action.error} />
        <FormSubmit
          label={t('ew.agreements.submit')}
          disabled={action.isBusy || !regionCode || parties.length === 0 || isTooShort}
          isSecondary
        />
      </form>
    </details>
  );
}
