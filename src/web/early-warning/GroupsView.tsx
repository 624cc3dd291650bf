// Kelompok: the province-wide register of actor groups (perguruan silat, suporter, ormas), searchable; adding a
// group; every recorded rivalry; one group beside the list with its branches, rivalries and peace agreements.
import { useState } from 'preact/hooks';
import { EW_TEXT } from '../../shared/early-warning/text-lengths.ts';
import { searchKey } from '../../shared/region-codes.ts';
import type { SignedInUser } from '../api.ts';
import { useDraft } from '../draft.ts';
import { CheckField, InputField, SearchField, SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { num, Tag, useFormSend, useLoad } from '../operator/ui.tsx';
import { ItemsTable } from '../ui/DataTable.tsx';
import { ListItemButton, OpensInPlace, SplitList, SplitView } from '../ui/ListView.tsx';
import {
  createGroup,
  GROUP_KINDS,
  type Group,
  type GroupKind,
  listGroups,
  listRivalries,
  type Rivalry,
} from './ew-api.ts';
import { EwError, FormBox } from './ew-ui.tsx';
import { GroupDetailPanel, groupKindLabel, RivalryTag } from './GroupDetail.tsx';

export function GroupsView(props: { me: SignedInUser }) {
  const t = useT();
  const lang = useLang();
  const [isAll, setAll] = useState(false);
  const groups = useLoad(() => listGroups({ all: isAll }).then((r) => r.items), [isAll]);
  const rivalries = useLoad(() => listRivalries().then((r) => r.items), []);
  const { draft: filter, set, field } = useDraft({ search: '', kind: '' });
  const { search, kind } = filter;
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [version, setVersion] = useState(0);

  const needle = searchKey(search.trim());
  const shown = (groups.data ?? []).filter(
    (g) =>
      (!kind || g.kind === kind) &&
      (!needle || searchKey(g.name).includes(needle) || searchKey(g.shortName).includes(needle)),
  );
  const onChanged = () => {
    groups.reload();
    rivalries.reload();
  };

  return (
    <div>
      <OpensInPlace
        label={t('ew.groups.add')}
        controls="ew-group-add"
        form={(close) => (
          <AddGroupForm
            onAdded={(group) => {
              close();
              groups.reload();
              setSelectedId(group.id);
            }}
            onCancel={close}
          />
        )}
      />
      <SplitView
        list={
          <SplitList
            id="ew-groups-heading"
            heading={t('ew.groups.heading', { count: num(shown.length, lang) })}
            loaded={groups}
            items={shown}
            empty={t('ew.groups.empty')}
            selectedId={selectedId}
            onSelect={setSelectedId}
            item={(group, selection) => (
              <ListItemButton {...selection} title={`${group.shortName} — ${group.name}`}>
                <span class="op-report-meta">
                  {groupKindLabel(t, group.kind)}
                  {!group.isActive && ` · ${t('ew.groups.inactive')}`}
                  {rivalsOf(group, rivalries.data ?? []).length > 0 &&
                    ` · ${t('ew.groups.rivalsOf', { names: rivalsOf(group, rivalries.data ?? []).join(', ') })}`}
                </span>
              </ListItemButton>
            )}
          >
            <form class="op-form op-filters" onSubmit={(event) => event.preventDefault()}>
              <SearchField id="ew-groups-q" label={t('ew.groups.search')} {...field('search')} />
              <SelectField
                id="ew-groups-kind"
                label={t('ew.groups.kind')}
                value={kind}
                onChange={(value) => set('kind', value)}
                options={[
                  { value: '', label: t('ew.groups.allKinds') },
                  ...GROUP_KINDS.map((k) => ({ value: k, label: groupKindLabel(t, k) })),
                ]}
              />
              <CheckField label={t('ew.groups.showInactive')} checked={isAll} onChange={setAll} />
            </form>
            <EwError error={groups.error} />
          </SplitList>
        }
        detail={
          selectedId && (
            <GroupDetailPanel
              key={selectedId}
              id={selectedId}
              me={props.me}
              groups={groups.data ?? []}
              version={version}
              onChanged={onChanged}
            />
          )
        }
        placeholder={t('ew.groups.choose')}
      />
      <RivalryOverview
        rivalries={rivalries.data}
        onSelect={(id) => {
          setSelectedId(id);
          setVersion((v) => v + 1);
        }}
      />
    </div>
  );
}

/** The short names of a group's active rivals. */
function rivalsOf(group: Group, rivalries: readonly Rivalry[]): string[] {
  return rivalries
    .filter((r) => r.status === 'aktif' && (r.groupA === group.id || r.groupB === group.id))
    .map((r) => (r.groupA === group.id ? r.groupBName : r.groupAName));
}

/** Every recorded rivalry, active ones first. */
function RivalryOverview(props: { rivalries: Rivalry[] | undefined; onSelect: (groupId: string) => void }) {
  const t = useT();
  const items = [...(props.rivalries ?? [])].sort(
    (a, b) => (a.status === 'aktif' ? 0 : 1) - (b.status === 'aktif' ? 0 : 1),
  );
  return (
    <section aria-labelledby="ew-rivalries-heading">
      <h2 id="ew-rivalries-heading">{t('ew.rivalries.heading')}</h2>
      <ItemsTable
        caption={t('ew.rivalries.heading')}
        columns={[
          t('ew.rivalries.col.groups'),
          t('ew.rivalries.col.intensity'),
          t('ew.rivalries.col.status'),
          t('ew.rivalries.col.note'),
        ]}
        items={items}
        empty={t('ew.rivalries.empty')}
        isLoaded={Boolean(props.rivalries)}
        row={(r) => (
          <tr key={r.id}>
            <th scope="row">
              {r.groupAName} – {r.groupBName}
            </th>
            <td>
              <RivalryTag rivalry={r} />
            </td>
            <td>
              <Tag tone={r.status === 'aktif' ? 'danger' : 'muted'}>
                {t(r.status === 'aktif' ? 'ew.rivalry.aktif' : 'ew.rivalry.mereda')}
              </Tag>
            </td>
            <td>{r.note || '—'}</td>
          </tr>
        )}
      />
    </section>
  );
}

/** Registers a group (any staff role); the same name twice is refused by the server. */
function AddGroupForm(props: { onAdded: (group: Group) => void; onCancel: () => void }) {
  const t = useT();
  const { draft, set, field, isTooShort } = useDraft(
    {
      kind: 'perguruan_silat' as GroupKind,
      name: '',
      shortName: '',
      description: '',
    },
    { name: EW_TEXT.groupName, shortName: EW_TEXT.groupShortName, description: EW_TEXT.groupDescription },
  );
  const action = useFormSend(
    () =>
      createGroup({
        kind: draft.kind,
        name: draft.name.trim(),
        shortName: draft.shortName.trim(),
        description: draft.description.trim(),
      }),
    props.onAdded,
  );

  return (
    <FormBox
      id="ew-group-add"
      idPrefix="ew-group-add"
      heading={t('ew.groups.addHeading')}
      isGrid
      onSubmit={action.submit}
      error={action.error}
      submitLabel={t('ew.groups.addSubmit')}
      isSubmitOff={action.isBusy || isTooShort}
      onCancel={props.onCancel}
    >
      <SelectField
        id="ew-group-kind"
        label={t('ew.groups.kind')}
        value={draft.kind}
        onChange={(value) => set('kind', value as GroupKind)}
        options={GROUP_KINDS.map((k) => ({ value: k, label: groupKindLabel(t, k) }))}
      />
      <InputField id="ew-group-name" label={t('ew.groups.name')} required {...field('name')} />
      <InputField id="ew-group-short" label={t('ew.groups.shortName')} required {...field('shortName')} />
      <TextAreaField
        id="ew-group-description"
        label={t('ew.groups.description')}
        frameClass="op-form-title"
        rows={3}
        {...field('description')}
      />
    </FormBox>
  );
}
