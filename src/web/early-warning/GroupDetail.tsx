// One actor group: its branches in the viewer's scope (contact persons masked; shown whole on request to
// those allowed, which the server logs), its rivalries and its peace agreements, with the forms to add them.

import { useState } from 'preact/hooks';
import { EW_TEXT } from '../../shared/early-warning/text-lengths.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import { can } from '../../shared/permissions/index.ts';
import { kabkotaOf, levelOfCode } from '../../shared/region-codes.ts';
import type { SignedInUser } from '../api.ts';
import { textOrNull, useDraft } from '../draft.ts';
import { InputField, RadioField, SelectField, TextAreaField } from '../fields.tsx';
import { useT } from '../lang.ts';
import { DoneNotice, FormSubmit, StandIn, Tag, useAction } from '../operator/ui.tsx';
import { ItemsTable } from '../ui/DataTable.tsx';
import { SmallButton } from '../ui/SmallButton.tsx';
import { AgreementsSection } from './Agreements.tsx';
import {
  addBranch,
  type Branch,
  type Group,
  getBranch,
  getGroup,
  type Intensity,
  type Rivalry,
  saveRivalry,
  setGroupActive,
} from './ew-api.ts';
import { EwError, RegionPicker, useDetailPanel } from './ew-ui.tsx';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function groupKindLabel(t: Translate, kind: string): string {
  return t(`ew.groupKind.${kind}` as MessageKey) ?? kind;
}

/** The intensity in words, coloured by how much it weighs. */
export function RivalryTag(props: { rivalry: Pick<Rivalry, 'intensity'> }) {
  const t = useT();
  const tone =
    props.rivalry.intensity === 'tinggi' ? 'danger' : props.rivalry.intensity === 'sedang' ? 'warn' : 'muted';
  return <Tag tone={tone}>{t(`ew.intensity.${props.rivalry.intensity}` as MessageKey)}</Tag>;
}

export function GroupDetailPanel(props: {
  id: string;
  me: SignedInUser;
  groups: readonly Group[];
  version: number;
  onChanged: () => void;
}) {
  const t = useT();
  const { loaded, done, action, heading, changed } = useDetailPanel(getGroup, props);
  const [revealed, setRevealed] = useState<Map<string, Branch>>(new Map());

  const group = loaded.data;
  if (!group) {
    return <StandIn error={loaded.error} Error={EwError} />;
  }
  const isKeeper = can(props.me.role, 'group.keep');

  async function reveal(branch: Branch) {
    let whole: Branch | undefined;
    if (await action.run(async () => (whole = await getBranch(branch.id)))) {
      setRevealed((current) => new Map(current).set(branch.id, whole as Branch));
    }
  }

  return (
    <section class="op-detail" aria-labelledby="ew-group-heading">
      <h2 id="ew-group-heading" tabIndex={-1} ref={heading}>
        {group.shortName} — {group.name}
      </h2>
      <p class="op-tags">
        <Tag>{groupKindLabel(t, group.kind)}</Tag>{' '}
        <Tag tone={group.isActive ? 'ok' : 'muted'}>
          {t(group.isActive ? 'ew.groups.active' : 'ew.groups.inactive')}
        </Tag>
      </p>
      {group.description && <p class="op-description">{group.description}</p>}
      <DoneNotice message={done} />
      <EwError error={action.error} />
      {isKeeper && (
        <div class="op-actions">
          <SmallButton
            disabled={action.isBusy}
            onClick={async () => {
              if (await action.run(() => setGroupActive(group.id, !group.isActive)))
                changed(t(group.isActive ? 'ew.groups.deactivated' : 'ew.groups.activated'));
            }}
          >
            {t(group.isActive ? 'ew.groups.deactivate' : 'ew.groups.activate')}
          </SmallButton>
        </div>
      )}

      <h3>{t('ew.branches.heading')}</h3>
      <ItemsTable
        caption={t('ew.branches.heading')}
        columns={[
          t('ew.branches.col.name'),
          t('ew.branches.col.region'),
          t('ew.branches.col.contact'),
          t('ew.branches.col.address'),
        ]}
        items={group.branches}
        empty={t('ew.branches.empty')}
        row={(listed) => {
          const branch = revealed.get(listed.id) ?? listed;
          return (
            <tr key={branch.id}>
              <th scope="row">
                {branch.name}{' '}
                <span class="ew-muted">({t(`ew.branchLevel.${branch.level}` as MessageKey)})</span>
              </th>
              <td>{branch.regionName}</td>
              <td>
                {[branch.contactName, branch.contactPhone].filter(Boolean).join(' · ') || '—'}
                {branch.isMasked &&
                  (branch.contactName || branch.contactPhone) &&
                  can(props.me.role, 'group.contacts') &&
                  !revealed.has(branch.id) && (
                    <SmallButton
                      class="ew-inline-button"
                      disabled={action.isBusy}
                      onClick={() => reveal(branch)}
                    >
                      {t('ew.branches.reveal', { name: branch.name })}
                    </SmallButton>
                  )}
                {revealed.has(branch.id) && branch.isMasked && (
                  <span class="ew-muted"> {t('ew.branches.stillMasked')}</span>
                )}
              </td>
              <td>{branch.address || '—'}</td>
            </tr>
          );
        }}
      />
      <p class="hint">{t('ew.branches.maskNote')}</p>
      <BranchForm groupId={group.id} me={props.me} onAdded={() => changed(t('ew.branches.added'))} />

      <h3>{t('ew.rivalries.ofGroup')}</h3>
      {group.rivalries.length === 0 ? (
        <p>{t('ew.rivalries.noneForGroup')}</p>
      ) : (
        <ul class="op-plain-list">
          {group.rivalries.map((r) => (
            <li key={r.id}>
              {r.groupA === group.id ? r.groupBName : r.groupAName} <RivalryTag rivalry={r} />{' '}
              <Tag tone={r.status === 'aktif' ? 'danger' : 'muted'}>
                {t(r.status === 'aktif' ? 'ew.rivalry.aktif' : 'ew.rivalry.mereda')}
              </Tag>
              {r.note && <span> — {r.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {isKeeper && (
        <RivalryForm group={group} groups={props.groups} onSaved={() => changed(t('ew.rivalry.saved'))} />
      )}

      <AgreementsSection
        group={group}
        groups={props.groups}
        me={props.me}
        onChanged={() => changed(t('ew.agreements.changed'))}
      />
    </section>
  );
}

/** Adds a cabang (kab/kota) or ranting (kecamatan) in the viewer's scope. */
function BranchForm(props: { groupId: string; me: SignedInUser; onAdded: () => void }) {
  const t = useT();
  const [level, setLevel] = useState<'cabang' | 'ranting'>('cabang');
  const [regionCode, setRegionCode] = useState('');
  const { draft, field, isTooShort, reset } = useDraft(
    { name: '', contactName: '', contactPhone: '', address: '' },
    { name: EW_TEXT.branchName, address: EW_TEXT.branchAddress },
  );
  const action = useAction();
  const isRegionReady = levelOfCode(regionCode) === (level === 'cabang' ? 'kabkota' : 'kecamatan');

  async function submit(event: Event) {
    event.preventDefault();
    const ok = await action.run(() =>
      addBranch(props.groupId, {
        level,
        regionCode,
        name: draft.name.trim(),
        contactName: textOrNull(draft.contactName),
        contactPhone: textOrNull(draft.contactPhone),
        address: textOrNull(draft.address),
      }),
    );
    if (ok) {
      reset();
      props.onAdded();
    }
  }

  return (
    <details class="ew-details">
      <summary>{t('ew.branches.add')}</summary>
      <form class="op-form ew-subform" aria-label={t('ew.branches.add')} onSubmit={submit}>
        <RadioField
          legend={t('ew.branches.level')}
          name="ew-branch-level"
          options={(['cabang', 'ranting'] as const).map((l) => ({
            value: l,
            label: t(`ew.branchLevel.${l}`),
          }))}
          value={level}
          onChange={(l) => {
            setLevel(l);
            setRegionCode(kabkotaOf(regionCode) ?? regionCode);
          }}
        />
        <RegionPicker
          id="ew-branch-region"
          legend={t('ew.branches.region')}
          me={props.me}
          value={regionCode}
          onChange={setRegionCode}
          kecamatan={level === 'cabang' ? 'none' : 'required'}
        />
        <InputField id="ew-branch-name" label={t('ew.branches.name')} required {...field('name')} />
        <div class="op-grid-form">
          <InputField id="ew-branch-contact" label={t('ew.branches.contactName')} {...field('contactName')} />
          <InputField
            id="ew-branch-phone"
            label={t('ew.branches.contactPhone')}
            type="tel"
            inputMode="tel"
            pattern="\+?[0-9 \-]{8,20}"
            {...field('contactPhone')}
          />
        </div>
        <InputField id="ew-branch-address" label={t('ew.branches.address')} {...field('address')} />
        <EwError error={action.error} />
        <FormSubmit
          label={t('ew.branches.addSubmit')}
          disabled={action.isBusy || !isRegionReady || isTooShort}
          isSecondary
        />
      </form>
    </details>
  );
}

/** Records or updates the rivalry of this group with another (koordinator, provinsi, admin). */
function RivalryForm(props: { group: Group; groups: readonly Group[]; onSaved: () => void }) {
  const t = useT();
  const others = props.groups.filter((g) => g.id !== props.group.id);
  const { draft, set, field } = useDraft(
    {
      otherId: '',
      intensity: 'sedang' as Intensity,
      status: 'aktif' as 'aktif' | 'mereda',
      note: '',
    },
    { note: EW_TEXT.rivalryNote },
  );
  const action = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    const ok = await action.run(() =>
      saveRivalry({
        groupIds: [props.group.id, draft.otherId],
        intensity: draft.intensity,
        status: draft.status,
        note: draft.note.trim(),
      }),
    );
    if (ok) {
      set('note', '');
      props.onSaved();
    }
  }

  return (
    <details class="ew-details">
      <summary>{t('ew.rivalry.add')}</summary>
      <form class="op-form ew-subform" aria-label={t('ew.rivalry.add')} onSubmit={submit}>
        <div class="op-grid-form">
          <SelectField
            id="ew-rivalry-other"
            label={t('ew.rivalry.other')}
            required
            value={draft.otherId}
            onChange={(id) => set('otherId', id)}
            options={[
              { value: '', label: t('ew.region.choose') },
              ...others.map((g) => ({ value: g.id, label: `${g.shortName} — ${g.name}` })),
            ]}
          />
          <SelectField
            id="ew-rivalry-intensity"
            label={t('ew.rivalry.intensity')}
            value={draft.intensity}
            onChange={(value) => set('intensity', value as Intensity)}
            options={(['rendah', 'sedang', 'tinggi'] as const).map((i) => ({
              value: i,
              label: t(`ew.intensity.${i}`),
            }))}
          />
          <SelectField
            id="ew-rivalry-status"
            label={t('ew.rivalry.status')}
            value={draft.status}
            onChange={(value) => set('status', value as 'aktif' | 'mereda')}
            options={[
              { value: 'aktif', label: t('ew.rivalry.aktif') },
              { value: 'mereda', label: t('ew.rivalry.mereda') },
            ]}
          />
        </div>
        <TextAreaField id="ew-rivalry-note" label={t('ew.rivalry.note')} rows={2} {...field('note')} />
        <EwError error={action.error} />
        <FormSubmit label={t('ew.rivalry.submit')} disabled={action.isBusy || !draft.otherId} isSecondary />
      </form>
    </details>
  );
}
