// Pengaturan: the partner agencies (mitra) that dispositions go to, each added, renamed or set inactive here.
import { useState } from 'preact/hooks';
import { CheckField, InputField, SelectField } from '../../fields.tsx';
import { useT } from '../../lang.ts';
import { Section } from '../../ui/Section.tsx';
import { SmallButton } from '../../ui/SmallButton.tsx';
import { type Agency, listAgencies, listRegions, saveAgency } from '../operator-api.ts';
import { ActionOutcome, ActiveTag, DataTable, ErrorNotice, FormSubmit, useAction, useLoad } from '../ui.tsx';

const EMPTY_AGENCY: Agency = { id: '', name: '', kabkotaCode: null, isActive: true };

export function AgenciesSection() {
  const t = useT();
  const agencies = useLoad(() => listAgencies().then((r) => r.items), []);
  const kabkota = useLoad(() => listRegions('35').then((r) => r.items), []);
  const [draft, setDraft] = useState<Agency>(EMPTY_AGENCY);
  const [isEditing, setEditing] = useState(false);
  const [done, setDone] = useState('');
  const action = useAction();
  const nameOf = (code: string | null) =>
    code ? (kabkota.data?.find((r) => r.code === code)?.name ?? code) : t('op.agency.province');

  async function save(event: Event) {
    event.preventDefault();
    if (await action.run(() => saveAgency({ ...draft, id: draft.id.trim(), name: draft.name.trim() }))) {
      setDone(t('op.agency.saved', { name: draft.name.trim() }));
      setDraft(EMPTY_AGENCY);
      setEditing(false);
      agencies.reload();
    }
  }

  return (
    <Section id="agency-heading" heading={t('op.agency.heading')}>
      <ErrorNotice error={agencies.error} />
      <DataTable
        caption={t('op.agency.heading')}
        columns={[t('op.agency.name'), t('op.agency.id'), t('op.agency.area'), t('op.users.status')]}
        actionsLabel={t('op.users.actions')}
      >
        {agencies.data?.map((agency) => (
          <tr key={agency.id}>
            <th scope="row">{agency.name}</th>
            <td>
              <code>{agency.id}</code>
            </td>
            <td>{nameOf(agency.kabkotaCode)}</td>
            <td>
              <ActiveTag isActive={agency.isActive} />
            </td>
            <td>
              <SmallButton
                onClick={() => {
                  setDraft(agency);
                  setEditing(true);
                  setDone('');
                }}
              >
                {t('op.agency.edit', { name: agency.name })}
              </SmallButton>
            </td>
          </tr>
        ))}
      </DataTable>
      <form class="op-form op-grid-form" onSubmit={save}>
        <h3 class="op-form-title">{t(isEditing ? 'op.agency.editHeading' : 'op.agency.addHeading')}</h3>
        <InputField
          id="agency-id"
          label={t('op.agency.id')}
          hint={t('op.agency.idHint')}
          required
          pattern="[a-z0-9-]{2,64}"
          isReadOnly={isEditing}
          value={draft.id}
          onInput={(id) => setDraft({ ...draft, id })}
        />
        <InputField
          id="agency-name"
          label={t('op.agency.name')}
          required
          minLength={2}
          value={draft.name}
          onInput={(name) => setDraft({ ...draft, name })}
        />
        <SelectField
          id="agency-area"
          label={t('op.agency.area')}
          value={draft.kabkotaCode ?? ''}
          onChange={(code) => setDraft({ ...draft, kabkotaCode: code || null })}
          options={[
            { value: '', label: t('op.agency.province') },
            ...(kabkota.data ?? []).map((r) => ({ value: r.code, label: r.name })),
          ]}
        />
        <CheckField
          label={t('op.agency.active')}
          checked={draft.isActive}
          onChange={(isActive) => setDraft({ ...draft, isActive })}
        />
        <FormSubmit
          label={t('op.agency.save')}
          disabled={action.isBusy}
          onCancel={
            isEditing
              ? () => {
                  setDraft(EMPTY_AGENCY);
                  setEditing(false);
                }
              : undefined
          }
        />
      </form>
      <ActionOutcome done={done} error={action.error} />
    </Section>
  );
}
